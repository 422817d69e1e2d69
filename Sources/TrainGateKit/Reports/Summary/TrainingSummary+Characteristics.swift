extension TrainingSummary {
    /// Section 1.3: modalities, size bins per modality, content types, latest acquisition,
    /// continuous training and linguistic characteristics.
    static func characteristics(_ inputs: SummaryInputs) -> Section {
        var modalityItem = Item(key: "modalities", label: "Modalities", facts: [], missing: [])
        let present = modalities.filter { modality in inputs.sources.contains { $0.modalities.contains(modality) } }
        modalityItem.facts = present.map { Fact(SummaryText.modality($0)) }
        modalityItem.missing = inputs.sources.filter { $0.modalities.isEmpty }.map { inputs.sourceMissing($0, "modalities") }
        var items = [modalityItem]
        for modality in present {
            let sources = inputs.sources.filter { $0.modalities.contains(modality) }
            items.append(size(of: modality, sources, inputs))
            var types = Item(key: "content_types_\(modality)", label: "Types of content: \(modality)", facts: [], missing: [])
            var seen = Set<String>()
            for source in sources {
                let values = source.node["content_types"]?.sequence?.compactMap(SummaryInputs.text) ?? []
                if values.isEmpty { types.missing.append(inputs.sourceMissing(source, "content_types")) }
                for value in values where seen.insert(value).inserted { types.facts.append(Fact(value)) }
            }
            items.append(types)
        }
        items.append(
            inputs.cardItem("latest_acquisition", "Latest date of data acquisition or collection", "training_data.latest_acquisition"))
        items.append(
            inputs.cardItem("continuous_training", "Continuously trained on new data after that date", "training_data.continuous_training"))
        items.append(linguistic(inputs))
        return Section(number: "1.3", title: "Modalities, overall training data size and other characteristics", items: items)
    }

    /// The size bin of one modality: the declared sizes in the modality's unit summed and
    /// binned; sizes in other units (or of sources of several binned modalities sharing hours)
    /// stated as declared; a source without a size is a gap.
    private static func size(of modality: String, _ sources: [SummaryInputs.SourceEntry], _ inputs: SummaryInputs) -> Item {
        var item = Item(key: "size_\(modality)", label: "Training data size: \(modality)", facts: [], missing: [])
        let unit = SizeBin.unit(for: modality)
        var total = 0.0
        var counted = 0
        var asDeclared: [Fact] = []
        var fromLedgers = 0
        for source in sources {
            // A ledger's sum for the modality replaces the declared size.
            if let measured = source.ledger.flatMap({ ledgerSize($0, modality: modality) }) {
                total += measured
                counted += 1
                fromLedgers += 1
                continue
            }
            guard let size = source.node["size"], let valueNode = size["value"], let value = try? valueNode.double(),
                let declaredUnit = size["unit"].flatMap(SummaryInputs.text)
            else {
                item.missing.append(inputs.sourceMissing(source, "size"))
                continue
            }
            let sharesHours = declaredUnit == "hours" && source.modalities.contains("audio") && source.modalities.contains("video")
            if declaredUnit == unit && !sharesHours {
                total += value
                counted += 1
            } else {
                let text = "\(SizeBin.format(value, declared: valueNode.scalar?.text)) \(declaredUnit) (as declared)"
                asDeclared.append(Fact(text, subject: source.subject, at: size.location))
            }
        }
        if counted > 0, let unit, let bin = SizeBin.bin(total, modality: modality) {
            let from = counted == 1 ? "1 source" : "\(counted) sources"
            let how =
                fromLedgers == counted
                ? "counted in the ledgers of" : fromLedgers > 0 ? "declared or counted in the ledgers of" : "declared by"
            item.facts.append(Fact("\(bin) (\(SizeBin.format(total)) \(unit) \(how) \(from))"))
        }
        item.facts += asDeclared
        return item
    }

    /// A ledger's size for a modality in the summary's unit: tokens of its text rows, the number
    /// of its image rows; nil when the ledger cannot say (hours, or no row declares it).
    private static func ledgerSize(_ ledger: LedgerStats, modality: String) -> Double? {
        guard let totals = ledger.modalities[modality], totals.rows > 0 else { return nil }
        switch modality {
        case "text": return ledger.rowsWithTokens == ledger.totals.rows && totals.tokens > 0 ? Double(totals.tokens) : nil
        case "image": return Double(totals.rows)
        default: return nil
        }
    }

    /// Linguistic characteristics: the languages the text sources declare (`sources[].languages`,
    /// BCP 47 tags), listed once each in first-declared order; a text source without them is a gap.
    /// Answered "not applicable" only when no source declares text.
    private static func linguistic(_ inputs: SummaryInputs) -> Item {
        let key = "linguistic_characteristics"
        let label = "Linguistic characteristics of the overall training data"
        let text = inputs.sources.filter { $0.modalities.contains("text") }
        if text.isEmpty, !inputs.sources.isEmpty, inputs.sources.allSatisfy({ !$0.modalities.isEmpty }) {
            return .derived(key, label, "Not applicable: no source declares text")
        }
        var item = Item(key: key, label: label, facts: [], missing: [])
        for source in inputs.sources where source.modalities.isEmpty {
            item.missing.append(inputs.sourceMissing(source, "modalities"))
        }
        var seen = Set<String>()
        var all: [String] = []
        for source in text {
            let languages = source.node["languages"]?.sequence?.compactMap(SummaryInputs.text) ?? []
            if languages.isEmpty { item.missing.append(inputs.sourceMissing(source, "languages")) }
            all += languages.filter { seen.insert($0).inserted }
        }
        if !all.isEmpty { item.facts.append(Fact("Languages (BCP 47): " + all.joined(separator: ", "))) }
        return item
    }
}
