/// A TrainGate mapping under construction, for adapters: values are set by dotted path
/// (`rights.license.spdx`) and keep the location they were read from, so findings on the
/// adapted view point at the original file.
struct Draft: Sendable {
    /// Where the mapping itself is said to start (its first value, or the place it describes).
    var location: SourceLocation
    private var order: [String] = []
    private var values: [String: Value] = [:]

    private indirect enum Value: Sendable {
        case node(Node)
        case draft(Draft)
    }

    init(at location: SourceLocation) { self.location = location }

    /// Whether nothing has been set.
    var isEmpty: Bool { order.isEmpty }

    /// Whether a value is set at `path`.
    func has(_ path: String) -> Bool {
        let keys = path.split(separator: ".").map(String.init)
        var draft = self
        for (index, key) in keys.enumerated() {
            switch draft.values[key] {
            case nil: return false
            case .node: return index == keys.count - 1
            case .draft(let child): draft = child
            }
        }
        return true
    }

    /// Sets `node` at `path`, creating the mappings on the way at the node's location; nil does nothing.
    mutating func set(_ path: String, _ node: Node?) {
        guard let node else { return }
        let keys = path.split(separator: ".").map(String.init)
        set(keys[...], node)
    }

    /// Sets a string at `path`.
    mutating func set(_ path: String, text: String?, at location: SourceLocation) {
        guard let text else { return }
        set(path, .text(text, at: location))
    }

    private mutating func set(_ keys: ArraySlice<String>, _ node: Node) {
        let key = keys.first!
        if keys.count == 1 {
            if values[key] == nil { order.append(key) }
            values[key] = .node(node)
            return
        }
        var child: Draft
        if case .draft(let existing)? = values[key] {
            child = existing
        } else {
            child = Draft(at: node.location)
            if values[key] == nil { order.append(key) }
        }
        child.set(keys.dropFirst(), node)
        values[key] = .draft(child)
    }

    /// The mapping.
    var node: Node {
        Node(
            .mapping(
                order.map { key in
                    let value: Node
                    switch values[key]! {
                    case .node(let node): value = node
                    case .draft(let draft): value = draft.node
                    }
                    return MappingEntry(key: key, keyLocation: value.location, value: value)
                }), at: location)
    }
}

extension Node {
    /// A string scalar.
    static func text(_ text: String, at location: SourceLocation) -> Node {
        Node(.scalar(Scalar(text, style: .doubleQuoted)), at: location)
    }

    /// `true` or `false`.
    static func flag(_ value: Bool, at location: SourceLocation) -> Node {
        Node(.scalar(Scalar(value ? "true" : "false")), at: location)
    }

    /// A plain scalar (a number, `unknown`, a closed-vocabulary word) as written.
    static func plain(_ text: String, at location: SourceLocation) -> Node {
        Node(.scalar(Scalar(text)), at: location)
    }

    /// A number as a plain scalar: whole numbers without a fraction (`117553`, not `117553.0`).
    static func number(_ value: Double, at location: SourceLocation) -> Node {
        .plain(value.rounded() == value && abs(value) < 9e15 ? String(Int(value)) : String(value), at: location)
    }

    /// Several texts as one, paragraph by paragraph, at the first one's location; nil when there are none.
    static func paragraphs(_ texts: [Node]) -> Node? {
        guard let first = texts.first else { return nil }
        return .text(texts.compactMap(\.scalar?.text).joined(separator: "\n\n"), at: first.location)
    }

    /// A sequence; nil when `items` is empty.
    static func list(_ items: [Node], at location: SourceLocation? = nil) -> Node? {
        guard let first = items.first else { return nil }
        return Node(.sequence(items), at: location ?? first.location)
    }
}
