import Foundation
import Testing

@testable import TrainGateKit

/// The CycloneDX adapter: references and data classifications.
@Suite("Input adapters: CycloneDX")
struct CycloneDXAdapterTests {
    @Test func cycloneDXRefsMustNameDataAndClassificationsAreReadExactly() throws {
        let text = try String(contentsOfFile: AdapterTests.folder + "/cyclonedx_1.7_model-card-with-dataset.json", encoding: .utf8)
        let model = try AdapterTests.temporary(
            "m.json",
            text.replacingOccurrences(
                of: "\"ref\": \"component-support-ticket-training-data\"",
                with: "\"ref\": \"component-support-ticket-classifier\""))
        let error = try #require(ArtifactLoader.load([model]).errors.first)
        #expect(error.description.contains("not a 'data' component"), "\(error)")
        let nonPII = try AdapterTests.temporary(
            "c.json", text.replacingOccurrences(of: "\"classification\": \"internal\"", with: "\"classification\": \"non-PII\""))
        let datasets = ArtifactLoader.load([nonPII]).bundles.first?.datasets ?? []
        #expect(datasets.count == 2)
        #expect(datasets.allSatisfy { $0.sources.first?.node["personal_data"] == nil })
    }
}
