/// How reporters spell out a failing or waived finding: the same labelled lines in the text
/// report and in a JUnit failure, the same "expected … found …" in every format.
extension Finding {
    /// The subject, and the field when there is one: `dataset:d/source:s · sources[0].access`.
    public var subjectAndPath: String { path.isEmpty ? subject : "\(subject) · \(path)" }

    /// What was found, as people read it: `missing (not declared)` for a field not declared.
    public var foundDescription: String { "\(found ?? "missing")\(reason == .missing ? " (not declared)" : "")" }

    /// `expected equals true, found false`; nil when the rule states no expectation.
    public var expectedAndFound: String? { expected.map { "expected \($0), found \(foundDescription)" } }

    /// The labelled lines under a failing or waived finding: subject, expected, found, every
    /// citation, the fix and the waiver.
    public var details: [(label: String, text: String)] {
        ownDetails + ruleDetails + waiverDetails
    }

    /// The lines of `details` that are the finding's own: subject, expected and found, and a
    /// record finding's breakdowns and samples.
    var ownDetails: [(label: String, text: String)] {
        var lines: [(String, String)] = [("subject", subjectAndPath)]
        if let expected {
            lines.append(("expected", expected))
            lines.append(("found", foundDescription))
        }
        if let records {
            for breakdown in records.breakdown { lines.append(("by", "\(breakdown.by): \(breakdown.summary)")) }
            for sample in records.samples { lines.append(("row", sample.description)) }
        }
        return lines
    }

    /// The lines of `details` that come from the rule, the same for each of its findings: every
    /// citation, then the fix.
    var ruleDetails: [(label: String, text: String)] {
        citations.map { ("law", $0.reference + ($0.url.map { " <\($0)>" } ?? "")) } + [("fix", remediation)]
    }

    /// The waiver line of `details`, if any.
    var waiverDetails: [(label: String, text: String)] {
        waiver.map { [("waiver", "\($0.location): \($0.terms)")] } ?? []
    }
}

extension Citation {
    /// `Directive (EU) 2019/790 (DSM), Art. 4(1)`.
    public var reference: String { "\(instrument), \(ref)" }
}

extension Waiver {
    /// `why (approved by whom, expires 2027-01-31)`.
    public var terms: String { "\(justification) (approved by \(approvedBy), expires \(expires))" }
}

extension Finding {
    /// A record finding's breakdowns and sample rows, one line each (empty for other findings):
    /// what every reporter shows under the message.
    public var recordLines: [String] {
        guard let records else { return [] }
        return records.breakdown.map { "by \($0.by): \($0.summary)" } + records.samples.map { "row \($0)" }
    }
}

extension RecordSample: CustomStringConvertible {
    /// `data/ledger.jsonl:12 item evt-000042` (without `:12` where the input has no lines).
    public var description: String { "\(file.visibleASCII)\(line.map { ":\($0)" } ?? "") item \(itemID.visibleASCII)" }
}
