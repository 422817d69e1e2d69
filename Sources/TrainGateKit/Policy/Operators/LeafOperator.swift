/// One leaf operator of the rule language, described in one place: its name, the shape of its
/// right-hand side, how it tests a field, how findings and `explain` word it, its meaning in the
/// pack JSON Schema, and worked examples that the test suite runs. The parser, the evaluator,
/// `explain` and the schema export all read `LeafOperator.all`; adding an operator is one entry
/// there (see `LeafOperator+BuiltIn.swift`) and a regenerated schema.
public struct LeafOperator: Sendable, Equatable, CustomStringConvertible {
    /// The key written in a pack: `equals`, `days_after`.
    public let name: String
    /// What the right-hand side must be.
    let operand: OperandKind
    /// Whether `{path: …}` (another field's value) may stand for the right-hand side.
    let acceptsPath: Bool
    /// Whether the field satisfies the operator; called only for a field that is present.
    let holds: @Sendable (LeafInput) -> Bool
    /// What the leaf asks of the field, in a finding's "expected": `at least 3`.
    let expectation: @Sendable (_ value: String) -> String
    /// The leaf in `explain`'s notation: `model.size ≥ 3`.
    let phrase: @Sendable (_ path: String, _ value: String) -> String
    /// What the operator tests, in the pack JSON Schema.
    let meaning: String
    /// Worked examples, run by the tests: a field value and an operand (YAML flow text) and
    /// whether the leaf holds.
    let examples: [Example]

    /// One worked example.
    struct Example: Sendable {
        /// The field's value (`[a, b]`), or nil for a field that is absent.
        let field: String?
        /// The right-hand side as written in a pack (`{date: 2026-01-01, max: 14}`).
        let operand: String
        /// Whether the leaf holds: pass, or violation (or missing for an absent field).
        let holds: Bool
    }

    public var description: String { name }

    public static func == (a: LeafOperator, b: LeafOperator) -> Bool { a.name == b.name }

    /// The operator written `name`, or nil.
    static func named(_ name: String) -> LeafOperator? { byName[name] }

    private static let byName = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })
}

/// The shapes a leaf's right-hand side can take; each is read by `ConditionParser` and described
/// in the pack JSON Schema once, for every operator that takes it.
enum OperandKind: Sendable {
    /// `true` or `false`.
    case bool
    /// `true` only.
    case trueOnly
    /// Any value.
    case any
    /// A list.
    case list
    /// A finite number.
    case number
    /// A regular expression, checked for super-linear constructs and compiled.
    case pattern
    /// An ISO 8601 date or `today` (the as-of date).
    case date
    /// `{date: D, min: N, max: M}`: a window of days after a date.
    case window
}

/// What an operator tests: the field, the resolved right-hand side and the as-of date.
struct LeafInput {
    /// The field tested (present, possibly null).
    let field: Node
    /// The right-hand side's value: the literal, or the other field's (for a window, its date's).
    let operand: Node?
    /// The right-hand side as parsed (a pattern, `today`, a window).
    let reference: Operand
    /// The `--as-of` date.
    let asOf: ISODate

    /// The date a date operator compares with: the as-of date for `today`, else the operand read
    /// as a date (nil when it is not one).
    func referenceDate(_ reference: Operand? = nil) -> ISODate? {
        if case .today = reference ?? self.reference { return asOf }
        return try? operand?.date()
    }
}
