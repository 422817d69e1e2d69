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
    public var ruleID: String {
        get { facts.ruleID }
        set { facts = facts.with { $0.ruleID = newValue } }
    }
    public var title: String {
        get { facts.title }
        set { facts = facts.with { $0.title = newValue } }
    }
    public var pack: String {
        get { facts.pack }
        set { facts = facts.with { $0.pack = newValue } }
    }
    public var severity: Severity {
        get { facts.severity }
        set { facts = facts.with { $0.severity = newValue } }
    }
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
    public var remediation: String {
        get { facts.remediation }
        set { facts = facts.with { $0.remediation = newValue } }
    }
    public var citations: [Citation] {
        get { facts.citations }
        set { facts = facts.with { $0.citations = newValue } }
    }

    /// The same for every finding that took its rule's texts from the same place (and so has
    /// the same `ruleID`, `title`, `pack`, `severity`, `remediation` and `citations`).
    var ruleTextsID: ObjectIdentifier { ObjectIdentifier(facts) }

    /// What the finding takes from its rule, held once per rule rather than once per finding (a
    /// check of thousands of manifests holds hundreds of thousands of findings).
    private var facts: RuleFacts

    /// A rule's id, title, pack, severity, remediation and citations, as findings report them.
    final class RuleFacts: Sendable, Equatable {
        struct Values {
            var ruleID: String
            var title: String
            var pack: String
            var severity: Severity
            var remediation: String
            var citations: [Citation]
        }
        let values: Values

        init(_ values: Values) { self.values = values }

        /// The facts of `rule`.
        convenience init(_ rule: Rule) {
            self.init(
                Values(
                    ruleID: rule.id, title: rule.title, pack: rule.pack, severity: rule.severity, remediation: rule.remediation,
                    citations: rule.citations))
        }

        var ruleID: String { values.ruleID }
        var title: String { values.title }
        var pack: String { values.pack }
        var severity: Severity { values.severity }
        var remediation: String { values.remediation }
        var citations: [Citation] { values.citations }

        /// A copy with one change (the facts themselves are shared, so never changed).
        func with(_ change: (inout Values) -> Void) -> RuleFacts {
            var values = values
            change(&values)
            return RuleFacts(values)
        }

        static func == (a: RuleFacts, b: RuleFacts) -> Bool {
            a === b
                || (a.ruleID == b.ruleID && a.title == b.title && a.pack == b.pack && a.severity == b.severity
                    && a.remediation == b.remediation && a.citations == b.citations)
        }
    }
    /// The waiver that accepted this failure; set only when `status` is `waived`.
    public var waiver: Waiver? {
        get { rare?.waiver }
        set { setRare(waiver: newValue, records: records) }
    }
    /// Record rules: the counts of failing ledger rows, with samples and a breakdown.
    public var records: RecordCounts? {
        get { rare?.records }
        set { setRare(waiver: waiver, records: newValue) }
    }

    /// The waiver and ledger counts, which few findings have, held out of line: a check of
    /// thousands of manifests holds hundreds of thousands of findings.
    private var rare: Rare?

    private final class Rare: Sendable, Equatable {
        let waiver: Waiver?
        let records: RecordCounts?

        init(waiver: Waiver?, records: RecordCounts?) {
            self.waiver = waiver
            self.records = records
        }

        static func == (a: Rare, b: Rare) -> Bool { a.waiver == b.waiver && a.records == b.records }
    }

    private mutating func setRare(waiver: Waiver?, records: RecordCounts?) {
        rare = waiver == nil && records == nil ? nil : Rare(waiver: waiver, records: records)
    }

    public init(
        ruleID: String, title: String, pack: String, severity: Severity, status: FindingStatus, reason: FailureReason?,
        subject: String, location: SourceLocation, path: String, expected: String?, found: String?, message: String,
        remediation: String, citations: [Citation], waiver: Waiver? = nil, records: RecordCounts? = nil
    ) {
        self.init(
            facts: RuleFacts(
                RuleFacts.Values(
                    ruleID: ruleID, title: title, pack: pack, severity: severity, remediation: remediation, citations: citations)),
            status: status, reason: reason, subject: subject, location: location, path: path, expected: expected, found: found,
            message: message, waiver: waiver, records: records)
    }

    /// A finding of the rule `facts` describe.
    init(
        facts: RuleFacts, status: FindingStatus, reason: FailureReason?, subject: String, location: SourceLocation, path: String,
        expected: String?, found: String?, message: String, waiver: Waiver? = nil, records: RecordCounts? = nil
    ) {
        self.facts = facts
        self.status = status
        self.reason = reason
        self.subject = subject
        self.location = location
        self.path = path
        self.expected = expected
        self.found = found
        self.message = message
        setRare(waiver: waiver, records: records)
    }

    enum CodingKeys: String, CodingKey {
        case ruleID = "rule_id"
        case title, pack, severity, status, reason, subject, location, path, expected, found
        case message, remediation, citations, waiver, records
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            ruleID: try c.decode(String.self, forKey: .ruleID), title: try c.decode(String.self, forKey: .title),
            pack: try c.decode(String.self, forKey: .pack), severity: try c.decode(Severity.self, forKey: .severity),
            status: try c.decode(FindingStatus.self, forKey: .status),
            reason: try c.decodeIfPresent(FailureReason.self, forKey: .reason), subject: try c.decode(String.self, forKey: .subject),
            location: try c.decode(SourceLocation.self, forKey: .location), path: try c.decode(String.self, forKey: .path),
            expected: try c.decodeIfPresent(String.self, forKey: .expected), found: try c.decodeIfPresent(String.self, forKey: .found),
            message: try c.decode(String.self, forKey: .message), remediation: try c.decode(String.self, forKey: .remediation),
            citations: try c.decode([Citation].self, forKey: .citations), waiver: try c.decodeIfPresent(Waiver.self, forKey: .waiver),
            records: try c.decodeIfPresent(RecordCounts.self, forKey: .records))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(ruleID, forKey: .ruleID)
        try c.encode(title, forKey: .title)
        try c.encode(pack, forKey: .pack)
        try c.encode(severity, forKey: .severity)
        try c.encode(status, forKey: .status)
        try c.encodeIfPresent(reason, forKey: .reason)
        try c.encode(subject, forKey: .subject)
        try c.encode(location, forKey: .location)
        try c.encode(path, forKey: .path)
        try c.encodeIfPresent(expected, forKey: .expected)
        try c.encodeIfPresent(found, forKey: .found)
        try c.encode(message, forKey: .message)
        try c.encode(remediation, forKey: .remediation)
        try c.encode(citations, forKey: .citations)
        try c.encodeIfPresent(waiver, forKey: .waiver)
        try c.encodeIfPresent(records, forKey: .records)
    }

    /// `findings` in report order. Files are ranked by path once, so sorting many findings does
    /// not look paths up on every comparison.
    public static func sortedForReport(_ findings: [Finding]) -> [Finding] {
        var findings = findings
        sortForReport(&findings)
        return findings
    }

    /// Sorts `findings` into report order in place.
    public static func sortForReport(_ findings: inout [Finding]) {
        let rank = fileRanks(findings)
        findings.sort { a, b in
            let ra = rank[a.location.fileID]!
            let rb = rank[b.location.fileID]!
            return ra != rb ? ra < rb : reportOrder(a, b)
        }
    }

    /// The place of each file of `findings` in path order.
    static func fileRanks(_ findings: [Finding]) -> [UInt32: Int] {
        let ids = Set(findings.map(\.location.fileID))
        let ranked = ids.sorted { SourcePaths.precedes($0, $1) }
        var rank: [UInt32: Int] = [:]
        for (index, id) in ranked.enumerated() { rank[id] = index }
        return rank
    }

    /// The order findings are reported in: by file, line, column, then rule id and subject.
    public static func reportOrder(_ a: Finding, _ b: Finding) -> Bool {
        if a.location != b.location { return a.location < b.location }
        if a.ruleID != b.ruleID { return a.ruleID < b.ruleID }
        return a.subject < b.subject
    }
}
