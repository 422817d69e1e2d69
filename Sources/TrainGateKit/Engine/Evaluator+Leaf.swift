/// The leaf operators. Each reads one field and compares it with a literal, another field or
/// the `--as-of` date; an absent or null field is `missing` (except for `exists`). An extension of
/// `Evaluator`, so evaluating a leaf never copies the evaluator's context.
extension Evaluator {
    func evaluate(_ leaf: Leaf, at current: Position) -> Outcome {
        // A slotted leaf is only ever tested on the subject itself (see `LeafMemo.share`).
        guard leaf.slot >= 0, let memo, !explain else { return evaluateAnew(leaf, at: current) }
        if let truth = memo[leaf.slot] { return Outcome(truth: truth, detail: nil) }
        let outcome = evaluateAnew(leaf, at: current)
        memo[leaf.slot] = outcome.truth
        return outcome
    }

    private func evaluateAnew(_ leaf: Leaf, at current: Position) -> Outcome {
        let resolution = PathResolver.resolve(
            leaf.path, from: current, subject: subject,
            context: context, explain: explain)
        if leaf.op == .exists {
            let wanted = leaf.operandLiteral?.value == .bool(true)
            switch resolution {
            case .found(let field):
                return outcome(
                    wanted ? .pass : .violation, field.path, wanted ? "present" : "absent",
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
        let holds = leaf.op.holds(LeafInput(field: field.node, operand: operand, reference: leaf.operand, asOf: context.asOf))
        return outcome(
            holds ? .pass : .violation, field.path, explain ? expectation(leaf, operand: operand) : "",
            field.node, field.node.location)
    }

    private func outcome(_ truth: Truth, _ path: String?, _ expected: String, _ found: Node?, _ location: SourceLocation) -> Outcome {
        guard explain else { return Outcome(truth: truth, detail: nil) }
        return Outcome(
            truth: truth,
            detail: Detail(
                path: path ?? "", expected: expected,
                found: found.map(ValueText.render) ?? "missing", location: location))
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
        return leaf.op.expectation(value)
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
