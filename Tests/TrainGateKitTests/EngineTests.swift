import Testing

@testable import TrainGateKit

@Suite("Engine: statuses, locations, order")
struct EngineTests {
    static let packText = """
        apiVersion: traingate/v1
        kind: PolicyPack
        metadata: {name: t, title: T, version: 1.0.0, jurisdiction: EU, sources_as_of: 2026-07-27}
        rules:
          - id: LATER
            title: Applies from 2027-12-02
            severity: high
            scope: source
            effective: 2027-12-02
            citations: [{instrument: X, ref: "1"}]
            when: {path: source_type, equals: web_crawl}
            require: {path: access.lawful_access, equals: true}
            message: "source {{id}} ({{name}})"
            remediation: Fix.
          - id: NOW
            title: Applies now
            severity: critical
            scope: source
            citations: [{instrument: X, ref: "2"}]
            require: {path: access.lawful_access, equals: true}
            message: "source {{id}} is not lawfully accessible"
            remediation: Fix.
          - id: MODEL
            title: Model rule
            severity: low
            scope: model
            citations: [{instrument: X, ref: "3"}]
            require: {count: $datasets, min: 1}
            message: m
            remediation: Fix.
        """

    func manifest() throws -> DatasetManifest {
        let root = try DocumentLoader.parseYAML(
            """
            apiVersion: traingate/v1
            kind: DatasetManifest
            dataset: {id: d}
            sources:
              - id: crawl
                source_type: web_crawl
                access: {lawful_access: false}
              - id: licensed
                source_type: licensed_rightsholder
                access:
                  login_required: true
            """.bytes, file: "m.yaml")
        var errors: [ArtifactError] = []
        var warnings: [Diagnostic] = []
        return try #require(DatasetManifest.read(root, file: "m.yaml", errors: &errors, warnings: &warnings))
    }

    func run(asOf: String, includeAll: Bool = true) throws -> Engine.Result {
        let pack = try PolicyLoader.parse(Self.packText, file: "t.yaml")
        return Engine.check(
            [ArtifactBundle(card: nil, datasets: [try manifest()])], packs: [pack],
            asOf: ISODate(parsing: asOf)!, includeAll: includeAll)
    }

    func status(_ result: Engine.Result, _ rule: String, _ subject: String) -> FindingStatus? {
        result.findings.first { $0.ruleID == rule && $0.subject == subject }?.status
    }

    @Test func notInForceIsNeverAFailureAndNotApplicableComesFirst() throws {
        let today = try run(asOf: "2026-11-22")
        #expect(status(today, "LATER", "dataset:d/source:crawl") == .notInForce)
        #expect(status(today, "LATER", "dataset:d/source:licensed") == .notApplicable)
        let later = try run(asOf: "2028-01-01")
        #expect(status(later, "LATER", "dataset:d/source:crawl") == .fail)
        #expect(status(later, "LATER", "dataset:d/source:licensed") == .notApplicable)
        // Model rules have no subject without a model card.
        #expect(!today.findings.contains { $0.ruleID == "MODEL" })
    }

    @Test func violationPointsAtTheValueAndMissingAtTheNearestParent() throws {
        let result = try run(asOf: "2026-11-22")
        let violation = try #require(result.findings.first { $0.ruleID == "NOW" && $0.subject == "dataset:d/source:crawl" })
        #expect(violation.reason == .violation)
        #expect(violation.location == Location(file: "m.yaml", line: 7, column: 29))
        #expect(violation.path == "sources[0].access.lawful_access")
        #expect(violation.expected == "equals true")
        #expect(violation.found == "false")
        #expect(violation.message == "source crawl is not lawfully accessible")
        let missing = try #require(result.findings.first { $0.ruleID == "NOW" && $0.subject == "dataset:d/source:licensed" })
        #expect(missing.reason == .missing)
        #expect(missing.location == Location(file: "m.yaml", line: 11, column: 7))
        #expect(missing.path == "sources[1].access.lawful_access")
        #expect(missing.found == "missing")
    }

    @Test func templatesRenderMissingFieldsAsNotDeclared() throws {
        let result = try run(asOf: "2028-01-01")
        #expect(result.findings.first { $0.ruleID == "LATER" && $0.status == .fail }?.message == "source crawl ((not declared))")
    }

    @Test func countsCoverEveryResultAndOnlyFailuresAreReportedByDefault() throws {
        let result = try run(asOf: "2026-11-22", includeAll: false)
        #expect(result.findings.allSatisfy { $0.status == .fail })
        #expect(result.counts == [.fail: 2, .notInForce: 1, .notApplicable: 1])
    }

    /// Equal leaves tested on the subject become one slotted leaf; a different operand type, a
    /// leaf inside a quantifier and a day window stay apart.
    @Test func equalLeavesOnTheSubjectShareOneSlot() throws {
        let pack = try PolicyLoader.parse(
            """
            apiVersion: traingate/v1
            kind: PolicyPack
            metadata: {name: t, title: T, version: 1.0.0, jurisdiction: EU, sources_as_of: 2026-07-27}
            rules:
              - {id: A, title: A, severity: high, scope: source, citations: [{instrument: X, ref: "1"}], message: m, remediation: r,
                 when: {path: personal_data.present, equals: true}, require: {path: id, exists: true}}
              - {id: B, title: B, severity: high, scope: source, citations: [{instrument: X, ref: "1"}], message: m, remediation: r,
                 when: {all: [{path: personal_data.present, equals: true}, {path: source_type, in: [a, b]}]},
                 require: {not: {path: personal_data.present, equals: "true"}}}
              - {id: C, title: C, severity: high, scope: source, citations: [{instrument: X, ref: "1"}], message: m, remediation: r,
                 when: {path: source_type, in: [a, b]},
                 require: {each: sources, require: {path: personal_data.present, equals: true}}}
              - {id: D, title: D, severity: high, scope: source, citations: [{instrument: X, ref: "1"}], message: m, remediation: r,
                 require: {all: [{path: d, days_after: {date: today, min: -1}}, {path: d, days_after: {date: today, min: -1}}]}}
            """, file: "t.yaml")
        let conditions = pack.rules.flatMap { [$0.when, $0.require].compactMap { $0 } }
        let (shared, slots) = LeafMemo.share(conditions)
        #expect(slots == 2, "personal_data.present = true and source_type in [a, b]")
        func leaves(_ condition: Condition) -> [Leaf] {
            switch condition {
            case .leaf(let leaf): return [leaf]
            case .all(let parts, _), .any(let parts, _): return parts.flatMap(leaves)
            case .not(let inner, _): return leaves(inner)
            case .each(_, let body, _), .some(_, let body, _), .none(_, let body, _): return leaves(body)
            case .count(_, let filter, _, _, _): return filter.map(leaves) ?? []
            }
        }
        let all = shared.map(leaves)
        // A.when, B.when[0]: one object; B.require (a string "true") and C's item leaf: no slot.
        #expect(all[0][0] === all[2][0] && all[0][0].slot >= 0)
        #expect(all[3][0].slot == -1, "a string operand is not the boolean")
        #expect(all[2][1] === all[4][0] && all[4][0].slot >= 0, "source_type in [a, b], in B and C")
        #expect(all[5][0].slot == -1, "a leaf inside a quantifier is tested on items")
        #expect(all[6].allSatisfy { $0.slot == -1 }, "day windows are not shared")
    }

    /// The shared leaves change nothing: every rule on every subject of every example has the
    /// status it has when evaluated alone, without the memo.
    @Test func theMemoGivesEveryRuleItsOwnResult() throws {
        let packs = try PolicyLoader.builtInPacks(environment: [:])
        let asOf = ISODate(parsing: "2026-11-22")!
        for scenario in ReporterGoldenTests.scenarios + ReporterGoldenTests.otherExamples {
            let report = try ExampleReports.report(scenario)
            let result = Engine.check(report.bundles, packs: packs, asOf: asOf, includeAll: true, maxFindings: .max, share: true)
            var alone: [String] = []
            for bundle in report.bundles {
                for subject in Subject.all(in: bundle, asOf: asOf) {
                    for rule in packs.flatMap(\.rules) where rule.scope == subject.scope {
                        alone.append("\(rule.id) \(subject.id) \(Engine.evaluate(rule, on: subject, includeAll: true).0)")
                    }
                }
            }
            let together = result.findings.map { "\($0.ruleID) \($0.subject) \($0.status)" }
            #expect(together.sorted() == alone.sorted(), "\(scenario)")
            #expect(together.count > 100)
            // Sharing changes no finding in any field, nor any count.
            let unshared = Engine.check(report.bundles, packs: packs, asOf: asOf, includeAll: true, maxFindings: .max, share: false)
            #expect(result.findings == unshared.findings && result.counts == unshared.counts, "\(scenario)")
        }
    }

    /// Equal values written differently (`"1"`, `!!str 1`) share a leaf, yet each rule's failure
    /// states its own literal; a shared leaf that flips between subjects, in transitional whens,
    /// and beside equal leaves inside `count` and `some`, gives every subject its own result.
    @Test func sharedLeavesKeepEachRulesExplanationAndEachSubjectsResult() throws {
        let pack = try PolicyLoader.parse(
            """
            apiVersion: traingate/v1
            kind: PolicyPack
            metadata: {name: t, title: T, version: 1.0.0, jurisdiction: EU, sources_as_of: 2026-07-27}
            rules:
              - {id: X, title: X, severity: high, scope: source, citations: [{instrument: X, ref: "1"}], message: m, remediation: r,
                 require: {path: marker, equals: !!str 1}}
              - {id: Y, title: Y, severity: high, scope: source, citations: [{instrument: X, ref: "1"}], message: m, remediation: r,
                 require: {path: marker, equals: "1"}}
              - {id: Z, title: Z, severity: high, scope: source, citations: [{instrument: X, ref: "1"}], message: m, remediation: r,
                 effective: 2026-01-01,
                 transitional: [{when: {path: marker, equals: "1"}, effective: 2030-01-01, ref: "later"}],
                 when: {not: {path: marker, equals: "1"}},
                 require: {all: [{count: tags, where: {path: marker, equals: "1"}, min: 1}, {some: tags, require: {path: marker, equals: "1"}}]}}
            """, file: "t.yaml")
        let (_, slots) = LeafMemo.share(pack.rules.flatMap { [$0.when, $0.require].compactMap { $0 } + $0.transitional.map(\.when) })
        #expect(slots == 1, "marker = \"1\", written three ways at the top level")
        let root = try DocumentLoader.parseYAML(
            """
            apiVersion: traingate/v1
            kind: DatasetManifest
            dataset: {id: d}
            sources:
              - {id: a, source_type: other, marker: "1", tags: [{marker: "2"}]}
              - {id: b, source_type: other, marker: "2", tags: [{marker: "1"}]}
              - {id: c, source_type: other, marker: "3", tags: []}
            """.bytes, file: "m.yaml")
        var errors: [ArtifactError] = []
        var warnings: [Diagnostic] = []
        let manifest = try #require(DatasetManifest.read(root, file: "m.yaml", errors: &errors, warnings: &warnings))
        let bundles = Array(repeating: ArtifactBundle(card: nil, datasets: [manifest]), count: 2)
        let asOf = ISODate(parsing: "2026-11-22")!
        let shared = Engine.check(bundles, packs: [pack], asOf: asOf, includeAll: true, maxFindings: .max, share: true)
        let plain = Engine.check(bundles, packs: [pack], asOf: asOf, includeAll: true, maxFindings: .max, share: false)
        #expect(shared.findings == plain.findings && shared.counts == plain.counts)
        func find(_ rule: String, _ source: String) -> Finding? {
            shared.findings.first { $0.ruleID == rule && $0.subject == "dataset:d/source:\(source)" }
        }
        #expect(find("X", "b")?.expected == "equals 1" && find("Y", "b")?.expected == "equals \"1\"")
        #expect(find("X", "a")?.status == .pass && find("Y", "c")?.status == .fail)
        #expect(find("Z", "a")?.status == .notApplicable && find("Z", "b")?.status == .pass && find("Z", "c")?.status == .fail)
    }

    /// A transitional provision defers the rule only for subjects whose declared facts show they
    /// qualify; an undeclared fact gets no deferral.
    @Test func transitionalDatesDeferOnlyTheSubjectsTheyCover() throws {
        let pack = try PolicyLoader.parse(
            """
            apiVersion: traingate/v1
            kind: PolicyPack
            metadata: {name: t, title: T, version: 1.0.0, jurisdiction: EU, sources_as_of: 2026-07-27}
            rules:
              - id: LEGACY
                title: Deferred for old sources
                severity: high
                scope: source
                effective: 2025-08-02
                transitional:
                  - {when: {path: first_used, before: 2025-08-02}, effective: 2027-08-02, ref: "Art. 111(3)"}
                citations: [{instrument: X, ref: "1"}]
                require: {path: access.lawful_access, equals: true}
                message: m
                remediation: Fix.
            """, file: "t.yaml")
        let root = try DocumentLoader.parseYAML(
            """
            apiVersion: traingate/v1
            kind: DatasetManifest
            dataset: {id: d}
            sources:
              - {id: old, source_type: other, first_used: 2025-03-01}
              - {id: new, source_type: other, first_used: 2025-09-01}
              - {id: undated, source_type: other}
            """.bytes, file: "m.yaml")
        var errors: [ArtifactError] = []
        var warnings: [Diagnostic] = []
        let manifest = try #require(DatasetManifest.read(root, file: "m.yaml", errors: &errors, warnings: &warnings))
        func check(_ asOf: String) -> Engine.Result {
            Engine.check([ArtifactBundle(card: nil, datasets: [manifest])], packs: [pack], asOf: ISODate(parsing: asOf)!, includeAll: true)
        }
        let now = check("2026-12-04")
        let later = check("2027-08-02")
        #expect(status(now, "LEGACY", "dataset:d/source:old") == .notInForce)
        #expect(status(now, "LEGACY", "dataset:d/source:new") == .fail)
        #expect(status(now, "LEGACY", "dataset:d/source:undated") == .fail)
        #expect(status(later, "LEGACY", "dataset:d/source:old") == .fail)
    }

    @Test func outputIsDeterministicAndOrderedByLocation() throws {
        let first = try run(asOf: "2026-11-22")
        let second = try run(asOf: "2026-11-22")
        #expect(first.findings == second.findings)
        #expect(first.findings == first.findings.sorted(by: Finding.reportOrder))
    }
}

@Suite("Engine finding limit")
struct EngineFindingLimitTests {
    @Test func theEngineStopsAtTheLimitAndSaysSo() throws {
        let packs = try PolicyLoader.builtInPacks()
        let inputs = ArtifactLoader.load([ExampleReports.packageRoot + "/examples/scraped-catalogue"])
        #expect(inputs.errors.isEmpty)
        let asOf = ISODate(year: 2026, month: 11, day: 22)!
        let all = Engine.check(inputs.bundles, packs: packs, asOf: asOf, includeAll: true)
        #expect(!all.exceeded)
        #expect(all.findings.count > 10)
        let limited = Engine.check(inputs.bundles, packs: packs, asOf: asOf, includeAll: true, maxFindings: 10)
        #expect(limited.exceeded)
        #expect(limited.findings.count == 10)
        let exact = Engine.check(inputs.bundles, packs: packs, asOf: asOf, includeAll: true, maxFindings: all.findings.count)
        #expect(!exact.exceeded)
        #expect(exact.findings.count == all.findings.count)
    }
}
