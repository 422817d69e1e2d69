import Foundation

@testable import TrainGateKit

/// A JSON Schema (draft 2020-12) validator for `Node` trees, so YAML files are validated as a
/// YAML language server would see them: scalars resolve by the YAML 1.2 core schema (`1.10` is a
/// number, `no` a string, `~` null).
///
/// It implements exactly the keywords TrainGate's schemas use. Loading a schema that uses any
/// other keyword, a `$ref` other than `#/$defs/NAME`, a missing `$ref` target or a bad pattern
/// throws, so an unimplemented keyword can never make a document pass silently.
struct JSONSchemaValidator {
    /// Why a schema cannot be used.
    struct SchemaError: Error, CustomStringConvertible {
        let description: String
    }

    /// A JSON value with booleans kept apart from numbers (Foundation bridges both to NSNumber).
    indirect enum JSON: Equatable {
        case null
        case bool(Bool)
        case int(Int)
        case double(Double)
        case string(String)
        case array([JSON])
        case object([String: JSON])
    }

    static let annotations: Set<String> = ["$schema", "$id", "title", "description"]
    static let keywords: Set<String> = annotations.union([
        "$defs", "$ref", "type", "properties", "required", "additionalProperties", "enum", "const", "items", "pattern",
        "anyOf", "oneOf", "minItems", "minimum", "maximum", "minProperties", "maxProperties",
    ])
    static let typeNames: Set<String> = ["null", "boolean", "integer", "number", "string", "array", "object"]

    let root: JSON
    private var patterns: [String: NSRegularExpression] = [:]

    init(file: String) throws {
        try self.init(data: try Data(contentsOf: URL(fileURLWithPath: file)))
    }

    init(data: Data) throws {
        root = try Self.convert(JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]))
        try audit(root, at: "#")
    }

    static func convert(_ value: Any) throws -> JSON {
        switch value {
        case is NSNull: return .null
        case let string as String: return .string(string)
        case let number as NSNumber:
            // Booleans are NSNumbers of type "c" on every Foundation; JSON numbers never are.
            let type = String(cString: number.objCType)
            if type == "c" { return .bool(number.boolValue) }
            if type == "d" || type == "f" { return .double(number.doubleValue) }
            return .int(number.intValue)
        case let array as [Any]: return .array(try array.map(convert))
        case let object as [String: Any]: return .object(try object.mapValues(convert))
        default: throw SchemaError(description: "not JSON: \(value)")
        }
    }

    // MARK: Audit

    private mutating func audit(_ schema: JSON, at pointer: String) throws {
        if case .bool = schema { return }
        guard case .object(let members) = schema else {
            throw SchemaError(description: "\(pointer): a schema must be an object or a boolean")
        }
        for (keyword, value) in members {
            guard Self.keywords.contains(keyword) else {
                throw SchemaError(description: "\(pointer): keyword '\(keyword)' is not implemented by the test validator")
            }
            try audit(keyword: keyword, value, at: pointer + "/" + keyword)
        }
    }

    private mutating func audit(keyword: String, _ value: JSON, at pointer: String) throws {
        func fail(_ expected: String) -> SchemaError { SchemaError(description: "\(pointer): expected \(expected)") }
        switch (keyword, value) {
        case ("properties", .object(let schemas)), ("$defs", .object(let schemas)):
            for (name, schema) in schemas { try audit(schema, at: pointer + "/" + name) }
        case ("items", _), ("additionalProperties", _):
            try audit(value, at: pointer)
        case ("anyOf", .array(let schemas)), ("oneOf", .array(let schemas)):
            guard !schemas.isEmpty else { throw fail("a non-empty array") }
            for (index, schema) in schemas.enumerated() { try audit(schema, at: pointer + "/\(index)") }
        case ("$ref", .string(let reference)):
            guard resolve(reference) != nil else { throw SchemaError(description: "\(pointer): cannot resolve $ref '\(reference)'") }
        case ("type", .string(let name)):
            guard Self.typeNames.contains(name) else { throw fail("a JSON type name") }
        case ("type", .array(let names)):
            guard names.allSatisfy({ if case .string(let n) = $0 { return Self.typeNames.contains(n) } else { return false } }) else {
                throw fail("JSON type names")
            }
        case ("required", .array(let keys)):
            guard keys.allSatisfy({ if case .string = $0 { return true } else { return false } }) else { throw fail("strings") }
        case ("pattern", .string(let pattern)):
            do { patterns[pattern] = try NSRegularExpression(pattern: pattern) } catch { throw fail("a valid pattern") }
        case ("enum", .array), ("const", _): break
        case ("minItems", .int), ("minProperties", .int), ("maxProperties", .int): break
        case ("minimum", .int), ("minimum", .double), ("maximum", .int), ("maximum", .double): break
        case (_, .string) where Self.annotations.contains(keyword): break
        default: throw fail("a valid value for '\(keyword)'")
        }
    }

    /// The schema a `$ref` names; only `#/$defs/NAME` is supported.
    func resolve(_ reference: String) -> JSON? {
        let prefix = "#/$defs/"
        guard reference.hasPrefix(prefix), case .object(let members) = root,
            case .object(let definitions)? = members["$defs"]
        else { return nil }
        return definitions[String(reference.dropFirst(prefix.count))]
    }

    /// The compiled pattern (every pattern was compiled by the audit).
    func regex(_ pattern: String) -> NSRegularExpression { patterns[pattern]! }
}
