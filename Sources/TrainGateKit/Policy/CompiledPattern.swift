#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A regular expression from a pack's `matches`.
///
/// `matches` searches: the pattern may match anywhere in the value, as in JSON Schema's
/// `pattern`; anchor it with `^…$` to match the whole value. Patterns in user packs are compiled
/// when the pack loads, so a bad one is a located load error. Patterns in the built-in packs
/// (which the test suite compiles) are compiled on first use, so a check does not pay for
/// rules it never reaches.
public final class CompiledPattern: @unchecked Sendable {
    /// The pattern as written.
    public let source: String
    private let lock = Lock()
    private var regex: Regex<AnyRegexOutput>?

    /// Compiles `source` now; throws the regex parser's error.
    public init(_ source: String) throws {
        self.source = source
        regex = try Regex(source)
    }

    /// Keeps `source` to compile on first use.
    init(deferring source: String) {
        self.source = source
    }

    /// Whether the pattern matches anywhere in `text`; a pattern that cannot compile matches nothing.
    public func matches(_ text: String) -> Bool {
        lock.lock()
        if regex == nil { regex = try? Regex(source) }
        let compiled = regex
        lock.unlock()
        return compiled.map { text.contains($0) } ?? false
    }
}
