/// Where a reporter writes its text, piece by piece in output order, so a report of a million
/// findings is never held whole in memory: the CLI's sink writes each piece on to the file.
public protocol ReportSink {
    mutating func write(_ text: String)
    /// Writes UTF-8 text given as bytes (a piece of a report written byte by byte).
    mutating func write(utf8 bytes: [UInt8])
}

extension ReportSink {
    public mutating func write(utf8 bytes: [UInt8]) { write(String(decoding: bytes, as: UTF8.self)) }
}

/// Collects a report in a string.
public struct StringSink: ReportSink {
    public private(set) var text = ""

    public init() {}

    public mutating func write(_ piece: String) { text += piece }
}
