import Testing

@testable import TrainGateKit

/// Every field a built-in rule reads must exist in the file schemas: a misspelt path would make
/// its rule report "missing" forever, and a field the schema lacks would warn in every manifest
/// that declares it.
@Suite("Rule paths exist in the schemas")
struct RulePathTests {
    /// The type a path leads to from `current`, or nil when a step is not in the schema.
    static func type(of path: FieldPath, from current: FieldType) -> FieldType? {
        var type: FieldType
        var segments = path.segments[...]
        switch path.root {
        case .current: type = current
        case .model: type = ArtifactSchemas.modelCard
        case .dataset: type = ArtifactSchemas.datasetManifest
        case .source: type = ArtifactSchemas.source
        case .datasets:
            type = ArtifactSchemas.datasetManifest
            segments = segments.dropFirst()
        }
        for segment in segments {
            guard let key = segment.key else { return nil }
            switch type {
            case .any: return .any
            case .object(let fields, _):
                guard let next = fields[key] else { return nil }
                type = next
            case .evidence:
                guard key == "path" || key == "sha256" else { return nil }
                type = .string
            default: return nil
            }
            if segment.all {
                guard case .list(let item) = type else { return nil }
                type = item
            }
        }
        return type
    }

    /// The type of a quantifier's items.
    static func itemType(of path: FieldPath, from current: FieldType) -> FieldType? {
        guard let type = type(of: path, from: current) else { return nil }
        if path.root == .datasets && path.segments.count == 1 || path.segments.last?.all == true { return type }
        if case .list(let item) = type { return item }
        if case .any = type { return .any }
        return nil
    }

    static func unknownPaths(in condition: Condition, from current: FieldType) -> [String] {
        switch condition {
        case .leaf(let leaf):
            var unknown = type(of: leaf.path, from: current) == nil ? [leaf.path.description] : []
            if case .path(let other) = leaf.operand, type(of: other, from: current) == nil { unknown.append(other.description) }
            return unknown
        case .all(let parts, _), .any(let parts, _):
            return parts.flatMap { unknownPaths(in: $0, from: current) }
        case .not(let inner, _):
            return unknownPaths(in: inner, from: current)
        case .each(let path, let body, _), .some(let path, let body, _), .none(let path, let body, _):
            guard let item = itemType(of: path, from: current) else { return [path.description] }
            return unknownPaths(in: body, from: item)
        case .count(let path, let filter, _, _, _):
            guard let item = itemType(of: path, from: current) else { return [path.description] }
            return filter.map { unknownPaths(in: $0, from: item) } ?? []
        }
    }

    static func start(_ scope: RuleScope) -> FieldType {
        switch scope {
        case .model: return ArtifactSchemas.modelCard
        case .dataset: return ArtifactSchemas.datasetManifest
        case .source: return ArtifactSchemas.source
        // Row fields: the record-rule compiler checks them when the pack loads.
        case .record: return .any
        }
    }

    @Test func everyPathEveryBuiltInRuleReadsIsInTheSchema() throws {
        var problems: [String] = []
        for pack in try PolicyLoader.builtInPacks(environment: [:]) {
            for rule in pack.rules {
                let start = Self.start(rule.scope)
                var unknown = Self.unknownPaths(in: rule.require, from: start)
                if let when = rule.when { unknown += Self.unknownPaths(in: when, from: start) }
                for case .field(let path) in rule.message.parts where Self.type(of: path, from: start) == nil {
                    unknown.append(path.description)
                }
                problems += unknown.map { "\(rule.id) (\(rule.location)): \($0)" }
            }
        }
        #expect(problems.isEmpty, "paths not in the schema:\n\(problems.joined(separator: "\n"))")
    }

    @Test func theCheckerItselfDetectsAnUnknownPath() throws {
        let condition = try ConditionParser.parse(
            DocumentLoader.parseYAML(
                "{all: [{path: access.lawful_acess, equals: true}, {each: modalities, require: {path: x, exists: true}}]}".bytes,
                file: "r.yaml"))
        #expect(Self.unknownPaths(in: condition, from: ArtifactSchemas.source) == ["access.lawful_acess", "x"])
    }
}
