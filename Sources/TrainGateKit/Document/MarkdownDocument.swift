/// A Markdown file with optional YAML front matter, as Hugging Face cards are written.
///
/// Front matter starts with `---` on the first line and ends at the next line that is `---` or
/// `...`; its Nodes carry line numbers of the `.md` file. The body is kept with its headings so
/// adapters can find sections by title.
public struct MarkdownDocument: Sendable, Equatable {
    /// The file's path.
    public var file: String
    /// The front matter's root node; nil when there is none or it holds only comments.
    public var frontMatter: Node?
    /// Where the opening `---` is, when the file has front matter.
    public var frontMatterLocation: SourceLocation?
    /// The 1-based line on which the body starts.
    public var bodyStartLine: Int
    /// The body's lines, without line terminators; line `i` of the array is file line `bodyStartLine + i`.
    public var bodyLines: [String]
    /// The body's headings, ATX (`## Title`) and setext (underlined), outside fenced code.
    public var headings: [MarkdownHeading]
}

/// A Markdown heading and where it is.
public struct MarkdownHeading: Sendable, Equatable {
    /// 1 to 6.
    public var level: Int
    /// The heading's text, trimmed, without `#` markers.
    public var text: String
    /// The 1-based line of the heading in the file (for setext headings, the text line).
    public var line: Int

    /// Creates a heading.
    public init(level: Int, text: String, line: Int) {
        self.level = level
        self.text = text
        self.line = line
    }
}

/// Splitting a Markdown file into front matter and body.
enum FrontMatter {
    /// The byte range of each line, without its terminator (`\n` or `\r\n`).
    static func lines(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        for index in 0..<bytes.count where bytes[index] == 0x0A {
            let end = index > start && bytes[index - 1] == 0x0D ? index - 1 : index
            result.append(start..<end)
            start = index + 1
        }
        if start < bytes.count { result.append(start..<bytes.count) }
        return result
    }

    /// Whether the line is exactly `marker`, allowing trailing spaces and tabs.
    static func isMarker(_ line: Range<Int>, _ marker: String, in bytes: UnsafeBufferPointer<UInt8>, skip: Int = 0) -> Bool {
        let text = bytes[(line.lowerBound + skip)..<line.upperBound]
        let trimmed = text.reversed().drop(while: { $0 == 0x20 || $0 == 0x09 }).reversed()
        return trimmed.elementsEqual(marker.utf8)
    }
}

/// Finding headings in Markdown body lines.
enum MarkdownHeadings {
    static func find(in lines: [String], firstLine: Int) -> [MarkdownHeading] {
        var headings: [MarkdownHeading] = []
        var fence: String?
        var previousParagraph: (text: String, line: Int)?
        for (offset, raw) in lines.enumerated() {
            let line = firstLine + offset
            let indent = raw.prefix(while: { $0 == " " }).count
            let text = raw.dropFirst(indent)
            if indent <= 3, let marker = ["```", "~~~"].first(where: { text.hasPrefix($0) }) {
                if fence == nil { fence = marker } else if fence == marker { fence = nil }
                previousParagraph = nil
                continue
            }
            if fence != nil { continue }
            if indent <= 3, let heading = atx(text, line: line) {
                headings.append(heading)
                previousParagraph = nil
                continue
            }
            let trimmed = text.trimmingSpaces()
            if indent <= 3, let paragraph = previousParagraph, !trimmed.isEmpty,
                trimmed.allSatisfy({ $0 == "=" }) || trimmed.allSatisfy({ $0 == "-" })
            {
                headings.append(MarkdownHeading(level: trimmed.first == "=" ? 1 : 2, text: paragraph.text, line: paragraph.line))
                previousParagraph = nil
                continue
            }
            previousParagraph = trimmed.isEmpty ? nil : (previousParagraph ?? (trimmed, line))
        }
        return headings
    }

    private static func atx(_ text: Substring, line: Int) -> MarkdownHeading? {
        let level = text.prefix(while: { $0 == "#" }).count
        guard (1...6).contains(level) else { return nil }
        let rest = text.dropFirst(level)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        var title = rest.trimmingSpaces()
        // An optional closing sequence of #s, preceded by a space.
        let closing = title.reversed().prefix(while: { $0 == "#" }).count
        if closing > 0 {
            let body = title.dropLast(closing)
            if body.isEmpty || body.last == " " || body.last == "\t" { title = body.trimmingSpaces() }
        }
        return MarkdownHeading(level: level, text: title, line: line)
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
