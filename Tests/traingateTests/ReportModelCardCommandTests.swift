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

    @Test("the review page and the JSON match their golden files", arguments: ReportAB2013CommandTests.scenarios)
    func htmlAndJSON(_ scenario: String) throws {
        let asOf = try ReportAB2013CommandTests.asOf(scenario)
        let card = "examples/\(scenario)/model-card.yaml"
        let markdown = try CLI.run(["report", "model-card", card, "--as-of", asOf], in: Self.packageRoot).stdout
        let html = try CLI.run(["report", "model-card", card, "--as-of", asOf, "--format", "html"], in: Self.packageRoot)
        #expect(html.status == 0 && html.stderr == "")
        try goldenFiles.check(html.stdout, against: "model-card-\(scenario).html")
        #expect(!html.stdout.contains("<script"), "the page runs nothing")
        let result = try CLI.run(["report", "model-card", card, "--as-of", asOf, "--format", "json"], in: Self.packageRoot)
        #expect(result.status == 0 && result.stderr == "")
        try goldenFiles.check(result.stdout, against: "model-card-\(scenario).json")
        let json = try ReportAB2013CommandTests.json(result.stdout)
        #expect(json["schema"] as? String == "traingate.hf-model-card/v1")
        #expect(json["readme"] as? String == markdown, "the JSON carries the Markdown card itself")
        // Every section heading of the Markdown card is a section of the JSON, in order.
        let headings = markdown.split(separator: "\n").filter { $0.hasPrefix("## ") || $0.hasPrefix("### ") }.map {
            String($0.drop { $0 == "#" }.dropFirst())
        }
        let titles = (json["sections"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
        #expect(titles == headings)
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
