/// The lines around a place in an input, taken from the text the check read (never from the file
/// again, which may have changed since): what the HTML report shows under a finding.
///
/// Lines are counted as the YAML parser counts them (a line ends at LF, CR LF, a lone CR, NEL,
/// LS or PS), so the marked line is the one a location names. A long line (minified JSON) is
/// shown as a window of `maxLineCharacters` scalars around the location's column, found without
/// decoding the rest of the line.
struct SourceExcerpts {
    /// One line of an excerpt.
    struct Line: Equatable {
        var number: Int
        var text: String
        /// Whether it is the line the finding points at.
        var marked: Bool
        /// Whether text was left out before the window.
        var cutBefore: Bool
        /// Whether text was left out after the window.
        var cutAfter: Bool
    }

    /// Lines shown before and after the marked one.
    static let context = 2
    /// Unicode scalars shown of a long line.
    static let maxLineCharacters = 160
    /// Scalars shown before the column on a long line's marked window.
    static let leadCharacters = 40

    private let texts: [String: [UInt8]]
    /// Where each line's text starts and ends (before its line break), by file, worked out once per file.
    private var lines: [String: [Range<Int>]] = [:]

    init(_ texts: [String: [UInt8]]) { self.texts = texts }

    /// The lines around `line` of `file`, the marked one windowed around `column` when long; empty
    /// when the text was not kept or has no such line.
    mutating func lines(around line: Int, column: Int = 1, of file: String) -> [Line] {
        guard let bytes = texts[file], line >= 1 else { return [] }
        let ranges = self.ranges(of: file, bytes)
        guard line <= ranges.count else { return [] }
        let first = max(1, line - Self.context)
        let last = min(ranges.count, line + Self.context)
        return (first...last).map { number in
            let range = ranges[number - 1]
            let marks = range.count > Self.indexedLineBytes ? self.marks(of: file, line: number, bytes[range]) : nil
            let skip = number == line ? max(0, column - 1 - Self.leadCharacters) : 0
            let (text, before, after) = Self.window(bytes[range], skipping: skip, marks: marks)
            return Line(number: number, text: text, marked: number == line, cutBefore: before, cutAfter: after)
        }
    }

    /// Lines longer than this many bytes get an index of where every `markEvery`th scalar starts,
    /// so a window deep into a line of megabytes is found without walking it for every finding.
    static let indexedLineBytes = 4_096
    static let markEvery = 256

    /// Where scalars 0, `markEvery`, 2 × `markEvery`, … of a long line start, and how many it has.
    struct Marks {
        var offsets: [Int]
        var scalars: Int
    }

    private var lineMarks: [String: [Int: Marks]] = [:]

    private mutating func marks(of file: String, line: Int, _ text: ArraySlice<UInt8>) -> Marks {
        if let known = lineMarks[file]?[line] { return known }
        var offsets: [Int] = []
        var scalars = 0
        for index in text.indices where text[index] & 0xC0 != 0x80 {
            if scalars % Self.markEvery == 0 { offsets.append(index) }
            scalars += 1
        }
        let marks = Marks(offsets: offsets, scalars: scalars)
        lineMarks[file, default: [:]][line] = marks
        return marks
    }

    /// At most `maxLineCharacters` scalars of `line` from scalar `skip` on (moved back so the
    /// window is full when the line ends sooner), and whether text was left out before and after
    /// them. Invalid UTF-8 is shown as U+FFFD.
    static func window(_ line: ArraySlice<UInt8>, skipping skip: Int, marks: Marks?) -> (String, Bool, Bool) {
        // A scalar starts at every byte that is not a continuation byte (10xxxxxx).
        func offset(ofScalar target: Int) -> Int {
            var seen = 0
            var at = line.startIndex
            if let marks, target > 0 {
                let mark = min(target / markEvery, marks.offsets.count - 1)
                seen = mark * markEvery
                at = marks.offsets[mark]
            }
            while at < line.endIndex {
                if line[at] & 0xC0 != 0x80 {
                    if seen == target { break }
                    seen += 1
                }
                at += 1
            }
            return at
        }
        var first = skip
        if skip > 0 {
            let total = marks?.scalars ?? line.reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }
            first = min(skip, max(0, total - maxLineCharacters))
        }
        let start = offset(ofScalar: first)
        let end = offset(ofScalar: first + maxLineCharacters)
        return (String(decoding: line[start..<end], as: UTF8.self), start > line.startIndex, end < line.endIndex)
    }

    private mutating func ranges(of file: String, _ bytes: [UInt8]) -> [Range<Int>] {
        if let known = lines[file] { return known }
        var ranges: [Range<Int>] = []
        var start = 0
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            var width = 0
            if byte == 0x0A {
                width = 1
            } else if byte == 0x0D {
                width = index + 1 < count && bytes[index + 1] == 0x0A ? 2 : 1
            } else if byte == 0xC2, index + 1 < count, bytes[index + 1] == 0x85 {
                width = 2  // NEL
            } else if byte == 0xE2, index + 2 < count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 {
                width = 3  // LS, PS
            }
            if width == 0 {
                index += 1
                continue
            }
            ranges.append(start..<index)
            index += width
            start = index
        }
        // After a final line break the parser is on one more (empty) line, as a location at the
        // end of the file says.
        ranges.append(start..<count)
        lines[file] = ranges
        return ranges
    }
}
