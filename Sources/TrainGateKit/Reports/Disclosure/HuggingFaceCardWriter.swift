/// A Hugging Face model card (`README.md` for the Hub) made from a TrainGate model card and the
/// manifests it names: YAML metadata the Hub reads (`license` as a Hub licence key, or `other`
/// with `license_name` and `license_link`; `base_model` and `datasets` where the inputs name Hub
/// repositories; `model_name`), then the sections of the Hub's model card template, with the
/// training data, limitations and EU transparency sections filled from the declarations. What
/// the inputs do not declare is the template's own `[More Information Needed]`, which the Hub and
/// TrainGate's Hugging Face adapter both read as absent, so the card read back through the adapter
/// gives the facts it was made from.
public struct HuggingFaceCard: Sendable, Equatable {
    public static let schema = "traingate.hf-model-card/v1"

    /// The YAML metadata the Hub reads.
    public struct Metadata: Sendable, Equatable {
        public var modelName: String
        /// A Hub licence key, or `other` with `licenseName`.
        public var license: String?
        public var licenseName: String?
        public var licenseLink: String?
        public var baseModels: [String]
        public var datasets: [String]
    }

    /// A labelled value; nil is "[More Information Needed]".
    public struct Item: Sendable, Equatable {
        public var label: String
        public var value: String?
    }

    /// One source of a dataset, with what its manifest declares.
    public struct Source: Sendable, Equatable {
        public var id: String
        public var facts: [Item]
    }

    public struct Dataset: Sendable, Equatable {
        public var id: String
        public var name: String?
        public var sources: [Source]
    }

    public enum Block: Sendable, Equatable {
        /// Prose; nil is "[More Information Needed]".
        case paragraph(String?)
        /// A sentence ending in a value written on one line.
        case sentence(String, String)
        /// `label: value` items.
        case list([Item])
        /// The training data; empty is "[More Information Needed]".
        case datasets([Dataset])
    }

    /// A heading of the Hub template (level 2 or 3) and what follows it.
    public struct Section: Sendable, Equatable {
        public var level: Int
        public var title: String
        public var blocks: [Block]
    }

    public var metadata: Metadata
    /// The card file it was made from, and the as-of date of the check.
    public var source: String
    public var asOf: ISODate
    /// The facts under the title (developer, model type, licence, version, release date).
    public var facts: [Item]
    public var sections: [Section]

    /// The card of a check's first bundle with a model card; nil without one.
    public init?(report: CheckReport) {
        guard let bundle = report.bundles.first(where: { $0.card != nil }), let card = bundle.card else { return nil }
        let root = card.root
        func value(_ path: String) -> String? { SummaryInputs.node(root, path).flatMap(SummaryInputs.text) }

        let spdx = value("model.license.spdx")
        var metadata = Metadata(modelName: card.name, baseModels: [], datasets: [])
        if let spdx {
            if let hub = HubLicenses.table.first(where: { $0.spdx?.lowercased() == spdx.lowercased() })?.hub {
                metadata.license = hub
            } else {
                metadata.license = "other"
                // The SPDX id itself (a LicenseRef- without its prefix): read back, an id on the SPDX
                // list is that id, anything else a LicenseRef- of it.
                metadata.licenseName = spdx.hasPrefix("LicenseRef-") ? String(spdx.dropFirst("LicenseRef-".count)) : spdx
            }
            metadata.licenseLink = value("model.license.url")
        }
        metadata.baseModels = (root["dependencies"]?.sequence ?? []).compactMap { $0["name"].flatMap(SummaryInputs.text) }.filter(
            HuggingFaceCardWriter.isHubID)
        let hubDatasets = bundle.datasets.flatMap { dataset in
            dataset.sources.compactMap { source -> String? in
                guard let locator = source.node["origin"]?["locator"].flatMap(SummaryInputs.text) else { return nil }
                for prefix in ["https://huggingface.co/datasets/", "http://huggingface.co/datasets/", "hf://datasets/"]
                where locator.hasPrefix(prefix) {
                    let id = locator.dropFirst(prefix.count).split(separator: "/").prefix(2).joined(separator: "/")
                    return HuggingFaceCardWriter.isHubID(id) ? id : nil
                }
                return nil
            }
        }
        var seen = Set<String>()
        metadata.datasets = hubDatasets.filter { seen.insert($0).inserted }
        self.metadata = metadata
        source = card.file
        asOf = report.asOf

        facts = [
            Item(label: "Developed by", value: value("provider.legal_name")), Item(label: "Model type", value: value("model.architecture")),
            Item(label: "License", value: spdx), Item(label: "Version", value: value("model.version")),
            Item(label: "Release date", value: value("model.release_date")),
        ].filter { $0.value != nil }

        var sections = [
            Section(level: 2, title: "Model Details", blocks: []),
            Section(level: 3, title: "Model Description", blocks: [.paragraph(value("model.description"))]),
            Section(level: 2, title: "Uses", blocks: []),
            Section(level: 3, title: "Direct Use", blocks: [.paragraph(value("model.intended_tasks"))]),
        ]
        if let aup = value("model.acceptable_use_policy_url") {
            sections.append(Section(level: 3, title: "Out-of-Scope Use", blocks: [.sentence("See the acceptable-use policy: ", aup)]))
        }
        sections += [
            Section(level: 2, title: "Bias, Risks, and Limitations", blocks: [.paragraph(value("model.limitations"))]),
            Section(level: 2, title: "Training Details", blocks: []),
            Section(level: 3, title: "Training Data", blocks: [.datasets(Self.trainingData(bundle))]),
            Section(level: 3, title: "Training Procedure", blocks: [.paragraph(value("model.training_methodology"))]),
            Section(level: 2, title: "Evaluation", blocks: [.paragraph(value("evaluation.metrics").map { "Metrics: \($0)" })]),
        ]
        if let time = value("energy.training_time") {
            sections.append(Section(level: 2, title: "Environmental Impact", blocks: [.list([Item(label: "Training time", value: time)])]))
        }
        sections += [
            Section(level: 2, title: "Transparency (EU AI Act and other laws)", blocks: [.list(Self.transparency(root))]),
            Section(level: 2, title: "Model Card Contact", blocks: [.paragraph(value("provider.contact"))]),
        ]
        self.sections = sections
    }

    /// The training data, dataset by dataset and source by source, from the manifests.
    static func trainingData(_ bundle: ArtifactBundle) -> [Dataset] {
        bundle.datasets.map { dataset in
            let sources = dataset.sources.map { source -> Source in
                let node = source.node
                let parts: [(String, String)] = [
                    ("type", "source_type"), ("owner", "origin.owner"), ("from", "origin.locator"), ("size", "size"),
                    ("modalities", "modalities"), ("copyright status", "rights.copyright_status"), ("licence", "rights.license.spdx"),
                    ("personal data", "personal_data.present"), ("opt-outs checked", "tdm_opt_out.checked"),
                    ("collected", "collection_period"),
                ]
                let described = parts.compactMap { label, path -> Item? in
                    guard let field = SummaryInputs.node(node, path) else { return nil }
                    let text =
                        path == "size"
                        ? [field["value"], field["unit"]].compactMap { $0.flatMap(SummaryInputs.text) }.joined(separator: " ")
                        : path == "collection_period"
                            ? [field["start"], field["end"]].compactMap { $0.flatMap(SummaryInputs.text) }.joined(separator: " to ")
                            : SummaryInputs.answer(field) ?? ""
                    return text.isEmpty ? nil : Item(label: label, value: text)
                }
                return Source(id: source.id, facts: described)
            }
            return Dataset(id: dataset.id, name: dataset.root["dataset"]?["name"].flatMap(SummaryInputs.text), sources: sources)
        }
    }

    /// The transparency documents the card points at.
    static func transparency(_ root: Node) -> [Item] {
        func value(_ path: String) -> String? { SummaryInputs.node(root, path).flatMap(SummaryInputs.text) }
        let lines: [(String, [String?])] = [
            (
                "Public summary of training content (AI Act Art. 53(1)(d))",
                [
                    value("transparency.training_summary.public_url"),
                    value("transparency.training_summary.version").map { "version \($0)" },
                    value("transparency.training_summary.last_update").map { "updated \($0)" },
                ]
            ),
            ("Copyright policy (AI Act Art. 53(1)(c))", [value("transparency.copyright_policy.ref")]),
            ("Opt-out protocols honoured", [value("transparency.copyright_policy.tdm_opt_out_protocols")]),
            (
                "Copyright complaints",
                [value("transparency.copyright_policy.complaint_mechanism_url"), value("transparency.copyright_policy.contact")]
            ),
            (
                "Documentation for downstream providers (AI Act Annex XII)",
                [value("transparency.downstream_documentation.ref")]
            ),
            (
                "Training data documentation (California AB 2013)",
                [value("us.ab2013_doc_url"), value("us.ab2013_posted_date").map { "posted \($0)" }]
            ),
        ]
        return lines.map { label, parts in
            let given = parts.compactMap { $0 }
            return Item(label: label, value: given.isEmpty ? nil : given.joined(separator: "; "))
        }
    }
}

/// The card as the Hub's `README.md`: YAML metadata, then the template's sections in Markdown.
/// What the inputs do not declare is the template's own `[More Information Needed]`, which the
/// Hub and TrainGate's Hugging Face adapter both read as absent, so the card read back through the
/// adapter gives the facts it was made from.
public enum HuggingFaceCardWriter {
    static let needed = "[More Information Needed]"

    /// The Markdown card of a check's first bundle with a model card; nil without one.
    public static func render(_ report: CheckReport) -> String? { HuggingFaceCard(report: report).map(render) }

    public static func render(_ card: HuggingFaceCard) -> String {
        let meta = card.metadata
        var lines: [String] = ["model_name: \(YAMLWriter.quoted(meta.modelName, indent: 0))"]
        if let license = meta.license { lines.append("license: \(license)") }
        if let name = meta.licenseName { lines.append("license_name: \(YAMLWriter.quoted(name, indent: 0))") }
        if let link = meta.licenseLink { lines.append("license_link: \(YAMLWriter.quoted(link, indent: 0))") }
        for (key, values) in [("base_model", meta.baseModels), ("datasets", meta.datasets)] where !values.isEmpty {
            lines.append("\(key):\n" + values.map { "- \(YAMLWriter.quoted($0, indent: 0))" }.joined(separator: "\n"))
        }
        var out = "---\n" + lines.joined(separator: "\n") + "\n---\n\n"
        out += "# Model Card for \(line(meta.modelName))\n\n"
        out += "<!-- Made by TrainGate from \(comment(card.source)) and the dataset manifests it names, as of \(card.asOf). "
        out += "\"\(needed)\" marks what they do not declare. -->\n\n"
        if !card.facts.isEmpty {
            out += card.facts.map { "- **\($0.label):** \(line($0.value ?? needed))" }.joined(separator: "\n") + "\n\n"
        }
        for section in card.sections {
            out += String(repeating: "#", count: section.level) + " \(section.title)\n\n"
            for block in section.blocks {
                switch block {
                case .paragraph(let text): out += paragraph(text) + "\n\n"
                case .sentence(let lead, let value): out += lead + line(value) + "\n\n"
                case .list(let items):
                    out += items.map { "- **\($0.label):** " + ($0.value.map(line) ?? needed) + "\n" }.joined() + "\n"
                case .datasets(let datasets):
                    if datasets.isEmpty { out += needed + "\n\n" }
                    for dataset in datasets {
                        out += "**\(line(dataset.id))**" + (dataset.name.map { ": \(line($0))" } ?? "") + "\n\n"
                        for source in dataset.sources {
                            let described = source.facts.map { "\($0.label): \(line($0.value ?? ""))" }
                            out += "- `\(source.id)`" + (described.isEmpty ? "" : " — " + described.joined(separator: "; ")) + "\n"
                        }
                        out += "\n"
                    }
                }
            }
        }
        // The last paragraph ends the file with one line break.
        return String(out.dropLast())
    }

    /// `org/name`, the shape of a Hub repository id.
    static func isHubID(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count == 2
            && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) } }
    }

    /// Text on one Markdown line: line breaks as spaces, and inline markup (emphasis, code, links,
    /// HTML) escaped.
    static func line(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\n", "\r", "\r\n": out += " "
            case "<", ">", "[", "]", "*", "_", "`", "\\": out += "\\" + String(character)
            default: out.append(character)
            }
        }
        return out
    }

    /// A paragraph: the text on its lines, or the template's placeholder.
    static func paragraph(_ text: String?) -> String {
        guard let text else { return "[More Information Needed]" }
        return blockSafe(line(String(text.drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })))
    }

    /// A line that starts a paragraph, with what would open another block there (a heading, a
    /// list, a quote, a rule, a fence, a table) escaped, so a value cannot add structure.
    static func blockSafe(_ text: String) -> String {
        guard let first = text.first else { return text }
        if "#-+=~|>".contains(first) { return "\\" + text }
        // `1.` or `1)` followed by a space starts an ordered list.
        if let end = text.firstIndex(where: { !($0.isASCII && $0.isNumber) }), end != text.startIndex, text[end] == "." || text[end] == ")"
        {
            let after = text.index(after: end)
            if after == text.endIndex || text[after] == " " { return String(text[..<end]) + "\\" + String(text[end...]) }
        }
        return text
    }

    /// Text inside an HTML comment (no `--`).
    static func comment(_ text: String) -> String { text.replacing("--", with: "- -") }
}
