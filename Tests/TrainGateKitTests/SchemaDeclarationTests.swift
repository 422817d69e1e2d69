import Foundation
import Testing

@testable import TrainGateKit

/// A TrainGate file in `examples/` or `policies/`, found by walking those folders.
struct RepositoryFile: Sendable, CustomTestStringConvertible {
    let relative: String
    var testDescription: String { relative }
    var path: String { Fixtures.repository + "/" + relative }

    /// Every YAML file under `examples/` and `policies/` but the scenarios' `expected.yaml`.
    static var all: [RepositoryFile] {
        var files: [RepositoryFile] = []
        for folder in ["examples", "policies"] {
            let enumerator = FileManager.default.enumerator(atPath: Fixtures.repository + "/" + folder)
            while let name = enumerator?.nextObject() as? String {
                guard name.hasSuffix(".yaml") || name.hasSuffix(".yml"), !name.hasSuffix("expected.yaml") else { continue }
                files.append(RepositoryFile(relative: folder + "/" + name))
            }
        }
        return files.sorted { $0.relative < $1.relative }
    }
}

/// Every TrainGate file the repository ships declares its JSON Schema to a YAML language server
/// on its first line, and is valid against it.
@Suite("Schema declarations in examples/ and policies/")
struct SchemaDeclarationTests {
    static let prefix = "# yaml-language-server: $schema="

    @Test func everyYAMLFileButTheExpectationsIsATrainGateFile() throws {
        let files = RepositoryFile.all
        #expect(files.filter { $0.relative.hasPrefix("policies/") }.count == 8)
        #expect(files.filter { $0.relative.hasPrefix("examples/") }.count == 27)
        for file in files {
            let root = try DocumentLoader.loadYAML(file: file.path)
            #expect(root["apiVersion"]?.scalar?.text == "traingate/v1", "\(file.relative)")
        }
    }

    @Test("the first line names the schema of the file's kind", arguments: RepositoryFile.all)
    func declaresTheSchemaOfItsKind(file: RepositoryFile) throws {
        let text = try String(contentsOfFile: file.path, encoding: .utf8)
        let firstLine = String(text.prefix { $0 != "\n" })
        try #require(firstLine.hasPrefix(Self.prefix), "\(file.relative) does not start with '\(Self.prefix)…'")
        let declared = URL(
            fileURLWithPath: String(firstLine.dropFirst(Self.prefix.count)),
            relativeTo: URL(fileURLWithPath: file.path).deletingLastPathComponent()
        ).standardizedFileURL.path
        #expect(FileManager.default.fileExists(atPath: declared), "\(declared) does not exist")
        let kind = try #require(try DocumentLoader.loadYAML(file: file.path)["kind"]?.scalar?.text)
        let fileName = try #require(DocumentKind(rawValue: kind), "no schema for kind \(kind)").schemaFileName
        #expect(declared == URL(fileURLWithPath: Fixtures.repository + "/schemas/" + fileName).standardizedFileURL.path)
    }

    @Test("the file is valid against the schema it declares", arguments: RepositoryFile.all)
    func isValidAgainstItsSchema(file: RepositoryFile) throws {
        let root = try DocumentLoader.loadYAML(file: file.path)
        let kind = try #require(root["kind"]?.scalar?.text)
        let fileName = try #require(DocumentKind(rawValue: kind)).schemaFileName
        let validator = try JSONSchemaValidator(file: Fixtures.repository + "/schemas/" + fileName)
        let problems = validator.validate(root)
        #expect(problems.isEmpty, "\(file.relative):\n\(problems.joined(separator: "\n"))")
    }
}
