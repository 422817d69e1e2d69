/// The rule language: a condition is a leaf test on one field, a composite, or a quantifier
/// over a list. Every construct has exactly one meaning; see the README's rule-language
/// reference and `Evaluator`.
public indirect enum Condition: Sendable {
    /// `{path: P, OP: V}`: one operator applied to one field.
    case leaf(Leaf)
    /// `all: [C…]`: every condition holds.
    case all([Condition], SourceLocation)
    /// `any: [C…]`: at least one condition holds.
    case any([Condition], SourceLocation)
    /// `not: C`: the condition is violated (a missing field stays missing).
    case not(Condition, SourceLocation)
    /// `{each: P, require: C}`: C holds for every item of the list at P.
    case each(FieldPath, Condition, SourceLocation)
    /// `{some: P, require: C}`: C holds for at least one item.
    case some(FieldPath, Condition, SourceLocation)
    /// `{none: P, require: C}`: C holds for no item.
    case none(FieldPath, Condition, SourceLocation)
    /// `{count: P, where: C, min: N, max: M}`: the number of items for which C holds (every
    /// item, without `where`) is within the bounds.
    case count(FieldPath, Condition?, min: Int?, max: Int?, SourceLocation)
}

/// One test on one field.
public struct Leaf: Sendable {
    /// The field tested.
    public var path: FieldPath
    /// The test.
    public var op: Operator
    /// What the field is compared with.
    public var operand: Operand
    /// Where the leaf is written in its pack.
    public var location: SourceLocation
}

/// The leaf operators.
public enum Operator: String, Sendable, CaseIterable {
    case exists, equals, notEquals = "not_equals", `in`, notIn = "not_in", matches, min, max
    case before, after, nonempty, contains, subsetOf = "subset_of", supersetOf = "superset_of"
}

/// The right-hand side of a leaf.
public enum Operand: Sendable {
    /// A value written in the pack.
    case literal(Node)
    /// The value of another field.
    case path(FieldPath)
    /// The `--as-of` date (`today` in `before`/`after`).
    case today
    /// A compiled regular expression (`matches`).
    case pattern(CompiledPattern)
}
