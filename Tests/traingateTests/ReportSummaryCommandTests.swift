import Foundation
import Testing

/// `traingate report summary` end to end on the built binary: every scenario of `examples/`
/// against golden files, gaps, `--strict`, and the errors.
@Suite("traingate report summary, end to end")
struct ReportSummaryCommandTests {
    static let packageRoot = URL(fileURLWithPath: CLI.fixtures).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    static let scenarios = ["api-terms", "licensed-music-model", "listener-data", "public-photos", "scraped-catalogue"]

    /// Runs the command from the package root on a scenario's card, as of its `expected.yaml`.
    static func summary(_ scenario: String, _ extra: [String] = []) throws -> CLI.Output {
        let expected = try String(contentsOfFile: "\(packageRoot)/examples/\(scenario)/expected.yaml", encoding: .utf8)
        let asOf = try #require(expected.split(separator: "\n").first { $0.hasPrefix("as_of:") }?.split(separator: " ").last)
        return try CLI.run(
            ["report", "summary", "examples/\(scenario)/model-card.yaml", "--as-of", String(asOf)] + extra,
            in: packageRoot)
    }

    static func json(_ output: CLI.Output) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
    }

    @Test("Markdown and JSON match their golden files", arguments: scenarios)
    func golden(_ scenario: String) throws {
        let markdown = try Self.summary(scenario)
        #expect(markdown.status == 0)
        #expect(markdown.stderr == "")
        try goldenFiles.check(markdown.stdout, against: "summary-\(scenario).md")
        let json = try Self.summary(scenario, ["--format", "json"])
        #expect(json.status == 0)
        try goldenFiles.check(json.stdout, against: "summary-\(scenario).json")
        #expect(!markdown.stdout.contains(Self.packageRoot) && !json.stdout.contains(Self.packageRoot))
    }

    @Test func theLicensedScenarioHTMLMatchesItsGoldenFile() throws {
        let html = try Self.summary("licensed-music-model", ["--format", "html"])
        #expect(html.status == 0)
        try goldenFiles.check(html.stdout, against: "summary-licensed-music-model.html")
    }

    @Test func jsonFollowsTheTemplateSectionsWithAVersionedSchema() throws {
        let document = try Self.json(try Self.summary("licensed-music-model", ["--format", "json"]))
        #expect(document["schema"] as? String == "traingate.summary/v1")
        let sections = try #require(document["sections"] as? [String: Any])
        #expect(
            sections.keys.sorted() == [
                "1.1", "1.2", "1.3", "2.0", "2.1", "2.2.1", "2.2.2", "2.3", "2.4", "2.5", "2.6", "3.1", "3.2", "3.3",
            ])
        #expect((document["check"] as? [String: Any])?["verdict"] as? String == "pass")
    }

    @Test(
        "gaps name the fields that would answer them",
        arguments: [
            ("licensed-music-model", [String]()),
            ("listener-data", ["sources[].user_data.services"]),
            (
                "api-terms",
                [
                    "transparency.training_summary.version", "transparency.code_of_practice_signatory",
                    "sources[].tdm_opt_out.protocols", "sources[].processing.illegal_content_measures",
                ]
            ),
            ("scraped-catalogue", ["sources[].processing.illegal_content_measures"]),
        ])
    func gaps(_ scenario: String, _ fields: [String]) throws {
        let document = try Self.json(try Self.summary(scenario, ["--format", "json"]))
        let gaps = try #require(document["gaps"] as? [[String: Any]])
        let found = Set(gaps.compactMap { $0["field"] as? String })
        #expect(fields.isEmpty ? gaps.isEmpty : Set(fields).isSubset(of: found), "\(scenario): \(found.sorted())")
    }

    @Test(
        "--strict exits 1 only when there are gaps",
        arguments: [("licensed-music-model", Int32(0)), ("listener-data", 1), ("api-terms", 1)])
    func strict(_ scenario: String, _ status: Int32) throws {
        let result = try Self.summary(scenario, ["--strict", "--format", "html"])
        #expect(result.status == status)
        #expect(result.stdout.hasSuffix("</html>\n"), "the summary is printed whatever the exit code")
        #expect(try Self.summary(scenario).status == 0)
    }

    @Test("HTML is self-contained, printable and lists every gap", arguments: scenarios)
    func html(_ scenario: String) throws {
        let page = try Self.summary(scenario, ["--format", "html"]).stdout
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(!page.lowercased().contains("<script"))
        #expect(page.contains("<svg") && page.contains("@page") && page.contains("@media print"))
        #expect(!page.contains("<link") && !page.contains("src=\""), "nothing is loaded from elsewhere")
        let gaps = try #require(try Self.json(try Self.summary(scenario, ["--format", "json"]))["gaps"] as? [[String: Any]])
        for gap in gaps {
            let field = try #require(gap["field"] as? String)
            let location = try #require(gap["location"] as? String)
            #expect(page.contains("<code>\(field)</code>") && page.contains(location), "\(scenario): \(field)")
        }
        #expect(page.contains("<strong>Gaps: \(gaps.count)</strong>"))
    }

    @Test func writesTheOutputFileButNeverOverTheCard() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("summary-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let written = try Self.summary("licensed-music-model", ["--format", "json", "--output", "\(folder)/out/summary.json"])
        #expect(written.status == 0 && written.stdout == "")
        #expect(
            try String(contentsOfFile: "\(folder)/out/summary.json", encoding: .utf8)
                == Self.summary("licensed-music-model", ["--format", "json"]).stdout)
        let refused = try Self.summary("licensed-music-model", ["--output", "examples/licensed-music-model/model-card.yaml"])
        #expect(refused.status == 2)
        #expect(refused.stderr == "examples/licensed-music-model/model-card.yaml: error: refusing to write the report over an input file\n")
        let manifest = "examples/licensed-music-model/data/label-catalogue.yaml"
        let before = try String(contentsOfFile: manifest, encoding: .utf8)
        let refusedManifest = try Self.summary("licensed-music-model", ["--output", manifest])
        #expect(refusedManifest.status == 2)
        #expect(refusedManifest.stderr == "\(manifest): error: refusing to write the report over an input file\n")
        #expect(try String(contentsOfFile: manifest, encoding: .utf8) == before)
    }

    @Test(
        "inputs that cannot be read exit 2 with one located line",
        arguments: [
            ("nope.yaml", "nope.yaml: error: no such file or directory\n"),
            (
                "errors/missing-manifest/card.yaml",
                "errors/missing-manifest/card.yaml:6:17: error: dataset manifest 'data/nope.yaml' not found\n"
            ),
            (
                "check-fail/data/shadow.yaml",
                "check-fail/data/shadow.yaml:1:1: error: not a model card (found a DatasetManifest); the summary is made from a ModelCard\n"
            ),
        ])
    func unreadable(_ path: String, _ stderr: String) throws {
        let result = try CLI.run(["report", "summary", path, "--as-of", "2026-11-22"])
        #expect(result.status == 2)
        #expect(result.stdout == "")
        // Warnings (unknown keys) may come first; exactly one error line, located.
        #expect(result.stderr.hasSuffix(stderr))
        #expect(result.stderr.components(separatedBy: ": error: ").count == 2)
    }

    @Test("usage errors exit 64", arguments: [["--format", "pdf"], ["--as-of", "22/11/2026"], []])
    func usage(_ flags: [String]) throws {
        let card = flags.isEmpty ? [] : ["check-fail/card.yaml"]
        #expect(try CLI.run(["report", "summary"] + card + flags).status == 64)
    }
}
