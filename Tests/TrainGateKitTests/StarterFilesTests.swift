import Foundation
import Testing

@testable import TrainGateKit

@Suite("traingate init templates")
struct StarterFilesTests {
    /// Writes the starter files into a new folder and returns it.
    private func project() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("traingate-init-\(UUID().uuidString)").path
        for (path, text) in StarterFiles.files {
            let url = URL(fileURLWithPath: folder + "/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return folder
    }

    /// The node at a finding's path (`sources[0].access.lawful_access`), if the document has it.
    private func node(at path: String, in root: Node) -> Node? {
        var node: Node? = root
        for part in path.split(separator: ".") {
            var key = Substring(part)
            var index: Int?
            if let open = part.firstIndex(of: "[") {
                key = part[..<open]
                index = Int(part[part.index(after: open)..<part.index(before: part.endIndex)])
            }
            node = node?[String(key)]
            if let index { node = node?.sequence.flatMap { index < $0.count ? $0[index] : nil } }
        }
        return node
    }

    @Test func theTemplatesLoadWithoutErrorsOrWarnings() throws {
        let folder = try project()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let inputs = ArtifactLoader.load([folder + "/" + StarterFiles.modelCardPath])
        #expect(inputs.errors.isEmpty)
        #expect(inputs.warnings.isEmpty)
        #expect(inputs.bundles.count == 1)
        #expect(inputs.bundles.first?.datasets.count == 1)
        let config = try ProjectConfig.load(folder + "/" + ProjectConfig.fileName)
        #expect(config.warnings.isEmpty)
        #expect(config.inputs == [folder + "/" + StarterFiles.modelCardPath])
        #expect(config.failOn == .high)
    }

    @Test func checkFailsTheTemplatesOnlyForFieldsLeftEmpty() throws {
        let folder = try project()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let report = try Checker.run(.init(paths: [folder + "/" + StarterFiles.modelCardPath], asOf: ISODate(parsing: "2026-11-22")!))
        let failures = report.findings.filter { $0.status == .fail }
        #expect(!failures.isEmpty)
        for finding in failures {
            #expect(finding.reason == .missing, "\(finding.ruleID) fails for \(finding.path) with a declared value")
            let file = finding.location.file
            let root = try DocumentLoader.loadYAML(file: file)
            let field = node(at: finding.path, in: root)
            #expect(field?.isNull == true, "\(finding.ruleID): \(finding.path) is not an empty field of \(file)")
        }
    }

    @Test func theTemplatesDeclareSchemasInitWritesAndAreValidAgainstThem() throws {
        let folder = try project()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let prefix = "# yaml-language-server: $schema="
        for path in [ProjectConfig.fileName, StarterFiles.modelCardPath, StarterFiles.manifestPath] {
            let file = folder + "/" + path
            let firstLine = try String(contentsOfFile: file, encoding: .utf8).prefix { $0 != "\n" }
            try #require(firstLine.hasPrefix(prefix), "\(path)")
            let schema = URL(
                fileURLWithPath: String(firstLine.dropFirst(prefix.count)),
                relativeTo: URL(fileURLWithPath: file).deletingLastPathComponent()
            ).standardizedFileURL.path
            #expect(FileManager.default.fileExists(atPath: schema), "\(path) declares \(schema)")
            let problems = try JSONSchemaValidator(file: schema).validate(try DocumentLoader.loadYAML(file: file))
            #expect(problems.isEmpty, "\(path): \(problems)")
        }
        #expect(FileManager.default.fileExists(atPath: folder + "/" + StarterFiles.schemaFolder + "/waiver-set.schema.json"))
    }
}
