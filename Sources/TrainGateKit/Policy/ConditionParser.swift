/// Parses the YAML condition language into `Condition`s, validating every construct.
struct ConditionParser {
    /// Whether to compile `matches` patterns now (user packs) or on first use (built-in packs,
    /// whose patterns the test suite compiles).
    var compilePatterns = true

    /// Parses with every check, as for a user's pack.
    static func parse(_ node: Node) throws(PolicyError) -> Condition { try ConditionParser().parse(node) }

    static let composites = ["all", "any", "not"]
    static let quantifiers = ["each", "some", "none", "count"]
    /// The keys a quantifier's mapping may hold.
    static func keys(ofQuantifier name: String) -> [String] {
        name == "count" ? ["count", "where", "min", "max"] : [name, "require"]
    }
    static var keywords: [String] { composites + quantifiers + ["path", "require", "where", "min", "max"] + LeafOperator.all.map(\.name) }

    func parse(_ node: Node) throws(PolicyError) -> Condition {
        guard let entries = node.mapping else {
            throw .wrongType(node.location, key: "condition", expected: "a mapping", found: node.kindDescription)
        }
        let keys = entries.map(\.key)
        if let composite = keys.first(where: Self.composites.contains) {
            _ = try PackReader(node, context: "'\(composite)'", allowed: [composite])
            let body = node[composite]!
            if composite == "not" { return .not(try parse(body), node.location) }
            guard let items = body.sequence, !items.isEmpty else {
                throw .wrongType(body.location, key: composite, expected: "a non-empty list of conditions", found: body.kindDescription)
            }
            var children: [Condition] = []
            for item in items { children.append(try parse(item)) }
            return composite == "all" ? .all(children, node.location) : .any(children, node.location)
        }
        if let quantifier = keys.first(where: Self.quantifiers.contains) {
            return try parseQuantifier(quantifier, node)
        }
        return .leaf(try parseLeaf(node, entries))
    }

    private func parseQuantifier(_ name: String, _ node: Node) throws(PolicyError) -> Condition {
        let reader = try PackReader(node, context: "'\(name)'", allowed: Self.keys(ofQuantifier: name))
        let path = try Self.parsePath(reader.required(name), allowMany: true)
        if name != "count" {
            let body = try parse(reader.required("require"))
            switch name {
            case "each": return .each(path, body, node.location)
            case "some": return .some(path, body, node.location)
            default: return .none(path, body, node.location)
            }
        }
        let filter: Condition? = try reader.optional("where").map { (n) throws(PolicyError) in try parse(n) }
        let min = try bound(reader.optional("min"))
        let max = try bound(reader.optional("max"))
        if min == nil && max == nil { throw .missingKey(node.location, key: "min' or 'max", context: "'count'") }
        return .count(path, filter, min: min, max: max, node.location)
    }

    private func bound(_ node: Node?) throws(PolicyError) -> Int? {
        guard let node else { return nil }
        guard case .int(let value)? = node.value, value >= 0 else {
            throw .wrongType(node.location, key: "min/max", expected: "a whole number ≥ 0", found: node.kindDescription)
        }
        return value
    }

    private func parseLeaf(_ node: Node, _ entries: [MappingEntry]) throws(PolicyError) -> Leaf {
        var operators: [(LeafOperator, MappingEntry)] = []
        for entry in entries where entry.key != "path" {
            guard let op = LeafOperator.named(entry.key) else {
                throw .unknownOperator(
                    entry.keyLocation, name: entry.key, suggestion: Suggestions.closest(to: entry.key, in: Self.keywords))
            }
            operators.append((op, entry))
        }
        guard operators.count == 1 else { throw .operatorCount(node.location, found: operators.map(\.0.name)) }
        guard let pathNode = node["path"] else { throw .missingKey(node.location, key: "path", context: "a condition") }
        let path = try Self.parsePath(pathNode, allowMany: false)
        let (op, entry) = operators[0]
        return Leaf(path: path, op: op, operand: try operand(op, entry.value), location: node.location)
    }

    static func parsePath(_ node: Node, allowMany: Bool) throws(PolicyError) -> FieldPath {
        let text = try PackReader.text(node, key: "path")
        guard let path = FieldPath(text) else {
            throw .invalidPath(
                node.location, path: text,
                reason: "expected dotted keys, optionally starting with $model, $dataset or $datasets[*], with [*] only after a key")
        }
        if !allowMany && path.isMultiValued {
            throw .invalidPath(node.location, path: text, reason: "it names many nodes; quantify over them with each, some, none or count")
        }
        return path
    }

    /// The right-hand side, read as the operator's operand kind says.
    private func operand(_ op: LeafOperator, _ node: Node) throws(PolicyError) -> Operand {
        if op.operand == .window { return try window(node) }
        if let entries = node.mapping, entries.count == 1, entries[0].key == "path" {
            guard op.acceptsPath else {
                throw .wrongType(node.location, key: op.name, expected: "a literal value", found: "a path")
            }
            return .path(try Self.parsePath(entries[0].value, allowMany: false))
        }
        func fail(_ expected: String) -> PolicyError {
            .wrongType(node.location, key: op.name, expected: expected, found: node.kindDescription)
        }
        switch op.operand {
        case .bool:
            guard case .bool? = node.value else { throw fail("true or false") }
        case .trueOnly:
            guard node.value == .bool(true) else { throw fail("true") }
        case .pattern:
            let text = try PackReader.text(node, key: op.name)
            if let problem = PatternSafety.problem(text) { throw .invalidRegex(node.location, pattern: text, reason: problem) }
            guard compilePatterns else { return .pattern(CompiledPattern(deferring: text)) }
            do { return .pattern(try CompiledPattern(text)) } catch {
                throw .invalidRegex(node.location, pattern: text, reason: "\(error)")
            }
        case .list:
            guard node.sequence != nil else { throw fail("a list or {path: …}") }
        case .number:
            switch node.value {
            case .int?: break
            case .float(let value)? where value.isFinite: break
            default: throw fail("a finite number or {path: …}")
            }
        case .date:
            return try Self.date(node, key: op.name)
        case .any, .window:
            break
        }
        return .literal(node)
    }

    /// `{date: D, min: N, max: M}`, one bound at least, `min` ≤ `max`.
    private func window(_ node: Node) throws(PolicyError) -> Operand {
        let reader = try PackReader(node, context: "'days_after'", allowed: ["date", "min", "max"])
        let dateNode = try reader.required("date")
        let from: Operand
        if let entries = dateNode.mapping, entries.count == 1, entries[0].key == "path" {
            from = .path(try Self.parsePath(entries[0].value, allowMany: false))
        } else {
            from = try Self.date(dateNode, key: "date")
        }
        let min = try days(reader.optional("min"))
        let max = try days(reader.optional("max"))
        if min == nil && max == nil { throw .missingKey(node.location, key: "min' or 'max", context: "'days_after'") }
        if let min, let max, min > max {
            throw .wrongType(node.location, key: "days_after", expected: "min not greater than max", found: "min \(min), max \(max)")
        }
        return .window(DayWindow(from: from, min: min, max: max))
    }

    /// A literal date operand: `today` (the as-of date) or an ISO 8601 date.
    private static func date(_ node: Node, key: String) throws(PolicyError) -> Operand {
        let text = try PackReader.text(node, key: key)
        if text == "today" { return .today }
        guard ISODate(parsing: text) != nil else { throw .invalidDate(node.location, text: text) }
        return .literal(node)
    }

    private func days(_ node: Node?) throws(PolicyError) -> Int? {
        guard let node else { return nil }
        guard case .int(let value)? = node.value, abs(value) <= 3_660_000 else {
            throw .wrongType(node.location, key: "min/max", expected: "a whole number of days", found: node.kindDescription)
        }
        return value
    }
}
