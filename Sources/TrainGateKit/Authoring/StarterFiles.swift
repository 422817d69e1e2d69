/// The files `traingate init` writes: a commented project config, a model card and a dataset
/// manifest. The templates pass `traingate lint`; `traingate check` fails them only for the
/// fields they leave empty.
public enum StarterFiles {
    /// The model card template's path, relative to the project folder.
    public static let modelCardPath = "model-card.yaml"
    /// The dataset manifest template's path, relative to the project folder.
    public static let manifestPath = "data/dataset-manifest.yaml"

    /// Where `init` puts the JSON Schemas the templates declare, for editors.
    public static let schemaFolder = ".traingate/schemas"

    /// Every starter file, as (path relative to the project folder, contents): the templates,
    /// each declaring its schema on its first line, then the schemas.
    public static var files: [(path: String, text: String)] {
        let templates: [(DocumentKind, String, String)] = [
            (.config, ProjectConfig.fileName, config), (.modelCard, modelCardPath, modelCard),
            (.datasetManifest, manifestPath, manifest),
        ]
        let declared = templates.map { kind, path, text in (path, modeline(kind: kind, from: path) + text) }
        let schemas = [DocumentKind.config, .modelCard, .datasetManifest, .waiverSet].map { kind in
            (schemaFolder + "/" + kind.schemaFileName, JSONSchemaExport.schema(forKind: kind))
        }
        return declared + schemas
    }

    /// `# yaml-language-server: $schema=…` with the schema's path relative to the file at `path`.
    static func modeline(kind: DocumentKind, from path: String) -> String {
        let depth = path.split(separator: "/").count - 1
        let up = String(repeating: "../", count: depth)
        return "# yaml-language-server: $schema=\(up)\(schemaFolder)/\(kind.schemaFileName)\n"
    }

    /// `traingate.yaml`, with every setting explained.
    public static var config: String {
        let formats = Reporters.all.map { $0.identifier }.joined(separator: ", ")
        return """
            # TrainGate project settings: `traingate check` with no arguments reads this file.
            # Flags on the command line override each setting. Paths are relative to this file.
            apiVersion: traingate/v1
            kind: Config
            # Model cards, manifests or folders to check (a model card brings in the manifests it names).
            inputs:
              - \(modelCardPath)
            # Policy packs: built-in names or pack files. Empty means every default built-in pack;
            # `traingate packs list` shows them all, opt-in packs included.
            packs: []
            # WaiverSet files: approved, expiring exceptions to single rules.
            waivers: []
            # The lowest severity that fails the check: \(FailOn.allCases.map(\.rawValue).joined(separator: ", ")).
            fail_on: high
            # Judge the rules as of a fixed date (YYYY-MM-DD); empty means today (UTC).
            as_of:
            # The longest a waiver may run, in days.
            waiver_max_days: \(WaiverSet.defaultMaxDays)
            # The format printed: \(formats).
            format: text
            # Reports written besides the printed one (folders are created as needed).
            reports:
              - {format: sarif, path: traingate-reports/traingate.sarif}
              - {format: junit, path: traingate-reports/junit.xml}
              - {format: markdown, path: traingate-reports/summary.md}

            """
    }

    /// A model card naming the manifest template.
    public static let modelCard = """
        # A TrainGate model card. Fill in every empty field: `traingate check` names each one it still
        # needs, with the law that asks for it. `traingate explain RULE` teaches a rule.
        apiVersion: traingate/v1
        kind: ModelCard
        model:
          name: my-model                        # the name the model is placed on the market under
          version:
          description:
          release_date:                         # YYYY-MM-DD
          eu_market_date:                       # first made available in the EU; decides which AI Act dates apply
          parameter_count:
          intended_tasks:
          integration_types:                    # the kinds of AI systems it can be integrated into (Annex XI 1.1(a))
          integration_means:                    # APIs, SDKs, tools needed to integrate it (Annex XI 1.2(a))
          design_specification:                 # key design choices and what the model optimises for (Annex XI 1.2(b))
          training_methodology:
          external_interaction:                 # how it interacts with other hardware or software (Annex XII 1(d))
          software_versions:                    # software versions its use needs (Annex XII 1(e))
          architecture:
          distribution:                         # e.g. [public_api, open_weights, enterprise_software]
          io_modalities: {input: , output: }
          max_input_size:
          acceptable_use_policy_url:
          license: {spdx: , url: }
        provider:
          legal_name:
          contact:
          established_in_eu:                    # true or false
          role:                                 # provider | modifier | deployer
        classification:
          gpai:                                 # true for a general-purpose AI model (AI Act Art. 3(63))
          training_compute_flop:
          systemic_risk: {status: }             # true above 10^25 FLOP or when designated (Art. 51)
          high_risk: {status: }                 # true for an Annex I or Annex III use (Art. 6)
          art50:
            interacts_with_natural_persons:
            generates_synthetic:                # [text, image, audio, video]
            marking_methods:
            disclosure_mechanism:
        training_data:
          datasets:
            - manifest: data/dataset-manifest.yaml
          latest_acquisition:                   # YYYY-MM
          continuous_training:
        transparency:
          training_summary: {public_url: , version: , last_update: , previous_versions: }
          copyright_policy:
            ref:                                # a URL or a file in this folder
            owner:
            contact:
            complaint_mechanism_url:
            tdm_opt_out_protocols:              # e.g. [robots_txt, tdmrep, ai_txt]
            output_infringement_safeguards:
            aup_prohibits_infringement:
          technical_documentation: {ref: , last_updated: , retention_years: }
          downstream_documentation: {ref: , response_days: }   # signatories answer within 14 days
          code_of_practice_signatory:
        energy:
          training_mwh:
          estimation_method:
          training_time:

        """

    /// A dataset manifest with one source.
    public static let manifest = """
        # A TrainGate dataset manifest: one per dataset, one block per source. Fill in every empty
        # field; `traingate check` names each one it still needs, with the law that asks for it.
        apiVersion: traingate/v1
        kind: DatasetManifest
        dataset:
          id: my-dataset
          name:
          version:
          owner: {organisation: , contact: }
        controller:
          legal_name:
          role:                                 # controller | processor | joint_controller
          dpo_contact:
        purposes:
          - {id: pretrain, description: , stage: pretraining}
        sources:
          - id: first-source
            name:
            description:
            # public_dataset | licensed_rightsholder | private_third_party | web_crawl |
            # user_data_model_interaction | user_data_other_service | synthetic | first_party |
            # public_domain | other
            source_type: licensed_rightsholder
            origin: {owner: , country: }
            modalities:                         # [text, image, audio, video, other]
            languages:                          # BCP 47 tags of text content, e.g. [en, de]
            content_types:
            size: {value: , unit: }             # unit: tokens | images | hours | records | bytes | files
            collection_period: {start: , end: , ongoing: }
            first_used:
            acquisition: {method: , selection_criteria: }
            access:
              lawful_access:
              tpm_circumvented:
              paywall_bypassed:
              tos: {url: , prohibits_ai_training: }
            rights:
              copyright_status:                 # public_domain | owned | licensed | tdm_exception | research_exception | unknown
              license: {spdx: , url: }
              agreement:
                id:
                counterparties:
                covers_ai_training:
                covers_generative_training:
                term: {start: , end: }
                compensation:
                evidence:                       # a file in this folder, or {path, sha256}
              rightsholder_consent: {model: , evidence: , coverage: }
            tdm_opt_out: {checked: , checked_at: , protocols: , reservations_found: , handling: }
            retention: {raw_copies_until: , justification: }   # copies made for text and data mining (DSM Art. 4(2))
            personal_data:
              present:                          # true, false or unknown
            processing:
              preparation_ops:
              illegal_content_measures:
              unsuitability_measures:

        """
}
