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
