import Foundation
import Testing

@testable import TrainGateKit

/// A pack with one rule whose body is `rule` (indented YAML lines after `- id: R1`).
func pack(_ rule: String, name: String = "p") -> String {
    """
    apiVersion: traingate/v1
    kind: PolicyPack
    metadata: {name: \(name), title: T, version: 1.0.0, jurisdiction: EU, sources_as_of: 2026-07-27}
    rules:
      - id: R1
    \(rule)
    """
}

/// A complete, valid rule body, with `replacing` lines swapped in.
func rule(_ overrides: [String: String] = [:], drop: Set<String> = []) -> String {
    let fields: [(String, String)] = [
        ("title", "title: A rule"), ("severity", "severity: high"), ("scope", "scope: source"),
        ("citations", "citations: [{instrument: GDPR, ref: Art. 6}]"),
        ("require", "require: {path: a, equals: true}"), ("message", "message: \"source {{id}} fails\""),
        ("remediation", "remediation: Fix it."),
    ]
    var lines = fields.filter { !drop.contains($0.0) }.map { "    " + (overrides[$0.0] ?? $0.1) }
    for (key, value) in overrides where !fields.contains(where: { $0.0 == key }) { lines.append("    " + value) }
    return lines.joined(separator: "\n")
}

struct PackCase: Sendable, CustomTestStringConvertible {
    let name: String
    let text: String
    let expected: String
    var testDescription: String { name }
}

@Suite("Pack validation")
struct PackValidationTests {
    static let cases: [PackCase] = [
        PackCase(
            name: "unknown operator", text: pack(rule(["require": "require: {path: a, equal: true}"])),
            expected: "pack.yaml:10:24: error: unknown operator 'equal'; did you mean 'equals'?"),
        PackCase(
            name: "leaf without operator", text: pack(rule(["require": "require: {path: a}"])),
            expected: "pack.yaml:10:14: error: condition has no operator; a leaf needs 'path' and exactly one operator"),
        PackCase(
            name: "leaf with two operators", text: pack(rule(["require": "require: {path: a, equals: 1, in: [1]}"])),
            expected: "pack.yaml:10:14: error: condition has 2 operators (equals, in); a leaf takes exactly one"),
        PackCase(
            name: "leaf without path", text: pack(rule(["require": "require: {equals: 1}"])),
            expected: "pack.yaml:10:14: error: missing required key 'path' in a condition"),
        PackCase(
            name: "bad severity", text: pack(rule(["severity": "severity: blocker"])),
            expected: "pack.yaml:7:15: error: 'blocker' is not a valid severity; expected one of: info, low, medium, high, critical"),
        PackCase(
            name: "bad scope", text: pack(rule(["scope": "scope: sources"])),
            expected:
                "pack.yaml:8:12: error: 'sources' is not a valid scope; expected one of: model, dataset, source, record; did you mean 'source'?"
        ),
        PackCase(
            name: "invalid regex", text: pack(rule(["require": "require: {path: a, matches: 'a(b'}"])),
            expected: "pack.yaml:10:33: error: invalid regular expression 'a(b': expected ')'"),
        PackCase(
            name: "effective date not ISO", text: pack(rule(["effective": "effective: 02/08/2025"])),
            expected: "pack.yaml:13:16: error: '02/08/2025' is not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)"),
        PackCase(
            name: "operand date not ISO", text: pack(rule(["require": "require: {path: d, before: 2025-13-01}"])),
            expected: "pack.yaml:10:32: error: '2025-13-01' is not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)"),
        PackCase(
            name: "no citations", text: pack(rule(drop: ["citations"])),
            expected: "pack.yaml:5:5: error: missing required key 'citations' in rule 'R1'"),
        PackCase(
            name: "empty citations", text: pack(rule(["citations": "citations: []"])),
            expected: "pack.yaml:9:16: error: 'citations' must be a non-empty list, found an empty sequence"),
        PackCase(
            name: "no message", text: pack(rule(drop: ["message"])),
            expected: "pack.yaml:5:5: error: missing required key 'message' in rule 'R1'"),
        PackCase(
            name: "no remediation", text: pack(rule(drop: ["remediation"])),
            expected: "pack.yaml:5:5: error: missing required key 'remediation' in rule 'R1'"),
        PackCase(
            name: "unclosed template", text: pack(rule(["message": "message: \"source {{id fails\""])),
            expected: "pack.yaml:11:14: error: invalid message template: '{{' is never closed by '}}'"),
        PackCase(
            name: "template path", text: pack(rule(["message": "message: \"source {{sources[*].id}}\""])),
            expected: "pack.yaml:11:14: error: invalid message template: '{{sources[*].id}}' is not a single field path"),
        PackCase(
            name: "many-valued leaf path", text: pack(rule(["require": "require: {path: 'sources[*].id', exists: true}"])),
            expected:
                "pack.yaml:10:21: error: invalid path 'sources[*].id': it names many nodes; quantify over them with each, some, none or count"
        ),
        PackCase(
            name: "bad path syntax", text: pack(rule(["require": "require: {path: 'a..b', exists: true}"])),
            expected:
                "pack.yaml:10:21: error: invalid path 'a..b': expected dotted keys, optionally starting with $model, $dataset or $datasets[*], with [*] only after a key"
        ),
        PackCase(
            name: "unknown rule key", text: pack(rule(["remediaton": "remediaton: typo"])),
            expected: "pack.yaml:13:5: error: unknown key 'remediaton'; did you mean 'remediation'?"),
        PackCase(
            name: "count without bounds", text: pack(rule(["require": "require: {count: s}"])),
            expected: "pack.yaml:10:14: error: missing required key 'min' or 'max' in 'count'"),
        PackCase(
            name: "exists with a non-boolean", text: pack(rule(["require": "require: {path: a, exists: yes}"])),
            expected: "pack.yaml:10:32: error: 'exists' must be true or false, found string 'yes'"),
        PackCase(
            name: "in with a scalar", text: pack(rule(["require": "require: {path: a, in: x}"])),
            expected: "pack.yaml:10:28: error: 'in' must be a list or {path: …}, found string 'x'"),
        PackCase(
            name: "day window without bounds", text: pack(rule(["require": "require: {path: a, days_after: {date: today}}"])),
            expected: "pack.yaml:10:36: error: missing required key 'min' or 'max' in 'days_after'"),
        PackCase(
            name: "day window with min above max",
            text: pack(rule(["require": "require: {path: a, days_after: {date: today, min: 3, max: 1}}"])),
            expected: "pack.yaml:10:36: error: 'days_after' must be min not greater than max, found min 3, max 1"),
        PackCase(
            name: "day window on a bad date", text: pack(rule(["require": "require: {path: a, days_after: {date: 2025-02-30, max: 1}}"])),
            expected: "pack.yaml:10:43: error: '2025-02-30' is not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)"),
        PackCase(
            name: "day window with a typo", text: pack(rule(["require": "require: {path: a, days_after: {date: today, maxi: 1}}"])),
            expected: "pack.yaml:10:50: error: unknown key 'maxi'; did you mean 'max'?"),
        PackCase(
            name: "transitional date not later",
            text: pack(
                rule([
                    "effective": "effective: 2025-08-02\n    transitional: [{when: {path: a, exists: true}, effective: 2025-01-01, ref: x}]"
                ])),
            expected: "pack.yaml:14:63: error: 'effective' must be a date after the rule's effective date 2025-08-02, found 2025-01-01"),
        PackCase(
            name: "transitional without ref",
            text: pack(
                rule(["effective": "effective: 2025-08-02\n    transitional: [{when: {path: a, exists: true}, effective: 2027-08-02}]"])),
            expected: "pack.yaml:14:20: error: missing required key 'ref' in a transitional provision"),
        PackCase(
            name: "not a pack", text: "apiVersion: traingate/v1\nkind: DatasetManifest\n",
            expected:
                "pack.yaml:1:1: error: not a policy pack: expected 'apiVersion: traingate/v1' and 'kind: PolicyPack', found apiVersion 'traingate/v1', kind 'DatasetManifest'"
        ),
        PackCase(
            name: "duplicate id in one pack", text: pack(rule() + "\n  - id: R1\n" + rule()),
            expected: "pack.yaml:13:5: error: duplicate rule id 'R1' (first defined at pack.yaml:5:5)"),
    ]

    @Test("rejects with a located message", arguments: cases)
    func rejects(_ c: PackCase) {
        #expect(throws: (any Error).self) { try PolicyLoader.parse(c.text, file: "pack.yaml") }
        do {
            _ = try PolicyLoader.parse(c.text, file: "pack.yaml")
        } catch {
            #expect(error.description == c.expected)
        }
    }

    @Test func aValidPackLoads() throws {
        let loaded = try PolicyLoader.parse(
            pack(rule(["effective": "effective: 2025-08-02", "when": "when: {path: b, exists: true}"])), file: "pack.yaml")
        #expect(loaded.rules.map(\.id) == ["R1"])
        #expect(loaded.rules[0].effective == ISODate(year: 2025, month: 8, day: 2))
    }

    @Test func duplicateIDsAcrossPacksNameBothFiles() throws {
        let a = try PolicyLoader.parse(pack(rule(), name: "a"), file: "a.yaml")
        let b = try PolicyLoader.parse(pack(rule(), name: "b"), file: "b.yaml")
        #expect(
            throws: PolicyError.duplicateRuleID(
                "R1", Location(file: "b.yaml", line: 5, column: 5), first: Location(file: "a.yaml", line: 5, column: 5))
        ) {
            try PolicyLoader.checkUnique([a, b])
        }
        #expect(
            PolicyError.duplicateRuleID(
                "R1", Location(file: "b.yaml", line: 5, column: 5), first: Location(file: "a.yaml", line: 5, column: 5)
            ).description
                == "b.yaml:5:5: error: duplicate rule id 'R1' (first defined at a.yaml:5:5)")
    }

    @Test func unknownBuiltInPackSuggests() {
        #expect(throws: PolicyError.unknownPack("gdrp", suggestion: "gdpr")) {
            try PolicyLoader.select(["gdrp"], builtIn: PolicyLoader.builtInPacks(environment: [:]))
        }
    }

    @Test func builtInPacksLoadAndEveryRuleIsComplete() throws {
        let packs = try PolicyLoader.builtInPacks(environment: [:])
        #expect(packs.count >= 3)
        for rule in packs.flatMap(\.rules) {
            #expect(!rule.citations.isEmpty && !rule.remediation.isEmpty, "\(rule.id)")
            #expect(!rule.examples.pass.isEmpty && !rule.examples.fail.isEmpty, "\(rule.id) lacks examples")
        }
    }
}

@Suite("Built-in packs meet the bar")
struct BuiltInPackBarTests {
    @Test func atLeastSeventyRulesRunByDefault() throws {
        let packs = try PolicyLoader.builtInPacks(environment: [:])
        #expect(packs.filter { !$0.optIn }.reduce(0) { $0 + $1.rules.count } >= 70)
        // Every file in policies/ is a built-in pack named after it; nothing else is.
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixtures.repository + "/policies")
            .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(".yaml".count)) }
        #expect(files.count >= 5)
        #expect(Set(packs.map(\.name)) == Set(files))
        #expect(packs.contains(where: \.optIn) && packs.contains { !$0.optIn })
    }

    @Test func unverifiedFactsStayInfoOrLow() throws {
        for rule in try PolicyLoader.builtInPacks(environment: [:]).flatMap(\.rules) where rule.confidence == .unverified {
            #expect(rule.severity <= .low, "\(rule.id) rests on an unverified fact but is \(rule.severity)")
        }
    }

    /// Two mistakes other tools make: citing the transparency duties as Art. 52 (their number in
    /// the Commission's proposal) and dating the GPAI duties from the general date of 2 Aug 2026.
    @Test func knownCompetitorMistakesStayAbsent() throws {
        for rule in try PolicyLoader.builtInPacks(environment: [:]).flatMap(\.rules) {
            let refs = rule.citations.map(\.ref).joined(separator: "; ")
            if refs.contains("Art. 50(") {
                #expect(!refs.contains("Art. 52"), "\(rule.id) cites transparency as Art. 52")
            }
            if rule.pack == "eu-ai-act-gpai", refs.contains("Art. 53") || refs.contains("Art. 55") {
                #expect(
                    rule.effective.map { ["2025-08-02", "2027-08-02"].contains($0.description) } == true,
                    "\(rule.id) dates a GPAI duty from \(rule.effective.map(\.description) ?? "nothing")")
            }
        }
    }

    /// The GPAI Code of Practice is voluntary: its measures are never critical failures, and
    /// every rule that encodes one applies only to a card that declares the provider a signatory.
    @Test func codeOfPracticeRulesAreNeverCriticalAndOnlyForSignatories() throws {
        func reads(_ condition: Condition) -> Bool {
            switch condition {
            case .leaf(let leaf): return leaf.path.description.hasSuffix("transparency.code_of_practice_signatory") && leaf.op == .equals
            case .all(let parts, _): return parts.contains(where: reads)
            default: return false
            }
        }
        let rules = try PolicyLoader.builtInPacks(environment: [:]).flatMap(\.rules).filter { $0.id.hasPrefix("CoP-") }
        #expect(rules.count >= 12)
        for rule in rules {
            #expect(rule.severity < .critical, "\(rule.id) makes a voluntary measure critical")
            #expect(rule.when.map(reads) == true, "\(rule.id) applies to providers that did not sign the Code")
        }
    }

    /// The free and open-source licence allow-list appears in the gpai pack (Art. 53(2)) and the
    /// copyright pack (CoP Measure 1.4); a licence must never be free in one and not the other.
    @Test func theFreeLicenceListIsTheSameInEveryPack() throws {
        func lists(_ condition: Condition) -> [[String]] {
            switch condition {
            case .leaf(let leaf):
                guard leaf.path.description == "model.license.spdx" || leaf.path.description == "$model.model.license.spdx",
                    leaf.op == .in || leaf.op == .notIn, let items = leaf.operandLiteral?.sequence, items.count > 10
                else { return [] }
                return [items.compactMap { $0.scalar?.text }.sorted()]
            case .all(let parts, _), .any(let parts, _): return parts.flatMap(lists)
            case .not(let inner, _), .each(_, let inner, _), .some(_, let inner, _), .none(_, let inner, _): return lists(inner)
            case .count(_, let filter, _, _, _): return filter.map(lists) ?? []
            }
        }
        let rules = try PolicyLoader.builtInPacks(environment: [:]).flatMap(\.rules)
        let found = rules.flatMap { rule in ([rule.when].compactMap { $0 } + [rule.require]).flatMap(lists) }
        #expect(found.count >= 3)
        #expect(Set(found).count == 1, "the free-licence lists differ: \(Set(found).map { $0.count })")
    }

    @Test func everyRuleHasAnEffectiveDateAndUrlsOnItsCitations() throws {
        for pack in try PolicyLoader.builtInPacks(environment: [:]) {
            for rule in pack.rules {
                #expect(rule.effective != nil, "\(rule.id) has no effective date")
                #expect(rule.confidence != nil, "\(rule.id) has no confidence")
                // The rightsholder principles are not law: the catalogue knows them only from press
                // quotes and gives no official page, so that opt-in pack may cite without a URL.
                if pack.name != "rightsholder-consent" {
                    #expect(rule.citations.contains { $0.url != nil }, "\(rule.id) cites no official URL")
                }
            }
        }
    }

    @Test func explainShowsEveryCitationAndExample() throws {
        for pack in try PolicyLoader.builtInPacks(environment: [:]) {
            for rule in pack.rules {
                let text = RuleExplanation.render(rule, pack: pack)
                for citation in rule.citations {
                    #expect(text.contains("\(citation.instrument), \(citation.ref)"), "\(rule.id): \(citation.ref)")
                    if let url = citation.url { #expect(text.contains(url)) }
                }
                let examples = text.split(separator: "\n").filter { $0.hasPrefix("  pass: ") || $0.hasPrefix("  fail: ") }
                #expect(examples.count == rule.examples.pass.count + rule.examples.fail.count, "\(rule.id)")
            }
        }
    }
}

@Suite("Selecting built-in packs")
struct PackSelectionTests {
    @Test func fileNamesAndOptInAgreeWithTheParsedPacks() throws {
        for pack in try PolicyLoader.builtInPacks(environment: [:]) {
            #expect(PolicyLoader.packName(ofFile: pack.file) == pack.name, "\(pack.file) holds pack \(pack.name)")
            let text = BuiltInPolicies.texts.files.first { "policies/" + $0.name == pack.file }!.text
            #expect(PolicyLoader.declaresOptIn(text) == pack.optIn, "\(pack.name)")
            // The same with Windows line endings: an `opt_in:` in a rule is not the pack's.
            #expect(PolicyLoader.declaresOptIn(text.replacing("\n", with: "\r\n")) == pack.optIn, "\(pack.name), CRLF")
        }
        let ruleSaysOptIn = "metadata:\r\n  name: p\r\nrules:\r\n  - id: R\r\n    opt_in: true\r\n"
        #expect(!PolicyLoader.declaresOptIn(ruleSaysOptIn))
    }

    @Test func everyBuiltInPatternCompiles() throws {
        // Built-in packs compile their patterns on first use; a pattern that could not compile
        // would match nothing, so every one is compiled here, eagerly, as a user pack's would be.
        for (name, text) in BuiltInPolicies.texts.files {
            #expect(throws: Never.self, "\(name)") { try PolicyLoader.parse(text, file: "policies/" + name, compilePatterns: true) }
        }
    }

    @Test func onlyWhatIsSelectedIsLoaded() throws {
        let builtIn = try PolicyLoader.builtInPacks(environment: [:])
        #expect(try PolicyLoader.select([], environment: [:]).map(\.name) == builtIn.filter { !$0.optIn }.map(\.name))
        let optIn = try #require(builtIn.first { $0.optIn }).name
        #expect(try PolicyLoader.select([optIn], environment: [:]).map(\.name) == [optIn])
        #expect(throws: PolicyError.unknownPack("gdrp", suggestion: "gdpr")) { try PolicyLoader.select(["gdrp"], environment: [:]) }
    }
}

@Suite("Patterns with a time bound")
struct PatternSafetyTests {
    @Test(
        "super-linear patterns are rejected",
        arguments: [
            "^(a+)+$", "(a*)*", "(\\s+)+x", "([a-z]+)*", "(x{2,})+", "((ab)+c)+", "(a|b+)*", "(\\w+\\s?)+$", "(a)\\1", "(?<n>a)\\k<n>",
        ])
    func rejected(_ pattern: String) {
        #expect(PatternSafety.problem(pattern) != nil, "\(pattern)")
    }

    @Test(
        "linear patterns are accepted",
        arguments: [
            "^https://", "^[0-9a-fA-F]{64}$", "(?i)^\\s*(none|no|nil|n/?a|-|0)\\s*$", "(a|b)+", "(ab)?c+", "(x{1})+",
            "a{2,3}", "[(+*)]+", "\\(a+\\)+",
        ])
    func accepted(_ pattern: String) {
        #expect(PatternSafety.problem(pattern) == nil, "\(pattern)")
    }

    @Test func aPackWithANestedRepetitionIsALocatedError() {
        #expect(throws: (any Error).self) {
            try PolicyLoader.parse(pack(rule(["require": "require: {path: a, matches: '^(a+)+$'}"])), file: "pack.yaml")
        }
        do {
            _ = try PolicyLoader.parse(pack(rule(["require": "require: {path: a, matches: '^(a+)+$'}"])), file: "pack.yaml")
        } catch {
            #expect(
                error.description
                    == "pack.yaml:10:33: error: invalid regular expression '^(a+)+$': a repeated group that itself repeats (nested repetition) can take exponential time"
            )
        }
    }
}
