/// What each field of a model card means and which law it serves; see
/// `ArtifactSchemas+Descriptions.swift` for where citations come from and how they are marked.
extension ArtifactSchemas {
    static let modelCardDescriptions: [String: String] = [
        "model": "The model the card describes.",
        "model.name":
            "The model's name (GPAI Code of Practice, Model Documentation Form 1.2; AI Office summary template Section 1.2 "
            + "(secondary source)); findings name it (model:NAME).",
        "model.version": "The model's version (AI Office summary template Section 1.2 (secondary source)).",
        "model.versioned_names":
            "The versioned model names the documentation covers, e.g. Llama 3.1-405B (AI Office summary template Section 1.2 "
            + "(secondary source)).",
        "model.description": "What the model is and does.",
        "model.release_date":
            "The model's release date (AI Act Annex XI 1.1; Model Documentation Form 1.4); California AB 2013 documentation is "
            + "posted before each release.",
        "model.eu_market_date":
            "The date the model was placed on the Union market (Model Documentation Form 1.5; AI Office summary template "
            + "Section 1.2 (secondary source)); models placed before 2 Aug 2025 comply by 2 Aug 2027 (AI Act Art. 111(3) "
            + "(secondary source)).",
        "model.parameter_count": "The total number of parameters (AI Act Annex XI 1.1; Model Documentation Form 2).",
        "model.max_input_size": "The maximum input size, e.g. the context window (AI Act Annex XII 2(b)).",
        "model.io_modalities": "The input and output modalities and their format (AI Act Annex XI 1.1; Model Documentation Form 2).",
        "model.intended_tasks":
            "The tasks the model is intended for and the types of AI systems it can be integrated into (AI Act Annex XI 1.1).",
        "model.limitations": "The model's known capabilities and limitations (AI Act Annex IV 3).",
        "model.acceptable_use_policy_url": "The acceptable use policy (AI Act Annex XI 1.1; Model Documentation Form 4).",
        "model.license":
            "The model's licence (AI Act Annex XI 1.1); a free and open-source licence is a condition of the Art. 53(2) exemption.",
        "model.license.spdx": "The licence's SPDX identifier.",
        "model.license.url": "Where the licence text is published.",
        "model.authenticity": "Evidence of the model's authenticity (GPAI Code of Practice, Model Documentation Form 1.3).",
        "model.authenticity.sha256": "A secure hash of the model's binaries, in hex (Model Documentation Form 1.3).",
        "model.authenticity.endpoint":
            "The https endpoint that serves the model, as authenticity evidence (Model Documentation Form 1.3 (secondary source)).",
        "model.integration_types":
            "The type and nature of AI systems in which the model can be integrated (AI Act Annex XI 1.1(a); Model Documentation Form 4).",
        "model.integration_means":
            "The technical means (instructions of use, infrastructure, tools) required to integrate the model in AI systems "
            + "(AI Act Annex XI 1.2(a) (secondary source)).",
        "model.design_specification":
            "The design specifications of the model: key design choices with their rationale and assumptions, and what the model "
            + "is designed to optimise for (AI Act Annex XI 1.2(b) (secondary source)).",
        "model.training_methodology":
            "The training process: methodologies and techniques (AI Act Annex XI 1.2(b) (secondary source)).",
        "model.uses_model_training":
            "Whether the system uses techniques involving the training of AI models with data; if not, Art. 10(2)-(4) apply "
            + "to testing data only (AI Act Art. 10(6)).",
        "model.intended_persons_or_groups":
            "The persons or groups of persons the system is intended to be used on; empty if none (AI Act Annex IV 3, Art. 13(3)(b)(v)).",
        "model.foreseeable_risks":
            "Foreseeable unintended outcomes and sources of risk to health and safety, fundamental rights and discrimination "
            + "(AI Act Annex IV 3).",
        "model.external_interaction":
            "How the model interacts, or can be used to interact, with hardware or software that is not part of it; say so in "
            + "words where this does not apply (AI Act Annex XII 1(d)).",
        "model.software_versions":
            "The versions of relevant software related to the use of the model, where applicable (AI Act Annex XII 1(e)).",
        "model.anonymity": "A claim that the trained model is anonymous (EDPB Opinion 28/2024 (secondary source)).",
        "model.anonymity.claimed":
            "Whether the model is claimed to be anonymous: personal data can be neither extracted from it nor obtained by "
            + "querying it, beyond an insignificant likelihood (EDPB Opinion 28/2024 (secondary source)).",
        "model.anonymity.assessment_ref": "The documented, case-by-case anonymity assessment (EDPB Opinion 28/2024 (secondary source)).",
        "model.anonymity.extraction_tests":
            "The attack tests run, e.g. membership inference, model inversion (EDPB Opinion 28/2024 (secondary source)).",
        "model.anonymity.extraction_risk":
            "What the extraction tests found: whether extracting personal data from the model, or obtaining it through queries, "
            + "is insignificantly likely; only an insignificant likelihood supports anonymity (EDPB Opinion 28/2024 (secondary source)).",
        "model.architecture": "The model's architecture (AI Act Annex XI 1.1; Model Documentation Form 2).",
        "model.distribution": "How the model is distributed (AI Act Annex XI 1.1; Model Documentation Form 3).",
        "provider": "The provider of the model.",
        "provider.legal_name":
            "The provider's legal name (Model Documentation Form 1.1; AI Office summary template Section 1.1 (secondary source)).",
        "provider.contact":
            "The provider's contact details (AI Office summary template Section 1.1 (secondary source); AI Act Art. 13(3)(a) "
            + "(secondary source)).",
        "provider.established_in_eu":
            "Whether the provider is established in the EU; one that is not appoints an authorised representative (AI Act "
            + "Art. 54 (secondary source)).",
        "provider.authorised_representative":
            "The EU authorised representative of a provider established outside the EU (AI Act Art. 54 (secondary source); AI "
            + "Office summary template Section 1.1 (secondary source)).",
        "provider.is_sme":
            "Whether the provider is an SME: it may use the simplified technical documentation form (AI Act Art. 11(1)) and "
            + "list fewer top domains (AI Office summary template Section 2.3(vii) (unverified)).",
        "provider.role":
            "The organisation's role for this model: provider, downstream modifier or deployer (AI Act Art. 3(3), 3(4), 25 "
            + "(secondary source)).",
        "provider.doc_request_contact":
            "The public contact for documentation requests (GPAI Code of Practice, Transparency chapter, Measure 1.2 (secondary source)).",
        "provider.organisation_type":
            "The kind of organisation; only research organisations and cultural heritage institutions may rely on the research "
            + "exception (DSM Directive Art. 3(1)).",
        "provider.operates_search_engine":
            "Whether the provider operates a search engine, whose indexing must not suffer from honouring reservations (GPAI "
            + "Code of Practice, Copyright chapter, Measure 1.3(5) (secondary source)).",
        "dependencies":
            "The models this model was modified or fine-tuned from or builds on (AI Office summary template Section 1.2 "
            + "(secondary source); AI Act Annex IV 2(a)).",
        "dependencies[].name": "The upstream model's name (AI Office summary template Section 1.2 (secondary source)).",
        "dependencies[].provider": "The upstream model's provider.",
        "dependencies[].gpai_on_eu_market":
            "Whether the upstream model is a general-purpose AI model placed on the Union market; only such a model has a "
            + "summary to link (AI Office summary template Section 1.2 (secondary source)).",
        "dependencies[].summary_url":
            "The upstream model's public training-content summary (AI Office summary template Section 1.2 (secondary source)).",
        "dependencies[].how_used": "How the pre-trained model was used, integrated or modified (AI Act Annex IV 2(a)).",
        "dependencies[].lawfulness_due_diligence_ref":
            "The assessment that the upstream model was not developed by unlawfully processing personal data (EDPB Opinion "
            + "28/2024 para 129).",
        "classification": "How the model is classified under the AI Act, which decides the obligations that apply.",
        "classification.gpai":
            "Whether the model is a general-purpose AI model (AI Act Art. 3(63)); indicatively one trained with more than 10^23 "
            + "FLOP that can generate language, images or video (Commission GPAI Guidelines (secondary source)).",
        "classification.training_compute_flop":
            "The cumulative compute used for training, in FLOP (AI Act Annex XI 1.2(d)-(e)); above 10^25 FLOP systemic risk is "
            + "presumed (Art. 51(2)).",
        "classification.systemic_risk": "The model's systemic-risk classification (AI Act Art. 51).",
        "classification.systemic_risk.status": "Whether the model is a general-purpose AI model with systemic risk (AI Act Art. 51).",
        "classification.systemic_risk.basis":
            "Why: the compute threshold (AI Act Art. 51(2)), a Commission designation (Annex XIII), or a rebutted presumption.",
        "classification.systemic_risk.notification_date":
            "When the Commission was notified, within two weeks of the threshold being met (AI Act Art. 52(1) (secondary source)).",
        "classification.systemic_risk.threshold_met_date":
            "When the threshold was met or became known to be met (AI Act Art. 52(1) (secondary source)).",
        "classification.systemic_risk.rebuttal_ref": "The rebuttal of the Art. 51(2) presumption submitted to the Commission.",
        "classification.systemic_risk.rebuttal_decision":
            "The Commission's decision on the rebuttal: pending, accepted or rejected. Only an accepted rebuttal lifts the "
            + "presumption; until then the model is systemic (AI Act Art. 52(3)).",
        "classification.systemic_risk.rebuttal_decision_ref": "The Commission's decision on the rebuttal (AI Act Art. 52(3)).",
        "classification.open_source_exemption":
            "The free and open-source exemption from AI Act Art. 53(1)(a) and (b) (Art. 53(2)); never available to systemic-risk models.",
        "classification.open_source_exemption.claimed": "Whether the exemption is claimed (AI Act Art. 53(2)).",
        "classification.open_source_exemption.weights_public":
            "Whether the parameters, including the weights, are public (AI Act Art. 53(2)).",
        "classification.open_source_exemption.architecture_public":
            "Whether information on the model architecture is public (AI Act Art. 53(2)).",
        "classification.open_source_exemption.usage_info_public": "Whether information on model usage is public (AI Act Art. 53(2)).",
        "classification.open_source_exemption.monetised":
            "Whether the model is monetised, which rules the exemption out (AI Act Recital 103).",
        "classification.high_risk": "The system's high-risk classification (AI Act Art. 6, Annex III (secondary source)).",
        "classification.high_risk.status": "Whether the system is high-risk (AI Act Art. 6 (secondary source)).",
        "classification.high_risk.annex_iii_point":
            "The Annex III use case the system falls under, or none: a system declared not high-risk answers this explicitly (AI Act Annex III (secondary source)).",
        "classification.high_risk.annex_i_act":
            "The Annex I Union harmonisation act that covers the product (AI Act Art. 6(1) (secondary source)).",
        "classification.high_risk.art6_3_assessment_ref":
            "The assessment, documented before market placement, that an Annex III system poses no significant risk (AI Act "
            + "Art. 6(3), 6(4) (secondary source)).",
        "classification.high_risk.art6_3_condition":
            "The Art. 6(3) condition, points (a)-(d), on which the provider concludes an Annex III system is not high-risk "
            + "(AI Act Art. 6(3)).",
        "classification.high_risk.art6_3_assessment_date":
            "When the Art. 6(3) assessment was documented; before market placement (AI Act Art. 6(4)).",
        "classification.high_risk.art49_registration_ref":
            "The EU-database registration of a system concluded not high-risk under Art. 6(3) (AI Act Art. 49(2) (secondary source)).",
        "classification.high_risk.art49_registration_date": "The date of that registration (AI Act Art. 49(2) (secondary source)).",
        "classification.high_risk.significant_change":
            "Whether the system's design changed significantly on or after the date Chapter III applies to it; a system placed "
            + "on the market earlier is covered only then (AI Act Art. 111(2)).",
        "classification.high_risk.significant_change_since": "When the first such significant change applies (AI Act Art. 111(2)).",
        "classification.high_risk.public_authority_use":
            "Whether the system is intended to be used by public authorities; such a system already on the market complies "
            + "by 2 Aug 2030 (AI Act Art. 111(2)).",
        "classification.high_risk.profiling":
            "Whether the system profiles natural persons, which keeps an Annex III system high-risk (AI Act Art. 6(3) (secondary source)).",
        "classification.art50": "Transparency duties of systems that interact with people or generate content (AI Act Art. 50).",
        "classification.art50.interacts_with_natural_persons":
            "Whether the system interacts directly with natural persons, who must be told they are dealing with AI (AI Act "
            + "Art. 50(1) (secondary source)).",
        "classification.art50.generates_synthetic": "The synthetic content the system generates; empty if none (AI Act Art. 50(2)).",
        "classification.art50.marking_methods":
            "How outputs are marked, machine-readably and detectably, as AI-generated, e.g. C2PA manifests or watermarks (AI "
            + "Act Art. 50(2)).",
        "classification.art50.disclosure_mechanism":
            "How people are told they are interacting with an AI system (AI Act Art. 50(1) (secondary source)).",
        "classification.art50.exception_assessment_ref":
            "The assessment showing the system only performs an assistive function for standard editing or does not "
            + "substantially alter its input (AI Act Art. 50(2)).",
        "classification.art50.law_enforcement_authorisation_ref":
            "The law authorising the system to detect, prevent, investigate or prosecute criminal offences (AI Act Art. 50(1)-(2)).",
        "classification.art50.public_reporting_channel":
            "Whether the system is available for the public to report a criminal offence; such a system keeps the Art. 50(1) "
            + "duty (AI Act Art. 50(1)).",
        "classification.art50.exception_claimed":
            "An exception claimed: assistive standard editing or no substantial alteration of the input (AI Act Art. 50(2)), "
            + "or authorisation by law for criminal-offence work (Art. 50(1)-(2)); each holds only with its evidence.",
        "training_data": "The training data as a whole.",
        "training_data.datasets": "The dataset manifests the model was trained on; they are loaded and checked with the card.",
        "training_data.datasets[].manifest": "The manifest's path, relative to this card.",
        "training_data.latest_acquisition":
            "The latest date of data acquisition or collection for training (AI Office summary template Section 1.3 (secondary source)).",
        "training_data.continuous_training":
            "Whether the model is trained on new data after that date (AI Office summary template Section 1.3 (secondary source)).",
        "transparency": "The model's transparency documentation.",
        "transparency.training_summary": "The public summary of training content (AI Act Art. 53(1)(d)).",
        "transparency.training_summary.public_url": "Where the summary is published (AI Act Art. 53(1)(d)).",
        "transparency.training_summary.version":
            "The summary's version (AI Office summary template, document metadata (secondary source)).",
        "transparency.training_summary.previous_versions":
            "Links to the summary's previous versions; an empty list for a first version (AI Office summary template, "
            + "document metadata (secondary source)).",
        "transparency.training_summary.modalities":
            "The modalities the published summary declares; they must cover every modality of the manifests (AI Office "
            + "summary template Section 1.3 (secondary source)).",
        "transparency.training_summary.last_update":
            "The date of the summary's last update (AI Office summary template, document metadata (secondary source)).",
        "transparency.copyright_policy": "The policy to comply with Union copyright law (AI Act Art. 53(1)(c)).",
        "transparency.copyright_policy.ref":
            "The copyright policy document (AI Act Art. 53(1)(c); GPAI Code of Practice, Copyright chapter, Measure 1.1 "
            + "(secondary source)).",
        "transparency.copyright_policy.owner":
            "Who is responsible for the policy internally (GPAI Code of Practice, Copyright chapter, Measure 1.1 (secondary source)).",
        "transparency.copyright_policy.contact":
            "The point of contact for rightsholders (GPAI Code of Practice, Copyright chapter, Measure 1.5 (secondary source)).",
        "transparency.copyright_policy.complaint_mechanism_url":
            "The complaint mechanism for rightsholders and their organisations (GPAI Code of Practice, Copyright chapter, "
            + "Measure 1.5 (secondary source)).",
        "transparency.copyright_policy.tdm_opt_out_protocols":
            "The machine-readable opt-out protocols honoured (AI Act Art. 53(1)(c); AI Office summary template Section 3.1; "
            + "GPAI Code of Practice, Copyright chapter, Measure 1.3 (secondary source)).",
        "transparency.copyright_policy.output_infringement_safeguards":
            "Technical safeguards against outputs that reproduce training content infringingly (GPAI Code of Practice, "
            + "Copyright chapter, Measure 1.4 (secondary source)).",
        "transparency.copyright_policy.aup_prohibits_infringement":
            "Whether the acceptable use policy or terms prohibit infringing uses (GPAI Code of Practice, Copyright chapter, "
            + "Measure 1.4 (secondary source)).",
        "transparency.copyright_policy.docs_warn_infringing_use":
            "For an open-source model, whether its documentation alerts users that infringing uses are prohibited (GPAI Code "
            + "of Practice, Copyright chapter, Measure 1.4 (secondary source)).",
        "transparency.technical_documentation":
            "The technical documentation (AI Act Art. 53(1)(a), Annex XI; for a high-risk system Art. 11(1), Annex IV).",
        "transparency.technical_documentation.ref": "The technical documentation (AI Act Art. 53(1)(a), Art. 11(1)).",
        "transparency.technical_documentation.retention_years":
            "How many years the documentation and its previous versions are kept (GPAI Code of Practice, Transparency Measure "
            + "1.1: ten years (secondary source)).",
        "transparency.technical_documentation.last_updated": "When it was last brought up to date (AI Act Art. 53(1)(a)).",
        "transparency.technical_documentation.drawn_up":
            "When it was first drawn up; for a high-risk system, before market placement (AI Act Art. 11(1)).",
        "transparency.instructions_for_use": "The instructions for use of a high-risk system (AI Act Art. 13).",
        "transparency.instructions_for_use.ref": "The instructions for use (AI Act Art. 13).",
        "transparency.instructions_for_use.group_performance":
            "The performance for specific persons or groups of persons, as the instructions for use state it (AI Act Art. 13(3)(b)(v)).",
        "transparency.instructions_for_use.input_spec": "Specifications for the input data (AI Act Art. 13(3)(b)(vi)).",
        "transparency.instructions_for_use.training_data_info":
            "Information on the training, validation and testing data sets used (AI Act Art. 13(3)(b)(vi)).",
        "transparency.downstream_documentation":
            "The information for downstream providers (AI Act Art. 53(1)(b), Annex XII).",
        "transparency.downstream_documentation.ref": "The downstream documentation (AI Act Art. 53(1)(b), Annex XII).",
        "transparency.downstream_documentation.response_days":
            "The days within which downstream providers' documentation requests are answered (GPAI Code of Practice, "
            + "Transparency Measure 1.2: 14 at most (secondary source)).",
        "transparency.code_of_practice_signatory":
            "Whether the provider signed the GPAI Code of Practice (AI Office summary template Section 3.1).",
        "energy": "Training time and energy (AI Act Annex XI 1.2(d)-(e)).",
        "energy.training_mwh":
            "Known or estimated energy used for training, in MWh (AI Act Annex XI 1.2(d)-(e); Model Documentation Form).",
        "energy.estimation_method": "How the energy was estimated; it may be estimated from compute (AI Act Annex XI 1.2(d)-(e)).",
        "energy.training_time": "The training time (AI Act Annex XI 1.2(d)-(e); Model Documentation Form).",
        "evaluation": "Evaluation and the duties of systemic-risk models (AI Act Art. 55(1)).",
        "evaluation.system_architecture_ref":
            "How the software components build or feed into each other and integrate into the overall processing (AI Act "
            + "Annex XI 2.3 (secondary source)).",
        "modification": "What a downstream modifier changed in the model it modified (AI Act Art. 25; GPAI Guidelines (secondary source)).",
        "modification.description": "The modification: fine-tuning, further training or other changes, and its data.",
        "modification.compute_flop":
            "The training compute used for the modification, in FLOP (GPAI Guidelines: one third of the original (secondary source)).",
        "modification.original_compute_flop": "The training compute of the modified model, in FLOP (GPAI Guidelines (secondary source)).",
        "deployment": "How a deployer uses the system, for the deployers' transparency duties (AI Act Art. 50(3)-(4)).",
        "deployment.automated_decisions":
            "True when the model is used for decisions based solely on automated processing that produce legal or similarly significant effects. Serves Art. 22(1) (secondary source).",
        "deployment.art22_exception":
            "The Art. 22(2) exception relied on (secondary source).",
        "deployment.art22_law_basis":
            "The Union or Member State law that authorises the decisions, for union_or_member_state_law (Art. 22(2)(b), secondary source).",
        "deployment.art22_safeguards":
            "The safeguards Art. 22(3) requires for the contract and consent exceptions (secondary source).",
        "deployment.output_pii_filters":
            "Output filters that stop the model regurgitating personal data. Serves EDPB Opinion 28/2024 para 107 (secondary source); the catalogue names it model.output_pii_filters.",
        "deployment.emotion_recognition_or_biometric_categorisation":
            "Whether the deployment uses emotion recognition or biometric categorisation (AI Act Art. 50(3)).",
        "deployment.exposure_notice": "How the persons exposed are informed (AI Act Art. 50(3)).",
        "deployment.deep_fakes": "Whether the deployment generates or manipulates deep fakes (AI Act Art. 50(4)).",
        "deployment.deep_fake_disclosure": "How deep fakes are disclosed as artificially generated or manipulated (AI Act Art. 50(4)).",
        "deployment.public_interest_text":
            "Whether generated or manipulated text is published to inform the public on matters of public interest (AI Act Art. 50(4)).",
        "deployment.text_disclosure": "How such text is disclosed as artificially generated or manipulated (AI Act Art. 50(4)).",
        "deployment.human_review": "Whether such text undergoes human review or editorial control (AI Act Art. 50(4)).",
        "deployment.editorial_responsibility":
            "The natural or legal person who holds editorial responsibility for the text (AI Act Art. 50(4)).",
        "deployment.law_enforcement_authorisation_ref":
            "The law authorising the use to detect, prevent, investigate or prosecute criminal offences (AI Act Art. 50(3)-(4)).",
        "evaluation.protocols": "The standardised, state-of-the-art evaluation protocols used (AI Act Art. 55(1)(a)).",
        "evaluation.metrics": "The evaluation criteria and metrics (AI Act Art. 55(1)(a), Annex XI 2.1-2.2).",
        "evaluation.systemic_risk_mitigations": "The measures that mitigate systemic risks (AI Act Art. 55(1)(b)).",
        "evaluation.adversarial_testing_ref": "The documented adversarial testing (AI Act Art. 55(1)(a)).",
        "evaluation.systemic_risk_assessment_ref":
            "The assessment of systemic risks at Union level and their sources (AI Act Art. 55(1)(b)).",
        "evaluation.incident_process_ref":
            "The process to track, document and report serious incidents to the AI Office (AI Act Art. 55(1)(c)).",
        "evaluation.fairness_metrics": "The metrics measuring potentially discriminatory impacts (AI Act Annex IV 2(g)).",
        "evaluation.test_reports": "The test logs and reports, each dated and signed by the responsible person (AI Act Annex IV 2(g)).",
        "evaluation.test_reports[].ref": "The test report (AI Act Annex IV 2(g)).",
        "evaluation.test_reports[].date": "When it was signed (AI Act Annex IV 2(g)).",
        "evaluation.test_reports[].signed_by": "Who signed it (AI Act Annex IV 2(g)).",
        "evaluation.group_performance": "The accuracy for each person or group the system is intended for (AI Act Annex IV 3).",
        "evaluation.group_performance[].group": "The person or group of persons (AI Act Annex IV 3).",
        "evaluation.group_performance[].metric": "The metric (AI Act Annex IV 3).",
        "evaluation.group_performance[].value": "The value measured (AI Act Annex IV 3).",
        "evaluation.expected_accuracy":
            "The overall expected level of accuracy for the intended purpose (AI Act Annex IV 3, Art. 13(3)(b)(ii)).",
        "evaluation.security_measures_ref":
            "The cybersecurity protection of the model and its physical infrastructure (AI Act Art. 55(1)(d)).",
        "us": "United States disclosures.",
        "us.ab2013_doc_url":
            "Where the training-data documentation is posted on the developer's website (California AB 2013 (a) (secondary source)).",
        "us.ab2013_posted_date":
            "When the documentation was posted; due before each release (California AB 2013 (a) (secondary source)).",
        "us.ab2013_exemption":
            "An exemption from AB 2013: security and integrity, aircraft operation, or federal national security (California "
            + "AB 2013 (secondary source)); it holds only with the facts below.",
        "us.ab2013_exemption_purpose":
            "The purpose the exemption rests on, matching the exemption claimed (California AB 2013 (secondary source)).",
        "us.federal_entities_only":
            "Whether the system is made available only to federal entities, a condition of the national-security exemption "
            + "(California AB 2013 (secondary source)).",
        "us.ab2013_exemption_ref": "The assessment that the exemption's conditions hold (California AB 2013 (secondary source)).",
    ]
}
