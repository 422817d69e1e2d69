extension Node {
    /// The scalar, if this node is one.
    public var scalar: Scalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    /// The items, if this node is a sequence.
    public var sequence: [Node]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The entries in source order, if this node is a mapping.
    public var mapping: [MappingEntry]? {
        if case .mapping(let entries) = content { return entries }
        return nil
    }

    /// The entry for `key`, if this node is a mapping that has it.
    public func entry(_ key: String) -> MappingEntry? {
        guard case .mapping(let entries) = content, let index = Node.index(of: key, in: entries) else { return nil }
        return entries[index]
    }

    /// The position of `key` among `entries`. Lengths are compared first: most keys differ in
    /// length, and that test is cheap even for keys too long for Swift's inline small strings.
    static func index(of key: String, in entries: [MappingEntry]) -> Int? {
        let length = key.utf8.count
        return entries.firstIndex { $0.key.utf8.count == length && $0.key == key }
    }

    /// The value for `key`, if this node is a mapping that has it.
    public subscript(key: String) -> Node? { entry(key)?.value }

    /// The scalar's core-schema value; nil for collections and for text that does not fit its tag.
    public var value: ScalarValue? { scalar.flatMap(ScalarResolver.resolve) }

    /// Whether the node is a null scalar (`null`, `~`, empty, `!!null`).
    public var isNull: Bool {
        // Only the type is needed, not a converted value.
        guard case .scalar(let scalar) = content else { return false }
        return ScalarResolver.type(of: scalar) == .null && ScalarResolver.isNull(scalar.text)
    }

    /// What the node is, for error messages: `a mapping`, `string 'yes'`, `null`, …
    public var kindDescription: String {
        switch content {
        case .sequence(let items): return items.isEmpty ? "an empty sequence" : "a sequence"
        case .mapping(let entries): return entries.isEmpty ? "an empty mapping" : "a mapping"
        case .scalar(let scalar):
            let text = scalar.text.count > 40 ? String(scalar.text.prefix(40)) + "…" : scalar.text
            switch ScalarResolver.type(of: scalar) {
            case .null: return "null"
            case .bool: return "boolean '\(text)'"
            case .int: return "integer '\(text)'"
            case .float: return "number '\(text)'"
            case .str, .seq, .map: return "string '\(text)'"
            }
        }
    }

    /// The scalar's text, whatever type it resolves to, so `version: 1.10` reads as "1.10".
    ///
    /// Throws for null and for collections.
    public func string() throws(DocumentError) -> String {
        guard let scalar, !isNull else { throw mismatch("a string") }
        return scalar.text
    }

    /// A core-schema boolean: `true` or `false` only; `yes`, `on` and quoted `"true"` are errors.
    public func bool() throws(DocumentError) -> Bool {
        guard case .bool(let flag)? = value else { throw mismatch("a boolean (true or false)") }
        return flag
    }

    /// A core-schema integer (decimal, `0o` octal or `0x` hexadecimal) that fits in 64 bits.
    public func int() throws(DocumentError) -> Int {
        if case .int(let number)? = value { return number }
        if let scalar, ScalarResolver.type(of: scalar) == .int {
            throw .invalidValue(location, reason: "integer '\(scalar.text)' does not fit in 64 bits")
        }
        throw mismatch("an integer")
    }

    /// A number: a core-schema float or integer.
    public func double() throws(DocumentError) -> Double {
        switch value {
        case .float(let number)?: return number
        case .int(let number)?: return Double(number)
        default:
            if let scalar, let number = ScalarResolver.float(scalar.text),
                ScalarResolver.type(of: scalar) == .int
            {
                return number
            }
            throw mismatch("a number")
        }
    }

    /// An ISO 8601 date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, from a scalar's text.
    public func date() throws(DocumentError) -> ISODate {
        guard let scalar, !isNull else { throw mismatch("a date (YYYY, YYYY-MM or YYYY-MM-DD)") }
        guard let date = ISODate(parsing: scalar.text) else {
            throw .invalidValue(location, reason: "'\(scalar.text)' is not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)")
        }
        return date
    }

    private func mismatch(_ expected: String) -> DocumentError {
        .typeMismatch(location, expected: expected, found: kindDescription)
    }
}
