import Foundation
import Testing

/// Golden files: expected outputs committed under `Fixtures/golden/`. Run the tests with
/// `TRAINGATE_UPDATE_GOLDEN=1` to rewrite them after an intended change, then review the diff.
enum Golden {
    static func check(_ actual: String, against name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let path = CLI.fixtures + "/golden/" + name
        if ProcessInfo.processInfo.environment["TRAINGATE_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(atPath: CLI.fixtures + "/golden", withIntermediateDirectories: true)
            try actual.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOfFile: path, encoding: .utf8)
        #expect(actual == expected, "output differs from golden/\(name)", sourceLocation: sourceLocation)
    }
}
