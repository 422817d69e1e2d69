import Foundation
import Testing

@testable import TrainGateKit

/// One rule for path identity: links resolved, also for a file not yet written.
@Suite("Paths")
struct PathsTests {
    @Test func aMissingFileBehindALinkIsTheSameFileAsThroughTheRealFolder() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("paths-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/real", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createSymbolicLink(atPath: root + "/link", withDestinationPath: root + "/real")
        let real = Paths.canonical(root + "/real/out/report.json")
        #expect(Paths.canonical(root + "/link/out/report.json") == real)
        #expect(Paths.canonical(root + "/link/out/../out/./report.json") == real)
        #expect(!real.contains("/link/") && real.hasSuffix("/real/out/report.json"))
        try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/real/m.yaml"))
        #expect(Paths.canonical(root + "/link/m.yaml") == Paths.canonical(root + "/real/m.yaml"))
        #expect(Paths.resolve("missing.yaml", relativeTo: root + "/link/card.yaml").inside)
    }
}
