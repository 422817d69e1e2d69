extension TrainingSummary {
    /// Section 2: the list of data sources, by the template's categories.
    static func dataSources(_ inputs: SummaryInputs) -> [Section] {
        let publicSets = inputs.sources(["public_dataset"])
        let licensed = inputs.sources(["licensed_rightsholder"])
        let privateSets = inputs.sources(["private_third_party"])
        let other = inputs.sources(["other", "first_party", "public_domain"])
        return [
            Section(
                number: "2.1", title: "Publicly available datasets",
                items: category(
                    "Have you used publicly available datasets?", publicSets, inputs,
                    details: [
                        inputs.sourceItem(
                            "datasets", "Publicly available datasets (name and link)", publicSets, "origin.locator",
                            format: { SummaryInputs.text($0) }
                        ).named(publicSets)
                    ])),
            Section(
                number: "2.2.1", title: "Datasets commercially licensed by rightsholders or their representatives",
                items: category(
                    "Have you concluded transactional commercial licensing agreement(s) with rightsholder(s) or with their representatives?",
                    licensed, inputs,
                    details: [
                        inputs.sourceItem(
                            "agreements", "Licensing agreements (counterparties)", licensed, "rights.agreement.counterparties")
                    ])),
            Section(
                number: "2.2.2", title: "Private datasets obtained from other third parties",
                items: category(
                    "Have you obtained private datasets from third parties that are not licensed as described in Section 2.2.1?",
                    privateSets, inputs,
                    details: [inputs.sourceItem("descriptions", "General description", privateSets, "description")])),
            crawled(inputs),
            userData(inputs),
            synthetic(inputs),
            Section(
                number: "2.6", title: "Other sources of data",
                items: category(
                    "Have data sources other than those described in Sections 2.1 to 2.5 been used?", other, inputs,
                    details: [inputs.sourceItem("descriptions", "Description", other, "description")])),
        ]
    }

    /// A category's yes/no question, and when yes, its modalities and `details`.
    static func category(
        _ question: String, _ sources: [SummaryInputs.SourceEntry], _ inputs: SummaryInputs,
        details: [Item]
    ) -> [Item] {
        let answer = Item.derived("used", question, sources.isEmpty ? "No" : "Yes")
        guard !sources.isEmpty else { return [answer] }
        return [answer, modalities(of: sources, inputs)] + details
    }

    /// The modalities of `sources`, in the template's order; a source without any is a gap.
    static func modalities(of sources: [SummaryInputs.SourceEntry], _ inputs: SummaryInputs) -> Item {
        let present = modalities.filter { modality in sources.contains { $0.modalities.contains(modality) } }
        return Item(
            key: "modalities", label: "Modalities", facts: present.map { Fact(SummaryText.modality($0)) },
            missing: sources.filter { $0.modalities.isEmpty }.map { inputs.sourceMissing($0, "modalities") })
    }

    private static func crawled(_ inputs: SummaryInputs) -> Section {
        let crawls = inputs.sources(["web_crawl"])
        let behaviour = crawls.map { source in
            var item = inputs.sourceItem(
                "behaviour", "", [source], "crawl.robots_txt_respected",
                format: { SummaryInputs.answer($0).map { "robots.txt respected: \($0)" } })
            let paywall = inputs.sourceItem(
                "", "", [source], "access.paywall_bypassed",
                format: { SummaryInputs.answer($0).map { "paywalls bypassed: \($0)" } })
            let aiTxt = inputs.sourceItem(
                "", "", [source], "crawl.ai_txt_respected", optional: true,
                format: { SummaryInputs.answer($0).map { "ai.txt respected: \($0)" } })
            item.facts += paywall.facts + aiTxt.facts
            item.missing += paywall.missing
            return item
        }
        let period = crawls.map { source -> Item in
            // A ledger's first and last retrieved_at are the period, measured rather than declared.
            if let ledger = source.ledger, let from = ledger.retrievedFrom, let to = ledger.retrievedTo {
                return Item(
                    key: "period", label: "", facts: [Fact("\(from) to \(to) (from the ledger)", subject: source.subject)], missing: [])
            }
            let start = inputs.sourceItem("", "", [source], "crawl.period.start")
            let end = inputs.sourceItem("", "", [source], "crawl.period.end")
            var item = Item(key: "period", label: "", facts: [], missing: start.missing + end.missing)
            if let from = start.facts.first, let to = end.facts.first {
                item.facts = [Fact("\(from.text) to \(to.text)", subject: source.subject, at: from.location)]
            }
            return item
        }
        let domains = crawls.map { source -> Item in
            // A ledger ranks every domain by the bytes crawled from it: the template's top 10 %.
            if let ledger = source.ledger, !ledger.domains.isEmpty {
                let top = ledger.topDomains()
                let bytes = top.reduce(0) { $0 + $1.bytes }
                let share = ledger.totals.bytes > 0 ? Double(bytes) / Double(ledger.totals.bytes) * 100 : 0
                let text =
                    top.map(\.domain).joined(separator: ", ")
                    + " (the top 10 % of \(ledger.domains.count.grouped) domains by size, "
                    + CFormat.string("%.1f", share) + " % of the bytes crawled; from the ledger)"
                return Item(key: "top_domains", label: "", facts: [Fact(text, subject: source.subject)], missing: [])
            }
            return inputs.sourceItem("top_domains", "", [source], "crawl.top_domains")
        }
        return Section(
            number: "2.3", title: "Data crawled and scraped from online sources",
            items: category(
                "Were crawlers used by the provider or on its behalf?", crawls, inputs,
                details: [
                    inputs.sourceItem("crawler_names", "Crawler name(s) or identifier(s)", crawls, "crawl.crawler_names"),
                    inputs.sourceItem("purposes", "Purposes of the crawler(s)", crawls, "crawl.purposes"),
                    merged("behaviour", "General description of crawler behaviour", behaviour),
                    merged("period", "Period of data collection", period),
                    inputs.sourceItem("content", "Type of content and online sources crawled", crawls, "description"),
                    merged("top_domains", "Most relevant domain names crawled", domains),
                    inputs.sourceItem(
                        "top_domains_share", "Share of crawled domains the list covers (%)", crawls,
                        "crawl.top_domains_share_pct", optional: true),
                ]))
    }

    private static func userData(_ inputs: SummaryInputs) -> Section {
        let interactions = inputs.sources(["user_data_model_interaction"])
        let services = inputs.sources(["user_data_other_service"])
        let all = interactions + services
        var items = [
            Item.derived(
                "model_interactions",
                "Was data from user interactions with the AI model (e.g. user input and prompts) used to train the model?",
                interactions.isEmpty ? "No" : "Yes"),
            Item.derived(
                "other_services",
                "Was data collected from user interactions with the provider's other services or products used to train the model?",
                services.isEmpty ? "No" : "Yes"),
        ]
        if !all.isEmpty {
            items += [
                inputs.sourceItem("services", "Services or products used to collect the user data", all, "user_data.services"),
                inputs.sourceItem("surfaces", "Kinds of user data collected", all, "user_data.surfaces"),
                modalities(of: all, inputs),
            ]
        }
        return Section(number: "2.4", title: "User data", items: items)
    }

    private static func synthetic(_ inputs: SummaryInputs) -> Section {
        let sources = inputs.sources(["synthetic"])
        var generators = Item(
            key: "generator_models", label: "AI models used to generate the data, with links to their summaries",
            facts: [], missing: [])
        for source in sources {
            let models = source.node["synthetic"]?["generator_models"]?.sequence ?? []
            if models.isEmpty { generators.missing.append(inputs.sourceMissing(source, "synthetic.generator_models")) }
            for (index, model) in models.enumerated() {
                let name = model["name"].flatMap(SummaryInputs.text) ?? "generator \(index + 1)"
                let provider = model["provider"].flatMap(SummaryInputs.text).map { " (\($0))" } ?? ""
                if let url = model["summary_url"].flatMap(SummaryInputs.text) {
                    generators.facts.append(
                        Fact(
                            "\(name)\(provider): summary at \(url)", url: SummaryInputs.link(url),
                            subject: source.subject, at: model.location))
                } else if case .bool(false)? = model["on_market"]?.value {
                    generators.facts.append(Fact("\(name)\(provider): not on the market", subject: source.subject, at: model.location))
                } else {
                    generators.facts.append(Fact("\(name)\(provider)", subject: source.subject, at: model.location))
                    generators.missing.append(
                        .init(
                            field: "sources[].synthetic.generator_models[\(index)].summary_url",
                            subject: source.subject, location: model.location))
                }
            }
        }
        return Section(
            number: "2.5", title: "Synthetic data",
            items: category(
                "Was synthetic AI-generated data created by the provider or on their behalf to train the model?", sources, inputs,
                details: [generators, inputs.sourceItem("purpose", "Purpose", sources, "synthetic.purpose", optional: true)]))
    }

    /// One item from several single-source items.
    private static func merged(_ key: String, _ label: String, _ parts: [Item]) -> Item {
        Item(key: key, label: label, facts: parts.flatMap(\.facts), missing: parts.flatMap(\.missing))
    }
}

extension TrainingSummary.Item {
    /// The public datasets as `name: locator`, each fact's link the locator.
    func named(_ sources: [SummaryInputs.SourceEntry]) -> Self {
        var item = self
        let names = Dictionary(sources.map { ($0.subject, $0.name) }, uniquingKeysWith: { first, _ in first })
        item.facts = facts.map { fact in
            var fact = fact
            fact.text = "\(fact.subject.flatMap { names[$0] } ?? ""): \(fact.text)"
            return fact
        }
        return item
    }
}
