import Foundation

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

    init(_ document: MarkdownDocument) {
        self.document = document
        let headings = document.headings
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
        return Filled(heading: section.heading, text: cleaned.text,
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
        for (offset, raw) in document.bodyLines.enumerated() {
            var line = raw.trimmingWhitespace()
            guard line.hasPrefix("- ") || line.hasPrefix("* ") else { continue }
            line = String(line.dropFirst(2)).replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "")
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = Self.normalise(String(line[..<colon]))
            guard name == label else { continue }
            let value = Placeholder.clean([(0, String(line[line.index(after: colon)...]))])
            guard let text = value?.text else { return nil }
            let column = (raw.range(of: text).map { raw.distance(from: raw.startIndex, to: $0.lowerBound) } ?? 0) + 1
            return .text(text, at: SourceLocation(file: document.file, line: document.bodyStartLine + offset, column: column))
        }
        return nil
    }

    /// Lower case, without `[optional]`, emphasis, trailing colons or extra spaces.
    static func normalise(_ heading: String) -> String {
        var text = heading.lowercased().replacingOccurrences(of: "[optional]", with: "")
        text = text.replacingOccurrences(of: "*", with: "").replacingOccurrences(of: "`", with: "")
        while let last = text.last, last == ":" || last == " " { text.removeLast() }
        return text.split(separator: " ").joined(separator: " ")
    }
}

/// Template text that is not an answer.
enum Placeholder {
    static let markers = ["[more information needed]", "[needs more information]", "[more information needed]()",
                          "more information needed", "todo", "tbd", "to be added", "coming soon"]

    /// `lines` without HTML comments, template braces and placeholder-only lines, joined; with
    /// the line of the first text left, or nil when no letter or digit is left.
    static func clean(_ lines: [(Int, String)]) -> (text: String, line: Int)? {
        var kept: [(Int, String)] = []
        var inComment = false
        for (number, raw) in lines {
            var line = raw
            var out = ""
            // Most lines hold no comment, brace or marker: skip the searches for them.
            if !inComment && !raw.utf8.contains(UInt8(ascii: "<")) {
                out = raw
                line = ""
            }
            while !line.isEmpty {
                if inComment {
                    guard let close = line.range(of: "-->") else { line = ""; break }
                    line = String(line[close.upperBound...])
                    inComment = false
                } else if let open = line.range(of: "<!--") {
                    out += line[..<open.lowerBound]
                    line = String(line[open.upperBound...])
                    inComment = true
                } else {
                    out += line
                    line = ""
                }
            }
            let before = out
            if out.utf8.contains(UInt8(ascii: "{")) { out = removeBraces(out) }
            if out.utf8.contains(UInt8(ascii: "[")) || out.utf8.count <= 24 { out = removeMarkers(out) }
            // A bullet whose value was a placeholder (`- **Developed by:** [More Information Needed]`) says nothing.
            let label = out.filter { !"*_-> \t".contains($0) }
            if out != before, label.hasSuffix(":") { out = "" }
            kept.append((number, out))
        }
        let meaningful = kept.filter { $0.1.contains(where: { $0.isLetter || $0.isNumber }) }
        guard let first = meaningful.first else { return nil }
        let text = kept.drop { !$0.1.contains(where: { $0.isLetter || $0.isNumber }) }.map(\.1).joined(separator: "\n").trimmingWhitespace()
        return (text, first.0)
    }

    /// Removes `{{ … }}` and `{% … %}` template leftovers.
    private static func removeBraces(_ text: String) -> String {
        var out = text
        for (open, close) in [("{{", "}}"), ("{%", "%}")] {
            while let start = out.range(of: open) {
                guard let end = out.range(of: close, range: start.upperBound..<out.endIndex) else {
                    out.removeSubrange(start.lowerBound...)
                    break
                }
                out.removeSubrange(start.lowerBound..<end.upperBound)
            }
        }
        return out
    }

    /// Removes `[More Information Needed]` (with or without a link) and lines that are only a marker.
    private static func removeMarkers(_ text: String) -> String {
        var out = text
        for marker in ["[More Information Needed]", "[Needs More Information]"] {
            while let range = out.range(of: marker, options: .caseInsensitive) {
                var end = range.upperBound
                if out[end...].hasPrefix("("), let close = out[end...].firstIndex(of: ")") { end = out.index(after: close) }
                out.removeSubrange(range.lowerBound..<end)
            }
        }
        let bare = out.trimmingWhitespace().lowercased().trimmingCharacters(in: .punctuationCharacters)
        return markers.contains(bare) ? "" : out
    }
}
