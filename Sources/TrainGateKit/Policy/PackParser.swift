/// Turns a loaded `kind: PolicyPack` document into a validated `PolicyPack`.
enum PackParser {
    static let topKeys = ["apiVersion", "kind", "metadata", "rules"]
    static let metadataKeys = ["name", "title", "version", "jurisdiction", "sources_as_of", "opt_in", "description"]
    static let ruleKeys = [
        "id", "title", "severity", "scope", "effective", "transitional", "citations", "when", "require",
        "message", "remediation", "description", "confidence", "examples", "builtin", "tolerance", "breakdown",
    ]
    static let citationKeys = ["instrument", "ref", "url"]
    static let exampleKeys = ["pass", "fail"]
    static let transitionKeys = ["when", "effective", "ref"]

    static func parse(_ root: Node, file: String, compilePatterns: Bool = true) throws(PolicyError) -> PolicyPack {
        let conditions = ConditionParser(compilePatterns: compilePatterns)
        let api = root["apiVersion"]?.scalar?.text
        let kind = root["kind"]?.scalar?.text
        guard api == "traingate/v1", kind == DocumentKind.policyPack.rawValue else {
            throw .notAPack(root.location, found: "apiVersion '\(api ?? "(none)")', kind '\(kind ?? "(none)")'")
        }
        let top = try PackReader(root, context: "the pack", allowed: topKeys)
        let meta = try PackReader(top.required("metadata"), context: "'metadata'", allowed: metadataKeys)
        let name = try meta.string("name")
        guard let asOf = try meta.date("sources_as_of") else {
            throw .missingKey(meta.node.location, key: "sources_as_of", context: "'metadata'")
        }
        let rulesNode = try top.required("rules")
        guard let ruleNodes = rulesNode.sequence else {
            throw .wrongType(rulesNode.location, key: "rules", expected: "a list of rules", found: rulesNode.kindDescription)
        }
        var rules: [Rule] = []
        var seen: [String: SourceLocation] = [:]
        for node in ruleNodes {
            let rule = try parseRule(node, pack: name, conditions: conditions)
            if let first = seen[rule.id] { throw .duplicateRuleID(rule.id, rule.location, first: first) }
            seen[rule.id] = rule.location
            rules.append(rule)
        }
        return PolicyPack(
            name: name, title: try meta.string("title"), version: try meta.string("version"),
            jurisdiction: try meta.string("jurisdiction"), sourcesAsOf: asOf, optIn: try meta.bool("opt_in") ?? false,
            description: try meta.optionalString("description"), rules: rules, file: file)
    }

    static func parseRule(_ node: Node, pack: String, conditions: ConditionParser) throws(PolicyError) -> Rule {
        let idText = node["id"]?.scalar?.text
        let reader = try PackReader(node, context: idText.map { "rule '\($0)'" } ?? "a rule", allowed: ruleKeys)
        let id = try reader.string("id")
        guard id.first?.isLetter == true || id.first?.isNumber == true,
            id.allSatisfy({ $0.isLetter || $0.isNumber || "._-".contains($0) })
        else {
            throw .wrongType(try reader.required("id").location, key: "id", expected: "letters, digits, '.', '_' and '-'", found: "'\(id)'")
        }
        let messageNode = try reader.required("message")
        let message: MessageTemplate
        switch MessageTemplate.parse(try PackReader.text(messageNode, key: "message")) {
        case .success(let template): message = template
        case .failure(let error): throw .invalidTemplate(messageNode.location, reason: error.reason)
        }
        let when: Condition? = try reader.optional("when").map { (n) throws(PolicyError) in try conditions.parse(n) }
        let scope = try reader.choice("scope", as: RuleScope.self)
        let builtin: RecordBuiltin? = try reader.optional("builtin") == nil ? nil : reader.choice("builtin", as: RecordBuiltin.self)
        let require: Condition
        if let builtin {
            guard scope == .record else {
                throw .wrongType(
                    try reader.required("builtin").location, key: "builtin", expected: "a record rule (scope: record)",
                    found: "scope: \(scope.rawValue)")
            }
            if let node = reader.optional("require") {
                throw .wrongType(
                    node.location, key: "require", expected: "no condition: builtin: \(builtin.rawValue) is the check",
                    found: node.kindDescription)
            }
            require = .all([], node.location)
        } else {
            require = try conditions.parse(reader.required("require"))
        }
        var rule = Rule(
            id: id, title: try reader.string("title"), severity: try reader.choice("severity", as: Severity.self),
            scope: scope, effective: try reader.date("effective"),
            citations: try citations(reader.required("citations")), when: when,
            require: require, message: message,
            remediation: try reader.string("remediation"), description: try reader.optionalString("description"),
            confidence: try reader.optional("confidence") == nil ? nil : reader.choice("confidence", as: Confidence.self),
            location: node.location, pack: pack)
        rule.examples = try examples(reader.optional("examples"))
        if let node = reader.optional("transitional") {
            rule.transitional = try transitions(node, conditions: conditions, effective: rule.effective)
        }
        rule.builtin = builtin
        try recordSettings(reader, into: &rule)
        return rule
    }

    /// A record rule's `tolerance` and `breakdown`, and the check that its conditions read row
    /// fields with operators and values that suit them; other rules may not have either key.
    private static func recordSettings(_ reader: PackReader, into rule: inout Rule) throws(PolicyError) {
        guard rule.scope == .record else {
            for key in ["tolerance", "breakdown"] {
                if let node = reader.optional(key) {
                    throw .wrongType(
                        node.location, key: key, expected: "a record rule (scope: record)", found: "scope: \(rule.scope.rawValue)")
                }
            }
            return
        }
        if !rule.transitional.isEmpty {
            throw .wrongType(rule.location, key: "transitional", expected: "no transitional provisions in a record rule", found: "a list")
        }
        do {
            for condition in [rule.when, rule.require].compactMap({ $0 }) { try RecordConditionCompiler.validate(condition) }
        } catch {
            throw .invalidRecordRule(error.location, reason: error.message)
        }
        if let node = reader.optional("tolerance") {
            let tolerance = try PackReader(node, context: "'tolerance'", allowed: ["max_count", "max_share"])
            switch (tolerance.optional("max_count")?.value, tolerance.optional("max_share")?.value) {
            case (.int(let count)?, nil) where count >= 0: rule.tolerance = .maxCount(count)
            case (nil, .float(let share)?) where share >= 0 && share < 1: rule.tolerance = .maxShare(share)
            case (nil, .int(0)?): rule.tolerance = .maxShare(0)
            default:
                throw .wrongType(
                    node.location, key: "tolerance", expected: "{max_count: N} (a whole number ≥ 0) or {max_share: S} (0 ≤ S < 1)",
                    found: ValueText.render(node))
            }
        }
        if let node = reader.optional("breakdown") {
            guard let items = node.sequence else {
                throw .wrongType(node.location, key: "breakdown", expected: "a list of row fields", found: node.kindDescription)
            }
            for item in items {
                let name = item.scalar?.text ?? ""
                guard let field = LedgerField.named(name), field.kind != .sha256, field.kind != .date else {
                    throw .invalidRecordRule(
                        item.location,
                        reason:
                            "breakdown: '\(name.visibleASCII)' is not a row field to count by (\(LedgerField.allCases.filter { $0.kind != .sha256 && $0.kind != .date }.map(\.name).joined(separator: ", ")))"
                    )
                }
                rule.breakdown.append(field)
            }
        }
    }

    /// `transitional: [{when: C, effective: D, ref: "Art. 111(3)"}]`: each date later than the
    /// rule's own, so a transition can only defer a rule.
    private static func transitions(_ node: Node, conditions: ConditionParser, effective: ISODate?) throws(PolicyError) -> [Transition] {
        guard let items = node.sequence, !items.isEmpty else {
            throw .wrongType(node.location, key: "transitional", expected: "a non-empty list", found: node.kindDescription)
        }
        var result: [Transition] = []
        for item in items {
            let reader = try PackReader(item, context: "a transitional provision", allowed: transitionKeys)
            let date = try reader.date("effective")
            guard let date else { throw .missingKey(item.location, key: "effective", context: "a transitional provision") }
            if let effective, date.lowerBound <= effective.lowerBound {
                throw .wrongType(
                    try reader.required("effective").location, key: "effective",
                    expected: "a date after the rule's effective date \(effective)", found: "\(date)")
            }
            result.append(
                Transition(
                    when: try conditions.parse(reader.required("when")), effective: date,
                    ref: try reader.string("ref")))
        }
        return result
    }

    private static func citations(_ node: Node) throws(PolicyError) -> [Citation] {
        guard let items = node.sequence, !items.isEmpty else {
            throw .wrongType(node.location, key: "citations", expected: "a non-empty list", found: node.kindDescription)
        }
        var result: [Citation] = []
        for item in items {
            let reader = try PackReader(item, context: "a citation", allowed: citationKeys)
            result.append(
                Citation(
                    instrument: try reader.string("instrument"), ref: try reader.string("ref"),
                    url: try reader.optionalString("url")))
        }
        return result
    }

    private static func examples(_ node: Node?) throws(PolicyError) -> RuleExamples {
        guard let node else { return RuleExamples(pass: [], fail: []) }
        let reader = try PackReader(node, context: "'examples'", allowed: exampleKeys)
        func list(_ key: String) throws(PolicyError) -> [Node] {
            guard let value = reader.optional(key) else { return [] }
            guard let items = value.sequence else {
                throw .wrongType(value.location, key: key, expected: "a list of examples", found: value.kindDescription)
            }
            for item in items where item.mapping == nil {
                throw .wrongType(item.location, key: key, expected: "a mapping (the subject)", found: item.kindDescription)
            }
            return items
        }
        return RuleExamples(pass: try list("pass"), fail: try list("fail"))
    }
}
