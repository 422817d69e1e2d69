/// The leaf operators. Each reads one field and compares it with a literal, another field or
/// the `--as-of` date; an absent or null field is `missing` (except for `exists`). An extension of
/// `Evaluator`, so evaluating a leaf never copies the evaluator's context.
extension Evaluator {
    /// The longest value, in bytes, that `matches` reads; a longer one fails the leaf.
    static let maxMatchedLength = 4096

    func evaluate(_ leaf: Leaf, at current: Position) -> Outcome {
        let resolution = PathResolver.resolve(leaf.path, from: current, subject: subject,
                                              context: context, explain: explain)
        if leaf.op == .exists {
            let wanted = leaf.operandLiteral?.value == .bool(true)
            switch resolution {
            case .found(let field):
                return outcome(wanted ? .pass : .violation, field.path, wanted ? "present" : "absent",
                               field.node, field.node.location)
            case .missing(let nearest, let path):
                return outcome(wanted ? .missing : .pass, path, wanted ? "present" : "absent", nil, nearest.node.location)
            }
        }
        let field: Position
        switch resolution {
        case .found(let position): field = position
        case .missing(let nearest, let path):
            return outcome(.missing, path, explain ? expectation(leaf, operand: nil) : "", nil, nearest.node.location)
        }
        // The right-hand side: a literal, another field, the as-of date, or a pattern.
        var operand: Node?
        var reference = leaf.operand
        if case .window(let window) = leaf.operand { reference = window.from }
        switch reference {
        case .literal(let node): operand = node
        case .path(let path):
            switch PathResolver.resolve(path, from: current, subject: subject, context: context, explain: explain) {
            case .found(let position): operand = position.node
            case .missing(let nearest, let missingPath):
                return outcome(.missing, missingPath, explain ? "a value at \(path) to compare with" : "", nil, nearest.node.location)
            }
        case .today, .pattern, .window: break
        }
        let holds = apply(leaf, field.node, operand)
        return outcome(holds ? .pass : .violation, field.path, explain ? expectation(leaf, operand: operand) : "",
                       field.node, field.node.location)
    }

    private func outcome(_ truth: Truth, _ path: String?, _ expected: String, _ found: Node?, _ location: SourceLocation) -> Outcome {
        guard explain else { return Outcome(truth: truth, detail: nil) }
        return Outcome(truth: truth, detail: Detail(path: path ?? "", expected: expected,
                                                    found: found.map(ValueText.render) ?? "missing", location: location))
    }

    private func apply(_ leaf: Leaf, _ field: Node, _ operand: Node?) -> Bool {
        switch leaf.op {
        case .exists: return true
        case .equals: return ValueCompare.equal(field, operand!)
        case .notEquals: return !ValueCompare.equal(field, operand!)
        case .in: return operand!.sequence.map { ValueCompare.contains($0, field) } ?? false
        case .notIn: return operand!.sequence.map { !ValueCompare.contains($0, field) } ?? false
        case .matches:
            // Longer values fail the leaf rather than let a pattern run for seconds on them.
            guard case .pattern(let pattern) = leaf.operand, let scalar = field.scalar,
                  scalar.text.utf8.count <= Self.maxMatchedLength else { return false }
            return pattern.matches(scalar.text)
        case .min, .max:
            guard let value = ValueCompare.number(field), let bound = ValueCompare.number(operand!),
                  value.isFinite, bound.isFinite else { return false }
            return leaf.op == .min ? value >= bound : value <= bound
        case .before, .after:
            guard let date = try? field.date(), let other = referenceDate(leaf.operand, operand) else { return false }
            // Periods: `before` means the field's period ends before the other's begins.
            return leaf.op == .before ? date.upperBound < other.lowerBound : date.lowerBound > other.upperBound
        case .daysAfter:
            guard case .window(let window) = leaf.operand, let date = try? field.date(),
                  let other = referenceDate(window.from, operand) else { return false }
            // Periods: every day of the field's period must be in the window after every day of
            // the other's, so a month-precise date never passes a window it might miss.
            let fewest = date.lowerBound.dayNumber - other.upperBound.dayNumber
            let most = date.upperBound.dayNumber - other.lowerBound.dayNumber
            return (window.min.map { fewest >= $0 } ?? true) && (window.max.map { most <= $0 } ?? true)
        case .nonempty:
            switch field.content {
            case .scalar(let scalar): return !scalar.text.allSatisfy(\.isWhitespace)
            case .sequence(let items): return !items.isEmpty
            case .mapping(let entries): return !entries.isEmpty
            }
        case .contains:
            return field.sequence.map { ValueCompare.contains($0, operand!) } ?? false
        case .subsetOf:
            guard let items = field.sequence, let allowed = operand!.sequence else { return false }
            return items.allSatisfy { ValueCompare.contains(allowed, $0) }
        case .supersetOf:
            guard let items = field.sequence, let required = operand!.sequence else { return false }
            return required.allSatisfy { ValueCompare.contains(items, $0) }
        }
    }

    /// The date a date operator compares with: the as-of date for `today`, else the resolved
    /// operand read as a date (nil when it is not one).
    private func referenceDate(_ reference: Operand, _ operand: Node?) -> ISODate? {
        if case .today = reference { return context.asOf }
        return try? operand?.date()
    }

    /// What the leaf asks for, in words.
    private func expectation(_ leaf: Leaf, operand: Node?) -> String {
        let value: String
        switch leaf.operand {
        case .literal(let node): value = ValueText.render(node)
        case .path(let path): value = "\(path) (\(operand.map(ValueText.render) ?? "missing"))"
        case .today: value = "\(context.asOf) (the as-of date)"
        case .pattern(let pattern): value = "/\(pattern.source)/"
        case .window(let window): value = Self.windowText(window, from: operand.map(ValueText.render), asOf: context.asOf)
        }
        switch leaf.op {
        case .exists: return "present"
        case .equals: return "equals \(value)"
        case .notEquals: return "not equal to \(value)"
        case .in: return "one of \(value)"
        case .notIn: return "none of \(value)"
        case .matches: return "matches \(value)"
        case .min: return "at least \(value)"
        case .max: return "at most \(value)"
        case .before: return "a date before \(value)"
        case .after: return "a date after \(value)"
        case .nonempty: return "non-empty"
        case .contains: return "a list containing \(value)"
        case .subsetOf: return "only values from \(value)"
        case .supersetOf: return "a list including all of \(value)"
        case .daysAfter: return "a date \(value)"
        }
    }

    /// `between 0 and 14 days after threshold_met_date (2026-01-10)`.
    static func windowText(_ window: DayWindow, from value: String?, asOf: ISODate?) -> String {
        let reference: String
        switch window.from {
        case .path(let path): reference = "\(path)" + (value.map { " (\($0))" } ?? "")
        case .today: reference = asOf.map { "\($0) (the as-of date)" } ?? "the as-of date"
        case .literal(let node): reference = ValueText.render(node)
        default: reference = "?"
        }
        return DayWindow.describe(min: window.min, max: window.max) + " " + reference
    }
}

extension Leaf {
    var operandLiteral: Node? {
        if case .literal(let node) = operand { return node }
        return nil
    }
}
