/// Everything a reporter needs about one run of `traingate check`.
public struct CheckReport: Sendable {
    public var toolVersion: String
    public var asOf: ISODate
    public var failOn: FailOn
    public var packs: [PolicyPack]
    /// The TrainGate files checked, with their kinds.
    public var inputs: [CheckedFile]
    /// Files in named folders that were not check inputs.
    public var skipped: [String]
    public var warnings: [Diagnostic]
    public var findings: [Finding]
    /// Results by status, over every rule × subject (reported or not).
    public var counts: [FindingStatus: Int]
    /// How many subjects of each scope were checked.
    public var subjects: [RuleScope: Int]
    /// What became of each waiver, in the order the waiver files list them.
    public var waivers: [WaiverOutcome] = []
    /// The WaiverSet files read.
    public var waiverFiles: [String] = []
    /// The bundles checked (kept for `filesRead`).
    public var bundles: [ArtifactBundle] = []
    /// The aggregates of every ledger read, in the order of the manifests' sources.
    public var ledgers: [LedgerReport] = []
    /// The ledgers and suppression lists read.
    public var ledgerFiles: [String] = []
    /// The bytes of the cards and manifests read, by path as locations name them; empty unless the
    /// check was asked to keep them (`Checker.Request.keepSourceTexts`).
    public var sourceTexts: [String: [UInt8]] = [:]

    /// Whether any failing finding is at or above `failOn`.
    public var failed: Bool { findings.contains { $0.status == .fail && failOn.fails($0.severity) } }
}
