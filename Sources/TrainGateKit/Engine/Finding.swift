/// The status of one rule on one subject.
public enum FindingStatus: String, Sendable, Codable, CaseIterable {
    /// The rule applies and does not hold.
    case fail
    /// The rule applies and holds.
    case pass
    /// A failure accepted by a waiver.
    case waived
    /// The rule's `when` does not hold for the subject.
    case notApplicable = "not_applicable"
    /// The rule applies but its `effective` date is after the as-of date; never a failure.
    case notInForce = "not_in_force"
}

extension FindingStatus {
    /// The status's place in `allCases`.
    var index: Int {
        switch self {
        case .fail: 0
        case .pass: 1
        case .waived: 2
        case .notApplicable: 3
        case .notInForce: 4
        }
    }
}

/// Why a rule failed.
public enum FailureReason: String, Sendable, Codable {
    /// A field the rule needs is not declared.
    case missing
    /// A field is declared with a value the rule does not accept.
    case violation
}

/// The result of one rule on one subject.
public struct Finding: Sendable, Codable, Equatable {
    public var ruleID: String
    public var title: String
    public var pack: String
    public var severity: Severity
    public var status: FindingStatus
    /// Why it failed; nil unless `status` is `fail` (or `waived`).
    public var reason: FailureReason?
    /// `model:NAME`, `dataset:ID` or `dataset:ID/source:ID`.
    public var subject: String
    /// The offending field, or its nearest declared parent when it is missing; the subject for
    /// findings that did not fail.
    public var location: SourceLocation
    /// The field's path in its document.
    public var path: String
    public var expected: String?
    public var found: String?
    public var message: String
    public var remediation: String
    public var citations: [Citation]
    /// The waiver that accepted this failure; set only when `status` is `waived`.
    public var waiver: Waiver?
    /// Record rules: the counts of failing ledger rows, with samples and a breakdown.
    public var records: RecordCounts? = nil

    enum CodingKeys: String, CodingKey {
        case ruleID = "rule_id"
        case title, pack, severity, status, reason, subject, location, path, expected, found
        case message, remediation, citations, waiver, records
    }

    /// `findings` in report order. Files are ranked by path once, so sorting many findings does
    /// not look paths up on every comparison.
    public static func sortedForReport(_ findings: [Finding]) -> [Finding] {
        let ids = Set(findings.map(\.location.fileID))
        let ranked = ids.map { ($0, 0) }.sorted { SourcePaths.precedes($0.0, $1.0) }
        var rank: [UInt32: Int] = [:]
        for (index, entry) in ranked.enumerated() { rank[entry.0] = index }
        return findings.sorted { a, b in
            let ra = rank[a.location.fileID]!
            let rb = rank[b.location.fileID]!
            return ra != rb ? ra < rb : reportOrder(a, b)
        }
    }

    /// The order findings are reported in: by file, line, column, then rule id and subject.
    public static func reportOrder(_ a: Finding, _ b: Finding) -> Bool {
        if a.location != b.location { return a.location < b.location }
        if a.ruleID != b.ruleID { return a.ruleID < b.ruleID }
        return a.subject < b.subject
    }
}
