/// One node of a parsed YAML or JSON document: a scalar, a sequence or a mapping, with the
/// location where it starts.
///
/// Nodes are values: an alias in the source is a copy of its anchored node (sharing storage),
/// so downstream code never sees anchors. Scalars keep their source text and style; what a
/// scalar *means* (null, bool, int, float, string) is decided on demand by the YAML 1.2 core
/// schema (`ScalarResolver`), never at load time.
public struct Node: Sendable, Equatable {
    /// The node's content.
    public var content: Content
    /// Where the node starts. For a block mapping this is its first key.
    public var location: SourceLocation

    /// The three kinds of node.
    public enum Content: Sendable, Equatable {
        case scalar(Scalar)
        case sequence([Node])
        case mapping([MappingEntry])
    }

    /// Creates a node.
    public init(_ content: Content, at location: SourceLocation) {
        self.content = content
        self.location = location
    }
}

/// A scalar's text as written, after YAML unescaping and folding, with how it was written.
public struct Scalar: Sendable, Equatable {
    /// The text of the scalar.
    public var text: String
    /// The presentation style; quoted and block scalars are always strings.
    public var style: ScalarStyle
    /// An explicit core-schema tag (`!!str`, `!!int`, …), if the source gave one.
    public var tag: CoreTag?

    /// Creates a scalar.
    public init(_ text: String, style: ScalarStyle = .plain, tag: CoreTag? = nil) {
        self.text = text
        self.style = style
        self.tag = tag
    }
}

/// How a scalar was written in the source.
public enum ScalarStyle: String, Sendable, Equatable, Codable {
    case plain
    case singleQuoted = "single_quoted"
    case doubleQuoted = "double_quoted"
    case literal
    case folded

    /// Whether the style alone makes the scalar a string (everything but plain).
    public var isQuotedOrBlock: Bool { self != .plain }
}

/// The tags of the YAML 1.2 core schema, the only explicit tags TrainGate accepts.
public enum CoreTag: String, Sendable, Equatable, CaseIterable {
    case str, int, float, bool, null, seq, map

    /// Whether the tag applies to scalars (as opposed to collections).
    var isScalarTag: Bool { self != .seq && self != .map }
}

/// One key–value pair of a mapping. Keys are always scalars.
public struct MappingEntry: Sendable, Equatable {
    /// The key's text.
    public var key: String
    /// Where the key starts.
    public var keyLocation: SourceLocation
    /// The value.
    public var value: Node

    /// Creates an entry.
    public init(key: String, keyLocation: SourceLocation, value: Node) {
        self.key = key
        self.keyLocation = keyLocation
        self.value = value
    }
}
