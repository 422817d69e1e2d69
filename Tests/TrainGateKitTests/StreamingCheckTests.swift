import Foundation
import Testing

@testable import TrainGateKit

/// A check reads manifests in chunks, checks each chunk's stand-alone manifests as it goes and
/// drops their documents. The report must be the one a check of every document at once gives.
@Suite("Checking manifests as they are read")
struct StreamingCheckTests {
    private let asOf = ISODate(year: 2026, month: 11, day: 22)!

    /// A copy of `example` with `count` more stand-alone manifests in `data/` (copies of
    /// `manifest` with their own ids), so the inputs span several chunks.
    private func folder(example: String, manifest: String, count: Int, prefix: String) throws -> TemporaryFolder {
        let root = ExampleReports.packageRoot + "/examples/\(example)"
        let text = try String(contentsOfFile: root + "/" + manifest, encoding: .utf8)
        let id = try #require(text.split(separator: "\n").first { $0.hasPrefix("  id: ") })
        var files: [String: String] = [:]
        for index in 0..<count {
            files["data/\(prefix)-\(String(format: "%04d", index)).yaml"] = text.replacingOccurrences(
                of: String(id), with: "  id: bulk-\(index)")
        }
        let folder = try TemporaryFolder(files)
        for file in try FileManager.default.subpathsOfDirectory(atPath: root) {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root + "/" + file, isDirectory: &isDirectory), !isDirectory.boolValue else {
                continue
            }
            try folder.write(file, try Data(contentsOf: URL(fileURLWithPath: root + "/" + file)))
        }
        return folder
    }

    /// What a check of every document held at once gives.
    private func reference(_ paths: [String], includeAll: Bool) throws -> Engine.Result {
        let inputs = ArtifactLoader.load(paths)
        #expect(inputs.errors.isEmpty)
        return Engine.check(inputs.bundles, packs: try PolicyLoader.select([]), asOf: asOf, includeAll: includeAll)
    }

    /// The packs are selected when first needed (after reading few inputs, at the first manifest
    /// checked early among many); a selection that fails is still the error reported, before
    /// anything the inputs hold, and nothing is checked.
    @Test(arguments: [0, ArtifactLoader.visitChunk + 5])
    func aPackSelectionThatFailsIsReportedFirst(extra: Int) throws {
        let folder = try folder(example: "licensed-music-model", manifest: "data/label-catalogue.yaml", count: extra, prefix: "z")
        defer { folder.remove() }
        try folder.write("data/broken.yaml", Data("apiVersion: traingate/v1\nkind: [\n".utf8))
        var request = Checker.Request(paths: [folder.path], asOf: asOf)
        request.packs = ["no-such-pack"]
        #expect {
            try Checker.run(request)
        } throws: { error in
            let failure = try #require(error as? CheckFailure)
            return failure.errors.count == 1 && failure.errors[0].description.contains("no-such-pack")
        }
        // With the packs selected, the broken file is the error.
        request.packs = []
        #expect {
            try Checker.run(request)
        } throws: { error in
            let failure = try #require(error as? CheckFailure)
            return failure.errors.count == 1 && failure.errors[0].description.contains("broken.yaml")
        }
    }

    @Test(arguments: [false, true])
    func aCardClaimsManifestsCheckedAloneInAnEarlierChunk(includeAll: Bool) throws {
        // `data/label-catalogue.yaml` and its neighbours sort before `data/z-*`, so they are read,
        // checked alone and dropped in the first chunk; the card, read later, claims them.
        let count = ArtifactLoader.visitChunk * 2 + 17
        let folder = try folder(example: "licensed-music-model", manifest: "data/label-catalogue.yaml", count: count, prefix: "z")
        defer { folder.remove() }
        let report = try Checker.run(.init(paths: [folder.path], asOf: asOf, includeAll: includeAll))
        let expected = try reference([folder.path], includeAll: includeAll)
        #expect(report.findings.count == expected.findings.count)
        #expect(report.findings == expected.findings)
        #expect(report.counts == expected.counts)
        #expect(report.subjects[.dataset] == count + 3)
        let card = try #require(report.bundles.first { $0.card != nil })
        #expect(card.datasets.count == 3)
        #expect(card.datasets.allSatisfy { !$0.trimmed && $0.readIndex == nil })
        let alone = report.bundles.filter { $0.card == nil }
        #expect(alone.count == count)
        #expect(alone.allSatisfy { $0.datasets.allSatisfy(\.trimmed) })
        // Every finding on a claimed manifest is the card bundle's, reported once.
        let claimed = report.findings.filter { $0.location.file.hasSuffix("data/label-catalogue.yaml") }
        #expect(claimed.isEmpty == !includeAll)
        #expect(Set(claimed.map { "\($0.ruleID) \($0.subject)" }).count == claimed.count)
        // The evidence files the dropped documents named are still known to be read.
        let evidence = ArtifactLoader.load([folder.path]).bundles.flatMap { ($0.card?.evidence ?? []) + $0.datasets.flatMap(\.evidence) }
        #expect(!evidence.isEmpty)
        #expect(Set(evidence).isSubset(of: Set(report.filesRead)))
    }

    @Test func aFolderOfAFewFilesIsReadWholeAndCheckedOnce() throws {
        // A card and its manifests, found in one folder: nothing is checked before the card
        // claims its manifests, so none is read or checked twice.
        let report = try Checker.run(.init(paths: [ExampleReports.packageRoot + "/examples/licensed-music-model"], asOf: asOf))
        #expect(report.bundles.count == 1)
        #expect(report.bundles[0].datasets.count == 3)
        #expect(report.bundles.allSatisfy { $0.datasets.allSatisfy { !$0.trimmed && $0.readIndex == nil } })
    }

    @Test func theLimitCountsOnlyTheFindingsReported() throws {
        // Alone, the card's manifest fails six rules; with its card, three. Checked alone first
        // (it sorts before the copies), its six findings must not count towards the limit.
        let folder = try folder(example: "api-terms", manifest: "data/platform-api.yaml", count: ArtifactLoader.visitChunk + 2, prefix: "z")
        defer { folder.remove() }
        var whole = Checker.Request(paths: [folder.path], asOf: asOf)
        whole.streamAbove = .max
        let expected = try Checker.run(whole)
        #expect(expected.findings.count == (ArtifactLoader.visitChunk + 2) * 6 + 3)
        var request = Checker.Request(paths: [folder.path], asOf: asOf)
        request.maxFindings = expected.findings.count
        let report = try Checker.run(request)
        #expect(report.findings == expected.findings)
        request.maxFindings = expected.findings.count - 1
        #expect(throws: CheckFailure.self) { try Checker.run(request) }
    }

    @Test func manifestsNamedTwiceAreCheckedOnce() throws {
        let folder = try folder(example: "licensed-music-model", manifest: "data/label-catalogue.yaml", count: 140, prefix: "b")
        defer { folder.remove() }
        let again = folder.path + "/data/b-0003.yaml"
        let report = try Checker.run(.init(paths: [folder.path + "/data", again], asOf: asOf))
        let expected = try reference([folder.path + "/data", again], includeAll: false)
        #expect(report.findings == expected.findings)
        #expect(report.counts == expected.counts)
    }

    @Test func aDuplicateIDAcrossChunksIsReportedWhereItIsWritten() throws {
        let count = ArtifactLoader.visitChunk + 5
        let folder = try folder(example: "licensed-music-model", manifest: "data/label-catalogue.yaml", count: count, prefix: "z")
        defer { folder.remove() }
        // The last manifest (in the second chunk) takes the id of the first (in the first).
        let last = folder.path + "/data/z-\(String(format: "%04d", count - 1)).yaml"
        let text = try String(contentsOfFile: last, encoding: .utf8)
        try folder.write(
            "data/z-\(String(format: "%04d", count - 1)).yaml",
            Data(text.replacingOccurrences(of: "bulk-\(count - 1)", with: "bulk-0").utf8))
        let expected = ArtifactLoader.load([folder.path + "/data"]).errors.map(\.description)
        #expect(expected.count == 1)
        #expect(expected.first?.contains("z-\(String(format: "%04d", count - 1)).yaml:5:") == true)
        do {
            _ = try Checker.run(.init(paths: [folder.path + "/data"], asOf: asOf))
            Issue.record("a duplicate dataset id was not an error")
        } catch {
            #expect(error.errors.map(\.description) == expected)
        }
    }

    @Test func manifestsThatNameLedgersKeepTheirDocuments() throws {
        let folder = try folder(
            example: "listener-consent-ledger", manifest: "data/listening-consent.yaml", count: 3, prefix: "z")
        defer { folder.remove() }
        var request = Checker.Request(paths: [folder.path], asOf: asOf)
        request.streamAbove = 1
        let report = try Checker.run(request)
        let single = try Checker.run(
            .init(paths: [ExampleReports.packageRoot + "/examples/listener-consent-ledger"], asOf: asOf))
        #expect(report.bundles.allSatisfy { $0.datasets.allSatisfy { !$0.trimmed } })
        // Every copy names the same ledger: each is read, and each fails as the example does.
        #expect(report.ledgers.count == single.ledgers.count * 4)
        let records = report.findings.filter { $0.records != nil }
        #expect(records.count == single.findings.filter { $0.records != nil }.count * 4)
        #expect(!records.isEmpty)
    }
}
