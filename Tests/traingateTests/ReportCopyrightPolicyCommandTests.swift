import Foundation
import Testing

/// `traingate report copyright-policy` end to end: golden files for every scenario, each claim
/// traced to the declaration it restates, gaps marked, `--strict`, and never writing over an input.
@Suite("traingate report copyright-policy, end to end")
struct ReportCopyrightPolicyCommandTests {
    static let packageRoot = ReportSummaryCommandTests.packageRoot

    static func run(_ scenario: String, _ extra: [String] = []) throws -> CLI.Output {
        try CLI.run(
            [
                "report", "copyright-policy", "examples/\(scenario)/model-card.yaml", "--as-of",
                try ReportAB2013CommandTests.asOf(scenario),
            ] + extra, in: packageRoot)
    }

    @Test("Markdown and JSON match their golden files", arguments: ReportAB2013CommandTests.scenarios)
    func golden(_ scenario: String) throws {
        let markdown = try Self.run(scenario)
        #expect(markdown.status == 0 && markdown.stderr == "")
        try goldenFiles.check(markdown.stdout, against: "copyright-policy-\(scenario).md")
        let json = try Self.run(scenario, ["--format", "json"])
        try goldenFiles.check(json.stdout, against: "copyright-policy-\(scenario).json")
        let document = try ReportAB2013CommandTests.json(json.stdout)
        let keys = (document["sections"] as? [[String: Any]])?.compactMap { $0["key"] as? String }
        #expect(keys == ["responsibility", "opt_outs", "lawful_access", "infringing_sites", "output_safeguards", "complaints"])
    }

    @Test func theScrapedScenarioHTMLMatchesItsGoldenFile() throws {
        let html = try Self.run("scraped-catalogue", ["--format", "html"])
        #expect(html.status == 0)
        try goldenFiles.check(html.stdout, against: "copyright-policy-scraped-catalogue.html")
    }

    /// Each claim's position is where its first value is written in the file it names.
    @Test("every claim is traced to its declaration", arguments: ReportAB2013CommandTests.scenarios)
    func claimsAreTraced(_ scenario: String) throws {
        let document = try ReportAB2013CommandTests.json(try Self.run(scenario, ["--format", "json"]).stdout)
        var checked = 0
        for section in try #require(document["sections"] as? [[String: Any]]) {
            for claim in try #require(section["claims"] as? [[String: Any]]) {
                let text = try #require(claim["text"] as? String)
                let location = try #require(claim["location"] as? String).split(separator: ":")
                let (file, line, column) = (String(location[0]), Int(location[1])!, Int(location[2])!)
                let lines = try String(contentsOfFile: "\(Self.packageRoot)/\(file)", encoding: .utf8)
                    .split(separator: "\n", omittingEmptySubsequences: false)
                let written = String(lines[line - 1].dropFirst(column - 1))
                let value = String(text.split(separator: ";")[0].split(separator: ": ", maxSplits: 1)[1])
                let first = value == "Yes" ? "true" : value == "No" ? "false" : String(value.split(separator: ", ")[0])
                #expect(
                    written.hasPrefix(first) || written.hasPrefix("\"\(first)") || written.hasPrefix("[\(first)"),
                    "\(text) at \(file):\(line):\(column) reads \(written)")
                checked += 1
            }
        }
        #expect(checked > 0)
    }

    @Test func gapsAreMarkedAndStrictFailsOnThem() throws {
        let markdown = try Self.run("api-terms", ["--strict"])
        #expect(markdown.status == 1)
        #expect(
            markdown.stdout.contains(
                "- **To be completed**: `transparency.copyright_policy.owner` (model mood-tagger) at `examples/api-terms/model-card.yaml:2:1`"
            ))
        let document = try ReportAB2013CommandTests.json(try Self.run("api-terms", ["--format", "json"]).stdout)
        #expect((document["gap_count"] as? Int ?? 0) >= 5)
    }

    @Test func outputNeverOverwritesAnInput() throws {
        let result = try Self.run("scraped-catalogue", ["--output", "examples/scraped-catalogue/model-card.yaml"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("model-card.yaml: error: "))
    }
}
