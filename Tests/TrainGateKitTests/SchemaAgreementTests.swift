import Foundation
import Testing

@testable import TrainGateKit

/// The exported manifest schema and `traingate check`'s own validation agree on shape, and
/// differ only where the schema's documentation says they do: unknown keys (a warning for
/// traingate, an error for the editor) and what only traingate can check (evidence files).
@Suite("The manifest schema agrees with traingate's validation")
struct SchemaAgreementTests {
    enum Verdict: String, Sendable {
        case valid, warning, error
    }

    static func loader(_ root: Node) -> Verdict {
        var errors: [ArtifactError] = []
        var warnings: [Diagnostic] = []
        let manifest = DatasetManifest.read(root, file: Fixtures.repository + "/m.yaml", errors: &errors, warnings: &warnings)
        if manifest == nil || !errors.isEmpty { return .error }
        return warnings.isEmpty ? .valid : .warning
    }

    @Test(
        "a source field",
        arguments: [
            ("", Verdict.valid, true),
            ("name: 42", .valid, true),  // any scalar is text
            ("first_used: 2025", .valid, true),  // a YYYY date is an integer to YAML
            ("first_used: 2025-13", .error, false),
            ("first_used: 25-01-01", .error, false),
            ("personal_data: {present: unknown, lawful_basis: ~}", .valid, true),  // null is "not declared"
            ("personal_data: {present: maybe}", .error, false),
            ("personal_data: {lawful_basis: consent_given}", .error, false),
            ("access: {lawful_access: yes}", .error, false),  // YAML 1.2: yes is a string
            ("size: {value: lots}", .error, false),
            ("tdm_opt_out: {reservations_found: 1.5}", .error, false),
            ("modalities: [text, smell]", .error, false),
            ("modalities: [text, ~]", .error, false),  // list items cannot be null
            ("rights: {agreement: {evidence: {sha256: abc}}}", .error, false),  // {path, sha256} needs a path
            ("acess: {lawful_access: true}", .error, false),  // near miss: both reject it
            ("rights: {agreement: {evidence: missing.pdf}}", .error, true),  // only traingate reads evidence files
        ])
    func sourceField(line: String, loader: Verdict, schemaAccepts: Bool) throws {
        let yaml =
            "apiVersion: traingate/v1\nkind: DatasetManifest\ndataset: {id: d, version: 1.10}\n"
            + "sources:\n  - id: s\n    source_type: web_crawl\n" + (line.isEmpty ? "" : "    \(line)\n")
        let root = try DocumentLoader.parseYAML(Array(yaml.utf8), file: Fixtures.repository + "/m.yaml")
        #expect(Self.loader(root) == loader)
        let problems = try SchemaExportTests.exported(.datasetManifest).validate(root)
        #expect(problems.isEmpty == schemaAccepts, "\(problems)")
    }
}
