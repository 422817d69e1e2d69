extension TrainingSummary {
    /// Section 3: respect of TDM opt-outs, illegal-content measures, other processing.
    static func processing(_ inputs: SummaryInputs) -> [Section] {
        let thirdParty = inputs.sources(["web_crawl", "public_dataset", "private_third_party"])
        var protocols = inputs.cardItem(
            "protocols", "Opt-out protocols and solutions honoured by the provider",
            "transparency.copyright_policy.tdm_opt_out_protocols")
        if protocols.facts.isEmpty && thirdParty.isEmpty {
            protocols = .derived(
                protocols.key, protocols.label, "None listed; no crawled, public or third-party private datasets were used")
        }
        var optOut = [
            inputs.cardItem(
                "signatory",
                "Are you a Signatory to the Code of Practice for general-purpose AI models that includes commitments to respect reservations of rights from the TDM exception or limitation?",
                "transparency.code_of_practice_signatory"),
            protocols,
        ]
        if !thirdParty.isEmpty {
            optOut.append(
                inputs.sourceItem(
                    "source_protocols", "Opt-out protocols honoured for crawled and third-party datasets",
                    thirdParty, "tdm_opt_out.protocols"))
            optOut.append(
                inputs.sourceItem(
                    "handling", "What was done with content whose rights were reserved", thirdParty,
                    "tdm_opt_out.handling", optional: true))
        }
        let other = [
            inputs.sourceItem("preparation", "Preparation operations", inputs.sources, "processing.preparation_ops", optional: true),
            inputs.sourceItem("cleaning", "Cleaning methods", inputs.sources, "processing.cleaning_methods", optional: true),
        ]
        return [
            Section(
                number: "3.1", title: "Respect of reservation of rights from the text and data mining exception or limitation",
                items: optOut),
            Section(
                number: "3.2", title: "Removal of illegal content",
                items: [
                    inputs.sourceItem(
                        "measures", "Measures taken to avoid or remove illegal content", inputs.sources,
                        "processing.illegal_content_measures")
                ]),
            Section(number: "3.3", title: "Other information (optional)", items: other),
        ]
    }
}
