import Foundation

@testable import TrainGateKit

extension JSONSchemaValidator {
    /// The document's problems against the root schema, each as `line:column: path: message`;
    /// empty when it is valid.
    func validate(_ node: Node) -> [String] {
        problems(node, against: root, at: "")
    }

    func problems(_ node: Node, against schema: JSON, at path: String) -> [String] {
        switch schema {
        case .bool(true): return []
        case .bool(false): return [message(node, path, "nothing is allowed here")]
        case .object(let members):
            return members.sorted { $0.key < $1.key }.flatMap { check($0.key, $0.value, node, path, in: members) }
        default: return [message(node, path, "invalid schema")]
        }
    }

    private func check(_ keyword: String, _ value: JSON, _ node: Node, _ path: String, in members: [String: JSON]) -> [String] {
        switch keyword {
        case "type": return checkType(value, node, path)
        case "enum", "const": return checkValue(keyword, value, node, path)
        case "$ref":
            guard case .string(let reference) = value, let target = resolve(reference) else { return [message(node, path, "bad $ref")] }
            return problems(node, against: target, at: path)
        case "anyOf", "oneOf": return checkBranches(keyword, value, node, path)
        case "properties", "additionalProperties", "required", "minProperties", "maxProperties":
            return checkMapping(keyword, value, node, path, in: members)
        case "items", "minItems": return checkSequence(keyword, value, node, path)
        case "pattern", "minimum", "maximum": return checkScalar(keyword, value, node, path)
        case _ where Self.annotations.contains(keyword) || keyword == "$defs": return []
        default: return [message(node, path, "keyword '\(keyword)' is not implemented")]
        }
    }

    // MARK: Types and values

    /// The JSON types a node has: an integer is also a number.
    static func types(of node: Node) -> Set<String> {
        switch node.content {
        case .mapping: return ["object"]
        case .sequence: return ["array"]
        case .scalar:
            switch node.value {
            case .null?: return ["null"]
            case .bool?: return ["boolean"]
            case .int?: return ["integer", "number"]
            case .float(let number)?: return number.isFinite ? ["number"] : []
            case .string?: return ["string"]
            case nil: return []
            }
        }
    }

    private func checkType(_ value: JSON, _ node: Node, _ path: String) -> [String] {
        let allowed: [String]
        switch value {
        case .string(let name): allowed = [name]
        case .array(let names): allowed = names.compactMap { if case .string(let n) = $0 { return n } else { return nil } }
        default: return [message(node, path, "bad type keyword")]
        }
        if !Self.types(of: node).isDisjoint(with: allowed) { return [] }
        return [message(node, path, "expected \(allowed.joined(separator: " or ")), found \(node.kindDescription)")]
    }

    private func checkValue(_ keyword: String, _ value: JSON, _ node: Node, _ path: String) -> [String] {
        let candidates: [JSON]
        if keyword == "const" {
            candidates = [value]
        } else if case .array(let values) = value {
            candidates = values
        } else {
            candidates = []
        }
        if candidates.contains(where: { Self.equal($0, node) }) { return [] }
        return [
            message(node, path, "\(node.kindDescription) is not \(keyword == "const" ? "the constant" : "one of") \(Self.render(value))")
        ]
    }

    /// JSON equality with a node, by the node's core-schema value.
    static func equal(_ json: JSON, _ node: Node) -> Bool {
        switch (json, node.content) {
        case (.array(let items), .sequence(let nodes)):
            return items.count == nodes.count && zip(items, nodes).allSatisfy { equal($0, $1) }
        case (.object(let members), .mapping(let entries)):
            return members.count == entries.count
                && entries.allSatisfy { entry in members[entry.key].map { equal($0, entry.value) } ?? false }
        case (_, .scalar):
            switch (json, node.value) {
            case (.null, .null?): return true
            case (.bool(let a), .bool(let b)?): return a == b
            case (.string(let a), .string(let b)?): return a == b
            case (.int(let a), .int(let b)?): return a == b
            case (.int(let a), .float(let b)?): return Double(a) == b
            case (.double(let a), .float(let b)?): return a == b
            case (.double(let a), .int(let b)?): return a == Double(b)
            default: return false
            }
        default: return false
        }
    }

    private func checkBranches(_ keyword: String, _ value: JSON, _ node: Node, _ path: String) -> [String] {
        guard case .array(let branches) = value else { return [message(node, path, "bad \(keyword)")] }
        let results = branches.map { problems(node, against: $0, at: path) }
        let passing = results.filter(\.isEmpty).count
        if keyword == "anyOf" ? passing >= 1 : passing == 1 { return [] }
        if keyword == "oneOf" && passing > 1 { return [message(node, path, "matches \(passing) oneOf branches, expected exactly one")] }
        let reasons = results.map { $0.first ?? "" }.joined(separator: " | ")
        return [message(node, path, "matches no \(keyword) branch (\(reasons))")]
    }

    // MARK: Mappings, sequences, scalars

    private func checkMapping(_ keyword: String, _ value: JSON, _ node: Node, _ path: String, in members: [String: JSON]) -> [String] {
        guard let entries = node.mapping else { return [] }
        switch (keyword, value) {
        case ("properties", .object(let schemas)):
            return entries.flatMap { entry in schemas[entry.key].map { problems(entry.value, against: $0, at: join(path, entry.key)) } ?? []
            }
        case ("additionalProperties", _):
            var known: [String: JSON] = [:]
            if case .object(let schemas)? = members["properties"] { known = schemas }
            return entries.filter { known[$0.key] == nil }.flatMap { entry -> [String] in
                if case .bool(false) = value {
                    return ["\(entry.keyLocation.line):\(entry.keyLocation.column): \(join(path, entry.key)): unknown key"]
                }
                return problems(entry.value, against: value, at: join(path, entry.key))
            }
        case ("required", .array(let keys)):
            return keys.compactMap { key -> String? in
                guard case .string(let name) = key, node.entry(name) == nil else { return nil }
                return message(node, path, "missing required key '\(name)'")
            }
        case ("minProperties", .int(let bound)):
            return entries.count >= bound ? [] : [message(node, path, "expected at least \(bound) keys, found \(entries.count)")]
        case ("maxProperties", .int(let bound)):
            return entries.count <= bound ? [] : [message(node, path, "expected at most \(bound) keys, found \(entries.count)")]
        default: return [message(node, path, "bad \(keyword)")]
        }
    }

    private func checkSequence(_ keyword: String, _ value: JSON, _ node: Node, _ path: String) -> [String] {
        guard let items = node.sequence else { return [] }
        if keyword == "minItems" {
            guard case .int(let bound) = value else { return [message(node, path, "bad minItems")] }
            return items.count >= bound ? [] : [message(node, path, "expected at least \(bound) items, found \(items.count)")]
        }
        return items.enumerated().flatMap { problems($1, against: value, at: path + "[\($0)]") }
    }

    private func checkScalar(_ keyword: String, _ value: JSON, _ node: Node, _ path: String) -> [String] {
        if keyword == "pattern" {
            guard case .string(let pattern) = value, case .string(let text)? = node.value else { return [] }
            let range = NSRange(text.startIndex..., in: text)
            if regex(pattern).firstMatch(in: text, range: range) != nil { return [] }
            return [message(node, path, "'\(text)' does not match /\(pattern)/")]
        }
        let number: Double
        switch node.value {
        case .int(let n)?: number = Double(n)
        case .float(let n)? where n.isFinite: number = n
        default: return []
        }
        let bound: Double
        switch value {
        case .int(let n): bound = Double(n)
        case .double(let n): bound = n
        default: return [message(node, path, "bad \(keyword)")]
        }
        if keyword == "minimum" ? number >= bound : number <= bound { return [] }
        return [message(node, path, "\(number) is \(keyword == "minimum" ? "below the minimum" : "above the maximum") \(bound)")]
    }

    // MARK: Messages

    private func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : path + "." + key }

    private func message(_ node: Node, _ path: String, _ text: String) -> String {
        "\(node.location.line):\(node.location.column): \(path.isEmpty ? "(root)" : path): \(text)"
    }

    static func render(_ json: JSON) -> String {
        switch json {
        case .null: return "null"
        case .bool(let flag): return String(flag)
        case .int(let number): return String(number)
        case .double(let number): return String(number)
        case .string(let text): return "'\(text)'"
        case .array(let items): return "[" + items.map(render).joined(separator: ", ") + "]"
        case .object(let members): return "{" + members.keys.sorted().joined(separator: ", ") + "}"
        }
    }
}
