/// The waivers of a check, read from `kind: WaiverSet` files (`WaiverSet.load`, in Check/) and
/// validated whole: a waiver file with any error stops the check (exit 2), because a half-read
/// waiver set could waive too much or too little. Applying them is pure.
public struct WaiverSet: Sendable {
    /// The longest a waiver may run by default, in days.
    public static let defaultMaxDays = 365

    public var waivers: [Waiver] = []
    public var errors: [ArtifactError] = []
    public var warnings: [Diagnostic] = []

    public init() {}

    /// Applies the waivers to `findings`: each failure the first unexpired matching waiver names
    /// becomes `waived`. Returns what became of every waiver, in file order.
    public func apply(
        to findings: inout [Finding], counts: inout [FindingStatus: Int], asOf: ISODate,
        ruleIDs: Set<String>
    ) -> [WaiverOutcome] {
        var matched = [Int](repeating: 0, count: waivers.count)
        let live = waivers.indices.filter { !waivers[$0].isExpired(asOf: asOf) }
        for index in findings.indices where findings[index].status == .fail {
            guard let w = live.first(where: { waivers[$0].matches(findings[index]) }) else { continue }
            findings[index].status = .waived
            findings[index].waiver = waivers[w]
            matched[w] += 1
            counts[.fail, default: 0] -= 1
            counts[.waived, default: 0] += 1
        }
        return waivers.indices.map { i in
            let state: WaiverOutcome.State = waivers[i].isExpired(asOf: asOf) ? .expired : matched[i] > 0 ? .applied : .stale
            return WaiverOutcome(waiver: waivers[i], state: state, matched: matched[i], ruleSelected: ruleIDs.contains(waivers[i].rule))
        }
    }
}
