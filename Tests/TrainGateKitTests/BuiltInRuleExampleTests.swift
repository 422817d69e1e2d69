import Testing

@testable import TrainGateKit

/// Each built-in rule's worked examples, one test case per rule, so a failing example names its
/// rule and one rule's failure hides no other's.
@Suite("Built-in rules: every rule's examples")
struct BuiltInRuleExampleTests {
    static let packs = (try? PolicyLoader.builtInPacks(environment: [:])) ?? []
    /// `pack/RULE-ID` for every built-in rule.
    static let rules = packs.flatMap { pack in pack.rules.map { "\(pack.name)/\($0.id)" } }

    @Test func thereAreBuiltInRules() {
        #expect(Self.rules.count >= 100)
    }

    @Test(arguments: rules)
    func examplesBehaveAsTheirListsSay(_ key: String) throws {
        let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
        let pack = try #require(Self.packs.first { $0.name == parts[0] })
        try #require(pack.rules.filter { $0.id == parts[1] }.count == 1)
        let results = PackTester.run([pack], asOf: ISODate(year: 2026, month: 12, day: 4)!, only: parts[1])
        #expect(results.count >= 2, "a rule has a passing and a failing example at least")
        for result in results where !result.ok {
            Issue.record("\(result.location): \(result.problem ?? "failed")")
        }
    }
}
