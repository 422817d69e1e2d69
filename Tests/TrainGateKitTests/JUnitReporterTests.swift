import Foundation
import Testing

@testable import TrainGateKit

@Suite("JUnit reporter")
struct JUnitReporterTests {
    @Test("the output is well-formed and its counts match what it lists", arguments: ReporterGoldenTests.scenarios)
    func wellFormed(_ scenario: String) throws {
        let xml = try #require(XMLCollector.parse(JUnitReporter().render(try ExampleReports.report(scenario))))
        let root = try #require(xml.elements.first { $0.name == "testsuites" }?.attributes)
        #expect(root["tests"] == "\(xml.count("testcase"))")
        #expect(root["failures"] == "\(xml.count("failure"))")
        #expect(root["skipped"] == "\(xml.count("skipped"))")
        #expect(root["errors"] == "0")
    }

    @Test func waivedFindingsAndIdleWaiversAreSkippedNotFailed() throws {
        let report = try ExampleReports.report("scraped-catalogue")
        let xml = try #require(XMLCollector.parse(JUnitReporter().render(report)))
        let skipped = xml.elements.filter { $0.name == "skipped" }.compactMap { $0.attributes["message"] }
        #expect(skipped.filter { $0.hasPrefix("waived: Filters run upstream") }.count == report.counts[.waived])
        #expect(skipped.contains { $0.hasPrefix("expired: waiver for DSM-4-3") })
        #expect(skipped.contains { $0.hasPrefix("stale: waiver for CoP-CR-9.9") })
        #expect(xml.count("failure") == report.counts[.fail])
        let suites = xml.elements.filter { $0.name == "testsuite" }.compactMap { $0.attributes["name"] }
        #expect(suites == report.packs.map(\.name) + ["waivers"])
    }

    @Test func passesAreListedOnlyWhenTheReportHoldsThem() throws {
        let report = try ExampleReports.report("listener-data", includeAll: true)
        let xml = try #require(XMLCollector.parse(JUnitReporter().render(report)))
        let listed = report.findings.count + report.waivers.filter { $0.state != .applied }.count
        #expect(xml.count("testcase") == listed)
        #expect(xml.elements.first { $0.name == "testsuites" }?.attributes["tests"] == "\(listed)")
    }

    static let hostile = "a <b> & \"c\" 'd' ]]> <![CDATA[x]]> \u{0}\u{1}\u{8}\u{B}\u{C}\u{1F}\u{7F} e\u{FFFE}\u{FFFF} 🎵\ttab\nline\rcr end"
    /// `hostile` as a parser reads it back: characters XML 1.0 cannot hold dropped, and a CR as
    /// a CR (it was a character reference).
    static let readBack = "a <b> & \"c\" 'd' ]]> <![CDATA[x]]> \u{7F} e 🎵\ttab\nline\rcr end"

    @Test func hostileTextStaysWellFormedAndReadsBack() throws {
        var report = try ExampleReports.report("scraped-catalogue")
        let index = try #require(report.findings.firstIndex { $0.status == .fail })
        report.findings[index].message = Self.hostile
        report.findings[index].subject = Self.hostile
        report.findings[index].remediation = Self.hostile
        report.warnings.append(Diagnostic(location: report.findings[index].location, message: Self.hostile))
        let output = JUnitReporter().render(report)
        #expect(!output.contains("]]>"))
        let xml = try #require(XMLCollector.parse(output))
        let failure = try #require(xml.elements.first { $0.name == "failure" && $0.attributes["message"] == Self.readBack })
        #expect(failure.attributes["type"] == report.findings[index].severity.rawValue)
        #expect(xml.failureBodies.contains { $0.contains("fix: " + Self.readBack) })
        #expect(
            xml.elements.contains {
                $0.name == "testcase" && $0.attributes["name"] == "\(report.findings[index].ruleID) · \(Self.readBack)"
            })
        #expect(xml.elements.contains { $0.name == "skipped" && $0.attributes["message"] == "warning: " + Self.readBack })
    }

    @Test func theFiveSpecialCharactersAreEscaped() {
        #expect(XMLText.attribute("<&>\"'") == "&lt;&amp;&gt;&quot;&apos;")
        #expect(XMLText.attribute("a\tb\nc\rd") == "a&#9;b&#10;c&#13;d")
        #expect(XMLText.content("a\tb\nc\rd") == "a\tb\nc&#13;d")
        #expect(XMLText.content("x\u{0}\u{1B}y\u{FFFE}") == "xy")
    }
}
