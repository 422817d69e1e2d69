import Foundation
import Testing

@testable import TrainGateKit

/// The Croissant adapter: collection timeframes, and a Croissant file a card names.
@Suite("Input adapters: Croissant")
struct CroissantAdapterTests {
    @Test func croissantTimeframesKeepTheirOrderAndBadDatesFail() throws {
        let good = try AdapterTests.temporary(
            "t.json",
            #"{"@context": {"@vocab": "https://schema.org/", "cr": "http://mlcommons.org/croissant/"}, "name": "T", "rai:dataCollectionTimeframe": "2020/.."}"#
        )
        let period = ArtifactLoader.load([good]).bundles.first?.datasets.first?.sources.first?.node["collection_period"]
        #expect(period?["start"]?.scalar?.text == "2020" && period?["end"] == nil)
        let bad = try AdapterTests.temporary(
            "b.json",
            #"{"@context": {"@vocab": "https://schema.org/", "cr": "http://mlcommons.org/croissant/"}, "name": "T", "rai:dataCollectionTimeframe": ["2024-13-01", "2023-01-01"]}"#
        )
        let error = try #require(ArtifactLoader.load([bad]).errors.first)
        #expect(error.description.contains("b.json:1:") && error.description.contains("2024-13-01"), "\(error)")
    }

    @Test func aCroissantFileACardNamesIsCheckedOnceInAFolderWalk() throws {
        let card = try AdapterTests.temporary(
            "model-card.yaml",
            "apiVersion: traingate/v1\nkind: ModelCard\nmodel: {name: tiny}\n"
                + "training_data:\n  datasets:\n    - manifest: metadata.json\n")
        let folder = (card as NSString).deletingLastPathComponent
        try FileManager.default.copyItem(atPath: AdapterTests.folder + "/croissant_1.0_pass.json", toPath: folder + "/metadata.json")
        let inputs = ArtifactLoader.load([folder])
        #expect(inputs.errors.isEmpty)
        #expect(inputs.bundles.count == 1)
        #expect(inputs.bundles.first?.datasets.map(\.id) == ["pass"])
    }
}
