/// Evaluates conditions against a subject under three-valued (Kleene) logic.
///
/// A leaf on an absent or null field is `missing`; a leaf on a declared field is `pass` or
/// `violation`. `not` swaps pass and violation and keeps missing. `all` is a violation if any
/// part is, else missing if any part is, else pass; `any` is a pass if any part is, else missing
/// if any part is, else a violation. Quantifiers combine their items the same way. With
/// `explain` off the evaluator only decides truth (the fast path); with it on, it also says
/// which leaf decided, with paths and rendered values.
struct Evaluator {
    let context: EvaluationContext
    let subject: Position
    let explain: Bool
    /// The results of shared leaves on this subject (the fast path only); see `LeafMemo`.
    var memo: LeafMemo? = nil

    func evaluate(_ condition: Condition) -> Outcome { evaluate(condition, at: subject) }

    /// This evaluator without explanations (or memo): while explaining, parts and items are
    /// decided on it first, and only the deciding one is explained.
    private var fastPath: Evaluator { Evaluator(context: context, subject: subject, explain: false) }

    func evaluate(_ condition: Condition, at current: Position) -> Outcome {
        switch condition {
        case .leaf(let leaf):
            return evaluate(leaf, at: current)
        case .all(let parts, _):
            return combine(parts, at: current, decisive: .violation)
        case .any(let parts, _):
            return combine(parts, at: current, decisive: .pass)
        case .not(let inner, _):
            var outcome = evaluate(inner, at: current)
            switch outcome.truth {
            case .pass: outcome.truth = .violation
            case .violation: outcome.truth = .pass
            case .missing: break
            }
            if explain, var detail = outcome.detail, outcome.truth != .missing {
                detail.expected = "not (\(detail.expected))"
                outcome.detail = detail
            }
            return outcome
        case .each(let path, let body, _), .some(let path, let body, _), .none(let path, let body, _):
            return quantify(condition, path, body, at: current)
        case .count(let path, let filter, let min, let max, _):
            return count(path, filter, min: min, max: max, at: current)
        }
    }

    /// `all` (a violation decides) and `any` (a pass decides): the first decisive part wins;
    /// otherwise the first missing part, otherwise the first part.
    private func combine(_ parts: [Condition], at current: Position, decisive: Truth) -> Outcome {
        guard explain else {
            var missing = false
            var first: Truth?
            for part in parts {
                let truth = evaluate(part, at: current).truth
                if truth == decisive { return Outcome(truth: truth, detail: nil) }
                if truth == .missing { missing = true }
                if first == nil { first = truth }
            }
            return Outcome(truth: missing ? .missing : first!, detail: nil)
        }
        // Explaining: the parts are decided on the fast path, and only the part whose outcome is
        // the result is evaluated again with its explanation (the others' would be thrown away).
        let fast = fastPath
        var chosen: Int?
        var missing: Int?
        for (index, part) in parts.enumerated() {
            let truth = fast.evaluate(part, at: current).truth
            if truth == decisive {
                chosen = index
                break
            }
            if truth == .missing && missing == nil { missing = index }
        }
        return evaluate(parts[chosen ?? missing ?? 0], at: current)
    }

    private func items(_ path: FieldPath, at current: Position) -> Result<[Position], MissingList> {
        PathResolver.items(path, from: current, subject: subject, context: context, explain: explain)
    }

    private func missingList(_ failure: MissingList, _ path: FieldPath) -> Outcome {
        Outcome(
            truth: failure.notAList ? .violation : .missing,
            detail: explain
                ? Detail(
                    path: failure.path ?? path.description, expected: "a list",
                    found: failure.notAList ? ValueText.render(failure.nearest.node) : "missing",
                    location: failure.nearest.node.location) : nil)
    }

    private func quantify(_ quantifier: Condition, _ path: FieldPath, _ body: Condition, at current: Position) -> Outcome {
        let list: [Position]
        switch items(path, at: current) {
        case .success(let found): list = found
        case .failure(let failure): return missingList(failure, path)
        }
        // Items are decided on the fast path; explaining, only the item whose outcome is the
        // result is evaluated again with its explanation.
        let fast = explain ? fastPath : self
        var missing: Int?
        var firstPass: Int?
        var firstViolation: Int?
        for (index, item) in list.enumerated() {
            let truth = fast.evaluate(body, at: item).truth
            switch (quantifier, truth) {
            case (.each, .violation), (.some, .pass):
                return explain ? evaluate(body, at: item) : Outcome(truth: truth, detail: nil)
            case (.none, .pass):
                guard explain else { return Outcome(truth: .violation, detail: nil) }
                var flipped = evaluate(body, at: item)
                flipped.truth = .violation
                if var detail = flipped.detail {
                    detail.expected = "no item of \(path) to have \(detail.expected)"
                    flipped.detail = detail
                }
                return flipped
            default: break
            }
            if truth == .missing && missing == nil { missing = index }
            if truth == .pass && firstPass == nil { firstPass = index }
            if truth == .violation && firstViolation == nil { firstViolation = index }
        }
        if let missing { return explain ? evaluate(body, at: list[missing]) : Outcome(truth: .missing, detail: nil) }
        guard explain else { return Outcome(truth: quantifier.isSome ? .violation : .pass, detail: nil) }
        if quantifier.isSome {
            let found = "none of \(list.count) item\(list.count == 1 ? "" : "s")"
            return Outcome(
                truth: .violation,
                detail: summary(path, at: current, expected: "at least one item of \(path) satisfying the condition", found: found))
        }
        return Outcome(
            truth: .pass,
            detail: (firstPass ?? firstViolation).flatMap { evaluate(body, at: list[$0]).detail }
                ?? summary(path, at: current, expected: "items of \(path)", found: "an empty list"))
    }

    private func count(_ path: FieldPath, _ filter: Condition?, min: Int?, max: Int?, at current: Position) -> Outcome {
        let list: [Position]
        switch items(path, at: current) {
        case .success(let found): list = found
        case .failure(let failure): return missingList(failure, path)
        }
        var definite = 0
        var unknown = 0
        for item in list {
            guard let filter else {
                definite += 1
                continue
            }
            switch evaluate(filter, at: item).truth {
            case .pass: definite += 1
            case .missing: unknown += 1
            case .violation: break
            }
        }
        let low = min ?? 0
        let high = max ?? Int.max
        let possible = definite + unknown
        let truth: Truth
        if low <= definite && possible <= high {
            truth = .pass
        } else if possible < low || definite > high {
            truth = .violation
        } else {
            truth = .missing
        }
        guard explain else { return Outcome(truth: truth, detail: nil) }
        let bounds = [min.map { "at least \($0)" }, max.map { "at most \($0)" }].compactMap { $0 }.joined(separator: " and ")
        let found = unknown == 0 ? "\(definite)" : "\(definite) (\(unknown) more undecided: a field is missing)"
        let plural = high == 1 ? "" : "s"
        let matching = filter == nil ? "" : " matching"
        let expected = "\(bounds) item\(plural) of \(path)\(matching)"
        return Outcome(truth: truth, detail: summary(path, at: current, expected: expected, found: found))
    }

    /// A detail about a list as a whole, located at the list (or, for a path over many lists,
    /// at the node the path starts from).
    private func summary(_ path: FieldPath, at current: Position, expected: String, found: String) -> Detail {
        var anchor = current
        if !path.isMultiValued {
            switch PathResolver.resolve(path, from: current, subject: subject, context: context, explain: true) {
            case .found(let position): anchor = position
            case .missing(let nearest, _): anchor = nearest
            }
        }
        return Detail(path: anchor.path ?? path.description, expected: expected, found: found, location: anchor.node.location)
    }
}

extension Condition {
    var isSome: Bool {
        if case .some = self { return true }
        return false
    }
}
