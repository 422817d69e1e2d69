/// Reads a Hugging Face model or dataset card — `README.md` with YAML front matter — as a
/// TrainGate model card or dataset manifest.
///
/// Metadata fields map where they mean the same thing (`license` through the Hub-key table to
/// SPDX, `license_link`, `base_model`, `pipeline_tag`, …); prose sections are recognised by
/// heading whatever the level, case or `[optional]`, and count only when filled: placeholders
/// (`[More Information Needed]`, `TODO`, template braces, HTML comments) are absent. Gating
/// fields are access terms for downloaders, never data-subject consent.
enum HuggingFaceCardAdapter: InputAdapter {
    static let format = InputFormat.huggingface
    static let title = "Hugging Face card"
    static let syntax = InputSyntax.markdown
    static let reading = AdapterReading(format: .huggingface)

    /// Card-shaped Markdown: card metadata in the front matter, or card headings.
    static func detects(_ document: SourceDocument) -> Bool {
        guard case .markdown(let markdown) = document else { return false }
        return looksLikeCard(markdown)
    }

    static func adapt(_ document: SourceDocument) throws(ArtifactError) -> AdaptedFile {
        let markdown: MarkdownDocument
        switch document {
        case .tree(let root): throw .notCheckable(root.location, reason: "a \(title) is a Markdown file (README.md) with YAML front matter")
        case .markdown(let document): markdown = document
        }
        guard looksLikeCard(markdown) else {
            throw .notCheckable(
                SourceLocation(file: markdown.file, line: 1, column: 1),
                reason:
                    "not a Hugging Face card: no card metadata in front matter and no model or dataset card headings")
        }
        return try adapt(markdown)
    }

    /// Front-matter keys only dataset cards use.
    static let datasetKeys = [
        "pretty_name", "task_categories", "task_ids", "size_categories", "annotations_creators",
        "language_creators", "source_datasets", "multilinguality", "dataset_info", "configs",
        "paperswithcode_id", "train-eval-index", "language_bcp47",
    ]
    /// Front-matter keys only model cards use.
    static let modelKeys = ["base_model", "pipeline_tag", "library_name", "model-index", "base_model_relation", "model_name"]

    static func adapt(_ document: MarkdownDocument) throws(ArtifactError) -> AdaptedFile {
        let start = document.frontMatterLocation ?? SourceLocation(file: document.file, line: 1, column: 1)
        let meta: Node
        if let front = document.frontMatter, !front.isNull {
            guard front.mapping != nil else {
                throw .notCheckable(
                    front.location, reason: "a Hugging Face card's metadata block must be a mapping, found \(front.kindDescription)")
            }
            meta = front
        } else {
            meta = Node(.mapping([]), at: start)
        }
        let sections = MarkdownSections(document)
        if isDataset(meta, sections) { return try dataset(meta, sections, start: start) }
        return try model(meta, sections, start: start)
    }

    /// Front-matter keys both kinds of card use.
    static let sharedKeys = [
        "license", "license_name", "license_link", "language", "tags", "datasets", "metrics", "gated",
        "extra_gated_prompt", "extra_gated_fields", "thumbnail", "widget",
    ]
    /// Headings of the model and dataset card templates, current and legacy.
    static let cardHeadings: Set<String> = [
        "model details", "model description", "uses", "direct use", "out-of-scope use", "bias, risks, and limitations",
        "training details", "training data", "training procedure", "evaluation", "environmental impact", "model card contact",
        "intended uses & limitations", "limitations and bias", "dataset details", "dataset description", "dataset summary",
        "dataset structure", "dataset creation", "source data", "personal and sensitive information",
        "considerations for using the data", "licensing information", "dataset card contact", "curation rationale",
    ]

    /// Whether a Markdown file is shaped like a Hugging Face card: card metadata in its front
    /// matter, a "Model Card"/"Dataset Card" title, or two or more of the templates' headings.
    static func looksLikeCard(_ document: MarkdownDocument) -> Bool {
        if let front = document.frontMatter, (datasetKeys + modelKeys + sharedKeys).contains(where: { front[$0] != nil }) { return true }
        let headings = document.headings.map { MarkdownSections.normalise($0.text) }
        if headings.contains(where: { $0.contains("model card") || $0.contains("dataset card") }) { return true }
        return headings.filter { cardHeadings.contains($0) }.count >= 2
    }

    static func isDataset(_ meta: Node, _ sections: MarkdownSections) -> Bool {
        if datasetKeys.contains(where: { meta[$0] != nil }) { return true }
        if modelKeys.contains(where: { meta[$0] != nil }) { return false }
        let title = sections.sections.first?.name ?? ""
        return title.hasPrefix("dataset card") || sections.exists(["dataset summary", "dataset structure", "dataset creation"]) != nil
    }

    // MARK: Model cards

    static func model(_ meta: Node, _ sections: MarkdownSections, start: SourceLocation) throws(ArtifactError) -> AdaptedFile {
        let r = reading
        var card = Draft.view(kind: .modelCard, at: start)
        var notes: [Diagnostic] = []
        let name = try r.text(meta["model_name"], "model_name") ?? title(sections, prefix: "model card for") ?? fileName(sections.document)
        card.set("model.name", name)
        card.set("model.description", sections.text(["model description", "model details", "model summary", "model card summary"]))
        for (key, node) in try licence(meta) { card.set("model.license.\(key)", node) }
        if let tag = try r.text(meta["pipeline_tag"], "pipeline_tag") {
            card.set("model.intended_tasks", Node.list([tag]))
        } else if let uses = sections.text([
            "direct use", "intended uses & limitations", "intended uses and limitations",
            "intended use", "intended uses", "uses",
        ]) {
            card.set("model.intended_tasks", Node.list([uses]))
        }
        card.set(
            "model.limitations",
            sections.text([
                "bias, risks, and limitations", "bias, risks and limitations", "limitations and bias",
                "limitations and biases", "risks and limitations", "limitations",
            ]))
        card.set(
            "model.architecture",
            sections.text(["model architecture and objective", "model architecture"]) ?? sections.bullet("model type"))
        card.set("provider.legal_name", sections.bullet("developed by"))
        card.set("provider.contact", sections.text(["model card contact", "contact"]))
        var dependencies: [Node] = []
        let relation = try r.text(meta["base_model_relation"], "base_model_relation")
        for base in try r.texts(meta["base_model"], "base_model") {
            var dependency = Draft(at: base.location)
            dependency.set("name", base)
            dependency.set("how_used", relation ?? .text("base model", at: base.location))
            dependencies.append(dependency.node)
        }
        if dependencies.isEmpty, let finetuned = sections.bullet("finetuned from model") {
            var dependency = Draft(at: finetuned.location)
            dependency.set("name", finetuned)
            dependency.set("how_used", .text("fine-tuned from", at: finetuned.location))
            dependencies.append(dependency.node)
        }
        card.set("dependencies", Node.list(dependencies))
        card.set("transparency.instructions_for_use.training_data_info", sections.text(["training data"]))
        card.set("evaluation.metrics", Node.list(try r.texts(meta["metrics"], "metrics")))
        card.set("energy.training_time", sections.bullet("hours used"))

        let datasets = try r.texts(meta["datasets"], "datasets")
        if let first = datasets.first {
            let ids = datasets.compactMap(\.scalar?.text).joined(separator: ", ")
            notes.append(
                Diagnostic(
                    location: first.location,
                    message:
                        "the card names Hub datasets (\(ids)) but TrainGate reads training data from dataset manifests; convert each "
                        + "dataset's card with 'traingate convert README.md --to manifest' and list them under training_data.datasets"))
        }
        notes += try gating(meta)
        let prose = [sections.text(["training data"]), sections.text(["training procedure", "preprocessing"])].compactMap { $0 }
        notes += ProseHints.scan(prose, format: .huggingface)
        return AdaptedFile(format: .huggingface, card: card.node, manifests: [], notes: notes)
    }

    // MARK: Dataset cards

    static func dataset(_ meta: Node, _ sections: MarkdownSections, start: SourceLocation) throws(ArtifactError) -> AdaptedFile {
        let r = reading
        var manifest = Draft.view(kind: .datasetManifest, at: start)
        var notes: [Diagnostic] = []
        let name = try r.text(meta["pretty_name"], "pretty_name") ?? title(sections, prefix: "dataset card for")
        let fallback = fileName(sections.document)
        let id = Slug.make(fallback.scalar!.text == "README" ? (name?.scalar?.text ?? "dataset") : fallback.scalar!.text)
        manifest.set("dataset.id", .text(id, at: name?.location ?? start))
        manifest.set("dataset.name", name)
        manifest.set("dataset.description", sections.text(["dataset summary", "dataset description"]))
        manifest.set("dataset.owner.organisation", sections.bullet("curated by") ?? sections.text(["dataset curators"]))
        manifest.set("governance.design_choices", sections.text(["curation rationale"]))
        manifest.set(
            "governance.data_gaps",
            Node.list(
                [
                    sections.text([
                        "other known limitations", "bias, risks, and limitations",
                        "bias, risks and limitations", "limitations",
                    ])
                ].compactMap { $0 }))

        var source = Draft(at: start)
        source.set("id", .text(id, at: name?.location ?? start))
        source.set("name", name)
        source.set(
            "description",
            sections.text([
                "data collection and processing", "initial data collection and normalization",
                "source data",
            ]))
        let creators = try r.texts(meta["language_creators"], "language_creators")
        if let first = creators.first, creators.allSatisfy({ $0.scalar?.text == "machine-generated" }) {
            source.set("source_type", .plain("synthetic", at: first.location))
        } else {
            // A dataset with a card on the Hub is published: for a model trained on it, a publicly available dataset.
            source.set("source_type", .plain("public_dataset", at: start))
        }
        source.set("modalities", Node.list(try modalities(meta)))
        for (key, node) in try licence(meta) { source.set("rights.license.\(key)", node) }
        source.set("processing.labelling_procedure", sections.text(["annotation process"]))
        manifest.set("sources", Node(.sequence([source.node]), at: start))

        let privacy = sections.first(["personal and sensitive information"])
        if let privacy {
            notes.append(
                Diagnostic(
                    location: privacy.location,
                    message:
                        "the card's Personal and Sensitive Information section is prose, not a declaration; declare "
                        + "sources[].personal_data.present (and, when true, .lawful_basis) in a TrainGate manifest"))
        }
        let prose = [
            privacy.map { Node.text($0.text, at: $0.location) },
            sections.text(["who are the source data producers", "who are the source language producers"]),
            sections.text(["who are the annotators"]),
        ].compactMap { $0 }
        notes += ProseHints.scan(prose, format: .huggingface)
        notes += try gating(meta)
        return AdaptedFile(format: .huggingface, card: nil, manifests: [manifest.node], notes: notes)
    }

    // MARK: Shared

    /// `license` (a Hub key, an SPDX id, or a list), with `license_name` for `other` and `license_link`.
    static func licence(_ meta: Node) throws(ArtifactError) -> [(String, Node)] {
        let r = reading
        let keys = try r.texts(meta["license"], "license")
        var fields = LicenceText.all(keys, otherName: try r.text(meta["license_name"], "license_name")).filter { $0.0 == "spdx" }
        if let link = try r.text(meta["license_link"], "license_link") { fields.append(("url", link)) }
        return fields
    }

    /// Modalities implied by the task categories.
    static func modalities(_ meta: Node) throws(ArtifactError) -> [Node] {
        var found: [String: Node] = [:]
        var order: [String] = []
        for task in try reading.texts(meta["task_categories"], "task_categories") {
            let text = task.scalar!.text.lowercased()
            let modality: String
            if text.contains("speech") || text.contains("audio") {
                modality = "audio"
            } else if text.contains("video") {
                modality = "video"
            } else if text.contains("image") || text.contains("object-detection") || text.contains("depth") {
                modality = "image"
            } else if text.contains("text")
                || [
                    "translation", "question-answering", "summarization", "token-classification", "fill-mask",
                    "sentence-similarity", "conversational", "table-question-answering",
                    "zero-shot-classification",
                ].contains(text)
            {
                modality = "text"
            } else {
                continue
            }
            if found[modality] == nil {
                found[modality] = .plain(modality, at: task.location)
                order.append(modality)
            }
        }
        return order.map { found[$0]! }
    }

    /// Notes on `gated`/`extra_gated_*`: access terms for downloaders, not consent of the people in the data.
    static func gating(_ meta: Node) throws(ArtifactError) -> [Diagnostic] {
        guard let entry = meta.mapping?.first(where: { $0.key == "gated" || $0.key.hasPrefix("extra_gated_") }) else { return [] }
        _ = try reading.text(meta["extra_gated_prompt"], "extra_gated_prompt")
        if let fields = meta["extra_gated_fields"], !fields.isNull, fields.mapping == nil {
            throw reading.wrong(fields, "extra_gated_fields", "a mapping of field labels to types")
        }
        return [
            Diagnostic(
                location: entry.keyLocation,
                message:
                    "gating fields set the terms people accept to download the repository; they are not consent of the people in the data "
                    + "and declare no lawful basis (sources[].personal_data.lawful_basis)")
        ]
    }

    /// The first heading's text after `prefix` (`# Model Card for bert-base`), if filled.
    static func title(_ sections: MarkdownSections, prefix: String) -> Node? {
        guard let heading = sections.sections.first?.heading else { return nil }
        // Without emphasis and with single spaces, so `# **Model  Card for Foo**` gives `Foo`.
        let plain = heading.text.replacing("*", with: "").replacing("`", with: "")
            .split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        guard plain.lowercased().hasPrefix(prefix) else { return nil }
        let raw = String(plain.dropFirst(prefix.count)).trimmingWhitespace()
        // The template's defaults when no name was given are placeholders too.
        guard let cleaned = Placeholder.clean([(heading.line, raw)])?.text, !["model id", "dataset name"].contains(cleaned.lowercased())
        else {
            return nil
        }
        return .text(cleaned, at: SourceLocation(file: sections.document.file, line: heading.line, column: 1))
    }

    /// The card's file name without extension, or its folder's name for `README.md`.
    static func fileName(_ document: MarkdownDocument) -> Node {
        let parts = document.file.split(separator: "/").map(String.init)
        var name = parts.last ?? document.file
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { name = String(name[..<dot]) }
        if name.lowercased() == "readme", parts.count >= 2 {
            name = parts[parts.count - 2]
        } else if name.lowercased() == "readme" {
            name = "README"
        }
        return .text(name, at: SourceLocation(file: document.file, line: 1, column: 1))
    }
}

extension InputFormat {
    /// A Hugging Face model or dataset card (`README.md` with YAML front matter), read by `HuggingFaceCardAdapter`.
    public static let huggingface = InputFormat(id: "huggingface")
}
