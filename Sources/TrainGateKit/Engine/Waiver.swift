/// A governed exception: one rule accepted as failing on the subjects a selector names, with a
/// justification, an approver and an expiry date.
public struct Waiver: Sendable, Equatable, Codable {
    /// The rule id it waives, exactly as the pack writes it.
    public var rule: String
    /// A subject (`dataset:logs/source:app-events`), where `*` matches any run of characters.
    public var subject: String
    public var justification: String
    public var approvedBy: String
    /// The last day on which it waives (inclusive).
    public var expires: ISODate
    /// When it was approved; the lifetime limit counts from here, or from the as-of date.
    public var approvedOn: ISODate?
    /// A ticket or change reference, when given.
    public var ticket: String?
    /// Where the waiver is written (its mapping in the WaiverSet).
    public var location: SourceLocation

    enum CodingKeys: String, CodingKey {
        case rule, subject, justification
        case approvedBy = "approved_by"
        case expires
        case approvedOn = "approved_on"
        case ticket
        case location
    }

    public init(
        rule: String, subject: String, justification: String, approvedBy: String, expires: ISODate,
        approvedOn: ISODate? = nil, ticket: String? = nil, location: SourceLocation
    ) {
        self.rule = rule
        self.subject = subject
        self.justification = justification
        self.approvedBy = approvedBy
        self.expires = expires
        self.approvedOn = approvedOn
        self.ticket = ticket
        self.location = location
    }

    /// Whether it no longer waives anything on `asOf`.
    public func isExpired(asOf: ISODate) -> Bool { expires < asOf }

    /// Whether it names `finding`'s rule and subject.
    public func matches(_ finding: Finding) -> Bool {
        finding.ruleID == rule && Self.glob(subject, matches: finding.subject)
    }

    /// `*` matches any run of characters (including none); everything else matches itself.
    static func glob(_ pattern: String, matches text: String) -> Bool {
        let p = Array(pattern.utf8)
        let t = Array(text.utf8)
        var pi = 0
        var ti = 0
        var star = -1
        var mark = 0
        while ti < t.count {
            if pi < p.count, p[pi] == UInt8(ascii: "*") {
                star = pi
                mark = ti
                pi += 1
            } else if pi < p.count, p[pi] == t[ti] {
                pi += 1
                ti += 1
            } else if star >= 0 {
                pi = star + 1
                mark += 1
                ti = mark
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == UInt8(ascii: "*") { pi += 1 }
        return pi == p.count
    }
}

/// What became of one waiver in a check.
public struct WaiverOutcome: Sendable, Equatable, Codable {
    public enum State: String, Sendable, Codable {
        /// It waived at least one failure.
        case applied
        /// Its expiry date is before the as-of date: it waived nothing.
        case expired
        /// It is in force but no failing finding matched it.
        case stale
    }

    public var waiver: Waiver
    public var state: State
    /// How many failures it waived.
    public var matched: Int
    /// Whether a selected pack has the waiver's rule; a stale waiver for an unknown rule is
    /// usually a typo or a pack left out.
    public var ruleSelected: Bool

    enum CodingKeys: String, CodingKey {
        case waiver, state, matched
        case ruleSelected = "rule_selected"
    }

    /// One line for people, without the location.
    public var message: String {
        let what = "waiver for \(waiver.rule) on '\(waiver.subject)'"
        switch state {
        case .applied:
            return
                "\(what) waived \(matched) failure\(matched == 1 ? "" : "s") (approved by \(waiver.approvedBy), expires \(waiver.expires))"
        case .expired:
            return "\(what) expired on \(waiver.expires) and waives nothing; renew it or fix the finding"
        case .stale where !ruleSelected:
            return "\(what) matches nothing: no selected pack has rule \(waiver.rule)"
        case .stale:
            return "\(what) matches no failing finding; remove it"
        }
    }
}
