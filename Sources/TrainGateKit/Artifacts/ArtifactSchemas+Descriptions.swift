/// What each field of a TrainGate file means and which law it serves, for the exported JSON
/// Schemas (editors show them on hover). Keys are field paths: `model.release_date`, with `[]`
/// for a list's items (`sources[].personal_data.lawful_basis`).
///
/// Citations come from the project's regulatory catalogue (§7, and the rule tables that map
/// each field to a provision), not from memory. A citation the catalogue marks [S] (from a
/// secondary summary) ends in "(secondary source)", one it marks [U] in "(unverified)"; where the
/// catalogue gives no marker, the confidence of the built-in rule that reads the field decides.
/// A marker follows the citation it qualifies.
extension ArtifactSchemas {
    /// The description table of a kind; empty for a kind without one.
    static func descriptions(forKind kind: DocumentKind) -> [String: String] {
        switch kind {
        case .datasetManifest:
            var table = manifestDescriptions
            for (path, text) in sourceDescriptions { table["sources[]." + path] = text }
            return table
        case .modelCard: return modelCardDescriptions
        case .waiverSet: return waiverSetDescriptions
        case .config: return configDescriptions
        case .policyPack: return [:]
        }
    }

    /// The schema title of a kind.
    static func title(forKind kind: DocumentKind) -> String {
        switch kind {
        case .datasetManifest: return "TrainGate dataset manifest"
        case .modelCard: return "TrainGate model card"
        case .waiverSet: return "TrainGate waiver set"
        case .config: return "TrainGate project configuration (traingate.yaml)"
        case .policyPack: return "TrainGate policy pack"
        }
    }

    /// What a file of the kind is, and what traingate checks beyond the schema's shape.
    static func summary(forKind kind: DocumentKind) -> String {
        let evidence = "traingate check also verifies evidence files and their digests, calendar dates, and every policy rule."
        switch kind {
        case .datasetManifest:
            return "One dataset used to train a model, with one block per source: where the content came from, on what rights and "
                + "lawful basis, and how it was processed. It feeds the AI Act, GDPR and copyright checks and the public summary "
                + "of training content (AI Act Art. 53(1)(d)). " + evidence
        case .modelCard:
            return "A model and its legal declarations: identity, provider, AI Act classification, the dataset manifests it was "
                + "trained on, and the documentation the AI Act and the GPAI Code of Practice ask for. " + evidence
        case .waiverSet:
            return "Approved, expiring exceptions: each waiver lets one rule's failing finding on one subject pass until it expires. "
                + "traingate also requires full dates, non-blank fields, a lifetime within the maximum and one waiver per rule and "
                + "subject, and reports expired and stale waivers."
        case .config:
            return "The project file at a repository root: what traingate check reads and runs when given no arguments."
        case .policyPack: return ""
        }
    }

    static let manifestDescriptions: [String: String] = [
        "dataset": "The dataset this manifest describes.",
        "dataset.id": "The dataset's identifier, unique among the datasets a model card names; findings name it (dataset:ID).",
        "dataset.name": "The dataset's human-readable name.",
        "dataset.version": "The dataset's version.",
        "dataset.description": "A general description of the dataset (AI Act Annex IV 2(d)).",
        "dataset.owner": "The organisation that owns the dataset.",
        "dataset.owner.organisation": "The owning organisation's name.",
        "dataset.owner.contact": "How to reach the dataset's owner.",
        "controller": "Who processes the dataset's personal data, and in which GDPR role.",
        "controller.legal_name": "The legal name of the organisation processing the personal data.",
        "controller.role": "The organisation's GDPR role for this dataset: controller, processor or joint controller.",
        "controller.dpo_contact": "How to reach the data protection officer.",
        "controller.eu_representative": "The representative in the EU of a controller established outside it.",
        "purposes":
            "What the dataset is processed for: the declared training purpose (GDPR Art. 5(1)(b), purpose limitation) (secondary "
            + "source), and how the datasets further the system's intended purpose (California AB 2013 (a)(2)).",
        "purposes[].id": "A short identifier for the purpose.",
        "purposes[].description": "How the dataset furthers the intended purpose of the system (California AB 2013 (a)(2)).",
        "purposes[].stage":
            "The training stage the purpose serves; bias_detection is the special-category processing of AI Act Art. 4a(1) "
            + "(secondary source), formerly Art. 10(5).",
        "sources":
            "The dataset's sources, one block each, with the facts about their origin and processing that AI Act Art. 10(2)(b), "
            + "Annex IV 2(d) and Annex XI 1.2(c) ask for.",
        "suppression_lists":
            "Lists of items that must not be trained on — erasure requests, opt-out registries, consent withdrawals, takedowns — "
            + "matched against every ledger row of every source by one row field (the ledger pack's REC-SUPPRESSED).",
        "suppression_lists[].path": "The list file: CSV with a header, JSON Lines, or one key per line (.txt); plain or gzip-compressed.",
        "suppression_lists[].key": "The ledger row field the list's keys match (subject_ref, url, item_id, content_sha256, ...).",
        "suppression_lists[].kind": "erasure (GDPR Art. 17), optout (DSM Art. 4(3)), withdrawal (GDPR Art. 7(3)) or takedown.",
        "suppression_lists[].format": "csv, jsonl or txt; when absent, taken from the file name.",
        "suppression_lists[].sha256": "The list file's SHA-256, in hex; checked when given.",
        "governance": "The dataset's data governance (AI Act Art. 10(2)).",
        "governance.design_choices": "The relevant design choices (AI Act Art. 10(2)(a)).",
        "governance.assumptions": "Assumptions about what the data measure and represent (AI Act Art. 10(2)(d)).",
        "governance.bias": "The examination of possible biases and their mitigation (AI Act Art. 10(2)(f), (g)).",
        "governance.bias.examination_ref":
            "The examination of possible biases affecting health, safety or fundamental rights or leading to discrimination "
            + "(AI Act Art. 10(2)(f)); the methods to detect identifiable biases (Annex XI 1.2(c)).",
        "governance.bias.mitigation_measures": "Measures to detect, prevent and mitigate the biases found (AI Act Art. 10(2)(g)).",
        "governance.bias.feedback_loop_considered":
            "Whether the examination considered feedback loops, where outputs influence later inputs (AI Act Art. 10(2)(f)).",
        "governance.bias.issues_found":
            "Whether the examination found biases; false means no mitigation measures are needed (AI Act Art. 10(2)(g)).",
        "governance.data_gaps": "Data gaps or shortcomings found, and how they are addressed (AI Act Art. 10(2)(h)).",
        "governance.data_gaps_attestation": "An attestation that no data gaps were found, when data_gaps is empty (AI Act Art. 10(2)(h)).",
        "governance.suitability_assessment_ref":
            "The assessment of the availability, quantity and suitability of the data (AI Act Art. 10(2)(e)).",
        "governance.representativeness_report_ref":
            "Evidence that the data are relevant, sufficiently representative, and to the best extent possible free of errors "
            + "and complete (AI Act Art. 10(3)).",
        "governance.quality_conclusion":
            "The conclusion of the data-quality report: criteria met, shortcomings addressed, or shortcomings open (AI Act Art. 10(3)).",
        "governance.intended_setting": "The setting the system is intended to be used in (AI Act Art. 10(4)).",
        "governance.intended_setting.geographic": "The geographical setting (AI Act Art. 10(4)).",
        "governance.intended_setting.context": "The contextual, behavioural or functional setting (AI Act Art. 10(4)).",
        "special_category_bias_processing":
            "Special-category data processed to detect and correct bias, and its safeguards (AI Act Art. 10(5)(a)-(f), moved to "
            + "Art. 4a(1) (secondary source)).",
        "special_category_bias_processing.used":
            "Whether special categories of personal data are processed for bias detection (AI Act Art. 4a(1) (secondary source)).",
        "special_category_bias_processing.necessity_memo_ref":
            "Why bias detection cannot be done with other data, including synthetic or anonymised data (AI Act Art. 10(5)(a)).",
        "special_category_bias_processing.pseudonymised": "Whether the data are pseudonymised (AI Act Art. 10(5)(b)).",
        "special_category_bias_processing.access_log_ref": "The strict, documented access controls (AI Act Art. 10(5)(c)).",
        "special_category_bias_processing.shared_with_third_parties":
            "Whether other parties receive or access the data, which is not allowed (AI Act Art. 10(5)(d)).",
        "special_category_bias_processing.deletion_trigger":
            "When the data are deleted: once the bias is corrected or the retention period ends, whichever is first (AI Act Art. 10(5)(e)).",
        "special_category_bias_processing.ropa_ref":
            "The records of processing that state why the processing was strictly necessary (AI Act Art. 10(5)(f); GDPR Art. 30 (secondary source)).",
        "special_category_bias_processing.reuse_limitations_ref":
            "The technical limitations on the re-use of the data, e.g. an enclave or purpose-bound access (AI Act Art. 4a(1)(b)).",
        "special_category_bias_processing.status":
            "Where the processing stands: in progress, bias corrected, or retention ended; the data are deleted at the first "
            + "of the last two (AI Act Art. 4a(1)(e)).",
        "special_category_bias_processing.deletion_evidence_ref":
            "Evidence that the data were deleted, once the bias is corrected or retention has ended (AI Act Art. 4a(1)(e)).",
        "special_category_bias_processing.bias_risks":
            "The bias risks that make the processing strictly necessary: health and safety, fundamental rights, prohibited "
            + "discrimination (AI Act Art. 4a(2)(a)).",
        "records": "The dataset's GDPR records.",
        "records.ropa_ref": "The record of processing activities covering the training purpose (GDPR Art. 30 (secondary source)).",
        "records.dpia_ref": "The data protection impact assessment (GDPR Art. 35 (secondary source)).",
        "records.dpia_date":
            "The date of the DPIA referenced in records.dpia_ref. A DPIA is carried out \"prior to the processing\" (Art. 35(1), secondary source); the catalogue names the field dpia.date.",
        "privacy_by_design.measures":
            "The data-protection-by-design and by-default measures of the pipeline. Serves Art. 25(1)–(2) (secondary source); the catalogue names it privacy_by_design.measures[].",
        "privacy_by_design": "Data protection by design and by default (GDPR Art. 25 (secondary source)).",
        "records.security_measures_ref":
            "The security measures for the data (GDPR Art. 5(1)(f), 32 (secondary source)); secure storage of research copies "
            + "(DSM Directive Art. 3(2)).",
    ]

    static let waiverSetDescriptions: [String: String] = [
        "waivers": "The waivers. An expired waiver no longer waives and is reported; one that matched nothing is reported as stale.",
        "waivers[].rule": "The id of the rule waived, e.g. GDPR-35.",
        "waivers[].subject":
            "The subject waived, as findings name it: model:NAME, dataset:ID or dataset:ID/source:ID.",
        "waivers[].justification": "Why the finding may pass for now, e.g. the ticket tracking the fix.",
        "waivers[].approved_by": "Who approved the waiver.",
        "waivers[].expires": "The last day the waiver applies (YYYY-MM-DD).",
        "waivers[].approved_on":
            "The day the waiver was approved (YYYY-MM-DD); its lifetime, from here to expires, has a maximum (365 days by default).",
        "waivers[].ticket": "The issue or ticket that tracks the waived finding.",
    ]

    static let configDescriptions: [String: String] = [
        "inputs": "The files and folders to check: model cards and dataset manifests.",
        "packs": "The policy packs to run: built-in pack names or pack files, as --pack takes them.",
        "waivers": "The waiver files (kind: WaiverSet) to apply.",
        "fail_on": "The lowest severity that fails the check, as --fail-on takes it; with never, no finding fails it.",
        "as_of": "The date rules are judged at, as --as-of takes it; rules not yet in force on it are reported, not failed.",
        "waiver_max_days": "The longest a waiver may run, in days (365 by default).",
        "format": "The format of the report printed, as --format takes it.",
        "reports": "Further reports to write, each in its own format.",
        "reports[].format": "The report's format.",
        "reports[].path": "The file to write the report to.",
        "attest": "Write a signed attestation of every check (as --attest and --key do).",
        "attest.path": "The attestation's file (a DSSE envelope).",
        "attest.key": "The private key that signs it (PEM, from traingate keygen).",
        "attest.root": "The folder the attested paths are relative to (default: the current folder).",
    ]
}
