/// Renders values for findings' "expected" and "found" and for messages.
enum ValueText {
    /// A node as a short, YAML-like text: `true`, `web_crawl`, `[audio, text]`, `{3 keys}`.
    static func render(_ node: Node) -> String {
        switch node.content {
        case .scalar(let scalar):
            if node.isNull { return "null" }
            // At most 80 bytes is at most 80 characters: only longer texts are counted.
            let text =
                scalar.text.utf8.count > 80 && scalar.text.count > 80 ? String(scalar.text.prefix(80)) + "…" : scalar.text
            return scalar.style.isQuotedOrBlock && ScalarResolver.plainType(scalar.text) != .str ? "\"\(text)\"" : text
        case .sequence(let items):
            let shown = items.prefix(8).map(render).joined(separator: ", ")
            return "[\(shown)\(items.count > 8 ? ", …" : "")]"
        case .mapping(let entries):
            return "{\(entries.prefix(6).map(\.key).joined(separator: ", "))\(entries.count > 6 ? ", …" : "")}"
        }
    }
}

/// Value comparisons with one meaning each, shared by the leaf operators.
enum ValueCompare {
    /// Equal values: same core-schema type (integers and floats compare as numbers), same text
    /// for strings; lists item by item; mappings key by key, in any order.
    static func equal(_ a: Node, _ b: Node) -> Bool {
        switch (a.content, b.content) {
        case (.scalar, .scalar):
            switch (a.value, b.value) {
            case (.int(let x)?, .float(let y)?): return Double(x) == y
            case (.float(let x)?, .int(let y)?): return x == Double(y)
            case (.string(let x)?, .string(let y)?): return x == y
            case (let x, let y): return x != nil && x == y
            }
        case (.sequence(let x), .sequence(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
        case (.mapping(let x), .mapping(let y)):
            return x.count == y.count && x.allSatisfy { entry in b[entry.key].map { equal(entry.value, $0) } ?? false }
        default:
            return false
        }
    }

    /// Whether `list` holds an item equal to `value`.
    static func contains(_ list: [Node], _ value: Node) -> Bool {
        // A scalar's value is resolved once, not once per item.
        guard case .scalar = value.content else { return list.contains { equal($0, value) } }
        guard let resolved = value.value else { return false }
        return list.contains { item in
            guard case .scalar = item.content, let other = item.value else { return false }
            return sameScalar(other, resolved)
        }
    }

    /// `equal` on two resolved scalars.
    private static func sameScalar(_ x: ScalarValue, _ y: ScalarValue) -> Bool {
        switch (x, y) {
        case (.int(let a), .float(let b)): return Double(a) == b
        case (.float(let a), .int(let b)): return a == Double(b)
        default: return x == y
        }
    }

    /// A scalar's number, if it is one.
    static func number(_ node: Node) -> Double? {
        switch node.value {
        case .int(let x)?: return Double(x)
        case .float(let x)?: return x
        default: return nil
        }
    }
}
