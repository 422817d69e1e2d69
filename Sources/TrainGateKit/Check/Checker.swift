/// Runs a whole check: load packs, waivers and inputs, evaluate, apply the waivers, and gather
/// the report. The one place the flow load → view → evaluate → report is put together.
public enum Checker {
    /// The default limit on findings per check: above a run of 10,000 manifests with 36 failing
    /// findings each, and about 350 MB of findings in memory (reports are streamed).
    public static let maxFindings = 500_000

    /// What to check and how.
    public struct Request: Sendable {
        public var paths: [String]
        /// `--pack` values: built-in names or pack files; empty means every default built-in pack.
        public var packs: [String]
        public var asOf: ISODate
        public var failOn: FailOn
        /// Report passing, not-applicable and not-in-force results too.
        public var includeAll: Bool
        /// WaiverSet files.
        public var waivers: [String]
        /// The longest a waiver may run, in days.
        public var waiverMaxDays: Int
        /// Skip named files that are not model cards or manifests, and pass when none is left
        /// (for hooks that pass every changed file).
        public var skipOtherFiles = false
        /// Read every input as this format instead of deciding by content.
        public var inputFormat: InputFormat = .auto
        /// The most findings one check reports (with `includeAll`, results of any status); past
        /// it the check stops with an error rather than grow without bound.
        public var maxFindings = Checker.maxFindings
        /// `ledger merge`: the ledger rows come from these partials (`paths` is one manifest).
        public var ledgerPartials: [String]? = nil
        /// Keep the bytes of every card and manifest read in the report (`CheckReport.sourceTexts`),
        /// for reports that quote the lines around a finding.
        public var keepSourceTexts = false
        /// Inputs of more files than this are checked as they are read (`ArtifactLoader.Streaming`).
        var streamAbove = ArtifactLoader.visitChunk

        public init(
            paths: [String], packs: [String] = [], asOf: ISODate, failOn: FailOn = .high, includeAll: Bool = false,
            waivers: [String] = [], waiverMaxDays: Int = WaiverSet.defaultMaxDays
        ) {
            self.paths = paths
            self.packs = packs
            self.asOf = asOf
            self.failOn = failOn
            self.includeAll = includeAll
            self.waivers = waivers
            self.waiverMaxDays = waiverMaxDays
        }
    }

    /// Runs the check `request` describes. Throws every error that keeps it from running (exit 2):
    /// an unknown or invalid pack, a bad waiver file, unreadable or invalid inputs, nothing to
    /// check, more findings than `maxFindings`.
    public static func run(_ request: Request) throws(CheckFailure) -> CheckReport {
        let waiverSet = WaiverSet.load(request.waivers, asOf: request.asOf, maxDays: request.waiverMaxDays)
        // The packs are selected when first needed: after reading the inputs when they are few
        // (so reading overlaps the packs still being read ahead), at the first manifest checked
        // early when they are many. A selection that fails is reported before anything the
        // inputs hold, as if it had come first.
        let source = SessionSource(request)
        // Packs named on the command line, or a folder replacing the built-in ones, can be
        // wrong: they are selected first, so a typo is reported before any input is read.
        if !request.packs.isEmpty || PolicyLoader.processEnvironment[PolicyLoader.overrideVariable] != nil,
            case .failure(let failure) = source.get()
        {
            throw failure
        }
        // Manifests are checked as they are read, and their documents dropped, so a check of
        // thousands holds their findings rather than every document. A manifest a card names
        // turns out to belong to the card's bundle only once every file is read: its early
        // result is then discarded, and it is checked again with the card.
        var runs = Engine.Runs()
        var early: [Int] = []
        let streaming = ArtifactLoader.Streaming(above: request.streamAbove) { manifest -> Engine.Result? in
            guard case .success(let made) = source.get() else { return nil }
            return made.session.check(ArtifactBundle(card: nil, datasets: [manifest]))
        } take: { results, left in
            // No result means the packs could not be selected: the check stops below.
            for case let result? in results { early.append(runs.add(result)) }
            runs.expect(filesLeft: left, filesSoFar: early.count)
        }
        let inputs = ArtifactLoader.load(
            request.paths, skipOtherFiles: request.skipOtherFiles, format: request.inputFormat, keepTexts: request.keepSourceTexts,
            streaming: streaming)
        let (packs, session) = try source.get().get()
        guard inputs.errors.isEmpty, waiverSet.errors.isEmpty else {
            throw CheckFailure(
                errors: (waiverSet.errors + inputs.errors).map(CheckError.init),
                warnings: waiverSet.warnings + inputs.warnings)
        }
        // Fail closed: finding nothing to check is not a pass, unless skipping was asked for.
        if inputs.bundles.isEmpty && !request.skipOtherFiles {
            let paths = request.paths.joined(separator: ", ")
            throw CheckFailure(
                errors: [CheckError("no TrainGate model cards or dataset manifests found in \(paths)")], warnings: inputs.warnings)
        }
        var rest: [ArtifactBundle] = []
        var used = [Bool](repeating: false, count: early.count)
        for bundle in inputs.bundles {
            if bundle.card == nil, bundle.datasets.count == 1, let index = bundle.datasets[0].readIndex {
                used[index] = true
            } else {
                rest.append(bundle)
            }
        }
        var refunded = 0
        for (index, run) in early.enumerated() where !used[index] {
            let count = runs.drop(run)
            session.refund(count)
            refunded += count
        }
        for result in session.check(rest) { _ = runs.add(result) }
        var result = runs.finish()
        // Manifests a card claims were checked alone first, and their findings took from the
        // limit until they were dropped: a check stopped at the limit meanwhile may not have
        // reached it. It is then run again, every document held, as a check of few files is.
        if result.exceeded && refunded > 0 {
            var whole = request
            whole.streamAbove = .max
            return try run(whole)
        }
        if result.exceeded {
            throw CheckFailure(
                errors: [
                    CheckError(
                        "more than \(request.maxFindings) findings\(request.includeAll ? " and results" : ""); the limit bounds memory and report size: "
                            + (request.includeAll ? "drop --show-passed, or check " : "check ") + "fewer inputs at a time")
                ],
                warnings: waiverSet.warnings + inputs.warnings)
        }
        // Record rules read every row of every ledger the manifests name.
        let ledgers: LedgerCheck.Result
        do {
            if let partials = request.ledgerPartials {
                ledgers = try LedgerStream.merge(
                    manifest: request.paths.first ?? "", packs: request.packs, asOf: request.asOf, includeAll: request.includeAll,
                    partials: try LedgerStream.readPartials(partials))
            } else {
                ledgers = try LedgerCheck.run(inputs.bundles, packs: packs, asOf: request.asOf, includeAll: request.includeAll)
            }
        } catch {
            throw CheckFailure(errors: error.errors, warnings: waiverSet.warnings + inputs.warnings + error.warnings)
        }
        if !ledgers.findings.isEmpty { result.findings = Finding.sortedForReport(result.findings + ledgers.findings) }
        result.counts.merge(ledgers.counts, uniquingKeysWith: +)
        let ledgerFiles = Set(ledgers.files.map(Paths.canonical))
        let ruleIDs = Set(packs.flatMap { $0.rules.map(\.id) })
        let outcomes = waiverSet.apply(to: &result.findings, counts: &result.counts, asOf: request.asOf, ruleIDs: ruleIDs)
        let subjects: [RuleScope: Int] = [
            .model: inputs.bundles.filter { $0.card != nil }.count,
            .dataset: inputs.bundles.reduce(0) { $0 + $1.datasets.count },
            .source: inputs.bundles.reduce(0) { $0 + $1.datasets.reduce(0) { $0 + $1.sources.count } },
            .record: ledgers.ledgers.count,
        ]
        return CheckReport(
            toolVersion: trainGateVersion, asOf: request.asOf, failOn: request.failOn, packs: packs,
            // Byte order, so the order of the arguments never changes a report.
            inputs: inputs.files.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) },
            // Ledgers and lists the manifests name were read, not skipped.
            skipped: inputs.skipped.filter { !ledgerFiles.contains(Paths.canonical($0)) }.sorted {
                $0.utf8.lexicographicallyPrecedes($1.utf8)
            },
            warnings: waiverSet.warnings + inputs.warnings + ledgers.warnings,
            findings: result.findings, counts: result.counts, subjects: subjects, waivers: outcomes,
            waiverFiles: request.waivers, bundles: inputs.bundles, ledgers: ledgers.ledgers, ledgerFiles: ledgers.files,
            sourceTexts: inputs.texts)
    }
}

/// A check's packs and engine session, made once, on first use, by whichever thread asks first.
private final class SessionSource: @unchecked Sendable {
    private let request: Checker.Request
    private let lock = Lock()
    private var made: Result<(packs: [PolicyPack], session: Engine.Session), CheckFailure>?

    init(_ request: Checker.Request) { self.request = request }

    func get() -> Result<(packs: [PolicyPack], session: Engine.Session), CheckFailure> {
        lock.withLock {
            if let made { return made }
            let result = Result { () throws(CheckFailure) in try make() }
            made = result
            return result
        }
    }

    private func make() throws(CheckFailure) -> (packs: [PolicyPack], session: Engine.Session) {
        let packs: [PolicyPack]
        do {
            packs = try PolicyLoader.select(request.packs)
        } catch {
            throw CheckFailure(errors: [CheckError(error)], warnings: [])
        }
        if packs.allSatisfy({ $0.rules.isEmpty }) {
            throw CheckFailure(errors: [CheckError("the selected policy packs hold no rules; nothing would be checked")], warnings: [])
        }
        let session = Engine.Session(packs: packs, asOf: request.asOf, includeAll: request.includeAll, maxFindings: request.maxFindings)
        return (packs, session)
    }
}
