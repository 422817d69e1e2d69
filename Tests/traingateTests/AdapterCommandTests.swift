import Foundation
import Testing

/// `traingate check` on files in other formats, end to end: findings point into the original
/// file, a malformed file exits 2 with one located line, and `--input-format` overrides detection.
@Suite("traingate check on other formats")
struct AdapterCommandTests {
    static let packageRoot = ReportSummaryCommandTests.packageRoot
    static let folder = "Tests/TrainGateKitTests/Fixtures/adapters"

    @Test(
        "each format is checked and its findings point at the original file",
        arguments: [
            "hf_datasetcard_common_voice.md", "croissant_1.0_rai_dices-350.json", "spdx3_dataset_faceexpress.spdx3.json",
            "cyclonedx_1.7_model-card-with-dataset.json",
        ])
    func checked(_ name: String) throws {
        let output = try CLI.run(["check", "\(Self.folder)/\(name)", "--as-of", "2026-11-29", "--format", "github"], in: Self.packageRoot)
        #expect(output.status == 1)
        let annotations = output.stdout.split(separator: "\n").filter { $0.hasPrefix("::error") }
        #expect(!annotations.isEmpty)
        #expect(annotations.allSatisfy { $0.contains("file=\(Self.folder)/\(name),") }, "\(annotations.prefix(2))")
    }

    @Test func theTrainingSummaryIsMadeFromAnMLBOM() throws {
        let output = try CLI.run(
            [
                "report", "summary", "\(Self.folder)/cyclonedx_1.7_model-card-with-dataset.json", "--as-of", "2026-11-29",
                "--format", "json",
            ], in: Self.packageRoot)
        #expect(output.status == 0, "\(output.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(json["model"] as? String == "support-ticket-classifier")
        #expect(output.stdout.contains("Example ML Team"))
        let gaps = try #require(json["gaps"] as? [[String: Any]])
        #expect(!gaps.isEmpty)
        #expect(
            gaps.allSatisfy { ($0["location"] as? String)?.hasPrefix("\(Self.folder)/cyclonedx_1.7_model-card-with-dataset.json:") == true }
        )
        let forced = try CLI.run(
            ["report", "summary", "\(Self.folder)/cyclonedx_1.7_model-card-with-dataset.json", "--input-format", "huggingface"],
            in: Self.packageRoot)
        #expect(forced.status == 2)
        #expect(forced.stderr.contains("not a Hugging Face card"))
    }

    @Test func aMalformedFileExits2WithOneLocatedLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("adapters-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let original = try String(contentsOfFile: "\(Self.packageRoot)/\(Self.folder)/croissant_1.0_pass.json", encoding: .utf8)
        try String(original.prefix(500)).write(toFile: "\(folder)/metadata.json", atomically: true, encoding: .utf8)
        let output = try CLI.run(["check", "\(folder)/metadata.json"], in: Self.packageRoot)
        #expect(output.status == 2)
        let lines = output.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("\(folder)/metadata.json:") == true, "\(output.stderr)")
        #expect(output.stdout == "")
    }

    @Test func inputFormatNamesTheFormat() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("adapters-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try #"{"name": "Tiny set", "license": "mit"}"#.write(toFile: "\(folder)/tiny.json", atomically: true, encoding: .utf8)
        let detected = try CLI.run(["check", "\(folder)/tiny.json", "--as-of", "2026-11-29"], in: Self.packageRoot)
        #expect(detected.status == 2)
        let named = try CLI.run(
            ["check", "\(folder)/tiny.json", "--as-of", "2026-11-29", "--input-format", "croissant"], in: Self.packageRoot)
        #expect(named.status == 1)
        #expect(named.stdout.contains("dataset:tiny-set"))
        let bad = try CLI.run(["check", "\(folder)/tiny.json", "--input-format", "parquet"], in: Self.packageRoot)
        #expect(bad.status == 64)
    }
}
