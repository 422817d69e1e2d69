import Foundation
import Testing

@testable import TrainGateKit

/// Every registered format on example scenarios with waivers, against golden files.
@Suite("Reporters: golden files")
struct ReporterGoldenTests {
    static let scenarios = ["scraped-catalogue", "listener-data", "licensed-music-model"]

    @Test func theRegistryListsTheFormatsInOrder() {
        #expect(Reporters.all.map { $0.identifier } == ["text", "json", "sarif", "junit", "github", "markdown", "html"])
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

    /// The examples `golden` leaves out: each has a golden HTML page too.
    static let otherExamples = ((try? FileManager.default.contentsOfDirectory(atPath: "\(ExampleReports.packageRoot)/examples")) ?? [])
        .filter { !$0.hasPrefix(".") && !scenarios.contains($0) }.sorted()

    @Test func everyExampleHasAnHTMLGoldenPage() {
        #expect(Self.scenarios.count + Self.otherExamples.count == 9)
    }

    @Test("the HTML page of every other example matches its golden file", arguments: otherExamples)
    func htmlGolden(_ scenario: String) throws {
        let output = HTMLReporter().render(try ExampleReports.report(scenario))
        #expect(!output.contains(ExampleReports.packageRoot), "the page holds a machine-specific path")
        try goldenFiles.check(output, against: "reporters/\(scenario).html")
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
