import CYAML

/// A 1-based position in an input file: the place a node starts or an error was found.
///
/// Columns count Unicode scalars from the start of the line, as libyaml does, so a
/// non-ASCII character before a value counts once. Locations print compiler-style
/// (`path:line:column`) so terminals and editors make them clickable.
///
/// Every node carries one, so a location is three 32-bit integers: the path is interned once
/// per file (`SourcePaths`) rather than reference-counted on every copy of every node.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    let fileID: UInt32
    private let storedLine: UInt32
    private let storedColumn: UInt32

    /// Creates a location from 1-based coordinates.
    public init(file: String, line: Int, column: Int) {
        self.init(fileID: SourcePaths.id(for: file), line: line, column: column)
    }

    init(fileID: UInt32, line: Int, column: Int) {
        self.fileID = fileID
        storedLine = UInt32(clamping: line)
        storedColumn = UInt32(clamping: column)
    }

    /// The path of the file, as the caller named it.
    public var file: String { SourcePaths.path(for: fileID) }
    /// The 1-based line.
    public var line: Int { Int(storedLine) }
    /// The 1-based column.
    public var column: Int { Int(storedColumn) }

    /// `path:line:column`.
    public var description: String { "\(file):\(line):\(column)" }

    /// `line:column`, for pointing at a second place in the same file.
    public var position: String { "\(line):\(column)" }

    /// Orders by path, then line, then column.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        if lhs.fileID != rhs.fileID { return SourcePaths.precedes(lhs.fileID, rhs.fileID) }
        return (lhs.storedLine, lhs.storedColumn) < (rhs.storedLine, rhs.storedColumn)
    }
}

extension SourceLocation: Codable {
    private enum CodingKeys: String, CodingKey { case file, line, column }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            file: try container.decode(String.self, forKey: .file),
            line: try container.decode(Int.self, forKey: .line),
            column: try container.decode(Int.self, forKey: .column))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(line, forKey: .line)
        try container.encode(column, forKey: .column)
    }
}

extension SourceLocation {
    /// The one place where libyaml's 0-based marks become 1-based locations.
    ///
    /// `lineOffset` shifts documents that do not start at the top of their file.
    init(fileID: UInt32, mark: yaml_mark_t, lineOffset: Int) {
        self.init(fileID: fileID, line: Int(mark.line) + 1 + lineOffset, column: Int(mark.column) + 1)
    }
}
