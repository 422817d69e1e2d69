import Foundation
import Testing

@testable import TrainGateKit

/// The input adapters on real files: every fixture loads, mapped values keep the location of
/// the original text, placeholders and prose never count as declarations, and malformed
/// variants fail with one located error.
@Suite("Input adapters")
struct AdapterTests {
    static let folder = Fixtures.path("adapters")
    static let files: [String] =
        (try? FileManager.default.contentsOfDirectory(atPath: folder))?
        .filter { $0 != "README.md" }.sorted() ?? []

    static func adapted(_ name: String, format: InputFormat = .auto) throws -> AdaptedFile {
        guard case .adapted(let file) = try Adapters.load(file: folder + "/" + name, format: format) else {
            Issue.record("\(name) was not adapted")
            throw CancellationError()
        }
        return file
    }

    /// The node at a dotted path (`sources.0.rights.license.spdx`).
    static func node(_ root: Node?, _ path: String) -> Node? {
        var node = root
        for key in path.split(separator: ".").map(String.init) {
            if let index = Int(key) {
                node = node?.sequence.flatMap { $0.indices.contains(index) ? $0[index] : nil }
            } else {
                node = node?[key]
            }
        }
        return node
    }

    /// The text of the line a location points at.
    static func line(_ location: Location) throws -> String {
        let text = try String(contentsOfFile: location.file, encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        return lines.indices.contains(location.line - 1) ? lines[location.line - 1] : ""
    }

    @Test func thereAreFixturesOfEveryFormat() {
        var found: [InputFormat: Int] = [:]
        for name in Self.files {
            if case .adapted(let file)? = try? Adapters.load(file: Self.folder + "/" + name) { found[file.format, default: 0] += 1 }
        }
        for adapter in Adapters.all {
            #expect(found[adapter.format, default: 0] >= 3, "\(adapter.format) fixtures")
        }
    }

    @Test("every fixture loads and is checked", arguments: files)
    func everyFixtureLoads(name: String) throws {
        let inputs = ArtifactLoader.load([Self.folder + "/" + name])
        #expect(inputs.errors.isEmpty, "\(inputs.errors.map(\.description))")
        #expect(!inputs.bundles.isEmpty)
        let report = try Checker.run(Checker.Request(paths: [Self.folder + "/" + name], asOf: ISODate(year: 2026, month: 11, day: 29)!))
        #expect(!report.findings.isEmpty)
        for finding in report.findings {
            #expect(finding.location.file.hasSuffix(name), "\(finding.location)")
            let line = try Self.line(finding.location)
            #expect(!line.isEmpty || finding.location.line == 1, "\(finding.location) points past the text")
        }
    }

    /// (fixture, path in the TrainGate view, the value read, text on the original line it came from)
    static let mapped: [(String, String, String, String)] = [
        ("hf_datasetcard_common_voice.md", "sources.0.rights.license.spdx", "CC0-1.0", "cc0-1.0"),
        ("hf_datasetcard_common_voice.md", "dataset.name", "Common Voice", "pretty_name: Common Voice"),
        ("hf_datasetcard_common_voice.md", "sources.0.modalities.0", "audio", "speech"),
        ("hf_datasetcard_bookcorpus.md", "dataset.name", "BookCorpus", "pretty_name"),
        ("hf_modelcard_bert-base-uncased.md", "model.license.spdx", "Apache-2.0", "license: apache-2.0"),
        ("hf_modelcard_readseeker.md", "provider.legal_name", "Ben Wulf", "**Developed by:** Ben Wulf"),
        ("hf_modelcard_readseeker.md", "model.intended_tasks.0", "token-classification", "pipeline_tag"),
        ("hf_modelcard_uni_gated.md", "model.license.spdx", "CC-BY-NC-ND-4.0", "license: cc-by-nc-nd-4.0"),
        ("hf_modelcard_stable-diffusion-v1_nofrontmatter.md", "provider.legal_name", "Robin Rombach, Patrick Esser", "Developed by"),
        ("croissant_1.0_rai_dices-350.json", "sources.0.rights.license.spdx", "CC-BY-SA-4.0", "\"license\": \"cc-by-sa-4.0\""),
        ("croissant_1.0_pass.json", "sources.0.rights.license.spdx", "CC-BY-4.0", "\"license\": \"cc-by-4.0\""),
        ("croissant_1.1_zenodo-head-mri.json", "sources.0.rights.license.spdx", "MIT", "choosealicense.com/licenses/mit"),
        ("spdx3_dataset_faceexpress.spdx3.json", "sources.0.personal_data.present", "true", "dataset_hasSensitivePersonalInformation"),
        (
            "spdx3_dataset_faceexpress.spdx3.json", "sources.0.rights.license.spdx", "LicenseRef-FaceExpress-NonCommercial-Research",
            "simplelicensing_licenseExpression"
        ),
        ("spdx3_dataset_faceexpress.spdx3.json", "sources.0.modalities.0", "image", "image"),
        ("spdx3_dataset_owid-co2.spdx3.json", "sources.0.personal_data.present", "false", "dataset_hasSensitivePersonalInformation"),
        ("spdx3_ai_sentimentdemo.spdx3.json", "model.license.spdx", "CC0-1.0", "simplelicensing_licenseExpression\": \"CC0-1.0\""),
        (
            "spdx3_ai_retinascan.spdx3.json", "model.license.spdx", "LicenseRef-MedTech-Proprietary-2024",
            "LicenseRef-MedTech-Proprietary-2024"
        ),
        ("cyclonedx_1.7_model-card-with-dataset.json", "provider.legal_name", "Example ML Team", "\"publisher\": \"Example ML Team\""),
        ("cyclonedx_1.6_valid-machine-learning.json", "sources.0.source_type", "public_dataset", "\"classification\": \"public\""),
    ]

    @Test("mapped values keep their original line", arguments: mapped.indices)
    func mappedValuesKeepTheirLine(index: Int) throws {
        let (file, path, value, text) = Self.mapped[index]
        let adapted = try Self.adapted(file)
        let root = path.hasPrefix("sources") || path.hasPrefix("dataset") ? adapted.manifests.first : adapted.card
        let node = try #require(Self.node(root, path), "\(file): \(path) not mapped")
        #expect(node.scalar?.text == value, "\(file): \(path)")
        #expect(node.location.file.hasSuffix(file))
        let line = try Self.line(node.location)
        #expect(line.contains(text), "\(file): \(path) at \(node.location): '\(line)'")
    }

    @Test func aModelAndItsDatasetsFromOneFileAreOneBundle() throws {
        let inputs = ArtifactLoader.load([Self.folder + "/cyclonedx_1.7_model-card-with-dataset.json"])
        #expect(inputs.errors.isEmpty)
        let bundle = try #require(inputs.bundles.first)
        #expect(inputs.bundles.count == 1)
        #expect(bundle.card?.name == "support-ticket-classifier")
        #expect(bundle.datasets.map(\.id) == ["support-ticket-training-data", "support-ticket-evaluation-data"])
        let spdx = ArtifactLoader.load([Self.folder + "/spdx3_ai_sentimentdemo.spdx3.json"])
        #expect(spdx.bundles.count == 1 && spdx.bundles[0].datasets.map(\.id) == ["data-after-preprocessing"])
    }

    @Test func proseHintsAreQuotedButNeverPass() throws {
        let file = Self.folder + "/croissant_1.0_rai_dices-350.json"
        let adapted = try Self.adapted("croissant_1.0_rai_dices-350.json")
        let hint = try #require(adapted.notes.first { $0.message.contains("consent form") })
        let hintLine = try Self.line(hint.location)
        #expect(hintLine.contains("rai:annotatorDemographics") || hintLine.contains("consent"))
        let report = try Checker.run(Checker.Request(paths: [file], asOf: ISODate(year: 2026, month: 11, day: 29)!))
        let flag = report.findings.first { $0.ruleID == "GDPR-PD-FLAG" }
        #expect(flag?.status == .fail)
        #expect(report.warnings.contains(hint))
    }

    @Test func gatingIsAccessTermsNotConsent() throws {
        let adapted = try Self.adapted("hf_modelcard_stable-diffusion-v1-4_gated.md")
        let note = try #require(adapted.notes.first { $0.message.contains("gating") })
        #expect(note.message.contains("not consent"))
    }

    // MARK: Detection and --input-format

    static func temporary(_ name: String, _ text: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("adapters-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func detectionIsByContentNotByName() throws {
        let text = try String(contentsOfFile: Self.folder + "/croissant_1.0_pass.json", encoding: .utf8)
        let path = try Self.temporary("dataset-description.yaml", text)
        let inputs = ArtifactLoader.load([path])
        #expect(inputs.errors.isEmpty)
        #expect(inputs.bundles.first?.datasets.first?.id == "pass")
    }

    @Test func inputFormatOverridesDetection() throws {
        let path = try Self.temporary("plain.json", #"{"name": "Tiny set", "license": "mit", "url": "https://example.org/tiny"}"#)
        #expect(!ArtifactLoader.load([path]).errors.isEmpty)
        let inputs = ArtifactLoader.load([path], format: .croissant)
        #expect(inputs.errors.isEmpty)
        let manifest = try #require(inputs.bundles.first?.datasets.first)
        #expect(manifest.id == "tiny-set")
        #expect(manifest.sources.first?.node["rights"]?["license"]?["spdx"]?.scalar?.text == "MIT")
        let wrong = ArtifactLoader.load([path], format: .huggingface)
        #expect(wrong.errors.isEmpty == false || wrong.bundles.first?.card != nil)
    }

    @Test func aTrainGateCardMayNameACroissantFile() throws {
        let card = try Self.temporary(
            "model-card.yaml",
            """
            apiVersion: traingate/v1
            kind: ModelCard
            model: {name: tiny}
            training_data:
              datasets:
                - manifest: data/metadata.json
                - manifest: data/bom.json
            """)
        let folder = (card as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder + "/data", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.folder + "/croissant_1.0_pass.json", toPath: folder + "/data/metadata.json")
        try FileManager.default.copyItem(
            atPath: Self.folder + "/cyclonedx_1.7_model-card-with-dataset.json", toPath: folder + "/data/bom.json")
        let inputs = ArtifactLoader.load([card])
        #expect(inputs.bundles.first?.datasets.map(\.id) == ["pass"])
        let error = try #require(inputs.errors.first)
        #expect(inputs.errors.count == 1)
        #expect(error.description.contains("model-card.yaml:7:"), "\(error)")
        #expect(error.description.contains("not a dataset manifest (found a ModelCard)"), "\(error)")
    }

    // MARK: Malformed variants

    /// Malformed variants of real files: each must fail with one located error, never load.
    static let malformed: [(String, String, @Sendable (String) -> String, String)] = [
        ("croissant_1.0_pass.json", "truncated.json", { String($0.prefix($0.count / 2)) }, "error:"),
        ("spdx3_dataset_owid-co2.spdx3.json", "truncated.spdx3.json", { String($0.prefix($0.count / 3)) }, "error:"),
        ("cyclonedx_1.7_model-card-with-dataset.json", "truncated.json", { String($0.prefix(200)) }, "error:"),
        (
            "cyclonedx_1.7_model-card-with-dataset.json", "comments.json",
            { $0.replacingOccurrences(of: "\"bomFormat\"", with: "// an ML-BOM\n  \"bomFormat\"") }, "comment"
        ),
        (
            "croissant_1.0_pass.json", "comments.json", { $0.replacingOccurrences(of: "\"license\"", with: "/* licence */ \"license\"") },
            "comment"
        ),
        ("hf_datasetcard_eli5.md", "README.md", { $0.replacingOccurrences(of: "\n---\n", with: "\n") }, "never closed"),
        (
            "hf_modelcard_bert-base-uncased.md", "README.md",
            { $0.replacingOccurrences(of: "license: apache-2.0", with: "license: {id: apache-2.0}") },
            "must be text"
        ),
        (
            "croissant_1.0_pass.json", "wrong.json",
            { $0.replacingOccurrences(of: "\"license\": \"cc-by-4.0\"", with: "\"license\": [true]") },
            "must be text"
        ),
        (
            "spdx3_dataset_owid-co2.spdx3.json", "wrong.json",
            {
                $0.replacingOccurrences(
                    of: "\"dataset_hasSensitivePersonalInformation\": \"no\"",
                    with: "\"dataset_hasSensitivePersonalInformation\": \"maybe\"")
            }, "not a valid value"
        ),
        (
            "spdx3_ai_sentimentdemo.spdx3.json", "wrong.json",
            { $0.replacingOccurrences(of: "\"@graph\": [", with: "\"@graph\": 3, \"x\": [") },
            "must be a list"
        ),
        (
            "cyclonedx_1.7_model-card-with-dataset.json", "wrong.json",
            {
                $0.replacingOccurrences(of: "{\"ref\": \"component-support-ticket-training-data\"}", with: "{\"ref\": \"nowhere\"}")
                    .replacingOccurrences(of: "\"ref\": \"component-support-ticket-training-data\"", with: "\"ref\": \"nowhere\"")
            }, "no component"
        ),
        (
            "cyclonedx_1.7_model-card-with-dataset.json", "wrong.json",
            { $0.replacingOccurrences(of: "\"specVersion\": \"1.7\"", with: "\"specVersion\": \"1.2\"") },
            "not a valid value"
        ),
    ]

    @Test("malformed variants fail with a located error", arguments: malformed.indices)
    func malformedVariantsFail(index: Int) throws {
        let (fixture, name, change, expected) = Self.malformed[index]
        let original = try String(contentsOfFile: Self.folder + "/" + fixture, encoding: .utf8)
        let text = change(original)
        #expect(text != original, "the variant of \(fixture) changed nothing")
        let path = try Self.temporary(name, text)
        let inputs = ArtifactLoader.load([path])
        #expect(inputs.bundles.isEmpty)
        let error = try #require(inputs.errors.first, "\(fixture) → \(name) loaded")
        #expect(error.description.hasPrefix(path + ":"), "\(error.description)")
        #expect(error.description.contains(expected), "\(error.description)")
        #expect(!error.description.contains("\n"))
    }

    @Test func placeholdersInJSONFormatsAreAbsentAndNamesMustBeText() throws {
        let placeholder = try Self.temporary(
            "p.json",
            #"""
            {"@context": {"@vocab": "https://schema.org/", "rai": "http://mlcommons.org/croissant/RAI/"},
             "name": "Tiny", "url": "TODO", "creator": "[More Information Needed]",
             "rai:dataLimitations": ["TODO"], "rai:dataCollection": "<!-- fill in --> {{ collection }}"}
            """#)
        let manifest = try #require(ArtifactLoader.load([placeholder]).bundles.first?.datasets.first)
        let source = try #require(manifest.sources.first?.node)
        #expect(source["origin"] == nil)
        #expect(source["description"] == nil)
        #expect(manifest.root["governance"] == nil)
        #expect(manifest.root["dataset"]?["owner"] == nil)
        let number = try Self.temporary(
            "n.json",
            #"{"@context": {"@vocab": "https://schema.org/", "cr": "http://mlcommons.org/croissant/"}, "name": "Tiny", "creator": 42}"#)
        let error = try #require(ArtifactLoader.load([number]).errors.first)
        #expect(error.description.contains("n.json:1:") && error.description.contains("creator"), "\(error)")
    }

    @Test func everyLicenceOfAListIsKeptOrNoneIs() throws {
        let croissant = try Self.temporary(
            "l.json",
            #"{"@context": {"@vocab": "https://schema.org/", "cr": "http://mlcommons.org/croissant/"}, "name": "T", "license": ["MIT", "CC-BY-NC-4.0"]}"#
        )
        let both = ArtifactLoader.load([croissant]).bundles.first?.datasets.first?.sources.first?.node
        #expect(both?["rights"]?["license"]?["spdx"]?.scalar?.text == "MIT AND CC-BY-NC-4.0")
        let unknown = try Self.temporary(
            "u.json",
            #"{"@context": {"@vocab": "https://schema.org/", "cr": "http://mlcommons.org/croissant/"}, "name": "T", "license": ["MIT", "Our own terms"]}"#
        )
        let partial = ArtifactLoader.load([unknown]).bundles.first?.datasets.first?.sources.first?.node
        #expect(partial?["rights"]?["license"]?["spdx"] == nil)
        let card = try HuggingFaceCardAdapterTests.card(
            "---\nlicense: [other, mit]\nlicense_name: my-lic\npipeline_tag: fill-mask\n---\n# Model Card for t\n")
        #expect(card.card?["model"]?["license"]?["spdx"]?.scalar?.text == "LicenseRef-my-lic AND MIT")
    }

    @Test func forcedHuggingFaceNeverReadsOtherFilesAsCards() throws {
        let bad = try Self.temporary("bad.json", #"{"bomFormat": "CycloneDX", "specVersion": "1.6", "components": ["#)
        let inputs = ArtifactLoader.load([bad], format: .huggingface)
        #expect(inputs.bundles.isEmpty)
        #expect(inputs.errors.first?.description.contains("not a Hugging Face card") == true, "\(inputs.errors)")
        // In a folder walk, files of another syntax are read by content.
        let folder = (bad as NSString).deletingLastPathComponent
        try FileManager.default.removeItem(atPath: bad)
        try StarterFiles.manifest.write(toFile: folder + "/manifest.yaml", atomically: true, encoding: .utf8)
        let walked = ArtifactLoader.load([folder], format: .huggingface)
        #expect(walked.errors.isEmpty)
        #expect(walked.bundles.first?.datasets.first?.id == "my-dataset")
    }

}
