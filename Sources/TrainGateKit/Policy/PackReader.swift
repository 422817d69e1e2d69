/// Reads a mapping in a pack strictly: unknown keys are errors with a suggestion, required
/// keys must be present, and every value has the type asked for.
struct PackReader {
    let node: Node
    let context: String

    init(_ node: Node, context: String, allowed: [String]) throws(PolicyError) {
        guard let entries = node.mapping else {
            throw .wrongType(node.location, key: context, expected: "a mapping", found: node.kindDescription)
        }
        for entry in entries where !allowed.contains(entry.key) {
            throw .unknownKey(entry.keyLocation, key: entry.key, suggestion: Suggestions.closest(to: entry.key, in: allowed))
        }
        self.node = node
        self.context = context
    }

    func optional(_ key: String) -> Node? {
        guard let value = node[key], !value.isNull else { return nil }
        return value
    }

    func required(_ key: String) throws(PolicyError) -> Node {
        guard let value = optional(key) else { throw .missingKey(node.location, key: key, context: context) }
        return value
    }

    func string(_ key: String) throws(PolicyError) -> String {
        try Self.text(required(key), key: key)
    }

    func optionalString(_ key: String) throws(PolicyError) -> String? {
        guard let value = optional(key) else { return nil }
        return try Self.text(value, key: key)
    }

    func date(_ key: String) throws(PolicyError) -> ISODate? {
        guard let value = optional(key) else { return nil }
        let text = try Self.text(value, key: key)
        guard let date = ISODate(parsing: text) else { throw .invalidDate(value.location, text: text) }
        return date
    }

    func bool(_ key: String) throws(PolicyError) -> Bool? {
        guard let value = optional(key) else { return nil }
        guard case .bool(let flag)? = value.value else {
            throw .wrongType(value.location, key: key, expected: "true or false", found: value.kindDescription)
        }
        return flag
    }

    func choice<T: RawRepresentable & CaseIterable>(_ key: String, as type: T.Type) throws(PolicyError) -> T where T.RawValue == String {
        let value = try required(key)
        let text = try Self.text(value, key: key)
        guard let choice = T(rawValue: text) else {
            throw .invalidValue(value.location, key: key, value: text, allowed: T.allCases.map(\.rawValue))
        }
        return choice
    }

    /// A scalar's text; collections and null are type errors.
    static func text(_ node: Node, key: String) throws(PolicyError) -> String {
        guard let scalar = node.scalar, !node.isNull else {
            throw .wrongType(node.location, key: key, expected: "a string", found: node.kindDescription)
        }
        return scalar.text
    }
}
