extension TrainingSummary {
    /// Loads a model card with the manifests it names, checks them with the default packs, and
    /// builds the summary with that verdict, from the one load the check makes.
    ///
    /// Throws the same one-line, located errors as `check` when the inputs cannot be read, and
    /// one when `card` is not a model card.
    /// `format` reads the card as that format instead of deciding by content.
    public static func load(card: String, asOf: ISODate, format: InputFormat = .auto) throws(CheckFailure) -> TrainingSummary {
        var request = Checker.Request(paths: [card], asOf: asOf)
        request.inputFormat = format
        let report = try Checker.run(request)
        guard let bundle = report.bundles.first(where: { $0.card != nil }) else {
            let found = report.inputs.first.map { " (found a \($0.kind))" } ?? ""
            throw CheckFailure(errors: [CheckError("not a model card\(found); the summary is made from a ModelCard",
                                                          at: SourceLocation(file: card, line: 1, column: 1))],
                               warnings: report.warnings)
        }
        let failed = report.findings.filter { $0.status == .fail }
        let verdict = Verdict(passed: !report.failed, failOn: report.failOn,
                              failing: failed.filter { report.failOn.fails($0.severity) }.count, failed: failed.count,
                              packs: report.packs.map(\.name))
        var summary = build(bundle, asOf: asOf, verdict: verdict)!
        summary.filesRead = report.filesRead
        return summary
    }
}
