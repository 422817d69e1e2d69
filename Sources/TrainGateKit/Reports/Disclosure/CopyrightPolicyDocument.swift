/// A starting point for the copyright policy a general-purpose AI model provider draws up,
/// keeps up to date and implements (AI Act Art. 53(1)(c); Code of Practice, Copyright chapter,
/// Measure 1.1), in the elements the chapter's measures ask it to cover, filled from the model
/// card's `transparency.copyright_policy` and the manifests' access, crawl and opt-out
/// declarations. Every claim names the file position it came from; what the inputs do not
/// declare is marked "To be completed" with the field that would answer it. It is a draft for
/// the provider's lawyers: TrainGate restates declarations and never writes policy of its own.
public struct CopyrightPolicyDocument: Sendable, Equatable {
    public static let schema = "traingate.copyright-policy/v1"

    /// One declared value as a claim, with whose it is and where it was declared.
    public struct Claim: Sendable, Equatable {
        /// `source web-crawl`, or nil for the provider's own declarations on the card.
        public var subject: String?
        public var text: String
        public var location: SourceLocation
    }

    /// A field to declare, with the subject that lacks it and where it belongs.
    public struct Missing: Sendable, Equatable {
        public var field: String
        public var subject: String
        public var location: SourceLocation
    }

    public struct Section: Sendable, Equatable {
        /// `responsibility`, `opt_outs`, … (stable, for JSON).
        public var key: String
        public var title: String
        /// The measure it answers (`Code of Practice, Copyright chapter, Measure 1.3`).
        public var reference: String
        /// What the section is for, in one sentence, for the lawyers editing it.
        public var purpose: String
        public var claims: [Claim]
        public var missing: [Missing]
    }

    public var model: String
    public var asOf: ISODate
    public var sections: [Section]
    /// Every file it was made from, so a writer can refuse to overwrite one.
    public var filesRead: [String] = []

    /// Every field to declare, in section order.
    public var gaps: [(section: String, missing: Missing)] { sections.flatMap { s in s.missing.map { (s.title, $0) } } }

    public static func == (a: CopyrightPolicyDocument, b: CopyrightPolicyDocument) -> Bool {
        a.model == b.model && a.asOf == b.asOf && a.sections == b.sections
    }
}

extension CopyrightPolicyDocument {
    /// Source types mined under the text-and-data-mining exceptions, for which access, opt-outs
    /// and infringing-sites lists matter.
    static let minedTypes: Set<String> = ["web_crawl", "public_dataset", "private_third_party", "other"]

    /// The document of a check's first bundle with a model card; nil without one.
    public init?(report: CheckReport) {
        guard let bundle = report.bundles.first(where: { $0.card != nil }), let card = bundle.card else { return nil }
        model = card.name
        asOf = report.asOf
        filesRead = report.filesRead
        let policy = "transparency.copyright_policy"
        let modelSubject = "model \(card.name)"
        let sources = bundle.datasets.flatMap { dataset in dataset.sources.map { ($0.id, $0.node, dataset) } }
        let mined = sources.filter { Self.minedTypes.contains($0.1["source_type"]?.scalar?.text ?? "") }

        /// The card's declarations at `fields` as claims, and the required ones that are missing.
        func cardPart(_ fields: [(label: String, path: String, required: Bool)]) -> ([Claim], [Missing]) {
            var claims: [Claim] = []
            var missing: [Missing] = []
            for field in fields {
                let path = "\(policy).\(field.path)"
                if let node = SummaryInputs.node(card.root, path), let text = SummaryInputs.answer(node) {
                    claims.append(Claim(subject: nil, text: "\(field.label): \(text)", location: node.location))
                } else if field.required {
                    missing.append(Missing(field: path, subject: modelSubject, location: SummaryInputs.parentLocation(card.root, path)))
                }
            }
            return (claims, missing)
        }

        /// Each of `sources`' declarations at `fields` as one claim per source, and a missing
        /// `required` field for each source that declares none of them.
        func sourcePart(
            _ sources: [(String, Node, DatasetManifest)], _ fields: [(label: String, path: String)], required: String?,
            of types: Set<String> = CopyrightPolicyDocument.minedTypes
        ) -> ([Claim], [Missing]) {
            var claims: [Claim] = []
            var missing: [Missing] = []
            for (id, node, _) in sources {
                let parts = fields.compactMap { field -> (String, SourceLocation)? in
                    guard let value = SummaryInputs.node(node, field.path), let text = SummaryInputs.answer(value) else { return nil }
                    return ("\(field.label): \(text)", value.location)
                }
                if let first = parts.first {
                    claims.append(Claim(subject: "source \(id)", text: parts.map(\.0).joined(separator: "; "), location: first.1))
                } else if let required, types.contains(node["source_type"]?.scalar?.text ?? "") {
                    missing.append(
                        Missing(
                            field: "sources[].\(required)", subject: "source \(id)", location: SummaryInputs.parentLocation(node, required))
                    )
                }
            }
            return (claims, missing)
        }

        var sections: [Section] = []
        let responsibility = cardPart([
            ("Responsible for the policy", "owner", true), ("Policy document", "ref", true), ("Contact", "contact", false),
        ])
        sections.append(
            Section(
                key: "responsibility", title: "Responsibility", reference: "Code of Practice, Copyright chapter, Measure 1.1",
                purpose: "Who in the organisation is responsible for drawing up, implementing and keeping this policy up to date.",
                claims: responsibility.0, missing: responsibility.1))

        let protocols = cardPart([("Machine-readable opt-out protocols honoured", "tdm_opt_out_protocols", true)])
        let optOuts = sourcePart(
            mined,
            [
                ("checked for reservations", "tdm_opt_out.checked"), ("on", "tdm_opt_out.checked_at"),
                ("protocols", "tdm_opt_out.protocols"), ("reservations found", "tdm_opt_out.reservations_found"),
                ("handling", "tdm_opt_out.handling"), ("crawlers", "crawl.crawler_names"), ("user agents", "crawl.user_agents"),
                ("robots.txt respected", "crawl.robots_txt_respected"), ("ai.txt respected", "crawl.ai_txt_respected"),
                ("crawler information published at", "crawl.public_info_url"),
                ("update notifications at", "crawl.update_notification_url"),
            ], required: "tdm_opt_out.checked")
        sections.append(
            Section(
                key: "opt_outs", title: "Rights reservations (opt-outs) honoured, and how",
                reference: "Code of Practice, Copyright chapter, Measure 1.3; Directive (EU) 2019/790, Art. 4(3)",
                purpose:
                    "Which machine-readable protocols expressing a reservation of rights are identified and followed, and what was done with the content reserved.",
                claims: protocols.0 + optOuts.0, missing: protocols.1 + optOuts.1))

        let access = sourcePart(
            mined,
            [
                ("lawfully accessible", "access.lawful_access"), ("login required", "access.login_required"),
                ("paywall bypassed", "access.paywall_bypassed"), ("technological measures circumvented", "access.tpm_circumvented"),
                ("terms of service", "access.tos.url"), ("terms prohibit AI training", "access.tos.prohibits_ai_training"),
            ], required: "access.lawful_access")
        sections.append(
            Section(
                key: "lawful_access", title: "Lawful access",
                reference: "Code of Practice, Copyright chapter, Measure 1.2(a); Directive 2001/29/EC, Art. 6(3)",
                purpose:
                    "That only lawfully accessible content is reproduced and extracted, without circumventing effective technological measures such as paywalls.",
                claims: access.0, missing: access.1))

        let lists = sourcePart(
            mined,
            [
                ("excluded domain lists", "crawl.excluded_domain_lists"), ("list checked", "access.infringing_sites_list.name"),
                ("version", "access.infringing_sites_list.version"), ("checked on", "access.infringing_sites_list.checked_at"),
                ("source on the list", "access.infringing_sites_list.listed"),
            ], required: "crawl.excluded_domain_lists", of: ["web_crawl"])
        sections.append(
            Section(
                key: "infringing_sites", title: "Websites recognised as infringing",
                reference: "Code of Practice, Copyright chapter, Measure 1.2(b)",
                purpose:
                    "Which lists of websites recognised by courts or public authorities in the EU and EEA as persistently infringing are excluded from crawling.",
                claims: lists.0, missing: lists.1))

        var safeguards = cardPart([
            ("Technical safeguards against infringing outputs", "output_infringement_safeguards", true),
            ("Acceptable-use policy prohibits infringing use", "aup_prohibits_infringement", false),
            ("Documentation warns against infringing use", "docs_warn_infringing_use", false),
        ])
        // Infringing use must be prohibited (or, for open models, warned against): a "No" answers nothing.
        if !safeguards.0.contains(where: {
            ($0.text.hasPrefix("Acceptable-use") || $0.text.hasPrefix("Documentation")) && $0.text.hasSuffix(": Yes")
        }) {
            let path = "\(policy).aup_prohibits_infringement"
            safeguards.1.append(Missing(field: path, subject: modelSubject, location: SummaryInputs.parentLocation(card.root, path)))
        }
        sections.append(
            Section(
                key: "output_safeguards", title: "Safeguards against infringing outputs",
                reference: "Code of Practice, Copyright chapter, Measure 1.4",
                purpose:
                    "The technical safeguards against outputs that reproduce training content in an infringing way, and the prohibition of infringing use in the terms or documentation.",
                claims: safeguards.0, missing: safeguards.1))

        let complaints = cardPart([("Point of contact", "contact", true), ("Complaint mechanism", "complaint_mechanism_url", true)])
        sections.append(
            Section(
                key: "complaints", title: "Point of contact and complaint mechanism",
                reference: "Code of Practice, Copyright chapter, Measure 1.5",
                purpose:
                    "Where rightsholders and their representatives reach the provider and lodge complaints, which are handled diligently, non-arbitrarily and in reasonable time.",
                claims: complaints.0, missing: complaints.1))
        self.sections = sections
    }
}
