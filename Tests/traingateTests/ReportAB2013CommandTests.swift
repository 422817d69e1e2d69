import Foundation
import Testing

/// `traingate report ab2013` end to end on the built binary: every scenario of `examples/`
/// against golden files, items 1–12, agreement with `check --pack us-ca-ab2013`, a field taken
/// away becoming a gap, `--strict`, and never writing over an input.
@Suite("traingate report ab2013, end to end")
struct ReportAB2013CommandTests {
    static let packageRoot = ReportSummaryCommandTests.packageRoot
    static let scenarios = [
        "api-terms", "broker-optouts", "legacy-model", "licensed-music-model", "listener-consent-ledger", "listener-data",
        "pending-rebuttal", "public-photos", "scraped-catalogue",
    ]

    static func asOf(_ scenario: String) throws -> String {
        let expected = try String(contentsOfFile: "\(packageRoot)/examples/\(scenario)/expected.yaml", encoding: .utf8)
        return String(try #require(expected.split(separator: "\n").first { $0.hasPrefix("as_of:") }?.split(separator: " ").last))
    }

    static func run(_ scenario: String, _ extra: [String] = [], card: String? = nil, in folder: String = packageRoot) throws -> CLI.Output {
        try CLI.run(
            ["report", "ab2013", card ?? "examples/\(scenario)/model-card.yaml", "--as-of", try asOf(scenario)] + extra, in: folder)
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("Markdown and JSON match their golden files, with items 1 to 12", arguments: scenarios)
    func golden(_ scenario: String) throws {
        let markdown = try Self.run(scenario)
        #expect(markdown.status == 0 && markdown.stderr == "")
        try goldenFiles.check(markdown.stdout, against: "ab2013-\(scenario).md")
        let json = try Self.run(scenario, ["--format", "json"])
        #expect(json.status == 0)
        try goldenFiles.check(json.stdout, against: "ab2013-\(scenario).json")
        let items = try #require(try Self.json(json.stdout)["items"] as? [String: Any])
        #expect(Set(items.keys) == Set((1...12).map(String.init)))
        #expect(!markdown.stdout.contains(Self.packageRoot) && !json.stdout.contains(Self.packageRoot))
    }

    @Test func theLicensedScenarioHTMLMatchesItsGoldenFile() throws {
        let html = try Self.run("licensed-music-model", ["--format", "html"])
        #expect(html.status == 0)
        try goldenFiles.check(html.stdout, against: "ab2013-licensed-music-model.html")
    }

    /// What the report says is not declared, `check --pack us-ca-ab2013` fails, and the other way round.
    @Test("the report and the us-ca-ab2013 pack agree", arguments: scenarios)
    func agreesWithThePack(_ scenario: String) throws {
        let document = try Self.json(try Self.run(scenario, ["--format", "json"]).stdout)
        let check = try CLI.run(
            [
                "check", "examples/\(scenario)/model-card.yaml", "--pack", "us-ca-ab2013", "--as-of", try Self.asOf(scenario), "--format",
                "json",
            ], in: Self.packageRoot)
        let findings = try #require(try Self.json(check.stdout)["findings"] as? [[String: Any]])
        var failing = Set<String>()
        for finding in findings where finding["status"] as? String == "fail" {
            guard let rule = finding["rule_id"] as? String, rule.hasPrefix("CA-AB2013-a"), let subject = finding["subject"] as? String
            else { continue }
            let words =
                subject.range(of: "/source:").map {
                    "source \(subject[$0.upperBound...]) of dataset \(subject.dropFirst("dataset:".count)[..<$0.lowerBound])"
                } ?? subject.replacingOccurrences(of: "dataset:", with: "dataset ")
            failing.insert("\(rule) \(words)")
        }
        var reported = Set<String>()
        let items = try #require(document["items"] as? [String: [String: Any]])
        for (number, item) in items {
            let gaps = try #require(item["gaps"] as? [[String: Any]])
            for gap in gaps {
                #expect(gap["rule"] as? String == "CA-AB2013-a\(number)")
                reported.insert("CA-AB2013-a\(number) \(gap["subject"] as? String ?? "")")
            }
            for subject in try #require(item["not_declared"] as? [String]) {
                #expect(
                    failing.contains("CA-AB2013-a\(number) \(subject)"), "item \(number): \(subject) declares nothing, yet its rule passed")
            }
        }
        #expect(reported == failing, "\(scenario)")
    }

    /// A copy of the licensed scenario in a temporary folder, with `change` made to one of its files.
    func withCopy(_ file: String, change: (String) throws -> String, body: (String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ab2013-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: "\(Self.packageRoot)/examples/licensed-music-model", toPath: folder)
        let path = "\(folder)/\(file)"
        try change(try String(contentsOfFile: path, encoding: .utf8)).write(toFile: path, atomically: true, encoding: .utf8)
        try body(folder)
    }

    @Test func aFieldTakenAwayBecomesAGapWithItsPlace() throws {
        let before = try Self.json(try Self.run("licensed-music-model", ["--format", "json"]).stdout)
        let itemBefore = try #require((before["items"] as? [String: [String: Any]])?["11"])
        #expect((itemBefore["not_declared"] as? [String])?.contains("source northern-records of dataset label-catalogue") == false)
        try withCopy(
            "data/label-catalogue.yaml",
            change: { text in
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                let removed = try #require(lines.firstIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix("first_used:") })
                return lines.enumerated().filter { $0.offset != removed }.map(\.element).joined(separator: "\n")
            },
            body: { folder in
                let after = try Self.json(
                    try Self.run("licensed-music-model", ["--format", "json"], card: "\(folder)/model-card.yaml").stdout)
                let itemAfter = try #require((after["items"] as? [String: [String: Any]])?["11"])
                #expect((itemAfter["not_declared"] as? [String])?.contains("source northern-records of dataset label-catalogue") == true)
                let gap = try #require(
                    (itemAfter["gaps"] as? [[String: Any]])?.first {
                        $0["subject"] as? String == "source northern-records of dataset label-catalogue"
                    })
                #expect(gap["rule"] as? String == "CA-AB2013-a11")
                #expect((gap["location"] as? String)?.hasPrefix("\(folder)/data/label-catalogue.yaml:") == true)
                #expect(((after["gap_count"] as? Int) ?? 0) == ((before["gap_count"] as? Int) ?? 0) + 1)
            })
    }

    @Test func aModelReleasedBefore2022IsOutOfScopeAndStrictPasses() throws {
        #expect(try Self.run("licensed-music-model", ["--strict"]).status == 1, "the scenario has gaps")
        try withCopy(
            "model-card.yaml",
            change: { text in
                let replaced = text.replacingOccurrences(of: "release_date: 2026-03-01", with: "release_date: 2021-06-01")
                #expect(replaced != text)
                return replaced
            },
            body: { folder in
                let result = try Self.run("licensed-music-model", ["--format", "json", "--strict"], card: "\(folder)/model-card.yaml")
                #expect(result.status == 0)
                let document = try Self.json(result.stdout)
                #expect(document["not_applicable"] as? String == "the model was released on 2021-06-01, before 1 January 2022")
                #expect(document["gap_count"] as? Int == 0)
            })
    }

    @Test func outputNeverOverwritesAnInput() throws {
        let result = try Self.run("licensed-music-model", ["--output", "examples/licensed-music-model/data/label-catalogue.yaml"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("label-catalogue.yaml: error: "))
    }

    @Test func aManifestIsNotACard() throws {
        let result = try Self.run("licensed-music-model", card: "examples/licensed-music-model/data/label-catalogue.yaml")
        #expect(result.status == 2)
        #expect(result.stderr.contains("not a model card (found a DatasetManifest)"))
    }
}
