/// A Markdown summary for a pull-request comment or `$GITHUB_STEP_SUMMARY`: the verdict, the
/// counts by severity and by pack, a table of failing findings with links to the law, the
/// waivers, and what a pass does and does not mean.
///
/// Every value taken from an input file or a pack is escaped for a table cell, so a `|`, a
/// newline or Markdown punctuation in a justification cannot break the table or inject markup.
public struct MarkdownReporter: Reporter {
    /// The `--format` name.
    public static let identifier = "markdown"
    public static let fileExtension = "md"

    /// Makes the reporter; it has no options.
    public init() {}

    /// Markdown is never coloured.
    public static func make(color: Bool) -> MarkdownReporter { MarkdownReporter() }

    /// What a pass means, written under every summary.
    static let passMeaning =
        "> A pass means the files are declared, consistent and evidenced where evidence was asked for. "
        + "It never means \"lawful\": TrainGate checks what the files declare, not what happened."

    /// Renders the report; the same report always gives the same text.
    public func render<Sink: ReportSink>(_ report: CheckReport, to sink: inout Sink) {
        sink.write([Self.heading(report), Self.severityTable(report), Self.packTable(report)].joined(separator: "\n\n"))
        // The findings table, the longest part, is written row by row.
        Self.findingTable(report, to: &sink)
        for section in [Self.waiverTable(report), Self.warningList(report), Self.passMeaning] where !section.isEmpty {
            sink.write("\n\n" + section)
        }
        sink.write("\n")
    }

    /// A run that could not check: a heading that says so, the errors and the warnings.
    public func render(_ failure: FailedCheck) -> String {
        let heading =
            "## ⛔ TrainGate: could not check\n\n**\(failure.errorCount)** kept the check from running; "
            + "nothing was checked, so this is neither a pass nor a fail."
        let errors =
            "### Errors\n\n"
            + failure.errors.map { error in
                let place = error.location?.description ?? error.file
                return "- " + (place.map { MarkdownText.code($0) + ": " } ?? "") + MarkdownText.cell(error.message)
            }.joined(separator: "\n")
        let warnings =
            failure.warnings.isEmpty
            ? ""
            : "### Warnings\n\n"
                + failure.warnings.map {
                    "- \(MarkdownText.code($0.location.description)): \(MarkdownText.cell($0.message))"
                }.joined(separator: "\n")
        return [heading, errors, warnings].filter { !$0.isEmpty }.joined(separator: "\n\n") + "\n"
    }

    private static func heading(_ report: CheckReport) -> String {
        let icon = report.failed ? "❌" : "✅"
        return "## \(icon) TrainGate: \(report.verdictWord)\n\n"
            + "**\(report.statusSummary)** — \(report.subjectSummary) checked against \(MarkdownText.cell(report.packSummary))"
            + " as of **\(report.asOf)**; \(report.thresholdDescription)."
    }

    private static func severityTable(_ report: CheckReport) -> String {
        let rows = Severity.allCases.reversed().compactMap { severity -> [String]? in
            let failed = count(report, .fail) { $0.severity == severity }
            let waived = count(report, .waived) { $0.severity == severity }
            return failed + waived == 0 ? nil : [severity.rawValue, "\(failed)", "\(waived)"]
        }
        guard !rows.isEmpty else { return "### By severity\n\nNo failing or waived findings." }
        return "### By severity\n\n" + table(["Severity", "Failed", "Waived"], alignments: ["---", "---:", "---:"], rows: rows)
    }

    private static func packTable(_ report: CheckReport) -> String {
        let rows = report.packs.map { pack in
            [
                MarkdownText.code(pack.name), MarkdownText.cell(pack.version),
                "\(count(report, .fail) { $0.pack == pack.name })", "\(count(report, .waived) { $0.pack == pack.name })",
            ]
        }
        return "### By pack\n\n" + table(["Pack", "Version", "Failed", "Waived"], alignments: ["---", "---", "---:", "---:"], rows: rows)
    }

    /// Nothing without failing findings; otherwise the section, after a blank line.
    private static func findingTable<Sink: ReportSink>(_ report: CheckReport, to sink: inout Sink) {
        let failing = report.findings.lazy.filter { $0.status == .fail }
        guard !failing.isEmpty else { return }
        sink.write(
            "\n\n### Failing findings\n\n"
                + table(["Rule", "Severity", "Subject", "Location", "Finding", "Law"], alignments: nil, rows: []))
        for finding in failing {
            let row = [
                MarkdownText.code(finding.ruleID), finding.severity.rawValue, MarkdownText.code(finding.subject),
                MarkdownText.code(finding.location.description),
                MarkdownText.cell(
                    ([finding.message, finding.expectedAndFound].compactMap { $0 } + finding.recordLines).joined(separator: "\n")),
                finding.citations.map { MarkdownText.link($0.reference, url: $0.url) }.joined(separator: "<br>"),
            ]
            sink.write("\n| " + row.joined(separator: " | ") + " |")
        }
    }

    private static func waiverTable(_ report: CheckReport) -> String {
        guard !report.waivers.isEmpty else { return "" }
        let rows = report.waivers.map { outcome in
            let waiver = outcome.waiver
            let state = outcome.state == .applied ? "applied (\(outcome.matched) waived)" : "⚠️ \(outcome.state.rawValue)"
            return [
                state, MarkdownText.code(waiver.rule), MarkdownText.code(waiver.subject), MarkdownText.cell(waiver.justification),
                MarkdownText.cell(waiver.approvedBy), "\(waiver.expires)", MarkdownText.code(waiver.location.description),
            ]
        }
        let notes = report.waivers.filter { $0.state != .applied }.map { "- \(MarkdownText.cell($0.message))" }
        return "### Waivers\n\n"
            + table(["State", "Rule", "Subject", "Justification", "Approved by", "Expires", "Where"], alignments: nil, rows: rows)
            + (notes.isEmpty ? "" : "\n\n" + notes.joined(separator: "\n"))
    }

    private static func warningList(_ report: CheckReport) -> String {
        guard !report.warnings.isEmpty else { return "" }
        return "### Warnings\n\n"
            + report.warnings.map {
                "- \(MarkdownText.code($0.location.description)): \(MarkdownText.cell($0.message))"
            }.joined(separator: "\n")
    }

    private static func count(_ report: CheckReport, _ status: FindingStatus, where matches: (Finding) -> Bool) -> Int {
        report.findings.filter { $0.status == status && matches($0) }.count
    }

    /// A GitHub-flavoured table; cells must already be escaped.
    private static func table(_ header: [String], alignments: [String]?, rows: [[String]]) -> String {
        let lines = [header, alignments ?? header.map { _ in "---" }] + rows
        return lines.map { "| " + $0.joined(separator: " | ") + " |" }.joined(separator: "\n")
    }
}
