/// A sequence or mapping under construction. Its children live on `BuildState`'s scratch
/// stacks from `start` on, so each finished collection is copied out once, at its exact size,
/// instead of growing an array of its own.
struct Frame {
    let isMapping: Bool
    let location: SourceLocation
    let anchor: String?
    /// Where this collection's children begin on the scratch stack of its kind.
    let start: Int
    /// A mapping's key waiting for its value.
    var pendingKey: (text: String, location: SourceLocation)?
    /// Keys seen so far, built only once a mapping is large enough for a linear scan to cost.
    var keySet: Set<String>?
    /// Nodes in this subtree, counting what aliases copied into it.
    var size = 1
    /// Levels of collections below this one, counting what aliases copied in (0 for leaves only).
    var height = 0
}

/// The composer's state within one document.
struct BuildState {
    var stack: [Frame] = []
    var items: [Node] = []
    var entries: [MappingEntry] = []
    var root: Node?
    var anchors: [String: (node: Node, size: Int, height: Int)] = [:]
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

    /// Opens a sequence or mapping.
    mutating func open(isMapping: Bool, location: SourceLocation, anchor: String?) {
        stack.append(
            Frame(
                isMapping: isMapping, location: location, anchor: anchor,
                start: isMapping ? entries.count : items.count))
    }

    /// Adds a finished node (of `size` nodes, with `height` levels of collections) to the open
    /// collection, or makes it the root.
    mutating func add(_ node: Node, size: Int, height: Int = 0) throws(DocumentError) {
        guard !stack.isEmpty else {
            root = node
            return
        }
        let top = stack.count - 1
        stack[top].size += size
        stack[top].height = max(stack[top].height, height)
        guard stack[top].isMapping else {
            items.append(node)
            return
        }
        if let key = stack[top].pendingKey {
            entries.append(MappingEntry(key: key.text, keyLocation: key.location, value: node))
            stack[top].pendingKey = nil
            return
        }
        guard case .scalar(let scalar) = node.content else { throw .nonScalarKey(node.location) }
        if scalar.text == "<<" && scalar.style == .plain && scalar.tag == nil {
            throw .mergeKey(node.location)
        }
        if let first = firstDefinition(of: scalar.text, in: top) {
            throw .duplicateKey(scalar.text, node.location, first: first)
        }
        stack[top].pendingKey = (scalar.text, node.location)
    }

    /// Closes the innermost collection and adds it to its parent.
    mutating func close() throws(DocumentError) {
        let frame = stack.removeLast()
        let content: Node.Content
        if frame.isMapping {
            content = .mapping(Array(entries[frame.start...]))
            entries.removeSubrange(frame.start...)
        } else {
            content = .sequence(Array(items[frame.start...]))
            items.removeSubrange(frame.start...)
        }
        let node = Node(content, at: frame.location)
        if let anchor = frame.anchor { anchors[anchor] = (node, frame.size, frame.height + 1) }
        try add(node, size: frame.size, height: frame.height + 1)
    }

    /// Where `key` was first defined in the mapping at `index` of the stack, if it already was.
    private mutating func firstDefinition(of key: String, in index: Int) -> SourceLocation? {
        let start = stack[index].start
        let count = entries.count - start
        if stack[index].keySet == nil {
            if count < 16 {
                let length = key.utf8.count
                for position in start..<entries.count
                where entries[position].key.utf8.count == length && entries[position].key == key {
                    return entries[position].keyLocation
                }
                return nil
            }
            stack[index].keySet = Set(entries[start...].map(\.key))
        }
        guard stack[index].keySet!.insert(key).inserted else {
            return entries[start...].first { $0.key == key }?.keyLocation
        }
        return nil
    }
}
