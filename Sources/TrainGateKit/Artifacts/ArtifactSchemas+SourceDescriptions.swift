/// What each field of a dataset manifest's source block means and which law it serves, keyed by
/// its path inside the block (`access.tos.url`). Citations come from the project's regulatory
/// catalogue (§7 and the rule tables it maps fields to), with its evidence markers: see
/// `JSONSchemaExport.conventions`.
extension ArtifactSchemas {
    static let sourceDescriptions: [String: String] = [
        "id": "The source's identifier, unique within the dataset; findings name it (dataset:ID/source:ID).",
        "name": "The source's name, or the name of a public dataset (AI Office summary template Section 2.1 (secondary source)).",
        "description":
            "A general description of the source (AI Act Annex IV 2(d), Annex XI 1.2(c)); the summary template asks for one for "
            + "private third-party, crawled and other sources (Sections 2.2.2, 2.3(v), 2.6).",
        "source_type":
            "The source category of the AI Office summary template (Sections 2.1 to 2.6 (secondary source); AI Act Art. 53(1)(d)); "
            + "it decides which rules apply to the source.",
        "origin":
            "Where the source comes from: the origin of the data (AI Act Art. 10(2)(b)) and the sources or owners of the datasets "
            + "(California AB 2013 (a)(1)).",
        "origin.owner": "Who owns the source's content (California AB 2013 (a)(1)).",
        "origin.locator":
            "Where the source can be found: a URL, dataset identifier or link (California AB 2013 (a)(1); AI Office summary "
            + "template Section 2.1 (secondary source)).",
        "origin.domains": "The web domains the content was taken from.",
        "origin.country": "The country the content comes from (AI Act Art. 10(2)(b)).",
        "modalities":
            "The modalities of the content: text, image, audio, video or other (AI Office summary template Section 1.3 "
            + "(secondary source); type of data, AI Act Annex XI 1.2(c)).",
        "languages":
            "The languages of the source's content as BCP 47 tags (en, pt-BR, und when undetermined): the linguistic "
            + "characteristics of the training data (AI Office summary template Section 1.3).",
        "content_types":
            "The types of content, e.g. fiction, photography, sound recordings (AI Office summary template Section 1.3 "
            + "(secondary source)); the types of data points (California AB 2013 (a)(4)).",
        "size":
            "The source's size, from which the summary template's size bins per modality are computed (Section 1.3 (secondary source)).",
        "size.value": "The number of units in the source: the number of data points (AI Act Annex XI 1.2(c); California AB 2013 (a)(3)).",
        "size.unit": "The unit of size.value (AI Office summary template Section 1.3 (secondary source)).",
        "collection_period":
            "When the data were collected (California AB 2013 (a)(10) (secondary source); period of data collection, AI Office "
            + "summary template Section 2.3(iv)).",
        "collection_period.start": "The first day of collection.",
        "collection_period.end":
            "The last day of collection; the model card's latest acquisition date may not be earlier (AI Office summary "
            + "template Section 1.3 (secondary source)).",
        "collection_period.ongoing":
            "Whether collection continues (California AB 2013 (a)(10) (secondary source)); on a synthetic source, whether "
            + "synthetic data generation is continuous (AB 2013 (a)(12) (unverified)).",
        "first_used": "The date the source was first used in development (California AB 2013 (a)(11) (unverified)).",
        "acquisition": "How the data were obtained and selected (AI Act Annex IV 2(d), Annex XI 1.2(c)).",
        "acquisition.method":
            "How the data were obtained: the data collection process (AI Act Art. 10(2)(b); Annex IV 2(d); Annex XI 1.2(c)).",
        "acquisition.selection_criteria": "How the data were selected (AI Act Annex IV 2(d), Annex XI 1.2(c)).",
        "access": "How the content was reached: lawful access and technological protection measures.",
        "access.lawful_access":
            "Whether the content was lawfully accessible, a condition of the text and data mining exception (DSM Directive Art. 4(1)).",
        "access.login_required":
            "Whether a login was needed to reach the content (GPAI Code of Practice, Copyright chapter, Measure 1.2(a)).",
        "access.paywall_bypassed":
            "Whether a paywall or subscription restriction was bypassed; signatories respect them (GPAI Code of Practice, "
            + "Copyright chapter, Measure 1.2(a)).",
        "access.tpm_circumvented":
            "Whether a technological protection measure such as DRM was circumvented (Directive 2001/29/EC Art. 6(3); GPAI Code "
            + "of Practice, Copyright chapter, Measure 1.2(a)).",
        "access.tos": "The terms of service or API policy that govern the source.",
        "access.tos.url": "Where the terms of service or API policy are published.",
        "access.tos.prohibits_ai_training":
            "Whether those terms prohibit training AI models on the content (e.g. Spotify Developer Policy III.14); a terms-of-service "
            + "reservation may count as an express reservation under DSM Directive Art. 4(3) (secondary source).",
        "access.infringing_sites_list":
            "The list of sites recognised as persistently infringing that the source was checked against (GPAI Code of Practice, "
            + "Copyright chapter, Measure 1.2(b)).",
        "access.infringing_sites_list.name": "The name of the list checked.",
        "access.infringing_sites_list.version": "The version of the list checked.",
        "access.infringing_sites_list.checked_at": "When the source was checked against the list.",
        "access.infringing_sites_list.listed":
            "Whether the source is on the list; listed sites are excluded (GPAI Code of Practice, Copyright chapter, Measure 1.2(b)).",
        "rights": "The copyright and licensing position of the source.",
        "rights.copyright_status":
            "The copyright basis for using the content: public domain, owned, licensed, the text and data mining exception "
            + "(DSM Directive Art. 4), the research exception (Art. 3), or unknown.",
        "rights.license": "The licence the content is used under.",
        "rights.license.spdx": "The licence's SPDX identifier.",
        "rights.license.url": "Where the licence text is published.",
        "rights.agreement":
            "The commercial licensing agreement with rightsholders or their representatives (AI Office summary template Section 2.2.1).",
        "rights.agreement.id": "The agreement's identifier.",
        "rights.agreement.counterparties":
            "The rightsholders or representatives party to the agreement (AI Office summary template Section 2.2.1).",
        "rights.agreement.covers_ai_training": "Whether the agreement covers training AI models.",
        "rights.agreement.covers_generative_training": "Whether the agreement covers training generative models.",
        "rights.agreement.term": "The agreement's term.",
        "rights.agreement.term.start": "The first day of the agreement's term.",
        "rights.agreement.term.end": "The last day of the agreement's term.",
        "rights.agreement.compensation":
            "How rightsholders are compensated (opt-in rightsholder-consent pack: industry principles, not law).",
        "rights.agreement.evidence": "The agreement itself, or other evidence of it.",
        "rights.rightsholder_consent":
            "How rightsholders or artists chose whether to take part (opt-in rightsholder-consent pack: industry principles, not law).",
        "rights.rightsholder_consent.model": "How rightsholders took part: opt_in, opt_out, none or not_applicable.",
        "rights.rightsholder_consent.evidence": "Evidence of the rightsholders' choices, e.g. opt-in records.",
        "rights.rightsholder_consent.coverage": "Which rightsholders or works the consent covers.",
        "rights.attribution": "Credit for rightsholders (opt-in rightsholder-consent pack: industry principles, not law).",
        "rights.attribution.required": "Whether rightsholders must be credited.",
        "rights.attribution.mechanism": "How credit is carried forward.",
        "rights.ip_protected_content":
            "Whether the source includes data protected by copyright, trademark or patent (California AB 2013 (a)(5)).",
        "rights.purchased_or_licensed": "Whether the developer purchased or licensed the source (California AB 2013 (a)(6)).",
        "tdm_opt_out":
            "The check for rightsholders' reservations of text and data mining (DSM Directive Art. 4(3); AI Act Art. 53(1)(c)).",
        "tdm_opt_out.checked":
            "Whether machine-readable reservations were looked for before mining (AI Act Art. 53(1)(c); DSM Directive Art. 4(3)).",
        "tdm_opt_out.checked_at":
            "When reservations were checked; it should fall within the collection period (DSM Directive Art. 4(3) (secondary source)).",
        "tdm_opt_out.protocols":
            "The opt-out protocols honoured (GPAI Code of Practice, Copyright chapter, Measure 1.3 (secondary source); AI Office "
            + "summary template Section 3.1).",
        "tdm_opt_out.reservations_found": "How many reservations were found.",
        "tdm_opt_out.handling":
            "What was done with reserved content; a reservation binds unless the content is excluded or licensed (DSM Directive Art. 4(3)).",
        "crawl": "The crawler that collected a web-crawled source (AI Office summary template Section 2.3).",
        "crawl.crawler_names":
            "The crawlers' names or identifiers (AI Office summary template Section 2.3(i); GPAI Code of Practice, Copyright "
            + "chapter, Measure 1.3(4) (secondary source)).",
        "crawl.user_agents":
            "The user agents the crawlers announce, which robots.txt rules address (GPAI Code of Practice, Copyright chapter, "
            + "Measure 1.3(1)(a); IETF RFC 9309).",
        "crawl.purposes": "The crawlers' purposes (AI Office summary template Section 2.3(ii)).",
        "crawl.period": "The period of crawling (AI Office summary template Section 2.3(iv)).",
        "crawl.period.start": "The first day of crawling.",
        "crawl.period.end": "The last day of crawling.",
        "crawl.robots_txt_respected":
            "Whether the crawlers read and follow robots.txt per RFC 9309 (GPAI Code of Practice, Copyright chapter, Measure "
            + "1.3(1)(a); EDPB Opinion 28/2024 paras 104-106 (secondary source)).",
        "crawl.ai_txt_respected":
            "Whether the crawlers follow ai.txt and other machine-readable protocols (GPAI Code of Practice, Copyright chapter, "
            + "Measure 1.3(1)(b) (secondary source); EDPB Opinion 28/2024 paras 104-106 (secondary source)).",
        "crawl.excluded_domain_lists":
            "Domain lists excluded from crawling, e.g. lists of persistently infringing sites (GPAI Code of Practice, Copyright "
            + "chapter, Measure 1.2(b); EDPB Opinion 28/2024 paras 104-106 (secondary source)).",
        "crawl.top_domains": "The most relevant domain names crawled (AI Office summary template Section 2.3(vii)).",
        "crawl.top_domains_share_pct":
            "The listed domains as a percentage of all domain names crawled; reported to be 10, or for SMEs 5 or 1,000 domains "
            + "(AI Office summary template Section 2.3(vii) (unverified)).",
        "crawl.update_notification_url":
            "Where rightsholders subscribe to be told automatically when the published crawler information changes, e.g. a "
            + "web feed (GPAI Code of Practice, Copyright chapter, Measure 1.3(4) (secondary source)).",
        "crawl.public_info_url":
            "Where the crawlers' identity and behaviour are published (GPAI Code of Practice, Copyright chapter, Measure 1.3(4) "
            + "(secondary source)).",
        "crawl.search_indexing_decoupled":
            "For a search-engine operator, whether honouring reservations leaves search indexing unaffected (GPAI Code of "
            + "Practice, Copyright chapter, Measure 1.3(5) (secondary source)).",
        "synthetic": "How a synthetic source was generated (AI Office summary template Section 2.5).",
        "synthetic.generator_models":
            "The AI models that generated the data, with links to their summaries where on the market (AI Office summary "
            + "template Section 2.5 (secondary source)).",
        "synthetic.generator_models[].name": "The generator model's name (AI Office summary template Section 2.5).",
        "synthetic.generator_models[].provider": "The generator model's provider.",
        "synthetic.generator_models[].summary_url":
            "The generator model's public training-content summary (AI Office summary template Section 2.5 (secondary source)).",
        "synthetic.generator_models[].on_market": "Whether the generator model is on the market; an unreleased one has no public summary.",
        "synthetic.purpose": "Why synthetic data were generated (California AB 2013 (a)(12) (unverified)).",
        "user_data":
            "User data collected by the provider's services: interactions with the model or other services (AI Office summary "
            + "template Section 2.4).",
        "user_data.services": "The services or products the user data come from (AI Office summary template Section 2.4).",
        "user_data.surfaces":
            "What users' data were used: prompts, posts, photos, listening history and so on (AI Office summary template Section 2.4).",
        "user_data.visibility":
            "Whether users' content was public, private or mixed, which shapes their reasonable expectations (EDPB Opinion "
            + "28/2024 paras 91-95 (secondary source)).",
        "user_data.participation":
            "How users took part: opt_in, opt_out or none; a missed opt-out is not consent (GDPR Art. 6(1)(a) (secondary "
            + "source), Art. 7(1)).",
        "user_data.minors_excluded": "Whether children's data were excluded (GDPR Art. 8(1) (secondary source)).",
        "personal_data": "Personal data in the source and what makes processing it for training lawful.",
        "personal_data.present": "Whether the source holds personal data: true, false or unknown (GDPR Art. 4(1) (secondary source)).",
        "personal_data.categories": "The categories of personal data held.",
        "personal_data.special_categories":
            "Special categories of personal data held, which need an Art. 9(2) condition (GDPR Art. 9(1) (secondary source)).",
        "personal_data.children": "Whether the source holds children's data (GDPR Art. 8(1) (secondary source)).",
        "personal_data.original_purpose":
            "The purpose the personal data were originally collected for (AI Act Art. 10(2)(b); GDPR Art. 5(1)(b), 6(4) "
            + "(secondary source)).",
        "personal_data.lawful_basis":
            "GDPR Art. 6(1): the lawful basis for processing this source's personal data for training (secondary source).",
        "personal_data.art9_condition":
            "GDPR Art. 9(2): the condition that allows processing the special categories held (secondary source).",
        "personal_data.consent": "How consent was obtained, recorded and can be withdrawn (GDPR Art. 7).",
        "personal_data.consent.mechanism": "How consent is asked for.",
        "personal_data.consent.records": "Where consent records are kept, so consent can be demonstrated (GDPR Art. 7(1)).",
        "personal_data.consent.demonstrable": "Whether the controller can demonstrate that data subjects consented (GDPR Art. 7(1)).",
        "personal_data.consent.withdrawable": "Whether consent can be withdrawn at any time (GDPR Art. 7(3)).",
        "personal_data.consent.withdrawal_mechanism": "How consent is withdrawn, as easily as it was given (GDPR Art. 7(3)).",
        "personal_data.consent.age_verification":
            "How age is verified and parental consent obtained for children (GDPR Art. 8(1) (secondary source)).",
        "personal_data.consent.bundled_with_service":
            "Whether the service is conditional on consent, which makes consent not freely given (GDPR Art. 7(4) (secondary source)).",
        "personal_data.legitimate_interest_assessment":
            "The three-step legitimate-interest assessment (GDPR Art. 6(1)(f) (secondary source); EDPB Opinion 28/2024 paras 66-97 (secondary source)).",
        "personal_data.legitimate_interest_assessment.ref": "The assessment document.",
        "personal_data.legitimate_interest_assessment.interest":
            "Step 1: the legitimate interest pursued, lawful, clearly articulated, real and present (EDPB Opinion 28/2024 para 68 "
            + "(secondary source)).",
        "personal_data.legitimate_interest_assessment.necessity":
            "Step 2: why the purpose needs personal data at all (EDPB Opinion 28/2024 para 73 (secondary source)).",
        "personal_data.legitimate_interest_assessment.balancing":
            "Step 3: the balancing of the interest against data subjects' rights (EDPB Opinion 28/2024 (secondary source)).",
        "personal_data.legitimate_interest_assessment.reasonable_expectations":
            "What data subjects can reasonably expect (EDPB Opinion 28/2024 paras 91-95 (secondary source)).",
        "personal_data.legitimate_interest_assessment.reasonable_expectations.public": "Whether the data were publicly available.",
        "personal_data.legitimate_interest_assessment.reasonable_expectations.relationship":
            "The relationship between the data subjects and the controller.",
        "personal_data.legitimate_interest_assessment.reasonable_expectations.context": "The context in which the data were collected.",
        "personal_data.legitimate_interest_assessment.reasonable_expectations.source_privacy_settings":
            "The source and its privacy settings.",
        "personal_data.legitimate_interest_assessment.reasonable_expectations.notice_ref":
            "The notice that told data subjects; a privacy-policy mention alone is not enough (EDPB Opinion 28/2024 para 92 "
            + "(secondary source)).",
        "personal_data.compatibility_assessment_ref":
            "The assessment that training is compatible with the original purpose (GDPR Art. 6(4), 5(1)(b) (secondary source)).",
        "personal_data.erasure": "How erasure requests are handled (GDPR Art. 17 (secondary source)).",
        "personal_data.erasure.mechanism": "How a data subject's erasure request is carried out.",
        "personal_data.absence_evidence_ref":
            "The evidence that a web crawl, a scraped source or a user-data source declared present: false really holds no personal data, e.g. a PII audit of a sample or an anonymisation report. Serves Art. 4(1) and the catalogue's rule that scrapes and user content hold personal data \"unless shown otherwise\" (secondary source).",
        "personal_data.collected_for_training":
            "True when the data were collected for training in the first place, so training is an original purpose and not further processing under Art. 6(4). Serves Art. 5(1)(b) and 6(4) (secondary source).",
        "personal_data.compatibility_outcome":
            "The conclusion of the Art. 6(4) compatibility assessment referenced in compatibility_assessment_ref. Serves Art. 6(4): only a compatible further use may rest on the original basis (secondary source).",
        "personal_data.obtained_from_data_subject":
            "Whether the data were obtained from the data subjects themselves (Art. 13) or elsewhere (Art. 14). Required for other sources; it overrides the default by source type. Serves Arts. 13 and 14 (secondary source).",
        "personal_data.notice.date":
            "The date the notice (or, under an Art. 14(5)(b) exemption, the public information) was published. Art. 13 sources must be informed before first use; Art. 14 sources within one month of obtaining the data (Arts. 13(3) and 14(3)(a), secondary source).",
        "personal_data.notice.public_information_ref":
            "The information made publicly available under Art. 14(5)(b) (\"appropriate measures … including making the information publicly available\", audit, verbatim via a stored note).",
        "personal_data.art6_law_basis":
            "The Union or Member State law that lays down a legal_obligation or public_task basis, as Art. 6(3) requires (secondary source).",
        "personal_data.contract_necessity":
            "Why training is objectively necessary to perform the contract with the data subjects. Serves Art. 6(1)(b), catalogue GDPR-6-1-b-AI (secondary source) and CJEU C-252/21 (secondary source).",
        "personal_data.legitimate_interest_assessment.children_weighting":
            "How the assessment weighed children's interests. Serves Art. 6(1)(f), \"in particular where the data subject is a child\" (secondary source).",
        "personal_data.legitimate_interest_assessment.alternatives_considered":
            "The less intrusive alternatives weighed in the necessity step. Serves EDPB Opinion 28/2024 para 73, catalogue lia.alternatives_considered[] (secondary source).",
        "personal_data.legitimate_interest_assessment.balancing_outcome":
            "The result of the balancing test: whether the data subjects' interests and rights override the controller's interest. Serves Art. 6(1)(f) and EDPB Opinion 28/2024 paras 66–97 (secondary source).",
        "personal_data.consent.parental_consent":
            "True when a holder of parental responsibility gave or authorised consent for every user below the applicable age. Serves Art. 8(1) (secondary source); the catalogue names it consent.parental.",
        "personal_data.art9_law_basis":
            "The Union or Member State law that an Art. 9(2)(b), (g), (h), (i) or (j) condition rests on. For (b) a collective agreement under Member State law may stand in its place; for (h), a contract with a health professional. Serves Art. 9(2)(j), \"based on Union or Member State law which shall be proportionate…\" (verbatim in the audit), and the same clause in (b), (g), (h) and (i) (secondary source).",
        "personal_data.art9_justification_ref":
            "The reasoning for an Art. 9(2)(c) vital interests, (d) not-for-profit, (e) made public or (f) legal claims condition. The catalogue calls it justification_ref. Serves Art. 9(2) (secondary source).",
        "personal_data.special_category_screening_ref":
            "The filtering measure or assessment behind an empty special_categories list on a crawl, public dataset or user-data source, e.g. a classifier run or a sampled audit. Serves Art. 9(1) and the EDPB ChatGPT Taskforce report (secondary source).",
        "personal_data.research_protocol_ref":
            "The research protocol (research question and method) behind an Art. 9(2)(j) research condition. Serves Art. 9(2)(j) and Recital 159 (secondary source).",
        "personal_data.art89_safeguards":
            "The organisational safeguards of Art. 89(1), e.g. access_restriction, ethics_review, no_decisions_about_individuals. The technical measures stay in personal_data.minimisation. Serves Art. 89(1) (secondary source); the catalogue names it art89_safeguards[].",
        "personal_data.rectification.mechanism":
            "How a rectification request reaches the raw and derived training data. Serves Art. 5(1)(d) and Art. 16 (secondary source); the catalogue names it rights.rectification_supported.",
        "personal_data.erasure.evidence_ref":
            "Evidence that erasure requests are carried out, e.g. the deletion log or suppression list applied to the training data. Serves Art. 17 (secondary source).",
        "personal_data.objection.handling":
            "What was done with objections: objected data excluded, compelling legitimate grounds demonstrated, or ignored. Serves Art. 21(1), verbatim in the audit (\"…based on point (e) or (f) of Article 6(1)…\").",
        "personal_data.objection.exclusion_evidence_ref":
            "Evidence that objected data were excluded, e.g. the suppression list applied or an exclusion log. Serves Art. 21(1) (verbatim in the audit) and EDPB Opinion 28/2024 para 65 (secondary source).",
        "personal_data.objection.compelling_grounds_ref":
            "The assessment showing compelling legitimate grounds that override the data subject's interests (Art. 21(1), secondary source for this limb).",
        "personal_data.objection.pre_collection_optout_list_ref":
            "The controller-managed opt-out list that data subjects can join before collection. Serves EDPB Opinion 28/2024 paras 104–106 (secondary source). The catalogue names it rights.pre_collection_optout_list_ref; in TrainGate rights holds copyright rights, so it sits with the other objection fields.",
        "personal_data.rectification": "How rectification reaches the training data (GDPR Art. 5(1)(d), Art. 16 (secondary source)).",
        "personal_data.erasure.scope": "What erasure reaches: the raw data, derived artefacts, the model.",
        "personal_data.ccpa_personal_information":
            "Whether the source includes personal information, Cal. Civ. Code §1798.140(v) (California AB 2013 (a)(7)).",
        "personal_data.aggregate_consumer_information":
            "Whether the source includes aggregate consumer information, Cal. Civ. Code §1798.140(b) (California AB 2013 (a)(8)).",
        "personal_data.objection":
            "The right to object where legitimate interests are relied on (GDPR Art. 21(1) (secondary source)).",
        "personal_data.objection.mechanism_url": "Where data subjects can object.",
        "personal_data.objection.window_before_training_days":
            "Days between announcing the processing and training, so objections take effect (EDPB Opinion 28/2024 paras 100-103 "
            + "(secondary source)).",
        "personal_data.notice": "Information given to data subjects (GDPR Arts. 13 and 14 (secondary source)).",
        "personal_data.notice.ref":
            "The notice given to data subjects: GDPR Art. 13 for direct collection, Art. 14 for indirect collection such as "
            + "scraping (secondary source).",
        "personal_data.notice.art14_exemption":
            "Whether the strictly limited disproportionate-effort exemption is claimed (GDPR Art. 14(5)(b) (secondary source)).",
        "personal_data.notice.justification": "Why the exemption applies.",
        "personal_data.notice.exemption_assessment_ref":
            "The assessment that informing each data subject is impossible or would involve a disproportionate effort (GDPR "
            + "Art. 14(5)(b)).",
        "personal_data.dpia": "The data protection impact assessment (GDPR Art. 35 (secondary source)).",
        "personal_data.dpia.ref": "The impact assessment document (GDPR Art. 35 (secondary source)).",
        "personal_data.dpia.date": "When the impact assessment was made.",
        "personal_data.minimisation": "Data minimisation measures (GDPR Art. 5(1)(c) (secondary source)).",
        "personal_data.minimisation.pseudonymised":
            "Whether the data were pseudonymised (GDPR Art. 5(1)(c) (secondary source); an Art. 89(1) safeguard (secondary source)).",
        "personal_data.minimisation.pii_filtering":
            "The filters applied to personal data, e.g. e-mail patterns, named entities, face blurring.",
        "personal_data.minimisation.fields_removed": "Personal-data fields removed before training.",
        "personal_data.retention": "How long the data are kept (GDPR Art. 5(1)(e), storage limitation (secondary source)).",
        "personal_data.retention.period": "The retention period, e.g. P3Y.",
        "personal_data.retention.deletion_trigger": "What triggers deletion.",
        "personal_data.transfers": "Transfers of the data outside the EEA (GDPR Arts. 44-49 (secondary source)).",
        "personal_data.transfers[].country": "The country the data go to.",
        "personal_data.transfers[].mechanism":
            "The transfer mechanism: an adequacy decision, standard contractual clauses, binding corporate rules or a derogation.",
        "processing": "How the source was prepared for training.",
        "processing.preparation_ops":
            "Data-preparation operations such as annotation, labelling, cleaning, updating, enrichment and aggregation (AI Act Art. 10(2)(c)).",
        "processing.cleaning_methods":
            "Data cleaning methods, e.g. outlier detection (AI Act Annex IV 2(d)); curation methodologies (Annex XI 1.2(c), Annex XII 2(c)).",
        "processing.labelling_procedure": "How the data were labelled (AI Act Annex IV 2(d)).",
        "processing.illegal_content_measures":
            "Measures to avoid or remove illegal content, e.g. blocklists, classifiers (AI Office summary template Section 3.2 "
            + "(secondary source)).",
        "processing.unsuitability_measures": "Measures to detect unsuitable data sources (AI Act Annex XI 1.2(c)).",
        "processing.modifications_purpose":
            "The intended purpose of the developer's cleaning, processing or other modification (California AB 2013 (a)(9)).",
        "retention":
            "How long the copies made for text and data mining are kept: only as long as necessary for the mining (Directive "
            + "(EU) 2019/790 Art. 4(2)). Not personal_data.retention, which is GDPR storage limitation.",
        "retention.raw_copies_until": "The date until which the raw copies are kept (DSM Art. 4(2)).",
        "retention.justification": "Why the mining needs the copies until then (DSM Art. 4(2)).",
        "retention.deletion_evidence_ref": "Evidence that the copies were deleted, once raw_copies_until has passed (DSM Art. 4(2)).",
        "ledger":
            "The source's ledger: one row per training item, so the built-in ledger pack can show that no item with withdrawn "
            + "consent (GDPR Art. 7(3)), an erasure request (Art. 17), an objection (Art. 21) or a machine-readable opt-out "
            + "(Directive (EU) 2019/790 Art. 4(3)) is trained on.",
        "ledger.path": "The ledger file, inside the manifest's folder tree: JSON Lines or CSV with a header, plain or gzip-compressed.",
        "ledger.format": "jsonl or csv; when absent, taken from the file name (.jsonl, .ndjson, .csv, each optionally .gz).",
        "ledger.sha256": "The SHA-256 of the ledger file as stored (compressed bytes for .gz), in hex; checked when given.",
        "suppression_lists": "Suppression lists that apply to this source's ledger only (see the manifest's suppression_lists).",
        "suppression_lists[].path": "The list file: CSV with a header, JSON Lines, or one key per line (.txt); plain or gzip-compressed.",
        "suppression_lists[].key": "The ledger row field the list's keys match (subject_ref, url, item_id, content_sha256, ...).",
        "suppression_lists[].kind": "erasure (GDPR Art. 17), optout (DSM Art. 4(3)), withdrawal (GDPR Art. 7(3)) or takedown.",
        "suppression_lists[].format": "csv, jsonl or txt; when absent, taken from the file name.",
        "suppression_lists[].sha256": "The list file's SHA-256, in hex; checked when given.",
    ]
}
