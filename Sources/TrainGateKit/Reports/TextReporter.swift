/// Compiler-style text for terminals and CI logs: one `path:line:col: severity: message [RULE]`
/// line per finding, with what was expected and found, the law and the fix; then a summary.
public struct TextReporter: Reporter {
    public static let identifier = "text"
    public static let fileExtension = "txt"
    /// Whether to colour severities with ANSI escapes.
    public var color: Bool

    public init(color: Bool = false) { self.color = color }

    public static func make(color: Bool) -> TextReporter { TextReporter(color: color) }

    public func render<Sink: ReportSink>(_ report: CheckReport, to sink: inout Sink) {
        // Values read from inputs are made terminal-safe before colours are added.
        for warning in report.warnings {
            sink.write("\(warning.location.description.terminalSafe): \(paint("warning", .yellow)): \(warning.message.terminalSafe)\n")
        }
        for outcome in report.waivers where outcome.state != .applied {
            sink.write(
                "\(outcome.waiver.location.description.terminalSafe): \(paint("warning", .yellow)): \(outcome.message.terminalSafe)\n")
        }
        for finding in report.findings { sink.write(render(finding)) }
        sink.write(summary(report))
    }

    /// A run that could not check: the error lines, then a verdict line saying nothing was checked.
    public func render(_ failure: FailedCheck) -> String {
        var out = ""
        for warning in failure.warnings {
            out += "\(warning.location.description.terminalSafe): \(paint("warning", .yellow)): \(warning.message.terminalSafe)\n"
        }
        for error in failure.errors { out += error.description.terminalSafe + "\n" }
        return out + "\nverdict: \(paint("ERROR", .red)) — could not check: \(failure.errorCount); nothing was checked\n"
    }

    private func render(_ finding: Finding) -> String {
        let label: String
        switch finding.status {
        case .fail:
            label = paint(finding.severity.rawValue, finding.severity >= .high ? .red : finding.severity == .medium ? .yellow : .cyan)
        case .pass: label = paint("pass", .green)
        case .waived: label = paint("waived", .cyan)
        case .notApplicable: label = "not applicable"
        case .notInForce: label = "not in force"
        }
        var out =
            "\(finding.location.description.terminalSafe): \(label): \(finding.message.terminalSafe) [\(finding.ruleID.terminalSafe)]\n"
        guard finding.status == .fail || finding.status == .waived else { return out }
        for (label, text) in finding.details {
            out += "    \(label):" + String(repeating: " ", count: max(1, 9 - label.count)) + text.terminalSafe + "\n"
        }
        return out
    }

    private func summary(_ report: CheckReport) -> String {
        var out =
            "\n\(report.statusSummary) — \(report.subjectSummary.terminalSafe) checked against \(report.packSummary.terminalSafe) as of \(report.asOf)\n"
        if !report.skipped.isEmpty {
            out += "\(report.skipped.count) file\(report.skipped.count == 1 ? "" : "s") skipped (not TrainGate manifests or model cards)\n"
        }
        let verdict = paint(report.verdictWord, report.failed ? .red : .green)
        out += "verdict: \(verdict) (\(report.thresholdDescription))\n"
        return out
    }

    private enum Color: String {
        case red = "31"
        case green = "32"
        case yellow = "33"
        case cyan = "36"
    }

    private func paint(_ text: String, _ color: Color) -> String {
        self.color ? "\u{1B}[1;\(color.rawValue)m\(text)\u{1B}[0m" : text
    }
}
