import Testing

@testable import TrainGateKit

@Suite("GitHub workflow-command reporter")
struct GitHubReporterTests {
    @Test func dataAndPropertiesAreEscapedAsTheRunnerDoes() {
        #expect(WorkflowCommand.escapeData("50%\r\nnext: a,b") == "50%25%0D%0Anext: a,b")
        #expect(WorkflowCommand.escapeProperty("50%\r\nnext: a,b") == "50%25%0D%0Anext%3A a%2Cb")
        #expect(WorkflowCommand.escapeData("%0A") == "%250A")
    }

    @Test func aCommandLeavesOutEmptyProperties() {
        let command = WorkflowCommand(
            name: "error", properties: [("file", "a,b:c.yaml"), ("line", "3"), ("title", "")],
            message: "one\ntwo")
        #expect(command.description == "::error file=a%2Cb%3Ac.yaml,line=3::one%0Atwo")
        #expect(WorkflowCommand(name: "notice", properties: [], message: "m").description == "::notice::m")
    }

    @Test(
        "levels name the command",
        arguments: [
            (Severity.critical, "error"), (.high, "error"), (.medium, "warning"), (.low, "notice"), (.info, "notice"),
        ])
    func levels(_ severity: Severity, _ name: String) throws {
        var finding = try #require(try ExampleReports.report("scraped-catalogue").findings.first { $0.status == .fail })
        finding.severity = severity
        #expect(GitHubReporter.command(for: finding)?.name == name)
        finding.status = .waived
        #expect(GitHubReporter.command(for: finding)?.name == "notice")
        finding.status = .pass
        #expect(GitHubReporter.command(for: finding) == nil)
    }

    @Test func everyLineIsACommandButTheSummary() throws {
        var report = try ExampleReports.report("scraped-catalogue")
        report.findings[0].message = "first\nsecond\r\n::error::injected"
        report.findings[0].title = "a: b, c"
        let lines = GitHubReporter().render(report).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.dropLast().allSatisfy { $0.hasPrefix("::error ") || $0.hasPrefix("::warning ") || $0.hasPrefix("::notice ") })
        #expect(lines.contains { $0.contains("title=\(report.findings[0].ruleID)%3A a%3A b%2C c::first%0Asecond%0D%0A::error::injected") })
        #expect(lines.last == "traingate: FAIL — \(report.statusSummary) (fails on high and above)")
    }

    @Test func theSummaryAgreesWithTheTextVerdict() throws {
        for scenario in ReporterGoldenTests.scenarios {
            let report = try ExampleReports.report(scenario)
            let text = TextReporter().render(report)
            let github = GitHubReporter().render(report)
            #expect(text.contains("verdict: \(report.verdictWord) (\(report.thresholdDescription))"))
            #expect(github.hasSuffix("traingate: \(report.verdictWord) — \(report.statusSummary) (\(report.thresholdDescription))\n"))
        }
    }

    @Test func waiversThatWaiveNothingAreWarningsOnTheWaiverFile() throws {
        let output = GitHubReporter().render(try ExampleReports.report("listener-data"))
        #expect(output.contains("::warning file=Tests/TrainGateKitTests/Fixtures/waivers/reporters.yaml,line="))
        #expect(output.contains("title=DSM-4-3%3A expired waiver::waiver for DSM-4-3 on '*' expired on 2026-10-31"))
        #expect(output.contains("::notice file=examples/listener-data/data/listening-logs.yaml"))
    }
}

@Suite("GitHub annotation limit")
struct GitHubAnnotationLimitTests {
    @Test func commandsBeyondTenOfALevelAreCountedInAPlainLine() {
        #expect(GitHubReporter.beyondLimit(["error": 10, "warning": 10, "notice": 3]) == nil)
        let line = GitHubReporter.beyondLimit(["error": 23, "warning": 11, "notice": 2])
        #expect(
            line == "traingate: GitHub annotates at most 10 errors, 10 warnings and 10 notices per step; 13 more errors, "
                + "1 more warning are only in this log (write the full report with --report sarif=FILE or --report json=FILE)")
        #expect(line?.hasPrefix("::") == false, "the count is a plain log line, not an annotation")
    }
}
