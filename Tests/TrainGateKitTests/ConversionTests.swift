import Foundation
import Testing

@testable import TrainGateKit

/// `Conversion.convert`: what `traingate convert` writes, read back by the same loaders and rules
/// as the source it came from.
@Suite("traingate convert (library)")
struct ConversionTests {
    static let datasets = [
        "hf_datasetcard_common_voice.md", "hf_datasetcard_bookcorpus.md", "hf_datasetcard_eli5.md",
        "croissant_1.0_pass.json", "croissant_1.0_rai_dices-350.json",
        "croissant_1.1_pharmaccess-momcare-fhir.json", "croissant_1.1_zenodo-head-mri.json",
        "spdx3_dataset_faceexpress.spdx3.json", "spdx3_dataset_owid-co2.spdx3.json",
    ]
    static let cards = [
        "hf_modelcard_bert-base-uncased.md", "hf_modelcard_uni_gated.md", "spdx3_ai_retinascan.spdx3.json",
        "cyclonedx_1.6_valid-machine-learning-considerations-env.json",
    ]
    static let all: [(String, Conversion.Target)] = datasets.map { ($0, .manifest) } + cards.map { ($0, .card) }

    static func fixture(_ name: String) -> String { Fixtures.path("adapters/" + name) }

    /// A new empty folder.
    static func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("traingate-convert-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Converts a fixture and writes the result into a new folder; the text and the file.
    static func converted(_ name: String, _ target: Conversion.Target) throws -> (text: String, file: String) {
        let text = try Conversion.convert(file: fixture(name), to: target)
        let file = try folder() + "/converted.yaml"
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return (text, file)
    }

    /// The view the adapter builds for a fixture.
    static func adapted(_ name: String, _ target: Conversion.Target) throws -> Node {
        guard case .adapted(let file) = try Adapters.load(file: fixture(name)) else {
            Issue.record("\(name) was not adapted")
            throw CancellationError()
        }
        return try #require(target == .card ? file.card : file.manifests.first)
    }

    @Test("the output lints and loads as a TrainGate file of its kind", arguments: all)
    func loads(_ name: String, _ target: Conversion.Target) throws {
        let (_, file) = try Self.converted(name, target)
        #expect(Linter.lint(file: file).error == nil)
        let inputs = ArtifactLoader.load([file])
        #expect(inputs.errors.map(\.description) == [])
        #expect(inputs.warnings.map(\.description) == [])
        #expect(inputs.files.map(\.kind) == [target.kind])
        #expect(inputs.files.map(\.path) == [file])
    }

    @Test("every value reads back exactly as the adapter read it", arguments: all)
    func scalarsRoundTrip(_ name: String, _ target: Conversion.Target) throws {
        let (text, file) = try Self.converted(name, target)
        let parsed = try DocumentLoader.parseYAML(Array(text.utf8), file: file)
        let original = try Self.adapted(name, target)
        var problems: [String] = []
        Self.compare(original, parsed, path: "", problems: &problems)
        #expect(problems == [])
    }

    /// Records every difference in structure, text or plainness between two trees.
    static func compare(_ expected: Node, _ actual: Node, path: String, problems: inout [String]) {
        switch (expected.content, actual.content) {
        case (.scalar(let a), .scalar(let b)):
            if a.text != b.text { problems.append("\(path): \(a.text.debugDescription) became \(b.text.debugDescription)") }
            if (a.style == .plain) != (b.style == .plain) { problems.append("\(path): style \(a.style) became \(b.style)") }
        case (.sequence(let a), .sequence(let b)):
            if a.count != b.count { problems.append("\(path): \(a.count) items became \(b.count)") }
            for (index, (x, y)) in zip(a, b).enumerated() { compare(x, y, path: "\(path)[\(index)]", problems: &problems) }
        case (.mapping(let a), .mapping(let b)):
            if a.map(\.key).sorted() != b.map(\.key).sorted() {
                problems.append("\(path): keys \(a.map(\.key).sorted()) became \(b.map(\.key).sorted())")
            }
            for entry in a {
                guard let other = actual[entry.key] else { continue }
                compare(entry.value, other, path: path + "." + entry.key, problems: &problems)
            }
        default: problems.append("\(path): \(expected.kindDescription) became \(actual.kindDescription)")
        }
    }

    @Test("check gives the same results on the source and on the converted file", arguments: all)
    func sameFindings(_ name: String, _ target: Conversion.Target) throws {
        let (_, file) = try Self.converted(name, target)
        func results(_ path: String) throws -> [String] {
            let request = Checker.Request(paths: [path], asOf: ISODate(year: 2026, month: 1, day: 15)!, includeAll: true)
            return try Checker.run(request).findings.map { "\($0.subject) \($0.ruleID) \($0.status)" }.sorted()
        }
        let original = try results(Self.fixture(name))
        #expect(!original.isEmpty)
        #expect(try results(file) == original)
    }

    @Test func commonVoiceMarksWhatItLacksAndNotWhatItDeclares() throws {
        let (text, _) = try Self.converted("hf_datasetcard_common_voice.md", .manifest)
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        for field in ["lawful_basis", "present", "legal_name", "copyright_status", "version", "url"] {
            #expect(lines.contains { $0.hasPrefix("# TODO \(field):") }, "no TODO for \(field)")
        }
        #expect(!text.contains("TODO spdx"))
        #expect(lines.contains { $0.hasPrefix("spdx: \"CC0-1.0\"") && $0.hasSuffix("# hf_datasetcard_common_voice.md:76:3") })
        #expect(
            !lines.contains { $0.hasPrefix("# TODO name:") || $0.hasPrefix("# TODO source_type:") || $0.hasPrefix("# TODO modalities:") })
        #expect(
            text.hasPrefix("# Converted by traingate convert from \(Self.fixture("hf_datasetcard_common_voice.md")) (Hugging Face card).\n")
        )
        #expect(lines.contains { $0.hasPrefix("# TODO confirm: a Hugging Face card cannot state the AI Office source type") })
        #expect(lines.contains { $0.hasPrefix("# Note (hf_datasetcard_common_voice.md:278:1): ") })
        // An absent object is commented out whole, its fields TODOs inside it.
        let controller = try #require(lines.firstIndex { $0.hasPrefix("# controller:") })
        #expect(lines[controller + 1].hasPrefix("# TODO legal_name:") && lines[controller + 1].contains("# The legal name"))
    }

    @Test func theModelCardKeepsItsLicenceAndMarksTheRest() throws {
        let (text, _) = try Self.converted("hf_modelcard_bert-base-uncased.md", .card)
        #expect(!text.contains("TODO spdx"))
        #expect(text.contains("# TODO version:"))
        #expect(text.contains("# - TODO manifest:"))
        #expect(text.contains("# TODO legal_name:") || text.contains("legal_name: "))
    }

    @Test("every template field is either filled or a TODO in each source", arguments: datasets)
    func everyTemplateLeafIsAccountedFor(_ name: String) throws {
        let (text, file) = try Self.converted(name, .manifest)
        let parsed = try DocumentLoader.parseYAML(Array(text.utf8), file: file)
        let todos = text.split(separator: "\n").filter {
            ($0.contains("# TODO ") || $0.contains("# - TODO ")) && !$0.contains("TODO confirm")
        }.count
        var filled = 0
        for path in Conversion.templateLeafPaths(forKind: .datasetManifest) {
            let keys = path.replacingOccurrences(of: "[]", with: "").split(separator: ".").map(String.init)
            func has(_ node: Node?, _ keys: ArraySlice<String>) -> Bool {
                guard let node else { return false }
                if let items = node.sequence { return items.contains { has($0, keys) } }
                guard let key = keys.first else { return !node.isNull }
                return has(node[key], keys.dropFirst())
            }
            if has(parsed, keys[...]) { filled += 1 }
        }
        // One source per fixture: each template leaf is filled or marked exactly once.
        #expect(filled + todos == Conversion.templateLeafPaths(forKind: .datasetManifest).count)
    }

    @Test func templateLeafPathsFollowTheInitTemplates() {
        let manifest = Conversion.templateLeafPaths(forKind: .datasetManifest)
        #expect(manifest.contains("sources[].rights.license.spdx"))
        #expect(manifest.contains("sources[].personal_data.lawful_basis"))
        #expect(manifest.contains("controller.legal_name"))
        #expect(manifest.contains("purposes[].stage"))
        #expect(!manifest.contains("apiVersion"))
        #expect(Conversion.templateLeafPaths(forKind: .modelCard).contains("training_data.datasets[].manifest"))
    }

    @Test func reasonsAreTheFirstSentenceCutAtAWord() {
        #expect(Conversion.reason("The dataset's version. More text.") == "The dataset's version.")
        let lawful = ArtifactSchemas.descriptions(forKind: .datasetManifest)["sources[].personal_data.lawful_basis"]!
        let reason = Conversion.reason(lawful)
        #expect(reason.hasPrefix("GDPR Art. 6(1): the lawful basis"))
        #expect(reason.count <= 101)
        #expect(Conversion.reason("See Art. 5 of the law. Next.") == "See Art. 5 of the law.")
    }

    @Test(
        "strings re-parse to the same text",
        arguments: [
            "plain words", "a \"quoted\" \\ back", "two\nlines", "  leading and trailing  ", "line\n  indented\n\n\ttabbed\n",
            "\n", "", "# not a comment", "- not a list", "key: value", "bell\u{7}and\u{1B}esc", "café ✓ 中文",
            "sep\u{2028}para\u{2029}next\u{85}", "trailing backslash\\", "\r\ncrlf", "true", "12", "null", "~",
        ])
    func stringsRoundTrip(_ text: String) throws {
        let written = "key: " + YAMLWriter.scalar(Scalar(text, style: .doubleQuoted), indent: 0) + "  # origin\n"
        let parsed = try DocumentLoader.parseYAML(Array(written.utf8), file: "t.yaml")
        #expect(parsed["key"]?.scalar?.text == text)
        #expect(parsed["key"]?.scalar?.style == .doubleQuoted)
        let item = "list:\n  - " + YAMLWriter.scalar(Scalar(text, style: .literal), indent: 2) + "\n"
        #expect(try DocumentLoader.parseYAML(Array(item.utf8), file: "t.yaml")["list"]?.sequence?.first?.scalar?.text == text)
    }

    @Test("plain scalars stay plain", arguments: ["true", "false", "12", "-3.5", "public_dataset", "2024-03-01", "traingate/v1"])
    func plainScalars(_ text: String) throws {
        let written = "key: " + YAMLWriter.scalar(Scalar(text), indent: 0) + "\n"
        let parsed = try DocumentLoader.parseYAML(Array(written.utf8), file: "t.yaml")
        #expect(parsed["key"]?.scalar == Scalar(text))
    }

    @Test func aCardBesideDatasetsListsTheCommandsThatWriteTheirManifests() throws {
        let location = Location(file: "bom.json", line: 3, column: 5)
        var card = Draft.view(kind: .modelCard, at: location)
        card.set("model.name", .text("sentiment", at: location))
        card.set("training_data.latest_acquisition", .plain("2024-05", at: location))
        var writer = Conversion.Writer(kind: .modelCard, format: .spdx3, source: "ai bom.json", datasetIDs: ["reviews", "tweets"])
        writer.header([])
        writer.mapping(card.node, template: Conversion.template(forKind: .modelCard), indent: 0, path: "")
        let text = writer.lines.joined(separator: "\n") + "\n"
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(
            lines.contains {
                $0.hasPrefix("#   - manifest: reviews.yaml")
                    && $0.hasSuffix("# TODO: traingate convert 'ai bom.json' --to manifest --dataset reviews --output reviews.yaml")
            })
        #expect(lines.contains { $0.hasPrefix("#   - manifest: tweets.yaml") })
        #expect(!lines.contains { $0.hasPrefix("# - TODO manifest:") })
        let parsed = try DocumentLoader.parseYAML(Array(text.utf8), file: "card.yaml")
        #expect(parsed["training_data"]?["datasets"] == nil)
        #expect(parsed["training_data"]?["latest_acquisition"]?.scalar?.text == "2024-05")
    }

    @Test(
        "a model and its datasets from one file round-trip through check",
        arguments: [
            "cyclonedx_1.7_model-card-with-dataset.json", "spdx3_ai_sentimentdemo.spdx3.json", "cyclonedx_1.6_valid-machine-learning.json",
        ])
    func aModelWithItsDatasetsRoundTrips(_ name: String) throws {
        let folder = try Self.folder()
        var card = try Conversion.convert(file: Self.fixture(name), to: .card)
        guard case .adapted(let adapted) = try Adapters.load(file: Self.fixture(name)) else { throw CancellationError() }
        let ids = adapted.manifests.compactMap { $0["dataset"]?["id"]?.scalar?.text }
        #expect(!ids.isEmpty)
        for id in ids {
            let manifest = try Conversion.convert(file: Self.fixture(name), to: .manifest, dataset: id)
            try manifest.write(toFile: "\(folder)/\(Slug.make(id)).yaml", atomically: true, encoding: .utf8)
        }
        // Do what the comments say: uncomment the list of manifests.
        var lines = card.components(separatedBy: "\n")
        lines = lines.map { line in
            if line.hasPrefix("# training_data:") { return "training_data:" }
            if line.hasPrefix("  # TODO datasets:") { return "  datasets:" }
            if line.hasPrefix("  #   - manifest: ") {
                return "    - manifest: " + line.dropFirst("  #   - manifest: ".count).split(separator: " ")[0]
            }
            return line
        }
        card = lines.joined(separator: "\n")
        #expect(ids.allSatisfy { id in card.contains("    - manifest: \(Slug.make(id)).yaml") })
        try card.write(toFile: "\(folder)/model-card.yaml", atomically: true, encoding: .utf8)
        func results(_ path: String) throws -> [String] {
            let request = Checker.Request(paths: [path], asOf: ISODate(year: 2026, month: 1, day: 15)!, includeAll: true)
            return try Checker.run(request).findings.map { "\($0.subject) \($0.ruleID) \($0.status)" }.sorted()
        }
        let original = try results(Self.fixture(name))
        #expect(original.contains { $0.hasPrefix("dataset:") })
        #expect(try results("\(folder)/model-card.yaml") == original)
    }

    @Test func errorsSayWhatTheFileIs() throws {
        let voice = Self.fixture("hf_datasetcard_common_voice.md")
        let card = #expect(throws: ArtifactError.self) { _ = try Conversion.convert(file: voice, to: .card) }
        #expect(card?.location?.file == voice)
        #expect(card?.message.contains("describes a dataset (hf-datasetcard-common-voice), not a model") == true)
        let manifest = #expect(throws: ArtifactError.self) {
            _ = try Conversion.convert(file: Self.fixture("hf_modelcard_bert-base-uncased.md"), to: .manifest)
        }
        #expect(manifest?.message.contains("describes a model, not a dataset; convert it with --to card") == true)
        let unknown = #expect(throws: ArtifactError.self) { _ = try Conversion.convert(file: voice, to: .manifest, dataset: "other") }
        #expect(unknown?.message.contains("no dataset 'other'; it describes a dataset (hf-datasetcard-common-voice)") == true)

        let native = try Self.folder() + "/manifest.yaml"
        try StarterFiles.manifest.write(toFile: native, atomically: true, encoding: .utf8)
        let already = #expect(throws: ArtifactError.self) { _ = try Conversion.convert(file: native, to: .manifest) }
        #expect(already?.description.hasPrefix("\(native):3:") == true)
        #expect(already?.message.contains("already a TrainGate file") == true)

        let other = try Self.folder() + "/other.json"
        try "{\"hello\": 1}".write(toFile: other, atomically: true, encoding: .utf8)
        let foreign = #expect(throws: ArtifactError.self) { _ = try Conversion.convert(file: other, to: .manifest) }
        #expect(foreign?.message.contains("not a Hugging Face card, Croissant, SPDX 3 or CycloneDX file") == true)
    }
}
