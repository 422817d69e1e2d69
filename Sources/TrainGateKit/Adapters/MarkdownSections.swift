#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A Markdown card's sections found by heading, whatever the level, case, or `[optional]` mark,
/// with template placeholders removed: an unfilled section is absent, never a disclosure.
struct MarkdownSections {
    /// One section: its heading and its own lines up to the next heading of the same or a higher level.
    struct Section {
        var heading: MarkdownHeading
        /// The heading as `normalise` makes it, computed once.
        var name: String
        /// The file lines of its body, nested headings excluded.
        var lines: [Int]
    }

    /// A section with its text: without headings, HTML comments and placeholders, and located at
    /// its first line of real text.
    struct Filled {
        var heading: MarkdownHeading
        var text: String
        var location: SourceLocation
    }

    let document: MarkdownDocument
    let sections: [Section]

    /// File lines inside an HTML comment or a fenced code block: not card text.
    let hidden: Set<Int>

    init(_ document: MarkdownDocument) {
        self.document = document
        var hidden = Set<Int>()
        var inComment = false
        var fence: String?
        for (offset, raw) in document.bodyLines.enumerated() {
            let line = document.bodyStartLine + offset
            if inComment || fence != nil { hidden.insert(line) }
            let trimmed = raw.trimmingWhitespace()
            if !inComment, let marker = ["```", "~~~"].first(where: { trimmed.hasPrefix($0) }) {
                if fence == nil {
                    fence = marker
                    hidden.insert(line)
                } else if fence == marker {
                    fence = nil
                }
                continue
            }
            if fence == nil { _ = Placeholder.stripComments(raw, inComment: &inComment) }
        }
        self.hidden = hidden
        let headings = document.headings.filter { !hidden.contains($0.line) }
        let bodyEnd = document.bodyStartLine + document.bodyLines.count
        var sections: [Section] = []
        for (index, heading) in headings.enumerated() {
            let end = headings[(index + 1)...].first { $0.level <= heading.level }?.line ?? bodyEnd
            let nested = Set(headings[(index + 1)...].prefix { $0.line < end }.map(\.line))
            let lines = ((heading.line + 1)..<max(heading.line + 1, end)).filter { !nested.contains($0) }
            sections.append(Section(heading: heading, name: Self.normalise(heading.text), lines: lines))
        }
        self.sections = sections
    }

    /// A section's text, cleaned (done only for the sections asked for: cleaning is the costly part).
    func filled(_ section: Section) -> Filled? {
        let lines = section.lines.compactMap { line -> (Int, String)? in
            let offset = line - document.bodyStartLine
            return document.bodyLines.indices.contains(offset) ? (line, document.bodyLines[offset]) : nil
        }
        guard let cleaned = Placeholder.clean(lines) else { return nil }
        return Filled(
            heading: section.heading, text: cleaned.text,
            location: SourceLocation(file: document.file, line: cleaned.line, column: 1))
    }

    /// The first filled section whose normalised heading is one of `names`.
    func first(_ names: [String]) -> Filled? {
        for name in names {
            for section in sections where section.name == name {
                if let filled = filled(section) { return filled }
            }
        }
        return nil
    }

    /// A filled section's text as a located string.
    func text(_ names: [String]) -> Node? {
        first(names).map { .text($0.text, at: $0.location) }
    }

    /// Whether a section with one of `names` exists (filled or not).
    func exists(_ names: [String]) -> MarkdownHeading? {
        sections.first { names.contains($0.name) }?.heading
    }

    /// The value of a bullet such as `- **Developed by:** Example Org`, if filled.
    func bullet(_ label: String) -> Node? {
        for (offset, raw) in document.bodyLines.enumerated() where !hidden.contains(document.bodyStartLine + offset) {
            var line = raw.trimmingWhitespace()
            guard line.hasPrefix("- ") || line.hasPrefix("* ") else { continue }
            line = String(line.dropFirst(2)).replacing("**", with: "").replacing("__", with: "")
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = Self.normalise(String(line[..<colon]))
            guard name == label else { continue }
            let value = Placeholder.clean([(0, String(line[line.index(after: colon)...]))])
            guard let text = value?.text else { return nil }
            let column = (raw.firstRange(of: text).map { raw.distance(from: raw.startIndex, to: $0.lowerBound) } ?? 0) + 1
            return .text(text, at: SourceLocation(file: document.file, line: document.bodyStartLine + offset, column: column))
        }
        return nil
    }

    /// Lower case, without `[optional]`, emphasis, trailing colons or extra spaces.
    static func normalise(_ heading: String) -> String {
        var text = heading.lowercased().replacing("[optional]", with: "")
        text = text.replacing("*", with: "").replacing("`", with: "")
        while let last = text.last, last == ":" || last == " " { text.removeLast() }
        return text.split(separator: " ").joined(separator: " ")
    }
}

/// Template text that is not an answer.
enum Placeholder {
    /// Whole-value placeholders, compared lower-cased without surrounding punctuation.
    static let markers: Set<String> = [
        "more information needed", "needs more information", "todo", "tbd", "tba", "to be added",
        "coming soon", "to-fill-here", "fill in", "fill me", "xxx",
    ]

    /// `lines` without HTML comments, template braces and placeholder lines, joined; with the
    /// line of the first text left, or nil when no letter or digit is left. Linear in the text.
    static func clean(_ lines: [(Int, String)]) -> (text: String, line: Int)? {
        var kept: [(Int, String)] = []
        var inComment = false
        for (number, raw) in lines {
            var out = stripComments(raw, inComment: &inComment)
            out = removeSpans(out, "{{", "}}")
            out = removeSpans(out, "{%", "%}")
            out = removeBracketMarkers(out)
            if isPlaceholderLine(out) { out = "" }
            kept.append((number, out))
        }
        let hasText: (String) -> Bool = { $0.unicodeScalars.contains { ScalarClass.alphanumeric.contains($0) } }
        guard let first = kept.first(where: { hasText($0.1) }) else { return nil }
        let text = kept.drop { !hasText($0.1) }.map(\.1).joined(separator: "\n").trimmingWhitespace()
        return (text, first.0)
    }

    /// A value read from metadata (front matter, JSON) with placeholders removed; nil when nothing is left.
    static func value(_ text: String) -> String? {
        clean([(0, text)])?.text
    }

    /// The line without `<!-- … -->`; `inComment` carries an open comment to the next line.
    static func stripComments(_ line: String, inComment: inout Bool) -> String {
        if !inComment && !line.utf8.contains(UInt8(ascii: "<")) { return line }
        var out = ""
        var index = line.startIndex
        while index < line.endIndex {
            if inComment {
                guard let close = line[index...].firstRange(of: "-->") else { return out }
                index = close.upperBound
                inComment = false
            } else if let open = line[index...].firstRange(of: "<!--") {
                out += line[index..<open.lowerBound]
                index = open.upperBound
                inComment = true
            } else {
                out += line[index...]
                break
            }
        }
        return out
    }

    /// The text without every `open … close` span (an unclosed one runs to the end).
    static func removeSpans(_ text: String, _ open: String, _ close: String) -> String {
        guard text.contains(open) else { return text }
        var out = ""
        var index = text.startIndex
        while let start = text[index...].firstRange(of: open) {
            out += text[index..<start.lowerBound]
            guard let end = text[start.upperBound...].firstRange(of: close) else { return out }
            index = end.upperBound
        }
        out += text[index...]
        return out
    }

    /// The text without `[More Information Needed]`/`[Needs More Information]`, with or without a link.
    static func removeBracketMarkers(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "[")) else { return text }
        var out = ""
        var index = text.startIndex
        while let open = text[index...].firstIndex(of: "[") {
            out += text[index..<open]
            guard let close = text[open...].firstIndex(of: "]") else {
                out += text[open...]
                return out
            }
            let inner = text[text.index(after: open)..<close].lowercased()
            var end = text.index(after: close)
            if inner == "more information needed" || inner == "needs more information" {
                if text[end...].hasPrefix("("), let paren = text[end...].firstIndex(of: ")") { end = text.index(after: paren) }
            } else {
                out += text[open..<end]
            }
            index = end
        }
        out += text[index...]
        return out
    }

    /// Whether a line says nothing: a bare marker (`TODO`, `More information needed.`), a line
    /// opening with `TODO:`, or a bullet label whose value is empty or a marker
    /// (`- **Developed by:** TODO`).
    static func isPlaceholderLine(_ line: String) -> Bool {
        var text = line.trimmingWhitespace()
        guard !text.isEmpty else { return false }
        if text.count <= 40, markers.contains(bare(text)) { return true }
        let lower = text.lowercased()
        if lower.hasPrefix("todo:") || lower.hasPrefix("tbd:") { return true }
        // A bullet or a bold label: `- **Label:** value`.
        if text.hasPrefix("- ") || text.hasPrefix("* ") || text.hasPrefix("+ ") { text = String(text.dropFirst(2)) }
        guard text.hasPrefix("**") || text.hasPrefix("__") || line.trimmingWhitespace() != text else { return false }
        text = text.replacing("**", with: "").replacing("__", with: "")
        guard let colon = text.firstIndex(of: ":") else { return false }
        let value = text[text.index(after: colon)...].trimmingWhitespace()
        return value.isEmpty || (value.count <= 40 && markers.contains(bare(value)))
    }

    /// Lower-cased, without surrounding punctuation, emphasis or spaces.
    static func bare(_ text: String) -> String {
        text.lowercased().trimming {
            ScalarClass.punctuation.contains($0) || ScalarClass.whitespace.contains($0) || "*_`".unicodeScalars.contains($0)
        }
    }
}
