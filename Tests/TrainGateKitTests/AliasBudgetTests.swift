import Testing

@testable import TrainGateKit

@Suite("Anchors, aliases and the expansion budget")
struct AliasBudgetTests {
    @Test func ordinaryAliasesExpand() throws {
        let root = try DocumentLoader.parseYAML(
            """
            base: &base {lawful_access: true, login_required: false}
            sources:
              - access: *base
              - access: *base
            """.bytes, file: "a.yaml")
        let sources = try #require(root["sources"]?.sequence)
        #expect(sources.map { $0["access"]?["lawful_access"]?.value } == [.bool(true), .bool(true)])
    }

    @Test func theBillionLaughsFailsFastWithoutExpanding() {
        let path = Fixtures.path("bad/billion-laughs.yaml")
        guard case .aliasBudgetExceeded(_, let nodes, let limit)? = Linter.lint(file: path).error else {
            Issue.record("the alias bomb was not rejected")
            return
        }
        // It stops at the first level that passes the budget, long before 9^9 nodes.
        #expect(limit == 10_000)
        #expect(nodes < 10 * limit)
    }

    /// Builds a document with `count` aliases to a 3-node anchor.
    func document(aliases count: Int) -> [UInt8] {
        var text = "anchor: &a [x, y]\nuses:\n"
        for _ in 0..<count { text += "  - *a\n" }
        return text.bytes
    }

    @Test func theRatioAppliesAboveTheFloor() throws {
        // 1,000 aliases of 3 nodes: 3,000 expanded, under the 10,000 floor: allowed.
        #expect(try DocumentLoader.parseYAML(document(aliases: 1000), file: "a.yaml")["uses"]?.sequence?.count == 1000)
        // With the floor lowered, 3,000 expanded nodes exceed 100 per written node (~7 × 100 at first).
        let strict = LoadLimits(maxAliasExpansionRatio: 2, aliasExpansionFloor: 0)
        #expect(throws: DocumentError.self) {
            try DocumentLoader.parseYAML(self.document(aliases: 1000), file: "a.yaml", limits: strict)
        }
    }

    @Test func theAbsoluteCapApplies() {
        let capped = LoadLimits(maxAliasExpansion: 30, aliasExpansionFloor: 0)
        #expect(throws: DocumentError.aliasBudgetExceeded(Location(file: "a.yaml", line: 13, column: 5), nodes: 33, limit: 30)) {
            try DocumentLoader.parseYAML(self.document(aliases: 20), file: "a.yaml", limits: capped)
        }
    }
}
