/// The lines around a place in an input, taken from the text the check read (never from the file
/// again, which may have changed since): what the HTML report shows under a finding.
struct SourceExcerpts {
    /// One line of an excerpt.
    struct Line: Equatable {
        var number: Int
        var text: String
        /// Whether it is the line the finding points at.
        var marked: Bool
        /// Whether the text was cut at `maxLineCharacters`.
        var cut: Bool
    }

    /// Lines shown before and after the marked one.
    static let context = 2
    /// Characters shown of a long line (minified JSON can be one line of megabytes).
    static let maxLineCharacters = 160

    private let texts: [String: [UInt8]]
    /// Where each line starts, by file, worked out once per file.
    private var lineStarts: [String: [Int]] = [:]

    init(_ texts: [String: [UInt8]]) { self.texts = texts }

    /// The lines around `line` of `file`; empty when the text was not kept or has no such line.
    mutating func lines(around line: Int, of file: String) -> [Line] {
        guard let bytes = texts[file], line >= 1 else { return [] }
        let starts = self.starts(of: file, bytes)
        guard line <= starts.count else { return [] }
        let first = max(1, line - Self.context)
        let last = min(starts.count, line + Self.context)
        return (first...last).map { number in
            let start = starts[number - 1]
            var end = number < starts.count ? starts[number] - 1 : bytes.count
            if end > start, bytes[end - 1] == 0x0D { end -= 1 }
            var text = String(decoding: bytes[start..<end], as: UTF8.self)
            let cut = text.count > Self.maxLineCharacters
            if cut { text = String(text.prefix(Self.maxLineCharacters)) }
            return Line(number: number, text: text, marked: number == line, cut: cut)
        }
    }

    private mutating func starts(of file: String, _ bytes: [UInt8]) -> [Int] {
        if let known = lineStarts[file] { return known }
        var starts = [0]
        for index in bytes.indices where bytes[index] == 0x0A && index + 1 < bytes.count { starts.append(index + 1) }
        lineStarts[file] = starts
        return starts
    }
}
