/// The leaf operators, one entry each. An entry holds everything about its operator; the
/// registry's order is the order the JSON Schema and the README list them in.
extension LeafOperator {
    /// Every operator the rule language has.
    public static let all: [LeafOperator] = [
        exists, equals, notEquals, `in`, notIn, matches, min, max, before, after, nonempty, contains, subsetOf, supersetOf,
        daysAfter,
    ]

    /// `exists: true|false`: the field is declared (not null), or not. The evaluator treats it
    /// apart: an absent field is what `exists: false` asks for, not a missing value.
    public static let exists = LeafOperator(
        name: "exists", operand: .bool, acceptsPath: false,
        holds: { _ in true },
        expectation: { _ in "present" },
        phrase: { path, value in value == "true" ? "\(path) declared" : "\(path) not declared" },
        meaning: "true: the field is declared (not null); false: it is not.",
        examples: [.init(field: "x", operand: "true", holds: true), .init(field: nil, operand: "true", holds: false)])

    public static let equals = LeafOperator(
        name: "equals", operand: .any, acceptsPath: true,
        holds: { ValueCompare.equal($0.field, $0.operand!) },
        expectation: { "equals \($0)" },
        phrase: { "\($0) = \($1)" },
        meaning: "The field equals this value, or another field's ({path: …}).",
        examples: [
            .init(field: "web_crawl", operand: "web_crawl", holds: true), .init(field: "3", operand: "3.0", holds: true),
            .init(field: "\"3\"", operand: "3", holds: false), .init(field: "[a, b]", operand: "[b, a]", holds: false),
        ])

    public static let notEquals = LeafOperator(
        name: "not_equals", operand: .any, acceptsPath: true,
        holds: { !ValueCompare.equal($0.field, $0.operand!) },
        expectation: { "not equal to \($0)" },
        phrase: { "\($0) ≠ \($1)" },
        meaning: "The field is declared and differs from this value, or another field's ({path: …}).",
        examples: [
            .init(field: "a", operand: "b", holds: true), .init(field: "a", operand: "a", holds: false),
            .init(field: nil, operand: "a", holds: false),
        ])

    public static let `in` = LeafOperator(
        name: "in", operand: .list, acceptsPath: true,
        holds: { input in input.operand!.sequence.map { ValueCompare.contains($0, input.field) } ?? false },
        expectation: { "one of \($0)" },
        phrase: { "\($0) one of \($1)" },
        meaning: "The field is one of these values.",
        examples: [.init(field: "b", operand: "[a, b]", holds: true), .init(field: "c", operand: "[a, b]", holds: false)])

    public static let notIn = LeafOperator(
        name: "not_in", operand: .list, acceptsPath: true,
        holds: { input in input.operand!.sequence.map { !ValueCompare.contains($0, input.field) } ?? false },
        expectation: { "none of \($0)" },
        phrase: { "\($0) none of \($1)" },
        meaning: "The field is declared and none of these values.",
        examples: [
            .init(field: "c", operand: "[a, b]", holds: true), .init(field: "a", operand: "[a, b]", holds: false),
            .init(field: nil, operand: "[a, b]", holds: false),
        ])

    /// The longest value, in bytes, that `matches` reads; a longer one fails the leaf rather
    /// than let a pattern run for seconds on it.
    static let maxMatchedLength = 4096

    public static let matches = LeafOperator(
        name: "matches", operand: .pattern, acceptsPath: false,
        holds: { input in
            guard case .pattern(let pattern) = input.reference, let scalar = input.field.scalar,
                scalar.text.utf8.count <= maxMatchedLength
            else { return false }
            return pattern.matches(scalar.text)
        },
        expectation: { "matches \($0)" },
        phrase: { "\($0) matching \($1)" },
        meaning: "The field's text matches this regular expression.",
        examples: [
            .init(field: "CC-BY-4.0", operand: "'^CC-'", holds: true), .init(field: "MIT", operand: "'^CC-'", holds: false),
            .init(field: "[CC-BY]", operand: "'^CC-'", holds: false),
        ])

    public static let min = LeafOperator(
        name: "min", operand: .number, acceptsPath: true,
        holds: { compare($0) { $0 >= $1 } },
        expectation: { "at least \($0)" },
        phrase: { "\($0) ≥ \($1)" },
        meaning: "The field is a number at least this.",
        examples: [
            .init(field: "3", operand: "3", holds: true), .init(field: "2.5", operand: "3", holds: false),
            .init(field: "\"5\"", operand: "3", holds: false),
        ])

    public static let max = LeafOperator(
        name: "max", operand: .number, acceptsPath: true,
        holds: { compare($0) { $0 <= $1 } },
        expectation: { "at most \($0)" },
        phrase: { "\($0) ≤ \($1)" },
        meaning: "The field is a number at most this.",
        examples: [.init(field: "1e25", operand: "1e25", holds: true), .init(field: "2e25", operand: "1e25", holds: false)])

    public static let before = LeafOperator(
        name: "before", operand: .date, acceptsPath: true,
        // Periods: the field's period ends before the other's begins.
        holds: { input in
            guard let date = try? input.field.date(), let other = input.referenceDate() else { return false }
            return date.isBefore(other)
        },
        expectation: { "a date before \($0)" },
        phrase: { "\($0) before \($1)" },
        meaning: "The field is a date whose period ends before this date's begins (today: the --as-of date).",
        examples: [
            .init(field: "2025-07-31", operand: "2025-08-01", holds: true), .init(field: "2025-08", operand: "2025-08-01", holds: false),
            .init(field: "2025-08-02", operand: "today", holds: true),
        ])

    public static let after = LeafOperator(
        name: "after", operand: .date, acceptsPath: true,
        // Periods: the field's period begins after the other's ends.
        holds: { input in
            guard let date = try? input.field.date(), let other = input.referenceDate() else { return false }
            return date.isAfter(other)
        },
        expectation: { "a date after \($0)" },
        phrase: { "\($0) after \($1)" },
        meaning: "The field is a date whose period begins after this date's ends (today: the --as-of date).",
        examples: [.init(field: "2025-09", operand: "2025-08-31", holds: true), .init(field: "2025", operand: "2025-08-31", holds: false)])

    public static let nonempty = LeafOperator(
        name: "nonempty", operand: .trueOnly, acceptsPath: false,
        holds: { input in
            switch input.field.content {
            case .scalar(let scalar): return !scalar.text.allSatisfy(\.isWhitespace)
            case .sequence(let items): return !items.isEmpty
            case .mapping(let entries): return !entries.isEmpty
            }
        },
        expectation: { _ in "non-empty" },
        phrase: { path, _ in "\(path) non-empty" },
        meaning: "The field is a list or mapping with entries, or text that is not blank.",
        examples: [
            .init(field: "[a]", operand: "true", holds: true), .init(field: "'  '", operand: "true", holds: false),
            .init(field: "{}", operand: "true", holds: false),
        ])

    public static let contains = LeafOperator(
        name: "contains", operand: .any, acceptsPath: true,
        holds: { input in input.field.sequence.map { ValueCompare.contains($0, input.operand!) } ?? false },
        expectation: { "a list containing \($0)" },
        phrase: { "\($0) containing \($1)" },
        meaning: "The field is a list that contains this value, or another field's ({path: …}).",
        examples: [.init(field: "[audio, text]", operand: "text", holds: true), .init(field: "text", operand: "text", holds: false)])

    public static let subsetOf = LeafOperator(
        name: "subset_of", operand: .list, acceptsPath: true,
        holds: { input in
            guard let items = input.field.sequence, let allowed = input.operand!.sequence else { return false }
            return items.allSatisfy { ValueCompare.contains(allowed, $0) }
        },
        expectation: { "only values from \($0)" },
        phrase: { "\($0) only from \($1)" },
        meaning: "The field is a list whose items are all among these values.",
        examples: [
            .init(field: "[a]", operand: "[a, b]", holds: true), .init(field: "[a, c]", operand: "[a, b]", holds: false),
            .init(field: "[]", operand: "[a]", holds: true),
        ])

    public static let supersetOf = LeafOperator(
        name: "superset_of", operand: .list, acceptsPath: true,
        holds: { input in
            guard let items = input.field.sequence, let required = input.operand!.sequence else { return false }
            return required.allSatisfy { ValueCompare.contains(items, $0) }
        },
        expectation: { "a list including all of \($0)" },
        phrase: { "\($0) including all of \($1)" },
        meaning: "The field is a list that contains all of these values.",
        examples: [.init(field: "[a, b, c]", operand: "[a, b]", holds: true), .init(field: "[a]", operand: "[a, b]", holds: false)])

    /// `{path: P, days_after: {date: D, min: N, max: M}}`: P is a date between N and M days after
    /// D (negative: before it); D is a date, `today` or `{path: …}`. Art. 52(1)'s two weeks,
    /// a re-check's freshness.
    public static let daysAfter = LeafOperator(
        name: "days_after", operand: .window, acceptsPath: false,
        holds: { input in
            guard case .window(let window) = input.reference, let date = try? input.field.date(),
                let other = input.referenceDate(window.from)
            else { return false }
            // Periods: every day of the field's period must be in the window after every day of
            // the other's, so a month-precise date never passes a window it might miss.
            let fewest = date.lowerBound.dayNumber - other.upperBound.dayNumber
            let most = date.upperBound.dayNumber - other.lowerBound.dayNumber
            return (window.min.map { fewest >= $0 } ?? true) && (window.max.map { most <= $0 } ?? true)
        },
        expectation: { "a date \($0)" },
        phrase: { "\($0) \($1)" },
        meaning:
            "The field is a date at least min and at most max days after date (negative: before it); every day of a partial date must fit. date may be today (the --as-of date) or {path: …}.",
        examples: [
            .init(field: "2025-08-14", operand: "{date: 2025-08-01, max: 14}", holds: true),
            .init(field: "2025-08-16", operand: "{date: 2025-08-01, max: 14}", holds: false),
            .init(field: "2025-08", operand: "{date: 2025-08-01, min: 0, max: 14}", holds: false),
            .init(field: "2025-06-01", operand: "{date: today, min: -183}", holds: false),
        ])

    /// A numeric comparison of the field with the operand; non-numbers and non-finite values fail.
    private static func compare(_ input: LeafInput, _ test: (Double, Double) -> Bool) -> Bool {
        guard let value = ValueCompare.number(input.field), let bound = ValueCompare.number(input.operand!),
            value.isFinite, bound.isFinite
        else { return false }
        return test(value, bound)
    }
}
