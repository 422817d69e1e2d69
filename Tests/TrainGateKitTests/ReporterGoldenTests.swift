import Foundation
import Testing

@testable import TrainGateKit

/// Every registered format on example scenarios with waivers, against golden files.
@Suite("Reporters: golden files")
struct ReporterGoldenTests {
    static let scenarios = ["scraped-catalogue", "listener-data", "licensed-music-model"]

    @Test func theRegistryListsTheFormatsInOrder() {
        #expect(Reporters.all.map { $0.identifier } == ["text", "json", "sarif", "junit", "github", "markdown"])
        #expect(Reporters.reporter(for: "sarif") is SARIFReporter)
        #expect(Reporters.reporter(for: "xml") == nil)
    }

    @Test("each format matches its golden file", arguments: scenarios)
    func golden(_ scenario: String) throws {
        let report = try ExampleReports.report(scenario)
        for type in Reporters.all {
            let output = type.make(color: false).render(report)
            #expect(!output.contains(ExampleReports.packageRoot), "\(type.identifier) output holds a machine-specific path")
            try goldenFiles.check(output, against: "reporters/\(scenario).\(type.fileExtension)")
        }
    }

    @Test func theWaiverFixtureIsAppliedExpiredAndStale() throws {
        for scenario in ["scraped-catalogue", "listener-data"] {
            let states = try ExampleReports.report(scenario).waivers.map(\.state)
            #expect(states.contains(.applied) && states.contains(.expired) && states.contains(.stale), "\(scenario): \(states)")
        }
    }

    @Test func outputsAreDeterministic() throws {
        let first = try ExampleReports.report("scraped-catalogue")
        let second = try ExampleReports.report("scraped-catalogue")
        for type in Reporters.all {
            #expect(type.make(color: false).render(first) == type.make(color: false).render(second), "\(type.identifier)")
        }
    }
}
