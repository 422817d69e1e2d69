/// The threshold at which failing findings fail the check.
public enum FailOn: String, Sendable, Codable, CaseIterable {
    case critical, high, medium, low, info, never

    /// Whether a failing finding of `severity` fails the check.
    public func fails(_ severity: Severity) -> Bool {
        guard let threshold = Severity(rawValue: rawValue) else { return false }
        return severity >= threshold
    }
}
