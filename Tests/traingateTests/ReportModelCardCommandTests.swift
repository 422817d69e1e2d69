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

    @Test func everyValueOnTheReviewPageIsText() throws {
        // A copy of the licensed example in a folder named with markup, its names and facts replaced with markup.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mc-\(UUID().uuidString)-<b>dir</b>").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: "\(Self.packageRoot)/examples/licensed-music-model", toPath: folder)
        func change(_ file: String, _ pairs: [(String, String)]) throws {
            var text = try String(contentsOfFile: "\(folder)/\(file)", encoding: .utf8)
            for (old, new) in pairs {
                #expect(text.contains(old), "\(old) in \(file)")
                text = text.replacingOccurrences(of: old, with: new)
            }
            try text.write(toFile: "\(folder)/\(file)", atomically: true, encoding: .utf8)
        }
        try change(
            "model-card.yaml",
            [
                ("  name: aria-music-gen", "  name: \"<img src=x onerror=alert(1)>\""),
                ("url: \"https://example.org/aria/licence\"", "url: \"https://example.org/\\\"><script>alert(3)</script>\""),
            ])
        try change(
            "data/label-catalogue.yaml",
            [
                ("  name: Licensed label catalogue", "  name: \"<script>alert(2)</script>\""),
                ("Northern Records AB", "\"</li><li>injected\""),
            ])
        let result = try CLI.run(["report", "model-card", "\(folder)/model-card.yaml", "--as-of", "2026-11-22", "--format", "html"])
        #expect(result.status == 0, "\(result.stderr)")
        let html = result.stdout
        for raw in ["<img", "<script", "<b>dir", "</li><li>injected"] {
            #expect(!html.contains(raw), "\(raw) written as markup")
        }
        for shown in [
            "&lt;img src=x onerror=alert(1)&gt;", "&lt;script&gt;alert(2)&lt;/script&gt;", "&lt;/li&gt;&lt;li&gt;injected",
            "&lt;b&gt;dir&lt;/b&gt;", "&quot;&gt;&lt;script&gt;alert(3)&lt;/script&gt;",
        ] {
            #expect(html.contains(shown), "\(shown) not shown as text")
        }
        #expect(html.contains("<title>Model Card for &lt;img src=x onerror=alert(1)&gt;</title>"))
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
