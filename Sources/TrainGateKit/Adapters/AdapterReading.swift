/// Reading values out of a foreign document for an adapter: the value's shape is checked, and a
/// value of the wrong shape is a located error rather than something quietly dropped — an
/// adapter never passes what it could not read.
struct AdapterReading {
    /// The format being read, for messages.
    var format: InputFormat

    /// A string (numbers are read as written); nil for absent, null, blank or a placeholder
    /// (`TODO`, `[More Information Needed]`, `{{ … }}`, an HTML comment): a placeholder is never a value.
    func text(_ node: Node?, _ path: String) throws(ArtifactError) -> Node? {
        guard let node, !node.isNull else { return nil }
        guard let scalar = node.scalar else { throw wrong(node, path, "text") }
        if case .bool? = node.value, !scalar.style.isQuotedOrBlock { throw wrong(node, path, "text") }
        return Placeholder.value(scalar.text).map { .text($0, at: node.location) }
    }

    /// A string that must be written as one (a name): a number or boolean is a wrong type.
    func string(_ node: Node?, _ path: String) throws(ArtifactError) -> Node? {
        guard let node, !node.isNull else { return nil }
        if let scalar = node.scalar, !scalar.style.isQuotedOrBlock, ScalarResolver.type(of: scalar) != .str {
            throw wrong(node, path, "text")
        }
        return try text(node, path)
    }

    /// A string or a list of strings (JSON-LD's "one or many"); empty when absent.
    func texts(_ node: Node?, _ path: String) throws(ArtifactError) -> [Node] {
        guard let node, !node.isNull else { return [] }
        if let items = node.sequence {
            var result: [Node] = []
            for (index, item) in items.enumerated() {
                // JSON-LD value objects: {"@value": "…"}.
                if item.mapping != nil, let value = item["@value"] {
                    if let text = try text(value, "\(path)[\(index)].@value") { result.append(text) }
                    continue
                }
                if let text = try text(item, "\(path)[\(index)]") { result.append(text) }
            }
            return result
        }
        if node.mapping != nil, let value = node["@value"] { return try text(value, path + ".@value").map { [$0] } ?? [] }
        return try text(node, path).map { [$0] } ?? []
    }

    /// A boolean; nil for absent or null.
    func flag(_ node: Node?, _ path: String) throws(ArtifactError) -> Bool? {
        guard let node, !node.isNull else { return nil }
        guard case .bool(let value)? = node.value else { throw wrong(node, path, "true or false") }
        return value
    }

    /// A number; nil for absent or null.
    func number(_ node: Node?, _ path: String) throws(ArtifactError) -> Double? {
        guard let node, !node.isNull else { return nil }
        switch node.value {
        case .int(let value)?: return Double(value)
        case .float(let value)? where value.isFinite: return value
        case .string(let text)?:
            // JSON-LD writes xsd:decimal as a string ("0.0048").
            if let value = Double(text.trimmingWhitespace()), value.isFinite { return value }
            throw wrong(node, path, "a number")
        default: throw wrong(node, path, "a number")
        }
    }

    /// A mapping; nil for absent or null.
    func object(_ node: Node?, _ path: String) throws(ArtifactError) -> Node? {
        guard let node, !node.isNull else { return nil }
        guard node.mapping != nil else { throw wrong(node, path, "an object") }
        return node
    }

    /// An object or a list of objects; empty when absent.
    func objects(_ node: Node?, _ path: String) throws(ArtifactError) -> [Node] {
        guard let node, !node.isNull else { return [] }
        if let items = node.sequence {
            var result: [Node] = []
            for (index, item) in items.enumerated() where !item.isNull {
                guard item.mapping != nil else { throw wrong(item, "\(path)[\(index)]", "an object") }
                result.append(item)
            }
            return result
        }
        guard node.mapping != nil else { throw wrong(node, path, "an object or a list of objects") }
        return [node]
    }

    /// A list; empty when absent.
    func list(_ node: Node?, _ path: String) throws(ArtifactError) -> [Node] {
        guard let node, !node.isNull else { return [] }
        guard let items = node.sequence else { throw wrong(node, path, "a list") }
        return items
    }

    /// A name: a string, or an object's `name` (schema.org Person/Organization, SPDX Agent).
    func name(_ node: Node?, _ path: String) throws(ArtifactError) -> Node? {
        guard let node, !node.isNull else { return nil }
        if node.mapping != nil {
            return try string(node["name"] ?? node["sc:name"] ?? node["schema:name"], path + ".name")
        }
        return try string(node, path)
    }

    func wrong(_ node: Node, _ path: String, _ expected: String) -> ArtifactError {
        .wrongType(node.location, path: "\(format.title) \(path)", expected: expected, found: node.kindDescription)
    }
}

/// JSON-LD key lookup that tolerates the spellings real files use: a compact IRI with any of
/// the given prefixes (`rai:dataCollection`), the bare term (`dataCollection`), or a full IRI
/// ending in the term (`http://mlcommons.org/croissant/RAI/dataCollection`).
enum LDKeys {
    /// The first entry of `node` whose key is `term` under one of `prefixes`, in the order the
    /// terms are given (so a canonical name wins over a variant).
    static func entry(_ node: Node, _ terms: [String], prefixes: [String]) -> MappingEntry? {
        guard let entries = node.mapping else { return nil }
        for term in terms {
            for entry in entries where matches(entry.key, term, prefixes: prefixes) { return entry }
        }
        return nil
    }

    /// The value for the first matching key.
    static func value(_ node: Node, _ terms: [String], prefixes: [String]) -> Node? {
        entry(node, terms, prefixes: prefixes)?.value
    }

    static func matches(_ key: String, _ term: String, prefixes: [String]) -> Bool {
        if key == term { return true }
        if let colon = key.firstIndex(of: ":"), key[key.index(after: colon)...] == term,
            prefixes.contains(String(key[..<colon]))
        {
            return true
        }
        return key.hasSuffix("/" + term) || key.hasSuffix("#" + term)
    }
}

extension StringProtocol {
    /// The text without leading and trailing whitespace and newlines.
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0.isWhitespace }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}

/// Turning a name into an id TrainGate accepts (`Common Voice` → `common-voice`).
enum Slug {
    static func make(_ text: String) -> String {
        var out = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                out.append(character)
            } else if !out.isEmpty && out.last != "-" {
                out.append("-")
            }
        }
        while out.last == "-" { out.removeLast() }
        return out.isEmpty ? "dataset" : String(out.prefix(80))
    }
}

/// ISO 8601 dates as adapters find them: `2024-03-01T10:00:00Z` → `2024-03-01`; nil for text
/// that does not start with a date TrainGate accepts.
enum DatePrefix {
    static func of(_ text: String) -> String? {
        let candidates = [10, 7, 4].map { String(text.prefix($0)) }
        return candidates.first { candidate in
            guard ISODate(parsing: candidate) != nil else { return false }
            let rest = text.dropFirst(candidate.count)
            return rest.isEmpty || rest.first == "T" || rest.first == " " || rest.first == "/"
        }
    }
}
