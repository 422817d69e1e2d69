/// GitHub Actions workflow commands: each failing finding becomes an annotation on the file and
/// line it is about, in the job log and on the pull request's diff, followed by a one-line
/// plain summary with the verdict.
///
/// Failing findings are `::error` (critical, high), `::warning` (medium) or `::notice` (low,
/// info); waived findings are `::notice`; waivers that waived nothing (expired or stale) and
/// input warnings are `::warning`. Passing and not-applicable results make no annotation.
public struct GitHubReporter: Reporter {
    /// The `--format` name.
    public static let identifier = "github"
    public static let fileExtension = "github.txt"

    /// Makes the reporter; it has no options.
    public init() {}

    /// Workflow commands are never coloured.
    public static func make(color: Bool) -> GitHubReporter { GitHubReporter() }

    /// Renders the report; the same report always gives the same text.
    public func render<Sink: ReportSink>(_ report: CheckReport, to sink: inout Sink) {
        var counts: [String: Int] = [:]
        func emit(_ command: WorkflowCommand) {
            counts[command.name, default: 0] += 1
            sink.write(command.description + "\n")
        }
        for warning in report.warnings {
            emit(
                WorkflowCommand(
                    name: "warning", properties: Self.place(warning.location, title: "TrainGate: input warning"),
                    message: warning.message))
        }
        for outcome in report.waivers where outcome.state != .applied {
            let title = "\(outcome.waiver.rule): \(outcome.state.rawValue) waiver"
            emit(WorkflowCommand(name: "warning", properties: Self.place(outcome.waiver.location, title: title), message: outcome.message))
        }
        for finding in report.findings { if let command = Self.command(for: finding) { emit(command) } }
        if let beyond = Self.beyondLimit(counts) { sink.write(beyond + "\n") }
        sink.write("traingate: \(report.verdictWord) — \(report.statusSummary) (\(report.thresholdDescription))\n")
    }

    /// A run that could not check: each error an `::error` annotation at its place (so the pull
    /// request shows why the gate did not run), warnings as `::warning`, then the verdict line.
    public func render(_ failure: FailedCheck) -> String {
        var commands = failure.errors.map { error in
            WorkflowCommand(
                name: "error",
                properties: error.location.map { Self.place($0, title: "TrainGate: could not check") }
                    ?? [("file", error.file ?? ""), ("title", "TrainGate: could not check")],
                message: error.message)
        }
        commands += failure.warnings.map {
            WorkflowCommand(name: "warning", properties: Self.place($0.location, title: "TrainGate: input warning"), message: $0.message)
        }
        var lines = commands.map(\.description)
        if let beyond = Self.beyondLimit(Dictionary(commands.map { ($0.name, 1) }, uniquingKeysWith: +)) { lines.append(beyond) }
        lines.append("traingate: ERROR — could not check: \(failure.errorCount); nothing was checked")
        return lines.joined(separator: "\n") + "\n"
    }

    /// GitHub turns at most this many workflow commands of each level in one step into annotations.
    public static let annotationsPerLevel = 10

    /// A plain line saying how many commands of each level GitHub will not annotate, or nil when
    /// every one fits: they are in the job log all the same, and in any `--report` file.
    static func beyondLimit(_ counts: [String: Int]) -> String? {
        var over: [String] = []
        for (name, plural) in [("error", "errors"), ("warning", "warnings"), ("notice", "notices")] {
            let extra = (counts[name] ?? 0) - annotationsPerLevel
            if extra > 0 { over.append("\(extra) more \(extra == 1 ? name : plural)") }
        }
        guard !over.isEmpty else { return nil }
        return "traingate: GitHub annotates at most \(annotationsPerLevel) errors, \(annotationsPerLevel) warnings and "
            + "\(annotationsPerLevel) notices per step; \(over.joined(separator: ", ")) are only in this log "
            + "(write the full report with --report sarif=FILE or --report json=FILE)"
    }

    /// The command for a failing or waived finding; nil for results that need no attention.
    static func command(for finding: Finding) -> WorkflowCommand? {
        let title = "\(finding.ruleID): \(finding.title)"
        var lines = [finding.message]
        if let expectedAndFound = finding.expectedAndFound { lines.append(expectedAndFound) }
        lines += finding.recordLines
        lines += finding.citations.map { "law: \($0.reference)" }
        lines.append("fix: \(finding.remediation)")
        switch finding.status {
        case .fail:
            return WorkflowCommand(
                name: name(AlertLevel(finding.severity)), properties: place(finding.location, title: title),
                message: lines.joined(separator: "\n"))
        case .waived:
            let waiver = finding.waiver.map { "waived at \($0.location): \($0.terms)" } ?? "waived"
            return WorkflowCommand(
                name: "notice", properties: place(finding.location, title: title + " (waived)"),
                message: ([waiver] + lines).joined(separator: "\n"))
        case .pass, .notApplicable, .notInForce:
            return nil
        }
    }

    /// The workflow command for a level: GitHub calls a note a notice.
    static func name(_ level: AlertLevel) -> String { level == .note ? "notice" : level.rawValue }

    private static func place(_ location: SourceLocation, title: String) -> [(key: String, value: String)] {
        [("file", location.file), ("line", "\(location.line)"), ("col", "\(location.column)"), ("title", title)]
    }
}
