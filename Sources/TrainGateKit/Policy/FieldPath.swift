/// A path into a document, as rules write it: `access.tos.url`, `$model.classification.gpai`,
/// `$datasets[*].sources`.
///
/// Segments are mapping keys separated by dots; `[*]` after a segment steps into every item of
/// a list (only quantifiers may use paths that name many nodes). A path starts at the current
/// node (the subject, or the item a quantifier is visiting) unless it starts with a root:
/// `$model` (the bundle's model card), `$dataset` (the subject's dataset manifest) or
/// `$datasets` (every dataset of the bundle, a list).
public struct FieldPath: Sendable, Hashable, CustomStringConvertible {
    /// Where a path starts.
    public enum Root: String, Sendable, Hashable {
        case current
        case model = "$model"
        case dataset = "$dataset"
        case datasets = "$datasets"
        /// The manifest source a ledger row belongs to (record rules), or the subject itself (source rules).
        case source = "$source"
    }

    /// One step of a path.
    public struct Segment: Sendable, Hashable {
        /// The mapping key, or nil for a root that is itself a list (`$datasets[*]`).
        public var key: String?
        /// Whether the step fans out over every item of the list it reaches (`[*]`).
        public var all: Bool
    }

    public var root: Root
    public var segments: [Segment]
    /// The path as written.
    public var description: String

    /// Whether the path can name more than one node.
    public var isMultiValued: Bool { root == .datasets || segments.contains(where: \.all) }

    /// A path from its parts (a compiled pack's paths, parsed when it was built).
    init(root: Root, segments: [Segment], description: String) {
        self.root = root
        self.segments = segments
        self.description = description
    }

    /// Parses a path; nil when it is not well-formed.
    public init?(_ text: String) {
        description = text
        var parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first, !first.isEmpty else { return nil }
        root = .current
        segments = []
        if first.hasPrefix("$") {
            let name = first.hasSuffix("[*]") ? String(first.dropLast(3)) : first
            guard let parsed = Root(rawValue: name), parsed != .current else { return nil }
            root = parsed
            if parsed == .datasets {
                // `$datasets` and `$datasets[*]` both name the list of datasets' roots.
                segments.append(Segment(key: nil, all: true))
            } else if first.hasSuffix("[*]") {
                return nil
            }
            parts.removeFirst()
        }
        for part in parts {
            let all = part.hasSuffix("[*]")
            let key = all ? String(part.dropLast(3)) : part
            guard !key.isEmpty, key.utf8.allSatisfy(FieldPath.isKeyByte) else { return nil }
            segments.append(Segment(key: key, all: all))
        }
    }

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "@")
    }
}
