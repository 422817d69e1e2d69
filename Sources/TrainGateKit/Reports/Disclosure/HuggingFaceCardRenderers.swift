/// The Hugging Face card as one self-contained, printable HTML page (no script): the Hub
/// metadata as a table, then the template's sections. For review before the Markdown goes to
/// the Hub; every value is text.
public enum HuggingFaceCardHTMLRenderer {
    public static func render(_ card: HuggingFaceCard) -> String {
        let name = HTMLText.content(card.metadata.modelName)
        let needed = "<span class=\"nd\">\(HuggingFaceCardWriter.needed)</span>"
        func value(_ text: String?) -> String { text.map(HTMLText.content) ?? needed }
        var out = AB2013HTMLRenderer.head(title: "Model Card for \(name)")
        out += "<header>\n<p class=\"kicker\">Hugging Face model card · AI Act Annex XII</p>\n<h1>Model Card for \(name)</h1>\n"
        out += "<p class=\"lead\">Made by TrainGate from <code>\(HTMLText.content(card.source))</code> and the dataset manifests it names, "
        out += "as of \(card.asOf). \(needed) marks what they do not declare.</p>\n"
        if !card.facts.isEmpty {
            out +=
                "<ul class=\"facts\">\n"
                + card.facts.map { "<li><span class=\"who\">\(HTMLText.content($0.label)):</span> \(value($0.value))</li>\n" }.joined()
            out += "</ul>\n"
        }
        out += "</header>\n"

        let meta = card.metadata
        var rows: [(String, String)] = [("model_name", meta.modelName)]
        if let license = meta.license { rows.append(("license", license)) }
        if let licenseName = meta.licenseName { rows.append(("license_name", licenseName)) }
        if let link = meta.licenseLink { rows.append(("license_link", link)) }
        if !meta.baseModels.isEmpty { rows.append(("base_model", meta.baseModels.joined(separator: ", "))) }
        if !meta.datasets.isEmpty { rows.append(("datasets", meta.datasets.joined(separator: ", "))) }
        out += "<section aria-labelledby=\"metadata\">\n<h2 id=\"metadata\">Hub metadata</h2>\n<table>\n"
        out += "<caption class=\"note\">The YAML block at the top of the card's README.md</caption>\n"
        out += "<thead><tr><th scope=\"col\">Key</th><th scope=\"col\">Value</th></tr></thead>\n<tbody>\n"
        out += rows.map { "<tr><th scope=\"row\"><code>\($0.0)</code></th><td>\(HTMLText.content($0.1))</td></tr>\n" }.joined()
        out += "</tbody>\n</table>\n"
        out += "</section>\n"

        var open = false
        for (index, section) in card.sections.enumerated() {
            if section.level == 2 {
                if open { out += "</section>\n" }
                out += "<section aria-labelledby=\"s\(index)\">\n<h2 id=\"s\(index)\">\(HTMLText.content(section.title))</h2>\n"
                open = true
            } else {
                out += "<h3>\(HTMLText.content(section.title))</h3>\n"
            }
            for block in section.blocks {
                switch block {
                case .paragraph(let text): out += "<p>\(value(text))</p>\n"
                case .sentence(let lead, let text): out += "<p>\(HTMLText.content(lead))\(HTMLText.content(text))</p>\n"
                case .list(let items):
                    out += "<ul>\n"
                    out += items.map { "<li><span class=\"who\">\(HTMLText.content($0.label)):</span> \(value($0.value))</li>\n" }.joined()
                    out += "</ul>\n"
                case .datasets(let datasets):
                    if datasets.isEmpty { out += "<p>\(needed)</p>\n" }
                    for dataset in datasets {
                        out += "<h4><code>\(HTMLText.content(dataset.id))</code>"
                        out += (dataset.name.map { ": \(HTMLText.content($0))" } ?? "") + "</h4>\n<ul>\n"
                        for source in dataset.sources {
                            out += "<li><code>\(HTMLText.content(source.id))</code>"
                            let facts = source.facts.map { "\(HTMLText.content($0.label)): \(HTMLText.content($0.value ?? ""))" }
                            out += (facts.isEmpty ? "" : " — " + facts.joined(separator: "; ")) + "</li>\n"
                        }
                        out += "</ul>\n"
                    }
                }
            }
        }
        if open { out += "</section>\n" }
        return out + "</main>\n</body>\n</html>\n"
    }
}

/// The Hugging Face card as JSON for other tools: the Hub metadata, the sections with their
/// blocks (a null text or value is "[More Information Needed]"), and the Markdown card itself.
public enum HuggingFaceCardJSONRenderer {
    public static func render(_ card: HuggingFaceCard) -> String {
        func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
        func items(_ items: [HuggingFaceCard.Item]) -> JSONValue {
            .array(items.map { .object(["label": .string($0.label), "value": optional($0.value)]) })
        }
        let meta = card.metadata
        let metadata: JSONValue = .object([
            "model_name": .string(meta.modelName), "license": optional(meta.license), "license_name": optional(meta.licenseName),
            "license_link": optional(meta.licenseLink), "base_model": .array(meta.baseModels.map(JSONValue.string)),
            "datasets": .array(meta.datasets.map(JSONValue.string)),
        ])
        let sections = card.sections.map { section -> JSONValue in
            let blocks = section.blocks.map { block -> JSONValue in
                switch block {
                case .paragraph(let text): return .object(["type": .string("paragraph"), "text": optional(text)])
                case .sentence(let lead, let text): return .object(["type": .string("paragraph"), "text": .string(lead + text)])
                case .list(let list): return .object(["type": .string("list"), "items": items(list)])
                case .datasets(let datasets):
                    return .object([
                        "type": .string("datasets"),
                        "datasets": .array(
                            datasets.map { dataset in
                                .object([
                                    "id": .string(dataset.id), "name": optional(dataset.name),
                                    "sources": .array(
                                        dataset.sources.map { .object(["id": .string($0.id), "facts": items($0.facts)]) }),
                                ])
                            }),
                    ])
                }
            }
            return .object(["level": .int(section.level), "title": .string(section.title), "blocks": .array(blocks)])
        }
        return JSONValue.object([
            "schema": .string(HuggingFaceCard.schema), "model": .string(meta.modelName), "source": .string(card.source),
            "as_of": .string(card.asOf.description), "metadata": metadata, "facts": items(card.facts), "sections": .array(sections),
            "readme": .string(HuggingFaceCardWriter.render(card)),
        ]).rendered
    }
}
