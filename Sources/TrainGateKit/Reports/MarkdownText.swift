/// Text made safe for a cell of a GitHub-flavoured Markdown table.
enum MarkdownText {
    /// Prose: Markdown's inline punctuation backslash-escaped (so `*`, `_`, `[` or `<` in a
    /// justification cannot start emphasis, a link or HTML), `|` escaped so it cannot end the
    /// cell, `@` kept from mentioning anyone, line breaks as `<br>`, and other control characters
    /// dropped.
    static func cell(_ text: String) -> String {
        var out = ""
        var previousWasCR = false
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            defer {
                previousWasCR = scalar == "\r"
                previous = scalar
            }
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "&", "#", "!":
                out += "\\" + String(scalar)
            // A zero-width space after a mention's `@` keeps `@someone` or `@org/team` in an
            // input from notifying anyone when the report is posted as a pull-request comment;
            // an e-mail address (a word character before `@`) is no mention and stays as it is.
            case "@" where !(previous.map { $0.properties.isAlphabetic || ("0"..."9").contains($0) } ?? false):
                out += "@&#8203;"
            case "\n" where previousWasCR: continue
            case "\n", "\r": out += "<br>"
            case "\t": out += " "
            default: if scalar.value >= 0x20 && scalar.value != 0x7F { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// An identifier as a code span. Backslashes are literal inside a code span, so only `|`
    /// (which GitHub's tables read before code spans) is escaped and line breaks become spaces;
    /// text holding a backtick is written as escaped prose instead.
    static func code(_ text: String) -> String {
        if text.unicodeScalars.contains(where: { $0 == "`" || $0.value < 0x20 && $0 != "\n" && $0 != "\r" }) { return cell(text) }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "|": out += "\\|"
            case "\n", "\r": out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return "`\(out)`"
    }

    /// `[label](url)` for an http or https URL, else the label alone: no `javascript:` links in a
    /// pull-request comment. Characters that would end the link or the cell are percent-encoded.
    static func link(_ label: String, url: String?) -> String {
        guard let url, url.hasPrefix("https://") || url.hasPrefix("http://") else { return cell(label) }
        var target = ""
        for scalar in url.unicodeScalars {
            switch scalar {
            case " ", "(", ")", "<", ">", "|", "`", "\"", "\\", "[", "]":
                target += "%" + String(scalar.value, radix: 16, uppercase: true)
            default: if scalar.value > 0x20 && scalar.value != 0x7F { target.unicodeScalars.append(scalar) }
            }
        }
        return "[\(cell(label))](\(target))"
    }
}
