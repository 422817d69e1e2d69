import Foundation
import Testing

@testable import TrainGateKit

/// Inputs that once slipped through as a pass, a crash or a hang.
@Suite("Fail closed")
struct FailClosedTests {
    @Test func aliasesCannotNestPastTheDepthLimit() {
        let yaml = "a: &a [[[1]]]\nb: [[[*a]]]\n"
        #expect(throws: DocumentError.tooDeep(Location(file: "d.yaml", line: 2, column: 7), limit: 5)) {
            try DocumentLoader.parseYAML(yaml.bytes, file: "d.yaml", limits: LoadLimits(maxDepth: 5))
        }
        #expect(throws: Never.self) { try DocumentLoader.parseYAML(yaml.bytes, file: "d.yaml", limits: LoadLimits(maxDepth: 7)) }
    }

    @Test func symbolicLinkLoopsAreWalkedOnce() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("traingate-loop-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "a: 1\n".write(toFile: folder + "/m.yaml", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder + "/a", withDestinationPath: ".")
        try FileManager.default.createSymbolicLink(atPath: folder + "/b", withDestinationPath: ".")
        #expect(InputFiles.expand([folder]).files == [folder + "/m.yaml"])
    }

    @Test func aMissingOverrideFolderIsAnError() {
        #expect(throws: PolicyError.overrideFolder("/nonexistent")) {
            try PolicyLoader.builtInPacks(environment: [PolicyLoader.overrideVariable: "/nonexistent"])
        }
    }

    @Test func notANumberIsNotANumber() throws {
        let root = try DocumentLoader.parseYAML(
            """
            apiVersion: traingate/v1
            kind: DatasetManifest
            dataset: {id: d}
            sources: [{id: s, source_type: synthetic, size: {value: .nan, unit: hours}}]
            """.bytes, file: "n.yaml")
        var errors: [ArtifactError] = []
        var warnings: [Diagnostic] = []
        #expect(DatasetManifest.read(root, file: "n.yaml", errors: &errors, warnings: &warnings) == nil)
        #expect(errors.map(\.message) == ["'sources[0].size.value' must be a finite number, found number '.nan'"])
    }

    @Test(
        "only real URLs skip the file check",
        arguments: [
            ("https://example.org/licence", true), ("mailto:legal@example.org", true), ("urn:isbn:0451450523", true),
            ("evidence/x.txt#://", false), ("missing://", false), ("https://", false), ("urn:", false), ("licence.pdf", false),
        ])
    func urls(_ text: String, _ isURL: Bool) {
        #expect(EvidenceReference(text: text, location: Location(file: "m.yaml", line: 1, column: 1)).isURL == isURL)
    }

    @Test func emptyEvidenceIsNotEvidence() {
        let reference = EvidenceReference(text: "", location: Location(file: "m.yaml", line: 3, column: 9))
        #expect(reference.problem(relativeTo: "m.yaml") == .evidenceNotFound(Location(file: "m.yaml", line: 3, column: 9), path: ""))
    }

    @Test func matchesReadsAtMostFourKilobytes() throws {
        let long = String(repeating: "a", count: 5000)
        #expect(try truth("{path: a, matches: '^a'}", on: "{a: \(long)}") == .violation)
        #expect(try truth("{path: a, matches: '^a'}", on: "{a: \(String(long.prefix(4096)))}") == .pass)
    }

    @Test func aManifestACardNamesIsReportedOnce() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("traingate-dup-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder + "/data", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "apiVersion: traingate/v1\nkind: ModelCard\nmodel: {name: m}\ntraining_data: {datasets: [{manifest: data/bad.yaml}]}\n"
            .write(toFile: folder + "/card.yaml", atomically: true, encoding: .utf8)
        try "apiVersion: traingate/v1\nkind: DatasetManifest\ndataset: {id: d}\nsources: [{id: s, source_type: webcrawl}]\n"
            .write(toFile: folder + "/data/bad.yaml", atomically: true, encoding: .utf8)
        #expect(ArtifactLoader.load([folder]).errors.count == 1)
    }
}
