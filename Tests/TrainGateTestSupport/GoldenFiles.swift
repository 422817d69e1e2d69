import Foundation
import Testing

/// Golden files: expected outputs committed in a fixtures folder. Run the tests with
/// `TRAINGATE_UPDATE_GOLDEN=1` to rewrite them after an intended change, then review the diff.
public struct GoldenFiles: Sendable {
    /// The folder the golden files are in.
    public let folder: String

    public init(folder: String) { self.folder = folder }

    /// Expects `actual` to equal the golden file `name` (a path under `folder`), or rewrites it.
    public func check(_ actual: String, against name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let path = folder + "/" + name
        if ProcessInfo.processInfo.environment["TRAINGATE_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(
                at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOfFile: path, encoding: .utf8)
        #expect(actual == expected, "output differs from golden/\(name)", sourceLocation: sourceLocation)
    }
}
