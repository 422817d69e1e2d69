@testable import TrainGateKit

/// A field a rule reads, as an absolute path in the document that holds it:
/// `DatasetManifest sources[].access.lawful_access`.
struct ReadPath: Hashable, CustomStringConvertible {
    enum Step: Hashable {
        case key(String)
        case items
    }

    var kind: String
    var steps: [Step]

    var description: String {
        var text = ""
        for step in steps {
            switch step {
            case .key(let key): text += text.isEmpty ? key : "." + key
            case .items: text += "[]"
            }
        }
        return "\(kind) \(text)"
    }
}

/// Every field the rules of a pack read: leaf paths and operand paths, quantified lists,
/// `when` conditions and message fields, resolved against the rule's scope and the `$model`,
/// `$dataset` and `$datasets` roots.
enum RuleReads {
    static func start(_ scope: RuleScope) -> ReadPath {
        switch scope {
        case .model: return ReadPath(kind: "ModelCard", steps: [])
        case .dataset: return ReadPath(kind: "DatasetManifest", steps: [])
        case .source: return ReadPath(kind: "DatasetManifest", steps: [.key("sources"), .items])
        case .record: return ReadPath(kind: "LedgerRow", steps: [])
        }
    }

    static func paths(of rule: Rule) -> [ReadPath] {
        let base = start(rule.scope)
        var paths = paths(in: rule.require, at: base)
        if let when = rule.when { paths += self.paths(in: when, at: base) }
        for case .field(let path) in rule.message.parts { paths.append(absolute(path, from: base)) }
        return paths
    }

    static func paths(in condition: Condition, at base: ReadPath) -> [ReadPath] {
        switch condition {
        case .leaf(let leaf):
            var paths = [absolute(leaf.path, from: base)]
            if case .path(let other) = leaf.operand { paths.append(absolute(other, from: base)) }
            return paths
        case .all(let parts, _), .any(let parts, _):
            return parts.flatMap { self.paths(in: $0, at: base) }
        case .not(let inner, _):
            return paths(in: inner, at: base)
        case .each(let path, let body, _), .some(let path, let body, _), .none(let path, let body, _):
            return [absolute(path, from: base)] + paths(in: body, at: items(of: path, from: base))
        case .count(let path, let filter, _, _, _):
            return [absolute(path, from: base)] + (filter.map { paths(in: $0, at: items(of: path, from: base)) } ?? [])
        }
    }

    static func absolute(_ path: FieldPath, from base: ReadPath) -> ReadPath {
        var result: ReadPath
        var segments = path.segments[...]
        switch path.root {
        case .current: result = base
        case .model: result = ReadPath(kind: "ModelCard", steps: [])
        case .dataset: result = ReadPath(kind: "DatasetManifest", steps: [])
        case .source: result = ReadPath(kind: "DatasetManifest", steps: [.key("sources"), .items])
        case .datasets:
            // `$datasets[*]` is the list of manifests' roots: its items are manifests.
            result = ReadPath(kind: "DatasetManifest", steps: [])
            segments = segments.dropFirst()
        }
        for segment in segments {
            if let key = segment.key { result.steps.append(.key(key)) }
            if segment.all { result.steps.append(.items) }
        }
        return result
    }

    /// Where a quantifier's body is evaluated: the items of the list the path names.
    static func items(of path: FieldPath, from base: ReadPath) -> ReadPath {
        var result = absolute(path, from: base)
        let fansOut = path.root == .datasets && path.segments.count == 1 || path.segments.last?.all == true
        if !fansOut { result.steps.append(.items) }
        return result
    }
}
