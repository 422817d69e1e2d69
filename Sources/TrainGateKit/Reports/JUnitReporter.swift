/// JUnit XML for CI test-report views (GitLab, Jenkins, Azure DevOps, test-reporter actions):
/// one `<testsuite>` per selected pack and one `<testcase>` per reported rule × subject.
///
/// Failing findings are `<failure>`s typed by severity; waived findings, and results that did
/// not apply or are not yet in force, are `<skipped>`. Only reported results are test cases —
/// by default the failing and waived ones; `--show-passed` adds the rest — so the `tests`
/// counts are what is listed, and the counts over every rule × subject are `<properties>` of
/// the root. Waivers that waived nothing (expired or stale) and input warnings are skipped test
/// cases in final `waivers` and `warnings` suites: warnings, never failures.
public struct JUnitReporter: Reporter {
    /// The `--format` name.
    public static let identifier = "junit"
    public static let fileExtension = "junit.xml"

    /// Makes the reporter; it has no options.
    public init() {}

    /// JUnit XML is never coloured.
    public static func make(color: Bool) -> JUnitReporter { JUnitReporter() }

    /// One `<testcase>`: at most one outcome element, `<failure>` or `<skipped>`.
    struct TestCase {
        enum Outcome {
            case passed
            case failed(message: String, type: String, body: String)
            case errored(message: String, body: String)
            case skipped(String)
        }
        let classname: String
        let name: String
        let location: SourceLocation
        let outcome: Outcome
    }

    struct Suite {
        let name: String
        let properties: [(String, String)]
        let cases: [TestCase]

        var failures: Int { cases.filter { if case .failed = $0.outcome { true } else { false } }.count }
        var skipped: Int { cases.filter { if case .skipped = $0.outcome { true } else { false } }.count }
        var errors: Int { cases.filter { if case .errored = $0.outcome { true } else { false } }.count }
    }

    /// Renders the report; the same report always gives the same text.
    public func render<Sink: ReportSink>(_ report: CheckReport, to sink: inout Sink) {
        var suites = report.packs.map { pack in
            Suite(
                name: pack.name, properties: [("version", pack.version), ("sources_as_of", pack.sourcesAsOf.description)],
                cases: report.findings.filter { $0.pack == pack.name }.map(Self.testCase))
        }
        let waivers = report.waivers.filter { $0.state != .applied }.map {
            TestCase(
                classname: "waivers", name: "\($0.waiver.rule) · \($0.waiver.subject)", location: $0.waiver.location,
                outcome: .skipped("\($0.state.rawValue): \($0.message)"))
        }
        if !waivers.isEmpty { suites.append(Suite(name: "waivers", properties: [], cases: waivers)) }
        let warnings = report.warnings.map {
            TestCase(classname: "warnings", name: $0.message, location: $0.location, outcome: .skipped("warning: \($0.message)"))
        }
        if !warnings.isEmpty { suites.append(Suite(name: "warnings", properties: [], cases: warnings)) }

        sink.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        let totals = Suite(name: "traingate", properties: [], cases: suites.flatMap(\.cases))
        sink.write("<testsuites\(Self.counts(totals))>\n")
        sink.write(Self.properties(Self.rootProperties(report), indent: "  "))
        for suite in suites { Self.render(suite, to: &sink) }
        sink.write("</testsuites>\n")
    }

    /// A run that could not check: one `<error>` test case per error in an `errors` suite (and
    /// the input warnings as skipped cases), so a test-report view shows the run as broken.
    public func render(_ failure: FailedCheck) -> String {
        let errors = failure.errors.map { error in
            TestCase(
                classname: "traingate", name: error.message,
                location: error.location ?? SourceLocation(file: error.file ?? "", line: 0, column: 0),
                outcome: .errored(message: error.message, body: error.description))
        }
        let warnings = failure.warnings.map {
            TestCase(classname: "warnings", name: $0.message, location: $0.location, outcome: .skipped("warning: \($0.message)"))
        }
        var suites = [Suite(name: "errors", properties: [], cases: errors)]
        if !warnings.isEmpty { suites.append(Suite(name: "warnings", properties: [], cases: warnings)) }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites\(Self.counts(Suite(name: "traingate", properties: [], cases: suites.flatMap(\.cases))))>\n"
        out += Self.properties([("traingate_version", failure.toolVersion), ("verdict", "error")], indent: "  ")
        var sink = StringSink()
        for suite in suites { Self.render(suite, to: &sink) }
        return out + sink.text + "</testsuites>\n"
    }

    private static func testCase(_ finding: Finding) -> TestCase {
        let outcome: TestCase.Outcome
        switch finding.status {
        case .fail:
            let head = "\(finding.location): \(finding.severity.rawValue): \(finding.message) [\(finding.ruleID)]"
            let body = ([head] + finding.details.map { "\($0.label): \($0.text)" }).joined(separator: "\n")
            outcome = .failed(message: finding.message, type: finding.severity.rawValue, body: body)
        case .waived: outcome = .skipped("waived: " + (finding.waiver?.terms ?? ""))
        case .pass: outcome = .passed
        case .notApplicable: outcome = .skipped("not applicable")
        case .notInForce: outcome = .skipped("not in force")
        }
        return TestCase(
            classname: finding.pack, name: "\(finding.ruleID) · \(finding.subject)", location: finding.location,
            outcome: outcome)
    }

    private static func rootProperties(_ report: CheckReport) -> [(String, String)] {
        var properties = [
            ("traingate_version", report.toolVersion), ("as_of", report.asOf.description),
            ("fail_on", report.failOn.rawValue), ("verdict", report.failed ? "fail" : "pass"),
        ]
        for status in FindingStatus.allCases { properties.append(("results.\(status.rawValue)", "\(report.counts[status] ?? 0)")) }
        return properties
    }

    private static func render<Sink: ReportSink>(_ suite: Suite, to sink: inout Sink) {
        sink.write("  <testsuite\(counts(suite))>\n")
        sink.write(properties(suite.properties, indent: "    "))
        for test in suite.cases { sink.write(render(test)) }
        sink.write("  </testsuite>\n")
    }

    private static func render(_ test: TestCase) -> String {
        let open =
            "    <testcase classname=\"\(XMLText.attribute(test.classname))\" name=\"\(XMLText.attribute(test.name))\""
            + (test.location.file.isEmpty ? "" : " file=\"\(XMLText.attribute(test.location.file))\"")
            + (test.location.line < 1 ? "" : " line=\"\(test.location.line)\"")
        switch test.outcome {
        case .passed:
            return open + "/>\n"
        case .skipped(let message):
            return open + ">\n      <skipped message=\"\(XMLText.attribute(message))\"/>\n    </testcase>\n"
        case .failed(let message, let type, let body):
            return open + ">\n      <failure message=\"\(XMLText.attribute(message))\" type=\"\(XMLText.attribute(type))\">"
                + XMLText.content(body) + "</failure>\n    </testcase>\n"
        case .errored(let message, let body):
            return open + ">\n      <error message=\"\(XMLText.attribute(message))\" type=\"error\">"
                + XMLText.content(body) + "</error>\n    </testcase>\n"
        }
    }

    private static func counts(_ suite: Suite) -> String {
        " name=\"\(XMLText.attribute(suite.name))\" tests=\"\(suite.cases.count)\" failures=\"\(suite.failures)\" errors=\"\(suite.errors)\" skipped=\"\(suite.skipped)\""
    }

    private static func properties(_ properties: [(String, String)], indent: String) -> String {
        guard !properties.isEmpty else { return "" }
        var out = "\(indent)<properties>\n"
        for (name, value) in properties {
            out += "\(indent)  <property name=\"\(XMLText.attribute(name))\" value=\"\(XMLText.attribute(value))\"/>\n"
        }
        return out + "\(indent)</properties>\n"
    }
}
