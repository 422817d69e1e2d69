/// Writing YAML text that re-reads as exactly what was written: scalars, keys and comments for
/// `traingate convert`. Strings are double-quoted with escapes (multi-line text is split at its
/// line breaks with escaped line breaks, so the source lines stay readable); plain scalars stay
/// plain only when the plain text reads back unchanged.
enum YAMLWriter {
    /// `text` as a scalar for a line indented `indent` spaces: continuation lines (multi-line
    /// text) are indented `indent + 2`.
    static func scalar(_ scalar: Scalar, indent: Int) -> String {
        if scalar.style == .plain, scalar.tag == nil, isSafePlain(scalar.text) { return scalar.text }
        return quoted(scalar.text, indent: indent)
    }

    /// Whether `text` written plain reads back as the same plain text: no indicator at the
    /// start, no `: ` or ` #`, no flow indicators, no line breaks or edge spaces.
    static func isSafePlain(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        // `-1` and `-.5` are plain numbers; `- x` would start a list.
        let dashNumber = first == "-" && text.unicodeScalars.dropFirst().first.map { $0 != " " } == true
        if !dashNumber, "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return false }
        if first == " " || last == " " || last == ":" { return false }
        if text.contains(": ") || text.contains(" #") { return false }
        return text.unicodeScalars.allSatisfy { scalar in
            scalar.value >= 0x20 && scalar.value < 0x7F && !",[]{}".unicodeScalars.contains(scalar)
        }
    }

    /// A double-quoted scalar. Text with line breaks is written one source line per YAML line:
    /// each break as `\n` followed by an escaped line break, and the next line's leading blanks
    /// escaped (YAML drops unescaped ones there).
    static func quoted(_ text: String, indent: Int) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let continuation = String(repeating: " ", count: indent + 2)
        var out = "\""
        for (index, line) in lines.enumerated() {
            if index > 0 { out += "\\n\\\n" + continuation }
            out += escape(line, leadingBlanks: index > 0)
        }
        return out + "\""
    }

    /// The escapes of a double-quoted line: `"`, `\`, control characters, and (on continuation
    /// lines) leading spaces and tabs.
    static func escape(_ text: Substring, leadingBlanks: Bool) -> String {
        var out = ""
        var atStart = leadingBlanks
        for scalar in text.unicodeScalars {
            if atStart, scalar == " " {
                out += "\\ "
                continue
            }
            if atStart, scalar == "\t" {
                out += "\\t"
                continue
            }
            atStart = false
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{85}": out += "\\N"
            case "\u{2028}": out += "\\L"
            case "\u{2029}": out += "\\P"
            case "\u{FEFF}": out += "\\uFEFF"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\x" + hex(scalar.value, digits: 2)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// A mapping key: plain when safe, quoted otherwise.
    static func key(_ text: String) -> String {
        isSafePlain(text) ? text : quoted(text, indent: 0)
    }

    /// Text for a comment: line breaks become spaces, since a comment ends at the line.
    static func commentText(_ text: String) -> String {
        String(
            text.unicodeScalars.map { scalar -> Character in
                scalar.properties.generalCategory == .lineSeparator || scalar.properties.generalCategory == .paragraphSeparator
                    || scalar == "\n" || scalar == "\r" || scalar == "\u{85}" ? " " : Character(scalar)
            })
    }

    /// `line` with `comment` after it, aligned to column `column` when the line is shorter.
    static func withComment(_ line: String, _ comment: String, column: Int = 40) -> String {
        let lastLine = line.split(separator: "\n", omittingEmptySubsequences: false).last.map(String.init) ?? line
        let padding = max(2, column - lastLine.count)
        return line + String(repeating: " ", count: padding) + "# " + commentText(comment)
    }

    /// Words wrapped to lines of about `width` characters.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in commentText(text).split(separator: " ") {
            if !current.isEmpty, current.count + 1 + word.count > width {
                lines.append(current)
                current = ""
            }
            current += (current.isEmpty ? "" : " ") + word
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
