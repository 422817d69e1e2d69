/// Hard limits that keep hostile or broken input from exhausting memory or time.
///
/// Every loader enforces them; exceeding one is a located `DocumentError`, never a crash.
/// The defaults are far above any real manifest or model card.
public struct LoadLimits: Sendable, Equatable {
    /// The largest file read, in bytes (default 64 MiB).
    public var maxFileBytes: Int
    /// The largest single scalar, in bytes after unescaping (default 8 MiB).
    public var maxScalarBytes: Int
    /// The deepest nesting of sequences and mappings (default 256).
    public var maxDepth: Int
    /// The most nodes that aliases may add to a document, in absolute terms (default 1,000,000).
    public var maxAliasExpansion: Int
    /// The most nodes that aliases may add per node written in the source (default 100).
    ///
    /// Applied once the expansion passes `aliasExpansionFloor`, so small documents may reuse
    /// anchors freely while a "billion laughs" file fails at its first level that grows.
    public var maxAliasExpansionRatio: Int
    /// Below this many alias-added nodes, the ratio is not applied (default 10,000).
    public var aliasExpansionFloor: Int

    /// Creates limits; every argument defaults to the standard value.
    public init(
        maxFileBytes: Int = 64 << 20,
        maxScalarBytes: Int = 8 << 20,
        maxDepth: Int = 256,
        maxAliasExpansion: Int = 1_000_000,
        maxAliasExpansionRatio: Int = 100,
        aliasExpansionFloor: Int = 10_000
    ) {
        self.maxFileBytes = maxFileBytes
        self.maxScalarBytes = maxScalarBytes
        self.maxDepth = maxDepth
        self.maxAliasExpansion = maxAliasExpansion
        self.maxAliasExpansionRatio = maxAliasExpansionRatio
        self.aliasExpansionFloor = aliasExpansionFloor
    }

    /// The standard limits.
    public static let standard = LoadLimits()
}
