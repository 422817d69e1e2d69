/// A Hugging Face model card (`README.md` for the Hub) made from a TrainGate model card and the
/// manifests it names: YAML metadata the Hub reads (`license` as a Hub licence key, or `other`
/// with `license_name` and `license_link`; `base_model` and `datasets` where the inputs name Hub
/// repositories; `model_name`), then the sections of the Hub's model card template, with the
/// training data, limitations and EU transparency sections filled from the declarations. What
/// the inputs do not declare is the template's own `[More Information Needed]`, which the Hub and
/// TrainGate's Hugging Face adapter both read as absent, so the card read back through the adapter
/// gives the facts it was made from.
public enum HuggingFaceCardWriter {
    /// The card of a check's first bundle with a model card; nil without one.
    public static func render(_ report: CheckReport) -> String? {
        guard let bundle = report.bundles.first(where: { $0.card != nil }), let card = bundle.card else { return nil }
        let root = card.root
        func value(_ path: String) -> String? { SummaryInputs.node(root, path).flatMap(SummaryInputs.text) }
        let needed = "[More Information Needed]"

        var meta: [String] = ["model_name: \(YAMLWriter.quoted(card.name, indent: 0))"]
        let spdx = value("model.license.spdx")
        if let spdx {
            if let hub = HubLicenses.table.first(where: { $0.spdx?.lowercased() == spdx.lowercased() })?.hub {
                meta.append("license: \(hub)")
            } else {
                meta.append("license: other")
                // The SPDX id itself (a LicenseRef- without its prefix): read back, an id on the SPDX
                // list is that id, anything else a LicenseRef- of it.
                let name = spdx.hasPrefix("LicenseRef-") ? String(spdx.dropFirst("LicenseRef-".count)) : spdx
                meta.append("license_name: \(YAMLWriter.quoted(name, indent: 0))")
            }
            if let url = value("model.license.url") { meta.append("license_link: \(YAMLWriter.quoted(url, indent: 0))") }
        }
        let bases = (root["dependencies"]?.sequence ?? []).compactMap { $0["name"].flatMap(SummaryInputs.text) }.filter(isHubID)
        if !bases.isEmpty { meta.append("base_model:\n" + bases.map { "- \(YAMLWriter.quoted($0, indent: 0))" }.joined(separator: "\n")) }
        let hubDatasets = bundle.datasets.flatMap { dataset in
            dataset.sources.compactMap { source -> String? in
                guard let locator = source.node["origin"]?["locator"].flatMap(SummaryInputs.text) else { return nil }
                for prefix in ["https://huggingface.co/datasets/", "http://huggingface.co/datasets/", "hf://datasets/"]
                where locator.hasPrefix(prefix) {
                    let id = locator.dropFirst(prefix.count).split(separator: "/").prefix(2).joined(separator: "/")
                    return isHubID(id) ? id : nil
                }
                return nil
            }
        }
        var seen = Set<String>()
        let datasets = hubDatasets.filter { seen.insert($0).inserted }
        if !datasets.isEmpty {
            meta.append("datasets:\n" + datasets.map { "- \(YAMLWriter.quoted($0, indent: 0))" }.joined(separator: "\n"))
        }

        var out = "---\n" + meta.joined(separator: "\n") + "\n---\n\n"
        out += "# Model Card for \(line(card.name))\n\n"
        out += "<!-- Made by TrainGate from \(comment(card.file)) and the dataset manifests it names, as of \(report.asOf). "
        out += "\"\(needed)\" marks what they do not declare. -->\n\n"
        var facts: [String] = []
        if let legal = value("provider.legal_name") { facts.append("- **Developed by:** \(line(legal))") }
        if let architecture = value("model.architecture") { facts.append("- **Model type:** \(line(architecture))") }
        if let spdx { facts.append("- **License:** \(line(spdx))") }
        if let version = value("model.version") { facts.append("- **Version:** \(line(version))") }
        if let release = value("model.release_date") { facts.append("- **Release date:** \(line(release))") }
        if !facts.isEmpty { out += facts.joined(separator: "\n") + "\n\n" }

        out += "## Model Details\n\n### Model Description\n\n\(paragraph(value("model.description")))\n\n"
        out += "## Uses\n\n### Direct Use\n\n\(paragraph(value("model.intended_tasks")))\n\n"
        if let aup = value("model.acceptable_use_policy_url") {
            out += "### Out-of-Scope Use\n\nSee the acceptable-use policy: \(line(aup))\n\n"
        }
        out += "## Bias, Risks, and Limitations\n\n\(paragraph(value("model.limitations")))\n\n"
        out += "## Training Details\n\n### Training Data\n\n"
        out += trainingData(bundle)
        out += "### Training Procedure\n\n\(paragraph(value("model.training_methodology")))\n\n"
        out += "## Evaluation\n\n\(paragraph(value("evaluation.metrics").map { "Metrics: \($0)" }))\n\n"
        if let time = value("energy.training_time") { out += "## Environmental Impact\n\n- **Training time:** \(line(time))\n\n" }
        out += "## Transparency (EU AI Act and other laws)\n\n" + transparency(root) + "\n"
        out += "## Model Card Contact\n\n\(paragraph(value("provider.contact")))\n"
        return out
    }

    /// The training data, dataset by dataset and source by source, from the manifests.
    static func trainingData(_ bundle: ArtifactBundle) -> String {
        guard !bundle.datasets.isEmpty else { return "[More Information Needed]\n\n" }
        var out = ""
        for dataset in bundle.datasets {
            let name = dataset.root["dataset"]?["name"].flatMap(SummaryInputs.text)
            out += "**\(line(dataset.id))**" + (name.map { ": \(line($0))" } ?? "") + "\n\n"
            for source in dataset.sources {
                let node = source.node
                let parts: [(String, String)] = [
                    ("type", "source_type"), ("owner", "origin.owner"), ("from", "origin.locator"), ("size", "size"),
                    ("modalities", "modalities"), ("copyright status", "rights.copyright_status"), ("licence", "rights.license.spdx"),
                    ("personal data", "personal_data.present"), ("opt-outs checked", "tdm_opt_out.checked"),
                    ("collected", "collection_period"),
                ]
                let described = parts.compactMap { label, path -> String? in
                    guard let field = SummaryInputs.node(node, path) else { return nil }
                    let text =
                        path == "size"
                        ? [field["value"], field["unit"]].compactMap { $0.flatMap(SummaryInputs.text) }.joined(separator: " ")
                        : path == "collection_period"
                            ? [field["start"], field["end"]].compactMap { $0.flatMap(SummaryInputs.text) }.joined(separator: " to ")
                            : SummaryInputs.answer(field) ?? ""
                    return text.isEmpty ? nil : "\(label): \(line(text))"
                }
                out += "- `\(source.id)`" + (described.isEmpty ? "" : " — " + described.joined(separator: "; ")) + "\n"
            }
            out += "\n"
        }
        return out
    }

    /// The transparency documents the card points at.
    static func transparency(_ root: Node) -> String {
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
            return "- **\(label):** " + (given.isEmpty ? "[More Information Needed]" : line(given.joined(separator: "; ")))
        }.joined(separator: "\n") + "\n"
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
