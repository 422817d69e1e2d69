/// The fields of the native file kinds, as DESIGN.md lists them: the vocabulary that rules and
/// the transparency summary read. One definition serves validation, unknown-key suggestions and
/// the JSON Schemas for editors.
public enum ArtifactSchemas {
    static let modalities: FieldType = .list(.oneOf(["text", "image", "audio", "video", "other"]))
    static let period: FieldType = .obj(["start": .date, "end": .date])
    static let license: FieldType = .obj(["spdx": .string, "url": .string])
    static let optOutProtocols = ["robots_txt", "tdmrep", "ai_txt", "aipref", "content_signals", "iptc_data_mining",
                                  "c2pa_training_mining", "tos_reservation"]

    static let personalData: FieldType = .obj([
        "present": .triState,
        "categories": .strings,
        "special_categories": .list(.oneOf(["racial_ethnic_origin", "political_opinions", "religious_beliefs",
                                            "trade_union_membership", "genetic", "biometric_identification", "health",
                                            "sex_life_orientation"])),
        "children": .bool,
        "original_purpose": .string,
        "lawful_basis": .oneOf(["consent", "contract", "legal_obligation", "vital_interests", "public_task",
                                "legitimate_interests"]),
        "art9_condition": .oneOf(["explicit_consent", "employment", "vital_interests", "not_for_profit", "made_public",
                                  "legal_claims", "substantial_public_interest", "health_care", "public_health", "research"]),
        "consent": .obj(["mechanism": .string, "records": .evidence, "demonstrable": .bool, "withdrawable": .bool,
                         "withdrawal_mechanism": .string, "age_verification": .string, "bundled_with_service": .bool]),
        "legitimate_interest_assessment": .obj(["ref": .evidence, "interest": .string, "necessity": .string, "balancing": .string]),
        "objection": .obj(["mechanism_url": .string, "window_before_training_days": .int]),
        "notice": .obj(["ref": .evidence, "art14_exemption": .bool, "justification": .string]),
        "dpia": .obj(["ref": .evidence, "date": .date]),
        "minimisation": .obj(["pseudonymised": .bool, "pii_filtering": .strings, "fields_removed": .strings]),
        "retention": .obj(["period": .string, "deletion_trigger": .string]),
        "transfers": .list(.obj(["country": .string, "mechanism": .oneOf(["adequacy", "scc", "bcr", "derogation"])])),
    ])

    static let source: FieldType = .object([
        "id": .string, "name": .string, "description": .string,
        "source_type": .oneOf(["public_dataset", "licensed_rightsholder", "private_third_party", "web_crawl",
                               "user_data_model_interaction", "user_data_other_service", "synthetic", "first_party",
                               "public_domain", "other"]),
        "origin": .obj(["owner": .string, "locator": .string, "domains": .strings, "country": .string]),
        "modalities": modalities,
        "content_types": .strings,
        "size": .obj(["value": .number, "unit": .oneOf(["tokens", "images", "hours", "records", "bytes", "files"])]),
        "collection_period": .obj(["start": .date, "end": .date, "ongoing": .bool]),
        "first_used": .date,
        "acquisition": .obj(["method": .oneOf(["download", "api", "licensed_delivery", "crawler", "user_upload",
                                               "platform_logs", "generated", "purchased", "manual"]),
                             "selection_criteria": .string]),
        "access": .obj([
            "lawful_access": .bool, "login_required": .bool, "paywall_bypassed": .bool, "tpm_circumvented": .bool,
            "tos": .obj(["url": .string, "prohibits_ai_training": .bool]),
            "infringing_sites_list": .obj(["name": .string, "version": .string, "checked_at": .date, "listed": .bool]),
        ]),
        "rights": .obj([
            "copyright_status": .oneOf(["public_domain", "owned", "licensed", "tdm_exception", "research_exception", "unknown"]),
            "license": license,
            "agreement": .obj(["id": .string, "counterparties": .strings, "covers_ai_training": .bool,
                               "covers_generative_training": .bool, "term": period, "compensation": .string,
                               "evidence": .evidence]),
            "rightsholder_consent": .obj(["model": .oneOf(["opt_in", "opt_out", "none", "not_applicable"]),
                                          "evidence": .evidence, "coverage": .string]),
            "attribution": .obj(["required": .bool, "mechanism": .string]),
        ]),
        "tdm_opt_out": .obj(["checked": .bool, "checked_at": .date, "protocols": .list(.oneOf(optOutProtocols)),
                             "reservations_found": .int,
                             "handling": .oneOf(["excluded", "licensed", "research_exception", "ignored"])]),
        "crawl": .obj(["crawler_names": .strings, "user_agents": .strings, "purposes": .strings, "period": period,
                       "robots_txt_respected": .bool, "ai_txt_respected": .bool, "excluded_domain_lists": .strings,
                       "top_domains": .strings, "public_info_url": .string]),
        "synthetic": .obj(["generator_models": .list(.obj(["name": .string, "provider": .string, "summary_url": .string])),
                           "purpose": .string]),
        "user_data": .obj(["services": .strings, "surfaces": .strings,
                           "visibility": .oneOf(["public", "private", "mixed"]),
                           "participation": .oneOf(["opt_in", "opt_out", "none"]), "minors_excluded": .bool]),
        "personal_data": personalData,
        "processing": .obj(["preparation_ops": .strings, "cleaning_methods": .strings, "labelling_procedure": .string,
                            "illegal_content_measures": .strings, "unsuitability_measures": .strings]),
        "ledger": .obj(["path": .string, "format": .oneOf(["jsonl", "csv"]), "sha256": .string]),
    ], required: ["id", "source_type"])

    /// `kind: DatasetManifest`.
    public static let datasetManifest: FieldType = .object([
        "apiVersion": .string, "kind": .string,
        "dataset": .object(["id": .string, "name": .string, "version": .string, "description": .string,
                            "owner": .obj(["organisation": .string, "contact": .string])], required: ["id"]),
        "controller": .obj(["legal_name": .string, "role": .oneOf(["controller", "processor", "joint_controller"]),
                            "dpo_contact": .string, "eu_representative": .string]),
        "purposes": .list(.obj(["id": .string, "description": .string,
                                "stage": .oneOf(["pretraining", "finetuning", "alignment", "evaluation", "bias_detection"])])),
        "sources": .list(source),
        "governance": .obj(["design_choices": .string, "assumptions": .string,
                            "bias": .obj(["examination_ref": .evidence, "mitigation_measures": .strings]),
                            "data_gaps": .strings]),
        "records": .obj(["ropa_ref": .evidence, "dpia_ref": .evidence, "security_measures_ref": .evidence]),
    ], required: ["apiVersion", "kind", "dataset", "sources"])

    /// `kind: ModelCard`.
    public static let modelCard: FieldType = .object([
        "apiVersion": .string, "kind": .string,
        "model": .object([
            "name": .string, "version": .string, "versioned_names": .strings, "description": .string,
            "release_date": .date, "eu_market_date": .date, "parameter_count": .number, "max_input_size": .string,
            "io_modalities": .any, "intended_tasks": .strings, "limitations": .any,
            "acceptable_use_policy_url": .string, "license": license, "authenticity": .obj(["sha256": .string]),
        ], required: ["name"]),
        "provider": .obj(["legal_name": .string, "contact": .string, "established_in_eu": .bool,
                          "authorised_representative": .any, "is_sme": .bool,
                          "role": .oneOf(["provider", "modifier", "deployer"]), "doc_request_contact": .string]),
        "dependencies": .list(.obj(["name": .string, "provider": .string, "summary_url": .string, "how_used": .string,
                                    "lawfulness_due_diligence_ref": .evidence])),
        "classification": .obj([
            "gpai": .bool, "training_compute_flop": .number,
            "systemic_risk": .obj(["status": .bool, "basis": .string, "notification_date": .date]),
            "open_source_exemption": .obj(["claimed": .bool, "weights_public": .bool, "architecture_public": .bool,
                                           "usage_info_public": .bool, "monetised": .bool]),
            "high_risk": .obj(["status": .bool, "annex_iii_point": .string, "art6_3_assessment_ref": .evidence]),
            "art50": .obj(["interacts_with_natural_persons": .bool,
                           "generates_synthetic": .list(.oneOf(["text", "image", "audio", "video"])),
                           "marking_methods": .strings, "exception_claimed": .any]),
        ]),
        "training_data": .obj(["datasets": .list(.object(["manifest": .string], required: ["manifest"])),
                               "latest_acquisition": .date, "continuous_training": .bool]),
        "transparency": .obj([
            "training_summary": .obj(["public_url": .string, "version": .string, "last_update": .date]),
            "copyright_policy": .obj(["ref": .evidence, "owner": .string, "contact": .string,
                                      "complaint_mechanism_url": .string,
                                      "tdm_opt_out_protocols": .list(.oneOf(optOutProtocols))]),
            "technical_documentation": .obj(["ref": .evidence, "last_updated": .date]),
            "downstream_documentation": .obj(["ref": .evidence]),
            "code_of_practice_signatory": .bool,
        ]),
        "energy": .obj(["training_mwh": .number, "estimation_method": .string]),
    ], required: ["apiVersion", "kind", "model"])
}
