/// The file formats `check` reads: TrainGate's own, and the formats teams already write, read
/// through adapters into the same manifest and card views.
public enum InputFormat: String, Sendable, CaseIterable, Codable {
    /// Decide by content (the default).
    case auto
    /// `apiVersion: traingate/v1` YAML or JSON.
    case traingate
    /// A Hugging Face model or dataset card: `README.md` with YAML front matter.
    case huggingface
    /// MLCommons Croissant 1.0/1.1 JSON-LD, with the RAI vocabulary.
    case croissant
    /// SPDX 3.0.1 JSON-LD with the AI and Dataset profiles.
    case spdx3
    /// CycloneDX 1.5–1.7 JSON with machine-learning-model and data components.
    case cyclonedx

    /// How the format is named in messages.
    public var title: String {
        switch self {
        case .auto: return "auto"
        case .traingate: return "TrainGate"
        case .huggingface: return "Hugging Face card"
        case .croissant: return "Croissant"
        case .spdx3: return "SPDX 3"
        case .cyclonedx: return "CycloneDX"
        }
    }

    /// Whether a file found while walking a folder is read as this format: Hugging Face cards are
    /// Markdown, the JSON-LD and BOM formats JSON. Other files found there are read by content;
    /// files named explicitly are always read as the format given.
    func fits(_ path: String) -> Bool {
        switch self {
        case .auto, .traingate: return true
        case .huggingface: return InputSyntax(path: path) == .markdown
        case .croissant, .spdx3, .cyclonedx: return InputSyntax(path: path) == .json
        }
    }

    /// The format a JSON or YAML document is written in, judged by its content; nil when it is
    /// none TrainGate reads.
    static func detect(_ root: Node) -> InputFormat? {
        if let api = root["apiVersion"]?.scalar?.text, api.hasPrefix("traingate/") { return .traingate }
        if root["bomFormat"]?.scalar?.text == "CycloneDX" { return .cyclonedx }
        let context = contextText(root["@context"])
        if context.contains("spdx.org/rdf/3") { return .spdx3 }
        if context.contains("mlcommons.org/croissant") || root.entry("cr:recordSet") != nil || root.entry("recordSet") != nil
            && context.contains("schema.org") {
            return .croissant
        }
        return nil
    }

    /// Every string in a JSON-LD `@context` (a URL, a list, or a mapping of prefixes), joined.
    private static func contextText(_ node: Node?) -> String {
        guard let node else { return "" }
        switch node.content {
        case .scalar(let scalar): return scalar.text
        case .sequence(let items): return items.map(contextText).joined(separator: " ")
        case .mapping(let entries): return entries.map { contextText($0.value) }.joined(separator: " ")
        }
    }
}
