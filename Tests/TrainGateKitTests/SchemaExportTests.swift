import Foundation
import Testing

@testable import TrainGateKit

/// The JSON Schemas committed under `schemas/`: exactly what the kit exports (rewrite them with
/// `TRAINGATE_UPDATE_GOLDEN=1 swift test`, then review the diff), usable by the test validator,
/// and covering every field a built-in rule reads, with a description.
@Suite("Exported JSON Schemas")
struct SchemaExportTests {
    static func exported(_ kind: DocumentKind) throws -> JSONSchemaValidator {
        let text = JSONSchemaExport.schema(forKind: kind)
        return try JSONSchemaValidator(data: Data(text.utf8))
    }

    @Test("the committed schema is the exported one", arguments: JSONSchemaExport.kinds)
    func committedSchemaIsCurrent(kind: DocumentKind) throws {
        let path = Fixtures.repository + "/schemas/" + kind.schemaFileName
        let generated = JSONSchemaExport.schema(forKind: kind)
        if ProcessInfo.processInfo.environment["TRAINGATE_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(atPath: Fixtures.repository + "/schemas", withIntermediateDirectories: true)
            try generated.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        let committed = try String(contentsOfFile: path, encoding: .utf8)
        #expect(committed == generated, "\(path) is stale: run TRAINGATE_UPDATE_GOLDEN=1 swift test and review the diff")
    }

    @Test("the export is deterministic JSON in the test validator's keywords", arguments: JSONSchemaExport.kinds)
    func exportIsDeterministicAndSupported(kind: DocumentKind) throws {
        let text = JSONSchemaExport.schema(forKind: kind)
        #expect(text == JSONSchemaExport.schema(forKind: kind))
        #expect(text.hasPrefix("{\n  \"$defs\"") || text.hasPrefix("{\n  \"$schema\""))
        #expect(text.hasSuffix("}\n"))
        let schema = try Self.exported(kind)
        guard case .object(let root) = schema.root else {
            Issue.record("not an object")
            return
        }
        #expect(root["$schema"] == .string(JSONSchemaExport.draft))
        #expect(root["title"] != nil && root["description"] != nil)
        guard case .object(let properties)? = root["properties"] else {
            Issue.record("no properties")
            return
        }
        #expect(properties["apiVersion"].flatMap(Self.const) == .string("traingate/v1"))
        #expect(properties["kind"].flatMap(Self.const) == .string(kind.rawValue))
    }

    @Test("a $ref has only annotations beside it", arguments: JSONSchemaExport.kinds)
    func referencesStandAlone(kind: DocumentKind) throws {
        // Draft-07 tools ignore every keyword beside $ref; keeping validation keywords away from
        // it makes the schemas mean the same to them as to a 2020-12 validator.
        var crowded: [String] = []
        func walk(_ json: JSONSchemaValidator.JSON, _ pointer: String) {
            switch json {
            case .object(let members):
                if members["$ref"] != nil,
                    let extra = members.keys.first(where: { $0 != "$ref" && !JSONSchemaValidator.annotations.contains($0) })
                {
                    crowded.append("\(pointer): \(extra)")
                }
                for (key, value) in members { walk(value, pointer + "/" + key) }
            case .array(let items):
                for (index, item) in items.enumerated() { walk(item, pointer + "/\(index)") }
            default: break
            }
        }
        walk(try Self.exported(kind).root, "#")
        #expect(crowded.isEmpty, "\(crowded)")
    }

    static func const(_ schema: JSONSchemaValidator.JSON) -> JSONSchemaValidator.JSON? {
        if case .object(let members) = schema { return members["const"] }
        return nil
    }

    @Test func theManifestSchemaAsksForASourceAsTheLoaderDoes() throws {
        let schema = try Self.exported(.datasetManifest)
        for (sources, valid) in [("[]", false), ("[{id: s, source_type: other}]", true)] {
            let root = try DocumentLoader.parseYAML(
                Array("apiVersion: traingate/v1\nkind: DatasetManifest\ndataset: {id: d}\nsources: \(sources)\n".utf8), file: "m.yaml")
            var errors: [ArtifactError] = []
            var warnings: [Diagnostic] = []
            let loaded = DatasetManifest.read(root, file: "m.yaml", errors: &errors, warnings: &warnings)
            #expect((loaded != nil && errors.isEmpty) == valid, "loader, sources: \(sources)")
            #expect(schema.validate(root).isEmpty == valid, "schema, sources: \(sources)")
        }
    }

    @Test func unknownKindsHaveNoSchema() {
        #expect(DocumentKind(rawValue: "Manifest") == nil)
        #expect(
            JSONSchemaExport.kinds.map(\.schemaFileName) == [
                "dataset-manifest.schema.json", "model-card.schema.json", "waiver-set.schema.json", "config.schema.json",
                "policy-pack.schema.json",
            ])
    }

    @Test func everyFieldABuiltInRuleReadsIsInTheSchemaWithADescription() throws {
        let walks = [
            "DatasetManifest": SchemaWalk(schema: try Self.exported(.datasetManifest)),
            "ModelCard": SchemaWalk(schema: try Self.exported(.modelCard)),
        ]
        var read = Set<ReadPath>()
        for pack in try PolicyLoader.builtInPacks(environment: [:]) {
            for rule in pack.rules { read.formUnion(RuleReads.paths(of: rule)) }
        }
        #expect(read.count > 200, "the built-in rules read \(read.count) fields")
        // Ledger row fields are checked by the record-rule compiler when a pack loads.
        let problems = read.filter { $0.kind != "LedgerRow" }.compactMap { walks[$0.kind]!.problem(with: $0) }.sorted()
        #expect(problems.isEmpty, "\(problems.count) problems:\n\(problems.joined(separator: "\n"))")
    }

    @Test func theWalkFindsAMisspeltFieldAndAMissingDescription() throws {
        let condition = try ConditionParser.parse(
            DocumentLoader.parseYAML(
                "{all: [{path: access.lawful_acess, equals: true}, {each: modalities, require: {path: x, exists: true}}]}".bytes,
                file: "r.yaml"))
        let walk = SchemaWalk(schema: try Self.exported(.datasetManifest))
        let paths = RuleReads.paths(in: condition, at: RuleReads.start(.source))
        #expect(
            paths.compactMap(walk.problem) == [
                "DatasetManifest sources[].access.lawful_acess: not in the schema",
                "DatasetManifest sources[].modalities[].x: not in the schema",
            ])
        let undescribed = try JSONSchemaValidator(data: Data(#"{"properties": {"a": {"type": "string"}}}"#.utf8))
        #expect(SchemaWalk(schema: undescribed).problem(with: ReadPath(kind: "X", steps: [.key("a")])) == "X a: no description")
    }

    @Test("every description names a field of its kind", arguments: DocumentKind.allCases.filter { $0.fieldSchema != nil })
    func everyDescriptionNamesAField(kind: DocumentKind) throws {
        let type = try #require(kind.fieldSchema)
        let fields = Set(Self.fieldPaths(type, at: ""))
        let stale = ArtifactSchemas.descriptions(forKind: kind).keys.filter { !fields.contains($0) }.sorted()
        #expect(stale.isEmpty, "descriptions of no field: \(stale)")
    }

    /// Every field path of a field type: `sources`, `sources[].id`, …
    static func fieldPaths(_ type: FieldType, at path: String) -> [String] {
        switch type {
        case .list(let item): return fieldPaths(item, at: path + "[]")
        case .object(let fields, _):
            return fields.flatMap { key, field in
                let child = path.isEmpty ? key : path + "." + key
                return [child] + fieldPaths(field, at: child)
            }
        default: return []
        }
    }

    @Test("every field has a description", arguments: DocumentKind.allCases.filter { $0.fieldSchema != nil })
    func everyFieldHasADescription(kind: DocumentKind) throws {
        let type = try #require(kind.fieldSchema)
        // apiVersion and kind are described by the export itself.
        let paths = Self.fieldPaths(type, at: "").filter { $0 != "apiVersion" && $0 != "kind" }
        let table = ArtifactSchemas.descriptions(forKind: kind)
        let undescribed = paths.filter { table[$0] == nil }.sorted()
        #expect(undescribed.isEmpty, "\(undescribed.count) of \(paths.count) fields have no description: \(undescribed)")
    }
}
