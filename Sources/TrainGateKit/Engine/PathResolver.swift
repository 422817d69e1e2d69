/// Where a path leads from a position: a node, or the nearest declared parent of a missing one.
struct Position {
    var node: Node
    /// The node's path in its document; built only when explaining.
    var path: String?

    func child(_ key: String, _ node: Node, explain: Bool) -> Position {
        Position(node: node, path: explain ? join(path, key) : nil)
    }

    func item(_ index: Int, _ node: Node, explain: Bool) -> Position {
        Position(node: node, path: explain ? "\(path ?? "")[\(index)]" : nil)
    }

    private func join(_ base: String?, _ key: String) -> String {
        guard let base, !base.isEmpty else { return key }
        return base + "." + key
    }
}

enum Resolution {
    case found(Position)
    /// The path does not lead to a declared value; `nearest` is the deepest node that exists.
    case missing(nearest: Position, path: String?)
}

enum PathResolver {
    /// Resolves a single-valued path.
    static func resolve(_ path: FieldPath, from current: Position, subject: Position, context: EvaluationContext, explain: Bool)
        -> Resolution
    {
        guard var position = start(path.root, current: current, subject: subject, context: context, explain: explain) else {
            return .missing(nearest: subject, path: explain ? path.description : nil)
        }
        if !explain { return fastResolve(path, from: position.node) }
        for (index, segment) in path.segments.enumerated() {
            guard let key = segment.key, let child = position.node[key], !child.isNull else {
                return .missing(nearest: position, path: fullPath(position, remaining: path, from: index))
            }
            position = position.child(key, child, explain: explain)
        }
        return position.node.isNull ? .missing(nearest: position, path: position.path) : .found(position)
    }

    /// The fast path of `resolve`: walks the mappings in place, building no positions or paths.
    private static func fastResolve(_ path: FieldPath, from start: Node) -> Resolution {
        var node = start
        for segment in path.segments {
            guard let key = segment.key, case .mapping(let entries) = node.content,
                let index = Node.index(of: key, in: entries), !entries[index].value.isNull
            else {
                return .missing(nearest: Position(node: node, path: nil), path: nil)
            }
            node = entries[index].value
        }
        // A path that is only a root (`$model`) reaches a null as the full resolve does.
        if path.segments.isEmpty && node.isNull { return .missing(nearest: Position(node: node, path: nil), path: nil) }
        return .found(Position(node: node, path: nil))
    }

    /// Resolves a quantifier's path to the items it ranges over, or nil with the nearest parent
    /// when part of it is missing. A path ending in a key must reach lists; their items are the
    /// items. `[*]` fans out over a list's items and goes on from each.
    static func items(_ path: FieldPath, from current: Position, subject: Position, context: EvaluationContext, explain: Bool)
        -> Result<[Position], MissingList>
    {
        var frontier: [Position]
        var segments = path.segments[...]
        if path.root == .datasets {
            frontier = context.datasets.enumerated().map { Position(node: $1, path: explain ? "$datasets[\($0)]" : nil) }
            segments = segments.dropFirst()
        } else {
            guard let start = start(path.root, current: current, subject: subject, context: context, explain: explain) else {
                return .failure(MissingList(nearest: subject, path: explain ? path.description : nil))
            }
            frontier = [start]
        }
        let endsFannedOut = path.root == .datasets && segments.isEmpty || (path.segments.last?.all ?? false)
        for (index, segment) in zip(segments.indices, segments) {
            var next: [Position] = []
            for position in frontier {
                guard let key = segment.key, let child = position.node[key], !child.isNull else {
                    return .failure(MissingList(nearest: position, path: explain ? fullPath(position, remaining: path, from: index) : nil))
                }
                let reached = position.child(key, child, explain: explain)
                if segment.all {
                    guard let list = child.sequence else { return .failure(MissingList(nearest: reached, path: reached.path)) }
                    next += list.enumerated().map { reached.item($0, $1, explain: explain) }
                } else {
                    next.append(reached)
                }
            }
            frontier = next
        }
        if endsFannedOut { return .success(frontier) }
        var result: [Position] = []
        for position in frontier {
            guard let list = position.node.sequence else {
                return .failure(MissingList(nearest: position, path: position.path, notAList: true))
            }
            result += list.enumerated().map { position.item($0, $1, explain: explain) }
        }
        return .success(result)
    }

    private static func start(_ root: FieldPath.Root, current: Position, subject: Position, context: EvaluationContext, explain: Bool)
        -> Position?
    {
        switch root {
        case .current: return current
        case .model: return context.model.map { Position(node: $0, path: explain ? "$model" : nil) }
        case .dataset: return context.dataset.map { Position(node: $0, path: explain ? "$dataset" : nil) }
        case .source: return context.source.map { Position(node: $0, path: explain ? "$source" : nil) }
        case .datasets: return nil
        }
    }

    private static func fullPath(_ position: Position, remaining path: FieldPath, from index: Int) -> String {
        var text = position.path ?? ""
        for segment in path.segments[index...] {
            guard let key = segment.key else { continue }
            if !text.isEmpty { text += "." }
            text += key
        }
        return text
    }
}

/// A quantifier's list that is not there (or not a list).
struct MissingList: Error {
    var nearest: Position
    var path: String?
    var notAList = false
}
