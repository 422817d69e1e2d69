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

/// One test on one field. A class: evaluation visits a leaf for every subject, and passing one
/// reference is cheaper than copying its fields.
public final class Leaf: Sendable {
    /// The field tested.
    public let path: FieldPath
    /// The test.
    public let op: LeafOperator
    /// What the field is compared with.
    public let operand: Operand
    /// Where the leaf is written in its pack.
    public let location: SourceLocation
    /// The leaf's place in a check's per-subject memo of leaf results, or -1: set only on the
    /// check's own copies of leaves that several rules test on the subject itself.
    let slot: Int

    public convenience init(path: FieldPath, op: LeafOperator, operand: Operand, location: SourceLocation) {
        self.init(path: path, op: op, operand: operand, location: location, slot: -1)
    }

    init(path: FieldPath, op: LeafOperator, operand: Operand, location: SourceLocation, slot: Int) {
        self.path = path
        self.op = op
        self.operand = operand
        self.location = location
        self.slot = slot
    }
}

/// The right-hand side of a leaf.
public indirect enum Operand: Sendable {
    /// A value written in the pack.
    case literal(Node)
    /// The value of another field.
    case path(FieldPath)
    /// The `--as-of` date (`today` in `before`/`after`).
    case today
    /// A compiled regular expression (`matches`).
    case pattern(CompiledPattern)
    /// A window of days after a date (`days_after`).
    case window(DayWindow)
}

/// The right-hand side of `days_after`: a reference date and bounds in days.
public struct DayWindow: Sendable {
    /// The date counted from: a literal date, another field's date, or `today` (the as-of date);
    /// never itself a window.
    public var from: Operand
    /// The fewest days after `from` allowed (negative: that many days before it).
    public var min: Int?
    /// The most days after `from` allowed.
    public var max: Int?
}

extension DayWindow {
    /// The bounds in words, relative to a reference date that follows: "at most 14 days after",
    /// "between 0 and 14 days after", "at most 183 days before".
    public static func describe(min: Int?, max: Int?) -> String {
        func days(_ n: Int) -> String { abs(n) == 1 ? "1 day" : "\(abs(n)) days" }
        switch (min, max) {
        case (let low?, let high?) where low >= 0 || high <= 0:
            return low >= 0 ? "between \(days(low)) and \(days(high)) after" : "between \(days(high)) and \(days(low)) before"
        case (let low?, let high?): return "between \(days(low)) before and \(days(high)) after"
        case (let low?, nil): return low < 0 ? "not more than \(days(low)) before" : "at least \(days(low)) after"
        case (nil, let high?): return high < 0 ? "at least \(days(high)) before" : "at most \(days(high)) after"
        case (nil, nil): return "any number of days after"
        }
    }
}
