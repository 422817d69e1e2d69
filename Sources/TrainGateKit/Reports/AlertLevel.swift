/// The three levels that CI tools show findings at, from a rule's five severities: `critical`
/// and `high` are errors, `medium` is a warning, `low` and `info` are notes.
///
/// SARIF writes the levels as `error`, `warning` and `note`; GitHub's workflow commands call the
/// last one `notice`.
public enum AlertLevel: String, Sendable, CaseIterable {
    case error, warning, note

    /// The level a failing finding of `severity` is shown at.
    public init(_ severity: Severity) {
        switch severity {
        case .critical, .high: self = .error
        case .medium: self = .warning
        case .low, .info: self = .note
        }
    }
}
