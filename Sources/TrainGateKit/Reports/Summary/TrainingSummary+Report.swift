extension TrainingSummary {
    /// The summary of a finished check: its model card's bundle, with the check's verdict, built
    /// from what the check already read. Nil when the check read no model card (a summary is made
    /// from a ModelCard).
    public init?(report: CheckReport) {
        guard let bundle = report.bundles.first(where: { $0.card != nil }) else { return nil }
        let failed = report.findings.filter { $0.status == .fail }
        let verdict = Verdict(
            passed: !report.failed, failOn: report.failOn,
            failing: failed.filter { report.failOn.fails($0.severity) }.count, failed: failed.count,
            packs: report.packs.map(\.name))
        guard var summary = Self.build(bundle, asOf: report.asOf, verdict: verdict, ledgers: report.ledgers) else { return nil }
        summary.filesRead = report.filesRead
        self = summary
    }
}
