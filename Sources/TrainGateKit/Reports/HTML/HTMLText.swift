/// Text from inputs and packs made safe for an HTML page.
///
/// Every value is escaped: the five characters that end text or an attribute (`&`, `<`, `>`, `"`,
/// `'`) become references, and characters a reader could not see or that would reorder what
/// follows (control characters other than tab and line feed, the bidirectional overrides and
/// isolates, the line and paragraph separators, invisible characters and Unicode
/// noncharacters) are written visibly as
/// `\u{…}`, so a value can neither add markup nor hide or disguise what it says.
enum HTMLText {
    /// `text` escaped for element content (tabs and line feeds kept).
    static func content(_ text: String) -> String { escape(text, keepingLayout: true) }

    /// `text` escaped for a quoted attribute value (tabs and line feeds as references).
    static func attribute(_ text: String) -> String { escape(text, keepingLayout: false) }

    private static func escape(_ text: String, keepingLayout: Bool) -> String {
        // Most values need nothing: they are kept, judged byte by byte without decoding.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && !isMarkup($0) }) { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n": if keepingLayout { out.unicodeScalars.append(scalar) } else { out += "&#\(scalar.value);" }
            default:
                if isHidden(scalar) {
                    out += "\\u{" + String(scalar.value, radix: 16) + "}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    private static func isMarkup(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"")
            || byte == UInt8(ascii: "'")
    }

    /// Scalars shown as `\u{…}`: C0 controls (tab and line feed are handled by the caller), DEL and
    /// C1 controls, bidirectional controls, line and paragraph separators, and noncharacters (which
    /// HTML forbids in a page).
    static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029, 0x200E, 0x200F, 0x061C, 0xFDD0...0xFDEF:
            return true
        // Invisible: the soft hyphen, the zero-width space, the word joiner and invisible
        // operators, the byte-order mark and tag characters, which can make two names look the
        // same. (The zero-width joiner and non-joiner are kept: scripts and emoji need them.)
        case 0x00AD, 0x200B, 0x2060...0x2064, 0xFEFF, 0xE0000...0xE007F:
            return true
        default:
            return scalar.value & 0xFFFE == 0xFFFE
        }
    }

    /// A link to `url` with `text` when it is an http(s) address; the text alone otherwise (a
    /// `javascript:` or `data:` address in a pack is never made a link).
    static func link(_ text: String, url: String?) -> String {
        guard let url, url.hasPrefix("https://") || url.hasPrefix("http://"), !url.unicodeScalars.contains(where: { $0.value <= 0x20 })
        else { return content(text) }
        return "<a href=\"\(attribute(url))\">\(content(text))</a>"
    }
}
