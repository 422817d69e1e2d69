/// The words every reporter uses to sum up a check, so the formats never disagree on a verdict.
extension CheckReport {
    /// `FAIL` or `PASS`.
    public var verdictWord: String { failed ? "FAIL" : "PASS" }

    /// `fails on high and above`, or `never fails`.
    public var thresholdDescription: String {
        failOn == .never ? "never fails" : "fails on \(failOn.rawValue) and above"
    }

    /// Results by status name (`fail`, `not_applicable`, …) over every rule × subject, zeros included.
    public var statusCounts: [String: Int] {
        var counts: [String: Int] = [:]
        for status in FindingStatus.allCases { counts[status.rawValue] = self.counts[status] ?? 0 }
        return counts
    }

    /// Failing findings by severity, most severe first, leaving out severities with none.
    public var failuresBySeverity: [(severity: Severity, count: Int)] {
        // Counted in place, by each finding's severity rank: this runs over every finding, on
        // one thread, after the report is written.
        let severities = Severity.allCases
        var tally = [Int](repeating: 0, count: severities.count)
        for index in findings.indices where findings[index].status == .fail {
            tally[severities.firstIndex(of: findings[index].severity)!] += 1
        }
        return zip(severities, tally).reversed().filter { $0.1 > 0 }.map { (severity: $0.0, count: $0.1) }
    }

    /// `10 failed (6 critical, 4 high), 1 waived, 25 passed, 97 not applicable`: every status
    /// with results, and always the failed and passed counts.
    public var statusSummary: String {
        let bySeverity = failuresBySeverity.map { "\($0.count) \($0.severity.rawValue)" }
        let statuses: [(FindingStatus, String)] = [
            (.fail, "failed"), (.waived, "waived"), (.pass, "passed"),
            (.notApplicable, "not applicable"), (.notInForce, "not in force"),
        ]
        var parts: [String] = []
        for (status, word) in statuses {
            let n = counts[status] ?? 0
            if status == .fail {
                parts.append("\(n) \(word)" + (bySeverity.isEmpty ? "" : " (\(bySeverity.joined(separator: ", ")))"))
            } else if n > 0 || status == .pass {
                parts.append("\(n) \(word)")
            }
        }
        return parts.joined(separator: ", ")
    }

    /// `1 model, 1 dataset, 2 sources`, and `2 ledgers (4,709 rows)` when ledgers were read.
    public var subjectSummary: String {
        var parts = [(RuleScope.model, "model"), (.dataset, "dataset"), (.source, "source")].map { scope, word in
            let n = subjects[scope] ?? 0
            return "\(n) \(word)\(n == 1 ? "" : "s")"
        }
        if !ledgers.isEmpty {
            let rows = ledgers.reduce(0) { $0 + $1.stats.totals.rows }
            parts.append("\(ledgers.count) ledger\(ledgers.count == 1 ? "" : "s") (\(rows.grouped) rows)")
        }
        return parts.joined(separator: ", ")
    }

    /// `eu-copyright 0.2.0, gdpr 0.2.0`.
    public var packSummary: String { packs.map { "\($0.name) \($0.version)" }.joined(separator: ", ") }
}
