/// Compiler-style text for terminals and CI logs: one `path:line:col: severity: message [RULE]`
/// line per finding, with what was expected and found, the law and the fix; then a summary.
public struct TextReporter: Reporter {
    public static let identifier = "text"
    /// Whether to colour severities with ANSI escapes.
    public var color: Bool

    public init(color: Bool = false) { self.color = color }

    public static func make(color: Bool) -> TextReporter { TextReporter(color: color) }

    public func render(_ report: CheckReport) -> String {
        var out = ""
        for warning in report.warnings { out += "\(warning.location): \(paint("warning", .yellow)): \(warning.message)\n" }
        for outcome in report.waivers where outcome.state != .applied {
            out += "\(outcome.waiver.location): \(paint("warning", .yellow)): \(outcome.message)\n"
        }
        for finding in report.findings { out += render(finding) }
        out += summary(report)
        return out
    }

    private func render(_ finding: Finding) -> String {
        let label: String
        switch finding.status {
        case .fail: label = paint(finding.severity.rawValue, finding.severity >= .high ? .red : finding.severity == .medium ? .yellow : .cyan)
        case .pass: label = paint("pass", .green)
        case .waived: label = paint("waived", .cyan)
        case .notApplicable: label = "not applicable"
        case .notInForce: label = "not in force"
        }
        var out = "\(finding.location): \(label): \(finding.message) [\(finding.ruleID)]\n"
        guard finding.status == .fail || finding.status == .waived else { return out }
        let subject = finding.path.isEmpty ? finding.subject : "\(finding.subject) · \(finding.path)"
        out += "    subject:  \(subject)\n"
        if let expected = finding.expected {
            out += "    expected: \(expected)\n"
            out += "    found:    \(finding.found ?? "missing")\(finding.reason == .missing ? " (not declared)" : "")\n"
        }
        for citation in finding.citations {
            out += "    law:      \(citation.instrument), \(citation.ref)\(citation.url.map { " <\($0)>" } ?? "")\n"
        }
        out += "    fix:      \(finding.remediation)\n"
        if let waiver = finding.waiver {
            out += "    waiver:   \(waiver.location): \(waiver.justification) (approved by \(waiver.approvedBy), expires \(waiver.expires))\n"
        }
        return out
    }

    private func summary(_ report: CheckReport) -> String {
        let failing = report.findings.filter { $0.status == .fail }
        let bySeverity = Severity.allCases.reversed().compactMap { severity -> String? in
            let n = failing.filter { $0.severity == severity }.count
            return n == 0 ? nil : "\(n) \(severity.rawValue)"
        }
        let statuses: [(FindingStatus, String)] = [(.fail, "failed"), (.waived, "waived"), (.pass, "passed"),
                                                   (.notApplicable, "not applicable"), (.notInForce, "not in force")]
        var parts: [String] = []
        for (status, word) in statuses {
            let n = report.counts[status] ?? 0
            if status == .fail {
                parts.append("\(n) \(word)" + (bySeverity.isEmpty ? "" : " (\(bySeverity.joined(separator: ", ")))"))
            } else if n > 0 || status == .pass {
                parts.append("\(n) \(word)")
            }
        }
        let scopes = [(RuleScope.model, "model"), (.dataset, "dataset"), (.source, "source")].map { scope, word in
            let n = report.subjects[scope] ?? 0
            return "\(n) \(word)\(n == 1 ? "" : "s")"
        }
        let packs = report.packs.map { "\($0.name) \($0.version)" }.joined(separator: ", ")
        var out = "\n\(parts.joined(separator: ", ")) — \(scopes.joined(separator: ", ")) checked against \(packs) as of \(report.asOf)\n"
        if !report.skipped.isEmpty { out += "\(report.skipped.count) file\(report.skipped.count == 1 ? "" : "s") skipped (not TrainGate manifests or model cards)\n" }
        let threshold = report.failOn == .never ? "never fails" : "fails on \(report.failOn.rawValue) and above"
        out += report.failed ? "verdict: \(paint("FAIL", .red)) (\(threshold))\n" : "verdict: \(paint("PASS", .green)) (\(threshold))\n"
        return out
    }

    private enum Color: String {
        case red = "31", green = "32", yellow = "33", cyan = "36"
    }

    private func paint(_ text: String, _ color: Color) -> String {
        self.color ? "\u{1B}[1;\(color.rawValue)m\(text)\u{1B}[0m" : text
    }
}
