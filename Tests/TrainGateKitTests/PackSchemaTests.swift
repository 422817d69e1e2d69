import Foundation
import Testing

@testable import TrainGateKit

/// `policy-pack.schema.json` against the pack parser: every key `PackParser` and
/// `ConditionParser` accept, and every operator, is in the schema (and nothing more), so the
/// editor never flags a valid pack or misses a key the parser would reject.
@Suite("The policy-pack schema")
struct PackSchemaTests {
    typealias JSON = JSONSchemaValidator.JSON

    static func schema() throws -> JSONSchemaValidator { try SchemaExportTests.exported(.policyPack) }

    static func definition(_ name: String) throws -> [String: JSON] {
        guard case .object(let root) = try schema().root, case .object(let definitions)? = root["$defs"],
            case .object(let members)? = definitions[name]
        else { throw JSONSchemaValidator.SchemaError(description: "no $defs/\(name)") }
        return members
    }

    static func propertyNames(_ members: [String: JSON]) -> Set<String> {
        guard case .object(let properties)? = members["properties"] else { return [] }
        return Set(properties.keys)
    }

    static func strings(_ json: JSON?) -> [String] {
        guard case .array(let items)? = json else { return [] }
        return items.compactMap { if case .string(let text) = $0 { return text } else { return nil } }
    }

    @Test func packMetadataRuleCitationAndExampleKeys() throws {
        guard case .object(let root) = try Self.schema().root else {
            Issue.record("not an object")
            return
        }
        #expect(Self.propertyNames(root) == Set(PackParser.topKeys))
        #expect(Self.propertyNames(try Self.definition("metadata")) == Set(PackParser.metadataKeys))
        #expect(Self.propertyNames(try Self.definition("rule")) == Set(PackParser.ruleKeys))
        #expect(Self.propertyNames(try Self.definition("citation")) == Set(PackParser.citationKeys))
        #expect(Self.propertyNames(try Self.definition("examples")) == Set(PackParser.exampleKeys))
        for name in ["metadata", "rule", "citation", "examples"] {
            #expect(try Self.definition(name)["additionalProperties"] == .bool(false), "\(name)")
        }
    }

    @Test func everyConditionConstructIsABranchWithTheParsersKeys() throws {
        let branches = try Self.definition("condition")["anyOf"]
        guard case .array(let references)? = branches else {
            Issue.record("condition has no anyOf")
            return
        }
        let named = Set(
            references.compactMap { branch -> String? in
                guard case .object(let members) = branch, case .string(let reference)? = members["$ref"] else { return nil }
                return reference.replacingOccurrences(of: "#/$defs/", with: "")
            })
        #expect(named == Set(ConditionParser.composites + ConditionParser.quantifiers + ["leaf"]))
        for composite in ConditionParser.composites {
            #expect(Self.propertyNames(try Self.definition(composite)) == [composite])
        }
        for quantifier in ConditionParser.quantifiers {
            #expect(
                Self.propertyNames(try Self.definition(quantifier)) == Set(ConditionParser.keys(ofQuantifier: quantifier)), "\(quantifier)")
        }
        #expect(Self.propertyNames(try Self.definition("leaf")) == Set(["path"] + LeafOperator.all.map(\.name)))
    }

    @Test func enumerationsAreTheSwiftEnums() throws {
        func values(_ key: String) throws -> [String] {
            guard case .object(let properties)? = try Self.definition("rule")["properties"],
                case .object(let schema)? = properties[key]
            else { return [] }
            return Self.strings(schema["enum"])
        }
        #expect(try values("severity") == Severity.allCases.map(\.rawValue))
        #expect(try values("scope") == RuleScope.allCases.map(\.rawValue))
        #expect(try values("confidence") == Confidence.allCases.map(\.rawValue))
    }

    static func problems(_ yaml: String) throws -> [String] {
        try schema().validate(DocumentLoader.parseYAML(Array(yaml.utf8), file: "pack.yaml"))
    }

    static func pack(require: String) -> String {
        """
        apiVersion: traingate/v1
        kind: PolicyPack
        metadata: {name: p, title: P, version: 1.0.0, jurisdiction: EU, sources_as_of: 2026-07-27}
        rules:
          - id: R1
            title: T
            severity: high
            scope: source
            citations: [{instrument: I, ref: R}]
            require: \(require)
            message: m
            remediation: r
        """
    }

    @Test func validConditionsPass() throws {
        for condition in [
            "{path: access.lawful_access, equals: true}",
            "{all: [{path: a, exists: true}, {not: {path: b, in: [x, y]}}]}",
            "{each: 'sources[*].modalities', require: {path: x, nonempty: true}}",
            "{count: '$datasets[*]', where: {path: dataset.id, matches: '^a'}, min: 1}",
            "{path: collection_period.end, before: today}",
            "{path: size.value, min: {path: $model.x}}",
        ] {
            #expect(try Self.problems(Self.pack(require: condition)) == [], "\(condition)")
        }
    }

    @Test(
        "invalid conditions and rules are flagged",
        arguments: [
            "{path: a, equals: 1, in: [1]}",  // two operators
            "{path: a, equal: 1}",  // unknown operator
            "{path: a}",  // no operator
            "{count: a, where: {path: b, exists: true}}",  // count without a bound
            "{all: []}",  // empty composite
            "{each: a, require: {path: b, exists: true}, path: c}",  // a quantifier with a leaf key
            "{path: 'a[*].b', exists: true}",  // a leaf path naming many nodes
            "{path: a, exists: {path: b}}",  // exists takes a literal
            "{path: a, before: 02/08/2025}",  // not an ISO date
        ])
    func invalidConditionsAreFlagged(condition: String) throws {
        #expect(try !Self.problems(Self.pack(require: condition)).isEmpty)
    }

    @Test(
        "invalid rules are flagged",
        arguments: [
            ("severity: high", "severity: blocker"),
            ("severity: high", "severity: high\n    severity_: high"),
            ("citations: [{instrument: I, ref: R}]", "citations: []"),
            ("citations: [{instrument: I, ref: R}]", "citations: [{instrument: I}]"),
            ("id: R1", "id: R 1"),
            ("scope: source", "scope: sources"),
            ("sources_as_of: 2026-07-27", "sources_as_of: 27.07.2026"),
        ])
    func invalidRulesAreFlagged(original: String, replacement: String) throws {
        let pack = Self.pack(require: "{path: a, exists: true}")
        #expect(pack.contains(original))
        #expect(try !Self.problems(pack.replacingOccurrences(of: original, with: replacement)).isEmpty)
    }
}
