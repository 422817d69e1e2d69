import Foundation
import Testing
import TrainGateKit

/// The scenarios in `examples/`: each folder's `expected.yaml` states what `traingate check`
/// must conclude, and this suite runs the built binary to hold it to that.
///
/// ```yaml
/// as_of: 2026-11-22
/// opt_in_packs: [rightsholder-consent]   # added to every default pack
/// exit_code: 1
/// fails: {CoP-CR-1.2a: critical, DSM-4-1: critical}   # exactly the rules that fail
/// later:                                 # optional: the same scenario at later dates
///   - {as_of: 2027-08-02, exit_code: 1, fails: {AIACT-111-3-LEGACY: high}}
/// ```
struct Scenario: Sendable, CustomTestStringConvertible {
    let name: String
    var testDescription: String { name }

    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("examples").path

    static var all: [Scenario] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: examples)) ?? []
        return names.sorted().filter { FileManager.default.fileExists(atPath: "\(examples)/\($0)/expected.yaml") }.map(Scenario.init)
    }
}

@Suite("Scenarios in examples/")
struct ScenarioTests {
    @Test func thereAreNineScenarios() {
        #expect(
            Scenario.all.map(\.name) == [
                "api-terms", "broker-optouts", "legacy-model", "licensed-music-model", "listener-consent-ledger", "listener-data",
                "pending-rebuttal", "public-photos", "scraped-catalogue",
            ])
    }

    @Test("each scenario reaches its expected outcome", arguments: Scenario.all)
    func outcome(_ scenario: Scenario) throws {
        let folder = "\(Scenario.examples)/\(scenario.name)"
        let expected = try DocumentLoader.loadYAML(file: "\(folder)/expected.yaml")
        let optIn = expected["opt_in_packs"]?.sequence?.compactMap { $0.scalar?.text } ?? []
        try check(folder, expected, optIn: optIn)
        // `later:` holds the same scenario judged at later dates (a transitional date passing).
        for later in expected["later"]?.sequence ?? [] { try check(folder, later, optIn: optIn) }
    }

    /// Runs the check as of `expected.as_of` and holds it to `exit_code` and exactly `fails`.
    func check(_ folder: String, _ expected: Node, optIn: [String]) throws {
        let defaults = try PolicyLoader.builtInPacks(environment: [:]).filter { !$0.optIn }.map(\.name)
        let asOf = try expected["as_of"]!.string()
        var arguments = ["check", folder, "--as-of", asOf, "--format", "json"]
        for pack in defaults + optIn { arguments += ["--pack", pack] }
        let result = try CLI.run(arguments)
        #expect(result.stderr == "")
        #expect(Int(result.status) == (try expected["exit_code"]!.int()), "as of \(asOf)")
        let document = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let findings = document?["findings"] as? [[String: Any]] ?? []
        var failing: [String: String] = [:]
        for finding in findings where finding["status"] as? String == "fail" {
            failing[finding["rule_id"] as! String] = finding["severity"] as? String
        }
        var wanted: [String: String] = [:]
        for entry in expected["fails"]?.mapping ?? [] { wanted[entry.key] = entry.value.scalar?.text }
        #expect(
            failing == wanted,
            "as of \(asOf), unexpected: \(failing.filter { wanted[$0.key] != $0.value }.keys.sorted()); missing: \(wanted.filter { failing[$0.key] != $0.value }.keys.sorted())"
        )
    }
}
