/// The text of `traingate explain RULE`: everything a person needs to understand a rule.
public enum RuleExplanation {
    public static func render(_ rule: Rule, pack: PolicyPack) -> String {
        var out = "\(rule.id): \(rule.title)\n\n"
        out += "pack:        \(pack.name) \(pack.version) (legal sources as of \(pack.sourcesAsOf))\n"
        out += "severity:    \(rule.severity.rawValue)\n"
        out += "scope:       \(rule.scope.rawValue) (\(scopeText(rule.scope)))\n"
        out += "effective:   \(rule.effective.map(\.description) ?? "always")\n"
        for transition in rule.transitional {
            out +=
                "             \(transition.effective) instead, under \(transition.ref), when "
                + ConditionText.render(transition.when, depth: 2) + "\n"
        }
        if let confidence = rule.confidence { out += "confidence:  \(confidence.rawValue)\n" }
        out += "defined at:  \(rule.location)\n"
        if let description = rule.description { out += "\n\(wrap(description, indent: ""))\n" }
        out += "\nWhat it checks:\n"
        if let when = rule.when {
            out += "  applies when " + ConditionText.render(when, depth: 2) + "\n"
        } else {
            out += "  applies to every \(rule.scope == .record ? "row of a source's ledger" : rule.scope.rawValue)\n"
        }
        if let builtin = rule.builtin {
            out += "  requires (built-in check \(builtin.rawValue)) " + builtinText(builtin) + "\n"
        } else {
            out += "  requires " + ConditionText.render(rule.require, depth: 2) + "\n"
        }
        if let tolerance = rule.tolerance { out += "  tolerates \(tolerance.description) failing\n" }
        if !rule.breakdown.isEmpty { out += "  counts failing rows by \(rule.breakdown.map(\.name).joined(separator: ", "))\n" }
        out += "\nLaw:\n"
        for citation in rule.citations {
            out += "  - \(citation.instrument), \(citation.ref)\n"
            if let url = citation.url { out += "    \(url)\n" }
        }
        out += "\nFix:\n\(wrap(rule.remediation, indent: "  "))\n"
        out += "\nExamples:\n"
        for example in rule.examples.pass { out += "  pass: \(FlowText.render(example))\n" }
        for example in rule.examples.fail { out += "  fail: \(FlowText.render(example))\n" }
        if rule.examples.pass.isEmpty && rule.examples.fail.isEmpty { out += "  (none)\n" }
        return out
    }

    /// What a record rule's built-in check requires, in words.
    static func builtinText(_ builtin: RecordBuiltin) -> String {
        switch builtin {
        case .suppressed: return "that no row's key is on a suppression list the manifest names"
        case .duplicate: return "that no row shares its content_sha256 with a row (in any ledger of the check) that fails a record rule"
        case .declared: return "that the ledger agrees with the manifest's declarations about the source"
        case .schema: return "that every row is well-formed (a malformed row stops the check with exit 2)"
        }
    }

    static func scopeText(_ scope: RuleScope) -> String {
        switch scope {
        case .model: return "evaluated once per model card"
        case .dataset: return "evaluated once per dataset manifest"
        case .source: return "evaluated once per source of every dataset manifest"
        case .record: return "evaluated on every row of a source's ledger; one finding per source, with counts"
        }
    }

    static func wrap(_ text: String, indent: String, width: Int = 92) -> String {
        var lines: [String] = []
        var line = indent
        for word in text.split(whereSeparator: \.isWhitespace) {
            if line.count + word.count + 1 > width && line.count > indent.count {
                lines.append(line)
                line = indent
            }
            line += (line.count > indent.count ? " " : "") + word
        }
        if line.count > indent.count { lines.append(line) }
        return lines.joined(separator: "\n")
    }
}

/// Conditions in words, for `explain`.
enum ConditionText {
    static func render(_ condition: Condition, depth: Int) -> String {
        let pad = String(repeating: " ", count: depth * 2)
        func list(_ word: String, _ parts: [Condition]) -> String {
            word + ":\n" + parts.map { pad + "- " + render($0, depth: depth + 1) }.joined(separator: "\n")
        }
        switch condition {
        case .leaf(let leaf): return leafText(leaf)
        case .all(let parts, _): return list("all of", parts)
        case .any(let parts, _): return list("any of", parts)
        case .not(let inner, _): return "not (" + render(inner, depth: depth) + ")"
        case .each(let path, let body, _): return "every item of \(path) to have " + render(body, depth: depth)
        case .some(let path, let body, _): return "at least one item of \(path) to have " + render(body, depth: depth)
        case .none(let path, let body, _): return "no item of \(path) to have " + render(body, depth: depth)
        case .count(let path, let filter, let min, let max, _):
            let bounds = [min.map { "at least \($0)" }, max.map { "at most \($0)" }].compactMap { $0 }.joined(separator: " and ")
            return "\(bounds) items of \(path)" + (filter.map { " with " + render($0, depth: depth) } ?? "")
        }
    }

    static func leafText(_ leaf: Leaf) -> String {
        let value: String
        switch leaf.operand {
        case .literal(let node): value = FlowText.render(node)
        case .path(let path): value = "the value of \(path)"
        case .today: value = "the as-of date"
        case .pattern(let pattern): value = "/\(pattern.source)/"
        case .window(let window): value = Evaluator.windowText(window, from: nil, asOf: nil)
        }
        return leaf.op.phrase(leaf.path.description, value)
    }
}

/// A node as one line of YAML flow syntax.
enum FlowText {
    static func render(_ node: Node) -> String {
        switch node.content {
        case .scalar(let scalar):
            if scalar.style.isQuotedOrBlock
                && (ScalarResolver.plainType(scalar.text) != .str || scalar.text.contains(": ") || scalar.text.isEmpty)
            {
                return "\"\(scalar.text)\""
            }
            return scalar.text
        case .sequence(let items): return "[" + items.map(render).joined(separator: ", ") + "]"
        case .mapping(let entries): return "{" + entries.map { "\($0.key): \(render($0.value))" }.joined(separator: ", ") + "}"
        }
    }
}
