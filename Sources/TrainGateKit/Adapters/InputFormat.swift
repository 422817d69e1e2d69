/// The file formats `check` reads: TrainGate's own, and each format an `InputAdapter` in
/// `Adapters.all` reads into the same manifest and card views. A value is its `--input-format`
/// name; the list of names comes from the registry.
public struct InputFormat: RawRepresentable, Hashable, Sendable, Codable, CaseIterable, CustomStringConvertible {
    public let rawValue: String

    /// A known format by name (`auto`, `traingate`, or an adapter's id); nil for any other name.
    public init?(rawValue: String) {
        guard Self.allCases.contains(where: { $0.rawValue == rawValue }) else { return nil }
        self.rawValue = rawValue
    }

    /// A format declared in code (the built-ins and each adapter's own).
    init(id: String) { rawValue = id }

    /// Decide by content (the default).
    public static let auto = InputFormat(id: "auto")
    /// `apiVersion: traingate/v1` YAML or JSON.
    public static let traingate = InputFormat(id: "traingate")

    /// Every format, in `--input-format` order: `auto`, `traingate`, then the adapters'.
    public static var allCases: [InputFormat] { [.auto, .traingate] + Adapters.all.map { $0.format } }

    /// The adapter that reads this format; nil for `auto` and `traingate`.
    public var adapter: (any InputAdapter.Type)? { Adapters.all.first { $0.format == self } }

    /// How the format is named in messages.
    public var title: String {
        switch self {
        case .auto: return "auto"
        case .traingate: return "TrainGate"
        default: return adapter?.title ?? rawValue
        }
    }

    public var description: String { rawValue }

    /// Whether a file found while walking a folder is read as this format: an adapter's format
    /// only for files of its syntax (Markdown for cards, JSON for the JSON-LD and BOM formats).
    /// Other files found there are read by content; files named explicitly are always read as the
    /// format given.
    func fits(_ path: String) -> Bool {
        adapter.map { InputSyntax(path: path) == $0.syntax } ?? true
    }

    /// The format a JSON or YAML document is written in, judged by its content; nil when it is
    /// none TrainGate reads. Adapters are asked in registry order.
    static func detect(_ root: Node) -> InputFormat? {
        if let api = root["apiVersion"]?.scalar?.text, api.hasPrefix("traingate/") { return .traingate }
        return Adapters.all.first { $0.detects(.tree(root)) }?.format
    }

    /// Every string in a JSON-LD `@context` (a URL, a list, or a mapping of prefixes), joined.
    static func contextText(_ node: Node?) -> String {
        guard let node else { return "" }
        switch node.content {
        case .scalar(let scalar): return scalar.text
        case .sequence(let items): return items.map(contextText).joined(separator: " ")
        case .mapping(let entries): return entries.map { contextText($0.value) }.joined(separator: " ")
        }
    }
}
