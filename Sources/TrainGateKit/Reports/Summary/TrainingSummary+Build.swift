extension TrainingSummary {
    /// Source types in the order of the template's sections 2.1–2.6.
    static let sourceTypes = [
        "public_dataset", "licensed_rightsholder", "private_third_party", "web_crawl",
        "user_data_model_interaction", "user_data_other_service", "synthetic", "first_party",
        "public_domain", "other",
    ]
    static let modalities = ["text", "image", "audio", "video", "other"]

    /// Builds the summary of `bundle`'s model card and manifests.
    ///
    /// - Parameters:
    ///   - bundle: a bundle with a model card.
    ///   - asOf: the date the summary is judged as of.
    ///   - verdict: the outcome of a check on the same inputs, if one was run.
    /// - Returns: nil when the bundle has no model card.
    ///   - ledgers: the aggregates of the ledgers the check read: their crawl periods, top domains
    ///     and sums answer what the manifests would otherwise have to declare.
    public static func build(_ bundle: ArtifactBundle, asOf: ISODate, verdict: Verdict? = nil, ledgers: [LedgerReport] = [])
        -> TrainingSummary?
    {
        guard let card = bundle.card else { return nil }
        let inputs = SummaryInputs(bundle, card: card, ledgers: ledgers)
        let sections =
            [metadata(inputs), provider(inputs), model(inputs), characteristics(inputs)]
            + dataSources(inputs) + processing(inputs)
        let byModality = modalities.map { modality in (modality, inputs.sources.filter { $0.modalities.contains(modality) }.count) }
        let byType = sourceTypes.map { type in (type, inputs.sources.filter { $0.type == type }.count) }
        return TrainingSummary(
            model: card.name, asOf: asOf, sections: sections,
            sourcesByModality: byModality.filter { $0.1 > 0 }, sourcesByType: byType.filter { $0.1 > 0 },
            verdict: verdict)
    }

    private static func metadata(_ inputs: SummaryInputs) -> Section {
        Section(
            number: "2.0", title: "Document metadata",
            items: [
                inputs.cardItem("version", "Version of the summary", "transparency.training_summary.version"),
                inputs.cardItem("last_update", "Date of last update", "transparency.training_summary.last_update"),
                inputs.cardItem("public_url", "Where the summary is published", "transparency.training_summary.public_url"),
            ])
    }

    private static func provider(_ inputs: SummaryInputs) -> Section {
        let established = SummaryInputs.node(inputs.card.root, "provider.established_in_eu")?.value
        let representative: Item
        switch established {
        case .bool(true)?:
            representative = .derived(
                "authorised_representative", "Authorised representative",
                "Not required: the provider is established in the EU")
        case .bool(false)?:
            representative = inputs.cardItem(
                "authorised_representative", "Authorised representative",
                "provider.authorised_representative")
        default:
            representative = Item(
                key: "authorised_representative", label: "Authorised representative", facts: [],
                missing: [inputs.cardMissing("provider.established_in_eu")])
        }
        return Section(
            number: "1.1", title: "Provider identification",
            items: [
                inputs.cardItem("name", "Provider name", "provider.legal_name"),
                inputs.cardItem("contact", "Contact details", "provider.contact"),
                inputs.cardItem("established_in_eu", "Established in the EU", "provider.established_in_eu"),
                representative,
            ])
    }

    private static func model(_ inputs: SummaryInputs) -> Section {
        let card = inputs.card.root
        var names = inputs.cardItem("versioned_names", "Versioned model name(s)", "model.versioned_names")
        if names.facts.isEmpty, let version = SummaryInputs.node(card, "model.version"), let text = SummaryInputs.text(version) {
            names = Item(
                key: names.key, label: names.label,
                facts: [Fact("\(inputs.card.name) \(text)", at: version.location)], missing: [])
        } else if names.facts.isEmpty {
            names.missing = [
                Missing(
                    field: "model.versioned_names (or model.version)", subject: inputs.modelSubject,
                    location: SummaryInputs.parentLocation(card, "model.versioned_names"))
            ]
        }
        var dependencies = Item(
            key: "dependencies", label: "Model dependencies (modified or fine-tuned models) and their summaries",
            facts: [], missing: [])
        let entries = card["dependencies"]?.sequence ?? []
        if entries.isEmpty { dependencies.facts = [Fact("None: the card names no model this one was built from")] }
        for (index, entry) in entries.enumerated() {
            let name = entry["name"].flatMap(SummaryInputs.text) ?? "dependency \(index + 1)"
            let provider = entry["provider"].flatMap(SummaryInputs.text).map { " (\($0))" } ?? ""
            if let url = entry["summary_url"].flatMap(SummaryInputs.text) {
                dependencies.facts.append(Fact("\(name)\(provider): summary at \(url)", url: SummaryInputs.link(url), at: entry.location))
            } else {
                dependencies.facts.append(Fact("\(name)\(provider)", at: entry.location))
                dependencies.missing.append(
                    Missing(
                        field: "dependencies[\(index)].summary_url", subject: inputs.modelSubject,
                        location: entry.location))
            }
        }
        return Section(
            number: "1.2", title: "Model identification",
            items: [
                names, dependencies, inputs.cardItem("eu_market_date", "Date of placement on the Union market", "model.eu_market_date"),
            ])
    }
}
