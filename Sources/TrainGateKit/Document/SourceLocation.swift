import CYAML

/// A 1-based position in an input file: the place a node starts or an error was found.
///
/// Columns count Unicode scalars from the start of the line, as libyaml does, so a
/// non-ASCII character before a value counts once. Locations print compiler-style
/// (`path:line:column`) so terminals and editors make them clickable.
public struct SourceLocation: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The path of the file, as the caller named it.
    public var file: String
    /// The 1-based line.
    public var line: Int
    /// The 1-based column.
    public var column: Int

    /// Creates a location from 1-based coordinates.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `path:line:column`.
    public var description: String { "\(file):\(line):\(column)" }

    /// `line:column`, for pointing at a second place in the same file.
    public var position: String { "\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

extension SourceLocation {
    /// The one place where libyaml's 0-based marks become 1-based locations.
    ///
    /// `lineOffset` shifts documents that do not start at the top of their file
    /// (Markdown front matter starts on the line after the opening `---`).
    init(file: String, mark: yaml_mark_t, lineOffset: Int) {
        self.init(file: file, line: Int(mark.line) + 1 + lineOffset, column: Int(mark.column) + 1)
    }
}
