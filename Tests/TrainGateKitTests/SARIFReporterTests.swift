import Foundation
import Testing

@testable import TrainGateKit

@Suite("SARIF reporter")
struct SARIFReporterTests {
    @Test(
        "severities map to three levels",
        arguments: [
            (Severity.critical, AlertLevel.error), (.high, .error), (.medium, .warning), (.low, .note), (.info, .note),
        ])
    func levels(_ severity: Severity, _ level: AlertLevel) {
        #expect(AlertLevel(severity) == level)
    }

    func finding() throws -> Finding {
        let report = try ExampleReports.report("scraped-catalogue")
        return try #require(report.findings.first { $0.ruleID == "DSM-4-1" && $0.subject.hasSuffix("source:audio-files") })
    }

    @Test func theFingerprintIsSHA256OfFileRuleSubjectAndPath() throws {
        // sha256("examples/scraped-catalogue/data/mirrored-catalogue.yaml\0DSM-4-1\0dataset:mirrored-catalogue/source:audio-files\0sources[0].access.lawful_access"),
        // computed independently; changing it would reopen every alert a dashboard tracks.
        #expect(SARIFReporter.fingerprint(of: try finding()) == "133cb67520d0ecae5f97d4aaed01638ddc1f7e45bdc65d3d39fd2aab5a3620e6")
    }

    @Test func theFingerprintSurvivesEditsButNotADifferentSubject() throws {
        let original = try finding()
        var moved = original
        moved.location = Location(file: original.location.file, line: original.location.line + 12, column: 3)
        moved.message += " (reworded)"
        #expect(SARIFReporter.fingerprint(of: moved) == SARIFReporter.fingerprint(of: original))
        var other = original
        other.subject = "dataset:mirrored-catalogue/source:track-metadata"
        #expect(SARIFReporter.fingerprint(of: other) != SARIFReporter.fingerprint(of: original))
        var otherRule = original
        otherRule.ruleID = "DSM-4-3"
        #expect(SARIFReporter.fingerprint(of: otherRule) != SARIFReporter.fingerprint(of: original))
        var otherFile = original
        otherFile.location = Location(
            file: "copy/" + original.location.file, line: original.location.line, column: original.location.column)
        #expect(SARIFReporter.fingerprint(of: otherFile) != SARIFReporter.fingerprint(of: original))
    }

    /// The same check run from another working folder, or on absolute paths, keeps every
    /// fingerprint: paths count from the folder all inputs share.
    @Test func theFingerprintDoesNotDependOnTheWorkingFolder() throws {
        let original = try finding()
        let file = original.location.file  // examples/scraped-catalogue/data/mirrored-catalogue.yaml
        func moved(_ prefix: String) -> Finding {
            var copy = original
            copy.location = Location(file: prefix + "scraped-catalogue/data/mirrored-catalogue.yaml", line: 1, column: 1)
            return copy
        }
        let here = SARIFReporter.fingerprint(
            of: original, root: SARIFReporter.commonRoot([file, "examples/scraped-catalogue/model-card.yaml"]))
        let inside = SARIFReporter.fingerprint(
            of: moved(""),
            root: SARIFReporter.commonRoot(["scraped-catalogue/data/mirrored-catalogue.yaml", "./scraped-catalogue/model-card.yaml"]))
        let absolute = SARIFReporter.fingerprint(
            of: moved("/work/examples/"),
            root: SARIFReporter.commonRoot([
                "/work/examples/scraped-catalogue/data/mirrored-catalogue.yaml", "/work/examples/scraped-catalogue/model-card.yaml",
            ]))
        #expect(here == inside && inside == absolute)
        #expect(SARIFReporter.commonRoot(["a/b/c.yaml", "a/d.yaml"]) == "a")
        #expect(SARIFReporter.commonRoot(["/x/y/z.yaml"]) == "/x/y")
        #expect(SARIFReporter.relative("a/b/c.yaml", to: "a") == "b/c.yaml")
        #expect(SARIFReporter.relative("/a/b.yaml", to: "a") == "a/b.yaml", "an absolute path is never cut by a relative root")
    }

    func document(_ report: CheckReport) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(SARIFReporter().render(report).utf8))
        return try #require(object as? [String: Any])
    }

    @Test func resultsPointAtTheirRulesAndWaiversAreSuppressions() throws {
        let report = try ExampleReports.report("scraped-catalogue")
        let log = try document(report)
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.count == report.packs.reduce(0) { $0 + $1.rules.count })
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == report.findings.filter { $0.status == .fail || $0.status == .waived }.count)
        for result in results {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
        }
        let suppressed = results.filter { $0["suppressions"] != nil }
        #expect(suppressed.count == report.counts[.waived])
        #expect(!suppressed.isEmpty)
        for result in suppressed {
            let suppression = try #require((result["suppressions"] as? [[String: Any]])?.first)
            #expect(suppression["kind"] as? String == "external")
            #expect(suppression["status"] as? String == "accepted")
            #expect((suppression["justification"] as? String)?.hasPrefix("Filters run upstream") == true)
        }
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == true)
        let notifications = try #require(invocation["toolExecutionNotifications"] as? [[String: Any]])
        #expect(notifications.count == report.warnings.count + report.waivers.filter { $0.state != .applied }.count)
        #expect(notifications.allSatisfy { $0["level"] as? String == "warning" })
    }

    @Test func levelsInTheOutputFollowTheSeverity() throws {
        let report = try ExampleReports.report("listener-data")
        let run = try #require((try document(report)["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        let levels = Set(results.map { "\($0["ruleId"]!)=\($0["level"]!)" })
        #expect(levels.contains("EDPB-28-RE=warning"))
        #expect(levels.contains("GDPR-21=error"))
    }

    @Test(
        "paths become URIs",
        arguments: [
            ("examples/a b/card.yaml", "examples/a%20b/card.yaml", "%SRCROOT%"),
            ("c:d/x#y.yaml", "c%3Ad/x%23y.yaml", "%SRCROOT%"),
            ("/abs/card.yaml", "file:///abs/card.yaml", nil),
        ])
    func uris(_ path: String, _ uri: String, _ base: String?) {
        let location = SARIFReporter.artifactLocation(path)
        #expect(location.uri == uri)
        #expect(location.uriBaseId == base)
    }

    @Test func ruleNamesArePascalCaseTitles() {
        #expect(SARIFReporter.pascalCase("Mined content is lawfully accessible") == "MinedContentIsLawfullyAccessible")
        #expect(SARIFReporter.pascalCase("Art. 50(2) — marking") == "Art502Marking")
    }
}
