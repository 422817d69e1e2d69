import Foundation
import Testing

/// Data flows one way, load → view → evaluate → report: the evaluating and reporting floors never
/// call the Checker or a loader (Policy loads only packs), and the engine reads no files.
@Suite("Architecture")
struct ArchitectureTests {
    static let kit = ExampleReports.packageRoot + "/Sources/TrainGateKit"

    func sources(in folder: String) throws -> [(name: String, text: String)] {
        let root = Self.kit + "/" + folder
        let names = try #require(FileManager.default.enumerator(atPath: root)?.allObjects as? [String]).filter { $0.hasSuffix(".swift") }
        #expect(!names.isEmpty, "no sources in \(folder)")
        return try names.sorted().map { ($0, try String(contentsOfFile: root + "/" + $0, encoding: .utf8)) }
    }

    /// The code of a file without its comments, so a doc comment may name what the code may not call.
    func code(_ text: String) -> String {
        text.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }.joined(separator: "\n")
    }

    @Test(arguments: ["Engine", "Reports", "Policy"])
    func noFloorReachesBackUpTheFlow(folder: String) throws {
        for (name, text) in try sources(in: folder) {
            let code = code(text)
            #expect(!code.contains("Checker."), "\(folder)/\(name) runs a check")
            #expect(!code.contains("ArtifactLoader"), "\(folder)/\(name) loads inputs")
            if name != "PolicyLoader.swift" {
                #expect(!code.contains("DocumentLoader"), "\(folder)/\(name) reads documents")
            }
        }
    }

    @Test func theEngineReadsNoFiles() throws {
        for (name, text) in try sources(in: "Engine") {
            for call in [#"\bFileManager\b"#, #"\bSourceText\.read"#, #"\bPaths\."#, #"\bfopen\("#, #"\brealpath\("#] {
                #expect(code(text).range(of: call, options: .regularExpression) == nil, "Engine/\(name) does file I/O (\(call))")
            }
        }
    }
}
