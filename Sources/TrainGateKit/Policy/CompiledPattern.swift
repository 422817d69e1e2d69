/// A regular expression compiled once, when its pack is loaded.
///
/// `matches` searches: the pattern may match anywhere in the value, as in JSON Schema's
/// `pattern`; anchor it with `^…$` to match the whole value.
public struct CompiledPattern: @unchecked Sendable {
    // Regex is immutable once built; the wrapper only lacks the Sendable annotation.
    let regex: Regex<AnyRegexOutput>
    /// The pattern as written.
    public let source: String

    /// Compiles `source`; throws the regex parser's error.
    public init(_ source: String) throws {
        regex = try Regex(source)
        self.source = source
    }

    /// Whether the pattern matches anywhere in `text`.
    public func matches(_ text: String) -> Bool { text.contains(regex) }
}
