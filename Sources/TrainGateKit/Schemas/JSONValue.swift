/// A JSON value, built in code and rendered byte-stably: the exported JSON Schemas are committed
/// files that a test compares byte for byte, so the rendering cannot depend on a platform's
/// `JSONSerialization` (whose spacing and escaping differ between Foundation implementations).
indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The value pretty-printed: two-space indent, keys sorted by their UTF-8 bytes, arrays of
    /// scalars on one line, and a trailing newline.
    var rendered: String {
        var text = ""
        render(into: &text, indent: "")
        return text + "\n"
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: return false
        default: return true
        }
    }

    private func render(into text: inout String, indent: String) {
        switch self {
        case .null: text += "null"
        case .bool(let flag): text += flag ? "true" : "false"
        case .int(let number): text += String(number)
        case .string(let string): text += JSONValue.quoted(string)
        case .array(let items): JSONValue.render(items, into: &text, indent: indent)
        case .object(let members): JSONValue.render(members, into: &text, indent: indent)
        }
    }

    private static func render(_ items: [JSONValue], into text: inout String, indent: String) {
        if items.allSatisfy(\.isScalar) {
            text += "["
            for (index, item) in items.enumerated() {
                if index > 0 { text += ", " }
                item.render(into: &text, indent: indent)
            }
            text += "]"
            return
        }
        let inner = indent + "  "
        text += "[\n"
        for (index, item) in items.enumerated() {
            text += inner
            item.render(into: &text, indent: inner)
            text += index == items.count - 1 ? "\n" : ",\n"
        }
        text += indent + "]"
    }

    private static func render(_ members: [String: JSONValue], into text: inout String, indent: String) {
        if members.isEmpty {
            text += "{}"
            return
        }
        let inner = indent + "  "
        let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        text += "{\n"
        for (index, key) in keys.enumerated() {
            text += inner + quoted(key) + ": "
            members[key]!.render(into: &text, indent: inner)
            text += index == keys.count - 1 ? "\n" : ",\n"
        }
        text += indent + "}"
    }

    /// A JSON string literal; only what JSON requires is escaped, so `/` and non-ASCII stay readable.
    static func quoted(_ string: String) -> String {
        var text = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text + "\""
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    init(stringLiteral value: String) { self = .string(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(integerLiteral value: Int) { self = .int(value) }
    init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(uniqueKeysWithValues: elements))
    }
}

extension JSONValue {
    /// An array of strings.
    static func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }
}
