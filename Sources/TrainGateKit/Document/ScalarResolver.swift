/// What a scalar means once resolved by the YAML 1.2 core schema.
public enum ScalarValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(String)
}

/// Scalar resolution by the YAML 1.2 core schema (YAML 1.2.2 §10.3.2), and nothing else.
///
/// Only `true`/`false` (and `True`, `TRUE`, `False`, `FALSE`) are booleans; `null`, `Null`,
/// `NULL`, `~` and the empty scalar are null; integers are decimal (`[-+]?[0-9]+`, so `017`
/// is seventeen), octal (`0o17`) or hexadecimal (`0x1F`); floats are the decimal, `.inf` and
/// `.nan` forms. Everything else is a string: YAML 1.1's `yes`, `no`, `on`, `off`, `NO` (the
/// Norway problem), sexagesimal `1:20` and timestamps. Quoted and block scalars, and scalars
/// tagged `!!str` or `!`, are always strings.
public enum ScalarResolver {
    /// The core-schema type of a scalar: its explicit tag if it has one, else what its style and
    /// text resolve to. Collections' tags never reach here.
    public static func type(of scalar: Scalar) -> CoreTag {
        if let tag = scalar.tag { return tag }
        if scalar.style.isQuotedOrBlock { return .str }
        return plainType(scalar.text)
    }

    /// The scalar's value under the core schema. An explicitly tagged scalar whose text does not
    /// fit its tag, or an integer outside 64 bits, resolves to `nil`.
    public static func resolve(_ scalar: Scalar) -> ScalarValue? {
        let text = scalar.text
        switch type(of: scalar) {
        case .str, .seq, .map: return .string(text)
        case .null: return isNull(text) ? .null : nil
        case .bool: return bool(text).map(ScalarValue.bool)
        case .int: return int(text).map(ScalarValue.int)
        case .float: return float(text).map(ScalarValue.float)
        }
    }

    /// Whether `text` fits the given scalar tag (used to validate explicit tags at load time).
    static func accepts(_ tag: CoreTag, _ text: String) -> Bool {
        switch tag {
        case .str: return true
        case .null: return isNull(text)
        case .bool: return bool(text) != nil
        case .int: return isIntSyntax(text)
        case .float: return isFloatSyntax(text) || isIntSyntax(text)
        case .seq, .map: return false
        }
    }

    /// The type a plain (unquoted, untagged) scalar resolves to.
    ///
    /// Most plain scalars are words (`web_crawl`, `opt_in`); their first byte rules out every
    /// other type without looking further, so resolving them allocates nothing.
    static func plainType(_ text: String) -> CoreTag {
        guard let first = text.utf8.first else { return .null }
        switch first {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
            if isIntSyntax(text) { return .int }
            if isFloatSyntax(text) { return .float }
            return .str
        case UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"):
            return isNull(text) ? .null : .str
        case UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"):
            return bool(text) != nil ? .bool : .str
        default:
            return .str
        }
    }

    // These two run on every plain scalar that starts like a null or a boolean: the length rules
    // out most texts, and the common spelling is compared first (equal small strings compare in
    // one step; a `switch` over strings tries every case the slow way).

    static func isNull(_ text: String) -> Bool {
        switch text.utf8.count {
        case 0: return true
        case 1: return text == "~"
        case 4: return text == "null" || text == "Null" || text == "NULL"
        default: return false
        }
    }

    static func bool(_ text: String) -> Bool? {
        switch text.utf8.count {
        case 4: return text == "true" || text == "True" || text == "TRUE" ? true : nil
        case 5: return text == "false" || text == "False" || text == "FALSE" ? false : nil
        default: return nil
        }
    }

    /// `[-+]?[0-9]+ | 0o[0-7]+ | 0x[0-9a-fA-F]+`
    static func isIntSyntax(_ text: String) -> Bool {
        let bytes = text.utf8
        var index = bytes.startIndex
        guard index != bytes.endIndex else { return false }
        if bytes[index] == UInt8(ascii: "0"), bytes.count > 2 {
            let marker = bytes[bytes.index(after: index)]
            if marker == UInt8(ascii: "o") { return bytes.dropFirst(2).allSatisfy { $0 >= 0x30 && $0 <= 0x37 } }
            if marker == UInt8(ascii: "x") { return bytes.dropFirst(2).allSatisfy(isHexDigit) }
        }
        if bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index = bytes.index(after: index) }
        guard index != bytes.endIndex else { return false }
        return bytes[index...].allSatisfy(isDigit)
    }

    /// The value of an integer in core-schema syntax, or nil if it is not one or overflows.
    static func int(_ text: String) -> Int? {
        guard isIntSyntax(text) else { return nil }
        if text.hasPrefix("0o") { return Int(text.dropFirst(2), radix: 8) }
        if text.hasPrefix("0x") { return Int(text.dropFirst(2), radix: 16) }
        return Int(text)
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)? | [-+]?\.(inf|Inf|INF) | \.(nan|NaN|NAN)`
    static func isFloatSyntax(_ text: String) -> Bool {
        switch text {
        case ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF":
            return true
        default: break
        }
        var rest = Substring(text).utf8[...]
        if let first = rest.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            rest = rest.dropFirst()
        }
        let intDigits = rest.prefix(while: isDigit).count
        rest = rest.dropFirst(intDigits)
        if rest.first == UInt8(ascii: ".") {
            rest = rest.dropFirst()
            let fractionDigits = rest.prefix(while: isDigit).count
            rest = rest.dropFirst(fractionDigits)
            if intDigits == 0 && fractionDigits == 0 { return false }
        } else if intDigits == 0 {
            return false
        }
        if let e = rest.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            rest = rest.dropFirst()
            if let sign = rest.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
                rest = rest.dropFirst()
            }
            let exponentDigits = rest.prefix(while: isDigit).count
            if exponentDigits == 0 { return false }
            rest = rest.dropFirst(exponentDigits)
        }
        return rest.isEmpty
    }

    /// The value of a core-schema float (or integer written where a float is expected).
    static func float(_ text: String) -> Double? {
        if isIntSyntax(text) {
            if let value = int(text) { return Double(value) }
            return text.hasPrefix("0") && text.count > 1 ? nil : Double(text)
        }
        guard isFloatSyntax(text) else { return nil }
        switch text {
        case ".nan", ".NaN", ".NAN": return .nan
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        default: return Double(text)  // syntax already checked; Swift parses every core form
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66)
    }
}
