/// A sequence or mapping under construction.
struct Frame {
    let isMapping: Bool
    let location: SourceLocation
    let anchor: String?
    var items: [Node] = []
    var entries: [MappingEntry] = []
    /// A mapping's key waiting for its value.
    var pendingKey: (text: String, location: SourceLocation)?
    /// Keys seen so far, built only once a mapping is large enough for a linear scan to cost.
    var keySet: Set<String>?
    /// Nodes in this subtree, counting what aliases copied into it.
    var size = 1

    init(isMapping: Bool, location: SourceLocation, anchor: String?) {
        self.isMapping = isMapping
        self.location = location
        self.anchor = anchor
    }

    /// Where `key` was first defined in this mapping, if it already was.
    mutating func firstDefinition(of key: String) -> SourceLocation? {
        if keySet == nil {
            if entries.count < 16 { return entries.first { $0.key == key }?.keyLocation }
            keySet = Set(entries.map(\.key))
        }
        guard keySet!.contains(key) else {
            keySet!.insert(key)
            return nil
        }
        return entries.first { $0.key == key }?.keyLocation
    }
}

/// The composer's state within one document.
struct BuildState {
    var stack: [Frame] = []
    var root: Node?
    var anchors: [String: (node: Node, size: Int)] = [:]
    /// Nodes written in the source (scalars, sequences, mappings; not aliases).
    var written = 0
    /// Nodes that aliases added.
    var expanded = 0

    /// Whether the next node is a mapping key.
    var expectsKey: Bool {
        guard !stack.isEmpty else { return false }
        let top = stack.count - 1
        return stack[top].isMapping && stack[top].pendingKey == nil
    }

    /// Adds a finished node (of `size` nodes) to the open collection, or makes it the root.
    mutating func add(_ node: Node, size: Int) throws(DocumentError) {
        guard !stack.isEmpty else {
            root = node
            return
        }
        let top = stack.count - 1
        stack[top].size += size
        guard stack[top].isMapping else {
            stack[top].items.append(node)
            return
        }
        if let key = stack[top].pendingKey {
            stack[top].entries.append(MappingEntry(key: key.text, keyLocation: key.location, value: node))
            stack[top].pendingKey = nil
            return
        }
        guard case .scalar(let scalar) = node.content else { throw .nonScalarKey(node.location) }
        if scalar.text == "<<" && scalar.style == .plain && scalar.tag == nil {
            throw .mergeKey(node.location)
        }
        if let first = stack[top].firstDefinition(of: scalar.text) {
            throw .duplicateKey(scalar.text, node.location, first: first)
        }
        stack[top].pendingKey = (scalar.text, node.location)
    }

    /// Closes the innermost collection and adds it to its parent.
    mutating func close() throws(DocumentError) {
        let frame = stack.removeLast()
        let content: Node.Content = frame.isMapping ? .mapping(frame.entries) : .sequence(frame.items)
        let node = Node(content, at: frame.location)
        if let anchor = frame.anchor { anchors[anchor] = (node, frame.size) }
        try add(node, size: frame.size)
    }
}
