/// Text made safe for XML 1.0 documents.
enum XMLText {
    /// `text` escaped for a double- or single-quoted attribute value: the five predefined
    /// entities, tabs and line breaks as character references (attribute-value normalisation
    /// would fold them into spaces), and the characters XML 1.0 forbids dropped.
    static func attribute(_ text: String) -> String { escape(text, keepingLayout: false) }

    /// `text` escaped for element content: as `attribute(_:)`, but tabs and line feeds stay as
    /// they are so a multi-line body stays readable. Carriage returns are character references,
    /// because parsers turn a literal CR LF into LF.
    static func content(_ text: String) -> String { escape(text, keepingLayout: true) }

    private static func escape(_ text: String, keepingLayout: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t" where keepingLayout, "\n" where keepingLayout: out.unicodeScalars.append(scalar)
            case "\t", "\n", "\r": out += "&#\(scalar.value);"
            default: if isAllowed(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// XML 1.0's `Char` production less tab, LF and CR (handled above): no other control
    /// characters, and no U+FFFE or U+FFFF (Swift strings hold no lone surrogates).
    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}
