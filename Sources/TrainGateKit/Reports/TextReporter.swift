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
        // Findings are rendered in pieces on every core, written in order.
        let reporter = self
        Parallel.inPieces(report.findings) { piece in
            var bytes: [UInt8] = []
            bytes.reserveCapacity(piece.count * 1024)
            // The lines a rule gives every finding of it are made once per piece.
            var ruleLines: [ObjectIdentifier: [UInt8]] = [:]
            for finding in piece { reporter.render(finding, into: &bytes, ruleLines: &ruleLines) }
            return bytes
        } emit: {
            sink.write(utf8: $0)
        }
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

    /// One finding's lines, appended as bytes (the hot path of a large report).
    private func render(_ finding: Finding, into out: inout [UInt8], ruleLines: inout [ObjectIdentifier: [UInt8]]) {
        let label: String
        switch finding.status {
        case .fail:
            label = paint(finding.severity.rawValue, finding.severity >= .high ? .red : finding.severity == .medium ? .yellow : .cyan)
        case .pass: label = paint("pass", .green)
        case .waived: label = paint("waived", .cyan)
        case .notApplicable: label = "not applicable"
        case .notInForce: label = "not in force"
        }
        Self.appendSafe(finding.location.file, to: &out)
        out.append(UInt8(ascii: ":"))
        out += String(finding.location.line).utf8
        out.append(UInt8(ascii: ":"))
        out += String(finding.location.column).utf8
        out += ": ".utf8
        out += label.utf8
        out += ": ".utf8
        Self.appendSafe(finding.message, to: &out)
        out += " [".utf8
        Self.appendSafe(finding.ruleID, to: &out)
        out += "]\n".utf8
        guard finding.status == .fail || finding.status == .waived else { return }
        // `details`, line by line: the finding's own, its rule's, its waiver.
        Self.append(finding.ownDetails, to: &out)
        let id = finding.ruleTextsID
        if ruleLines[id] == nil {
            var lines: [UInt8] = []
            Self.append(finding.ruleDetails, to: &lines)
            ruleLines[id] = lines
        }
        out += ruleLines[id]!
        Self.append(finding.waiverDetails, to: &out)
    }

    /// Appends labelled detail lines, the label padded to one column.
    private static func append(_ lines: [(label: String, text: String)], to out: inout [UInt8]) {
        for (label, text) in lines {
            out += "    ".utf8
            out += label.utf8
            out.append(UInt8(ascii: ":"))
            for _ in 0..<max(1, 9 - label.utf8.count) { out.append(0x20) }
            appendSafe(text, to: &out)
            out.append(UInt8(ascii: "\n"))
        }
    }

    /// Appends `text` made terminal-safe (printable ASCII comes back unchanged, uncopied).
    private static func appendSafe(_ text: String, to out: inout [UInt8]) { out += text.terminalSafe.utf8 }

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
