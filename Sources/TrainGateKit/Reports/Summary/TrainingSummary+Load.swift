extension TrainingSummary {
    /// Loads a model card with the manifests it names, checks them with the default packs, and
    /// builds the summary with that verdict.
    ///
    /// Throws the same one-line, located errors as `check` when the inputs cannot be read, and
    /// one when `card` is not a model card.
    /// `format` reads the card as that format instead of deciding by content.
    public static func load(card: String, asOf: ISODate, format: InputFormat = .auto) throws(CheckFailure) -> TrainingSummary {
        let inputs = ArtifactLoader.load([card], format: format)
        guard inputs.errors.isEmpty else {
            throw CheckFailure(errors: inputs.errors.map(\.description), warnings: inputs.warnings)
        }
        guard let bundle = inputs.bundles.first(where: { $0.card != nil }) else {
            let found = inputs.files.first.map { " (found a \($0.kind))" } ?? ""
            throw CheckFailure(errors: ["\(card):1:1: error: not a model card\(found); the summary is made from a ModelCard"],
                               warnings: inputs.warnings)
        }
        var request = Checker.Request(paths: [card], asOf: asOf)
        request.inputFormat = format
        let report = try Checker.run(request)
        let failed = report.findings.filter { $0.status == .fail }
        let verdict = Verdict(passed: !report.failed, failOn: report.failOn,
                              failing: failed.filter { report.failOn.fails($0.severity) }.count, failed: failed.count,
                              packs: report.packs.map(\.name))
        var summary = build(bundle, asOf: asOf, verdict: verdict)!
        summary.filesRead = report.filesRead
        return summary
    }
}
