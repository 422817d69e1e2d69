/// The fields of the native file kinds, as DESIGN.md lists them: the vocabulary that rules and
/// the transparency summary read. One definition serves validation, unknown-key suggestions and
/// the JSON Schemas for editors.
public enum ArtifactSchemas {
    static let modalities: FieldType = .list(.oneOf(["text", "image", "audio", "video", "other"]))
    static let period: FieldType = .obj(["start": .date, "end": .date])
    static let license: FieldType = .obj(["spdx": .string, "url": .string])
    static let optOutProtocols = [
        "robots_txt", "tdmrep", "ai_txt", "aipref", "content_signals", "iptc_data_mining",
        "c2pa_training_mining", "tos_reservation", "rsl",
    ]

    static let personalData: FieldType = .obj([
        "present": .triState,
        "categories": .strings,
        "special_categories": .list(
            .oneOf([
                "racial_ethnic_origin", "political_opinions", "religious_beliefs",
                "trade_union_membership", "genetic", "biometric_identification", "health",
                "sex_life_orientation",
            ])),
        "children": .bool,
        "original_purpose": .string,
        "lawful_basis": .oneOf([
            "consent", "contract", "legal_obligation", "vital_interests", "public_task",
            "legitimate_interests",
        ]),
        "art9_condition": .oneOf([
            "explicit_consent", "employment", "vital_interests", "not_for_profit", "made_public",
            "legal_claims", "substantial_public_interest", "health_care", "public_health", "research",
        ]),
        "consent": .obj([
            "mechanism": .string, "records": .evidence, "demonstrable": .bool, "withdrawable": .bool,
            "withdrawal_mechanism": .string, "age_verification": .string, "bundled_with_service": .bool,
            "parental_consent": .bool,
        ]),
        "absence_evidence_ref": .evidence,
        "collected_for_training": .bool,
        "compatibility_outcome": .oneOf(["compatible", "not_compatible"]),
        "obtained_from_data_subject": .bool,
        "art6_law_basis": .string,
        "contract_necessity": .string,
        "art9_law_basis": .string,
        "art9_justification_ref": .evidence,
        "special_category_screening_ref": .evidence,
        "research_protocol_ref": .evidence,
        "art89_safeguards": .strings,
        "rectification": .obj(["mechanism": .string]),
        "legitimate_interest_assessment": .obj([
            "ref": .evidence, "interest": .string, "necessity": .string, "balancing": .string,
            "children_weighting": .string, "alternatives_considered": .strings,
            "balancing_outcome": .oneOf(["not_overridden", "overridden"]),
            "reasonable_expectations": .obj([
                "public": .bool, "relationship": .string, "context": .string,
                "source_privacy_settings": .string, "notice_ref": .evidence,
            ]),
        ]),
        "compatibility_assessment_ref": .evidence,
        "erasure": .obj(["mechanism": .string, "scope": .list(.oneOf(["raw", "derived", "model"])), "evidence_ref": .evidence]),
        "ccpa_personal_information": .bool,
        "aggregate_consumer_information": .bool,
        "objection": .obj([
            "mechanism_url": .string, "window_before_training_days": .int,
            "handling": .oneOf(["excluded", "compelling_grounds", "ignored"]),
            "exclusion_evidence_ref": .evidence, "compelling_grounds_ref": .evidence,
            "pre_collection_optout_list_ref": .evidence,
        ]),
        "notice": .obj([
            "ref": .evidence, "art14_exemption": .bool, "justification": .string, "date": .date,
            "public_information_ref": .evidence, "exemption_assessment_ref": .evidence,
        ]),
        "dpia": .obj(["ref": .evidence, "date": .date]),
        "minimisation": .obj(["pseudonymised": .bool, "pii_filtering": .strings, "fields_removed": .strings]),
        "retention": .obj(["period": .string, "deletion_trigger": .string]),
        "transfers": .list(.obj(["country": .string, "mechanism": .oneOf(["adequacy", "scc", "bcr", "derogation"])])),
    ])

    static let source: FieldType = .object(
        [
            "id": .string, "name": .string, "description": .string,
            "source_type": .oneOf([
                "public_dataset", "licensed_rightsholder", "private_third_party", "web_crawl",
                "user_data_model_interaction", "user_data_other_service", "synthetic", "first_party",
                "public_domain", "other",
            ]),
            "origin": .obj(["owner": .string, "locator": .string, "domains": .strings, "country": .string]),
            "modalities": modalities,
            "content_types": .strings,
            "languages": .strings,
            "size": .obj(["value": .number, "unit": .oneOf(["tokens", "images", "hours", "records", "bytes", "files"])]),
            "collection_period": .obj(["start": .date, "end": .date, "ongoing": .bool]),
            "first_used": .date,
            "acquisition": .obj([
                "method": .oneOf([
                    "download", "api", "licensed_delivery", "crawler", "user_upload",
                    "platform_logs", "generated", "purchased", "manual",
                ]),
                "selection_criteria": .string,
            ]),
            "access": .obj([
                "lawful_access": .bool, "login_required": .bool, "paywall_bypassed": .bool, "tpm_circumvented": .bool,
                "tos": .obj(["url": .string, "prohibits_ai_training": .bool]),
                "infringing_sites_list": .obj(["name": .string, "version": .string, "checked_at": .date, "listed": .bool]),
            ]),
            "rights": .obj([
                "copyright_status": .oneOf(["public_domain", "owned", "licensed", "tdm_exception", "research_exception", "unknown"]),
                "license": license,
                "agreement": .obj([
                    "id": .string, "counterparties": .strings, "covers_ai_training": .bool,
                    "covers_generative_training": .bool, "term": period, "compensation": .string,
                    "evidence": .evidence,
                ]),
                "rightsholder_consent": .obj([
                    "model": .oneOf(["opt_in", "opt_out", "none", "not_applicable"]),
                    "evidence": .evidence, "coverage": .string,
                ]),
                "attribution": .obj(["required": .bool, "mechanism": .string]),
                "ip_protected_content": .bool,
                "purchased_or_licensed": .bool,
            ]),
            "tdm_opt_out": .obj([
                "checked": .bool, "checked_at": .date, "protocols": .list(.oneOf(optOutProtocols)),
                "reservations_found": .int,
                "handling": .oneOf(["excluded", "licensed", "research_exception", "ignored"]),
            ]),
            "crawl": .obj([
                "crawler_names": .strings, "user_agents": .strings, "purposes": .strings, "period": period,
                "robots_txt_respected": .bool, "ai_txt_respected": .bool, "excluded_domain_lists": .strings,
                "top_domains": .strings, "top_domains_share_pct": .number, "public_info_url": .string,
                "update_notification_url": .string,
                "search_indexing_decoupled": .bool,
            ]),
            "synthetic": .obj([
                "generator_models": .list(
                    .obj([
                        "name": .string, "provider": .string, "summary_url": .string,
                        "on_market": .bool,
                    ])),
                "purpose": .string,
            ]),
            "user_data": .obj([
                "services": .strings, "surfaces": .strings,
                "visibility": .oneOf(["public", "private", "mixed"]),
                "participation": .oneOf(["opt_in", "opt_out", "none"]), "minors_excluded": .bool,
            ]),
            "personal_data": personalData,
            "processing": .obj([
                "preparation_ops": .strings, "cleaning_methods": .strings, "labelling_procedure": .string,
                "illegal_content_measures": .strings, "unsuitability_measures": .strings,
                "modifications_purpose": .string,
            ]),
            "retention": .obj(["raw_copies_until": .date, "justification": .string, "deletion_evidence_ref": .evidence]),
            "ledger": .object(["path": .string, "format": .oneOf(["jsonl", "csv"]), "sha256": .string], required: ["path"]),
            "suppression_lists": .list(suppressionList),
        ], required: ["id", "source_type"])

    /// A suppression list entry, on a manifest (all its sources) or on one source.
    static let suppressionList: FieldType = .object(
        [
            "path": .string, "key": .string, "kind": .oneOf(["erasure", "optout", "withdrawal", "takedown"]),
            "format": .oneOf(["csv", "jsonl", "txt"]), "sha256": .string,
        ], required: ["path", "key", "kind"])

    /// `kind: DatasetManifest`.
    public static let datasetManifest: FieldType = .object(
        [
            "apiVersion": .string, "kind": .string,
            "dataset": .object(
                [
                    "id": .string, "name": .string, "version": .string, "description": .string,
                    "owner": .obj(["organisation": .string, "contact": .string]),
                ], required: ["id"]),
            "controller": .obj([
                "legal_name": .string, "role": .oneOf(["controller", "processor", "joint_controller"]),
                "dpo_contact": .string, "eu_representative": .string,
            ]),
            "purposes": .list(
                .obj([
                    "id": .string, "description": .string,
                    "stage": .oneOf(["pretraining", "finetuning", "alignment", "evaluation", "bias_detection"]),
                ])),
            "sources": .list(source),
            "suppression_lists": .list(suppressionList),
            "governance": .obj([
                "design_choices": .string, "assumptions": .string,
                "bias": .obj([
                    "examination_ref": .evidence, "mitigation_measures": .strings,
                    "feedback_loop_considered": .bool, "issues_found": .bool,
                ]),
                "data_gaps": .strings, "data_gaps_attestation": .evidence,
                "suitability_assessment_ref": .evidence, "representativeness_report_ref": .evidence,
                "quality_conclusion": .oneOf(["criteria_met", "shortcomings_addressed", "shortcomings_open"]),
                "intended_setting": .obj(["geographic": .string, "context": .string]),
            ]),
            "special_category_bias_processing": .obj([
                "used": .bool, "necessity_memo_ref": .evidence, "pseudonymised": .bool, "access_log_ref": .evidence,
                "shared_with_third_parties": .bool, "deletion_trigger": .string, "ropa_ref": .evidence,
                "reuse_limitations_ref": .evidence, "status": .oneOf(["in_progress", "bias_corrected", "retention_ended"]),
                "deletion_evidence_ref": .evidence,
                "bias_risks": .list(.oneOf(["health_safety", "fundamental_rights", "prohibited_discrimination"])),
            ]),
            "records": .obj(["ropa_ref": .evidence, "dpia_ref": .evidence, "security_measures_ref": .evidence, "dpia_date": .date]),
            "privacy_by_design": .obj(["measures": .strings]),
        ], required: ["apiVersion", "kind", "dataset", "sources"])

    /// `kind: ModelCard`.
    public static let modelCard: FieldType = .object(
        [
            "apiVersion": .string, "kind": .string,
            "model": .object(
                [
                    "name": .string, "version": .string, "versioned_names": .strings, "description": .string,
                    "release_date": .date, "eu_market_date": .date, "parameter_count": .number, "max_input_size": .string,
                    "io_modalities": .any, "intended_tasks": .strings, "limitations": .any,
                    "acceptable_use_policy_url": .string, "license": license,
                    "authenticity": .obj(["sha256": .string, "endpoint": .string]),
                    "anonymity": .obj([
                        "claimed": .bool, "assessment_ref": .evidence, "extraction_tests": .strings,
                        "extraction_risk": .oneOf(["insignificant", "significant"]),
                    ]),
                    "architecture": .string, "distribution": .strings,
                    "integration_types": .strings, "integration_means": .strings, "design_specification": .string,
                    "training_methodology": .string, "external_interaction": .string, "software_versions": .strings,
                    "uses_model_training": .bool, "intended_persons_or_groups": .strings, "foreseeable_risks": .strings,
                ], required: ["name"]),
            "provider": .obj([
                "legal_name": .string, "contact": .string, "established_in_eu": .bool,
                "authorised_representative": .any, "is_sme": .bool,
                "role": .oneOf(["provider", "modifier", "deployer"]), "doc_request_contact": .string,
                "organisation_type": .oneOf([
                    "research_organisation", "cultural_heritage_institution", "company",
                    "public_body", "other",
                ]),
                "operates_search_engine": .bool,
            ]),
            "dependencies": .list(
                .obj([
                    "name": .string, "provider": .string, "summary_url": .string, "how_used": .string,
                    "lawfulness_due_diligence_ref": .evidence, "gpai_on_eu_market": .bool,
                ])),
            "classification": .obj([
                "gpai": .bool, "training_compute_flop": .number,
                "systemic_risk": .obj([
                    "status": .bool,
                    "basis": .oneOf(["flop_threshold", "commission_designation", "rebutted"]),
                    "notification_date": .date, "threshold_met_date": .date, "rebuttal_ref": .evidence,
                    "rebuttal_decision": .oneOf(["pending", "accepted", "rejected"]),
                    "rebuttal_decision_ref": .evidence,
                ]),
                "open_source_exemption": .obj([
                    "claimed": .bool, "weights_public": .bool, "architecture_public": .bool,
                    "usage_info_public": .bool, "monetised": .bool,
                ]),
                "high_risk": .obj([
                    "status": .bool, "annex_iii_point": .string, "annex_i_act": .string,
                    "art6_3_assessment_ref": .evidence, "profiling": .bool,
                    "art6_3_condition": .oneOf([
                        "narrow_procedural_task", "improves_completed_human_activity",
                        "detects_decision_patterns", "preparatory_task",
                    ]),
                    "art6_3_assessment_date": .date, "art49_registration_ref": .evidence,
                    "art49_registration_date": .date, "significant_change": .bool,
                    "significant_change_since": .date, "public_authority_use": .bool,
                ]),
                "art50": .obj([
                    "interacts_with_natural_persons": .bool,
                    "generates_synthetic": .list(.oneOf(["text", "image", "audio", "video"])),
                    "marking_methods": .strings, "disclosure_mechanism": .string,
                    "exception_claimed": .oneOf([
                        "assistive_standard_editing", "no_substantial_alteration",
                        "law_enforcement",
                    ]),
                    "exception_assessment_ref": .evidence, "law_enforcement_authorisation_ref": .evidence,
                    "public_reporting_channel": .bool,
                ]),
            ]),
            "training_data": .obj([
                "datasets": .list(.object(["manifest": .string], required: ["manifest"])),
                "latest_acquisition": .date, "continuous_training": .bool,
            ]),
            "transparency": .obj([
                "training_summary": .obj([
                    "public_url": .string, "version": .string, "last_update": .date,
                    "previous_versions": .strings, "modalities": modalities,
                ]),
                "copyright_policy": .obj([
                    "ref": .evidence, "owner": .string, "contact": .string,
                    "complaint_mechanism_url": .string,
                    "tdm_opt_out_protocols": .list(.oneOf(optOutProtocols)),
                    "output_infringement_safeguards": .strings, "aup_prohibits_infringement": .bool,
                    "docs_warn_infringing_use": .bool,
                ]),
                "technical_documentation": .obj([
                    "ref": .evidence, "last_updated": .date, "drawn_up": .date,
                    "retention_years": .int,
                ]),
                "instructions_for_use": .obj([
                    "ref": .evidence, "input_spec": .string, "training_data_info": .string,
                    "group_performance": .string,
                ]),
                "downstream_documentation": .obj(["ref": .evidence, "response_days": .int]),
                "code_of_practice_signatory": .bool,
            ]),
            "energy": .obj(["training_mwh": .number, "estimation_method": .string, "training_time": .string]),
            "evaluation": .obj([
                "protocols": .strings, "metrics": .strings, "systemic_risk_mitigations": .strings,
                "adversarial_testing_ref": .evidence, "systemic_risk_assessment_ref": .evidence,
                "incident_process_ref": .evidence, "security_measures_ref": .evidence,
                "system_architecture_ref": .evidence, "fairness_metrics": .strings,
                "test_reports": .list(.obj(["ref": .evidence, "date": .date, "signed_by": .string])),
                "group_performance": .list(.obj(["group": .string, "metric": .string, "value": .number])),
                "expected_accuracy": .string,
            ]),
            "modification": .obj(["description": .string, "compute_flop": .number, "original_compute_flop": .number]),
            "deployment": .obj([
                "emotion_recognition_or_biometric_categorisation": .bool, "exposure_notice": .string, "deep_fakes": .bool,
                "deep_fake_disclosure": .string, "public_interest_text": .bool, "text_disclosure": .string,
                "human_review": .bool, "editorial_responsibility": .string, "law_enforcement_authorisation_ref": .evidence,
                "automated_decisions": .bool,
                "art22_exception": .oneOf(["contract_necessity", "union_or_member_state_law", "explicit_consent"]),
                "art22_law_basis": .string,
                "art22_safeguards": .list(.oneOf(["human_intervention", "express_point_of_view", "contest_decision"])),
                "output_pii_filters": .strings,
            ]),
            "us": .obj([
                "ab2013_doc_url": .string, "ab2013_posted_date": .date,
                "ab2013_exemption": .oneOf(["security_integrity", "aircraft_operation", "federal_national_security"]),
                "ab2013_exemption_purpose": .oneOf([
                    "security_integrity", "aircraft_operation",
                    "national_security_military_defense",
                ]),
                "federal_entities_only": .bool, "ab2013_exemption_ref": .evidence,
            ]),
        ], required: ["apiVersion", "kind", "model"])
}
