/// The declared shape of a field in a TrainGate file: what `traingate check` validates before any
/// rule runs, and what unknown-key warnings compare against.
///
/// Null is accepted for every field and means "not declared": rules see it as missing.
public indirect enum FieldType: Sendable {
    /// Any scalar, read as text (`version: 1.10` is "1.10").
    case string
    /// `true` or `false` only.
    case bool
    /// A whole number.
    case int
    /// Any number.
    case number
    /// An ISO 8601 date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    case date
    /// `true`, `false` or `unknown`.
    case triState
    /// One of a closed set of strings.
    case oneOf([String])
    /// A list whose items all have one type.
    case list(FieldType)
    /// A mapping with known keys; `required` keys must be present and not null.
    case object([String: FieldType], required: Set<String> = [])
    /// An evidence reference: a path or URL, or `{path, sha256}`.
    case evidence
    /// Anything (free-form structure).
    case any
}

extension FieldType {
    /// Shorthand for an object with no required keys.
    static func obj(_ fields: [String: FieldType]) -> FieldType { .object(fields) }
    /// Shorthand for a list of strings.
    static let strings: FieldType = .list(.string)
}
