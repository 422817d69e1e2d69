import Foundation
import Testing

/// `traingate report model-card` end to end: golden files, the card written to a file and read
/// back by `check --input-format huggingface`, and never writing over an input.
@Suite("traingate report model-card, end to end")
struct ReportModelCardCommandTests {
    static let packageRoot = ReportSummaryCommandTests.packageRoot

    @Test("the card matches its golden file", arguments: ReportAB2013CommandTests.scenarios)
    func golden(_ scenario: String) throws {
        let result = try CLI.run(
            ["report", "model-card", "examples/\(scenario)/model-card.yaml", "--as-of", try ReportAB2013CommandTests.asOf(scenario)],
            in: Self.packageRoot)
        #expect(result.status == 0 && result.stderr == "")
        try goldenFiles.check(result.stdout, against: "model-card-\(scenario).md")
    }

    @Test func theWrittenCardIsReadBackAsAHuggingFaceCard() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("model-card-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let written = try CLI.run(
            [
                "report", "model-card", "examples/licensed-music-model/model-card.yaml", "--as-of", "2026-11-22", "--output",
                "\(folder)/README.md",
            ], in: Self.packageRoot)
        #expect(written.status == 0)
        let converted = try CLI.run(["convert", "\(folder)/README.md", "--to", "card"], in: Self.packageRoot)
        #expect(converted.status == 0, "\(converted.stderr)")
        #expect(converted.stdout.contains("name: \"aria-music-gen\""))
        #expect(converted.stdout.contains("legal_name: \"Aria Sound AB\""))
    }

    @Test func outputNeverOverwritesAnInput() throws {
        let result = try CLI.run(
            [
                "report", "model-card", "examples/licensed-music-model/model-card.yaml", "--output",
                "examples/licensed-music-model/model-card.yaml",
            ], in: Self.packageRoot)
        #expect(result.status == 2)
    }
}
