/// JSON Schemas (draft 2020-12) for every TrainGate file kind, for editors: a YAML language
/// server reads them to complete keys, show each field's meaning and flag typos as you type.
///
/// The artifact schemas are generated from `ArtifactSchemas` (the same `FieldType` trees that
/// `traingate check` validates against) and `ArtifactSchemas.descriptions`; the policy-pack
/// schema from the pack parser's vocabulary. The text is deterministic, so the copies committed
/// under `schemas/` are compared with it byte for byte by the test suite.
public enum JSONSchemaExport {
    /// The `$schema` every exported schema declares.
    public static let draft = "https://json-schema.org/draft/2020-12/schema"

    /// Every kind with a schema, in the order they are written.
    public static let kinds: [DocumentKind] = [.datasetManifest, .modelCard, .waiverSet, .config, .policyPack]

    /// The schema of a kind as JSON text ending in a newline.
    public static func schema(forKind kind: DocumentKind) -> String {
        document(forKind: kind).rendered
    }

    static func document(forKind kind: DocumentKind) -> JSONValue {
        guard let fieldSchema = kind.fieldSchema else { return policyPack }
        var converter = FieldSchemaConverter(
            descriptions: ArtifactSchemas.descriptions(forKind: kind),
            minimumItems: minimumItems[kind] ?? [:])
        guard case .object(var root) = converter.convert(fieldSchema, at: "", nullable: false),
            case .object(var properties)? = root["properties"]
        else { preconditionFailure("a field schema converts to an object") }
        properties["apiVersion"] = ["const": "traingate/v1", "description": "The TrainGate file format version."]
        properties["kind"] = ["const": .string(kind.rawValue), "description": "The kind of TrainGate file."]
        root["properties"] = .object(properties)
        root["$schema"] = .string(draft)
        root["title"] = .string(ArtifactSchemas.title(forKind: kind))
        let cites = DocumentKind.checked.contains(kind)
        root["description"] = .string(
            [ArtifactSchemas.summary(forKind: kind), conventions, cites ? citationConvention : ""]
                .filter { !$0.isEmpty }.joined(separator: " "))
        if converter.usesEvidence { root["$defs"] = ["evidence": FieldSchemaConverter.evidence] }
        return .object(root)
    }

    /// List lengths a loader requires beyond the field types: `DatasetManifest.read` wants a source.
    static let minimumItems: [DocumentKind: [String: Int]] = [.datasetManifest: ["sources": 1]]

    /// How to read any artifact schema.
    static let conventions = """
        Every optional field accepts null, which means "not declared"; required fields must be present and not null. \
        Unknown keys are flagged: they are typos, or fields TrainGate does not read.
        """

    /// How to read the citations in field descriptions (manifests and model cards).
    static let citationConvention = """
        Field descriptions cite the law each field serves as TrainGate's regulatory catalogue records it; \
        "(secondary source)" after a citation marks one that rests on a reliable secondary summary rather than \
        the legal text read verbatim, and "(unverified)" one not yet verified.
        """
}

/// Turns a `FieldType` tree into JSON Schema, attaching the description of each field path
/// (`sources[].access.tos.url`) that has one.
struct FieldSchemaConverter {
    let descriptions: [String: String]
    /// The fewest items of the lists at these paths.
    let minimumItems: [String: Int]
    /// Whether an evidence reference was met, so the document needs `$defs/evidence`.
    private(set) var usesEvidence = false

    init(descriptions: [String: String], minimumItems: [String: Int] = [:]) {
        self.descriptions = descriptions
        self.minimumItems = minimumItems
    }

    /// `{path, sha256}` or a plain path or URL.
    static let evidence: JSONValue = [
        "description": "An evidence reference: a path (relative to this file) or URL, or {path, sha256}.",
        "anyOf": [
            ["type": "string"],
            [
                "type": "object",
                "properties": [
                    "path": ["type": "string", "description": "The evidence file, relative to the file that names it, or a URL."],
                    "sha256": [
                        "type": "string", "pattern": "^[0-9a-fA-F]{64}$",
                        "description": "The SHA-256 digest the file must have, in hex; traingate check verifies it.",
                    ],
                ],
                "required": ["path"],
                "additionalProperties": false,
            ],
        ],
    ]

    mutating func convert(_ type: FieldType, at path: String, nullable: Bool) -> JSONValue {
        var schema = base(type, at: path)
        if nullable { schema = Self.allowingNull(schema) }
        if let description = descriptions[path], case .object(var members) = schema {
            members["description"] = .string(description)
            schema = .object(members)
        }
        return schema
    }

    /// The schema of a declared (non-null) value.
    // Scalars: TrainGate reads any scalar as text where it wants a string (`version: 1.10` is
    // "1.10", `id: 2025` is "2025"), but a YAML language server resolves `1.10` to a number and
    // `true` to a boolean. So a string field accepts strings, numbers and booleans — rejecting
    // them would flag files TrainGate reads correctly. A date accepts a `YYYY` integer for the
    // same reason. Evidence references stay strings: a number is never a real path.
    private mutating func base(_ type: FieldType, at path: String) -> JSONValue {
        switch type {
        case .string: return ["type": ["string", "number", "boolean"]]
        case .bool: return ["type": "boolean"]
        case .int: return ["type": "integer"]
        case .number: return ["type": "number"]
        case .date:
            return [
                "type": ["string", "integer"], "pattern": "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$",
                "minimum": 1000, "maximum": 9999,
            ]
        case .triState: return ["enum": [true, false, "unknown"]]
        case .oneOf(let values): return ["enum": .strings(values)]
        case .list(let item):
            var schema: [String: JSONValue] = ["type": "array", "items": convert(item, at: path + "[]", nullable: false)]
            if let minimum = minimumItems[path] { schema["minItems"] = .int(minimum) }
            return .object(schema)
        case .object(let fields, let required):
            return object(fields, required: required, at: path)
        case .evidence:
            usesEvidence = true
            return ["$ref": "#/$defs/evidence"]
        case .any: return [:]
        }
    }

    private mutating func object(_ fields: [String: FieldType], required: Set<String>, at path: String) -> JSONValue {
        var properties: [String: JSONValue] = [:]
        for (key, type) in fields {
            properties[key] = convert(type, at: path.isEmpty ? key : path + "." + key, nullable: !required.contains(key))
        }
        var schema: [String: JSONValue] = ["type": "object", "properties": .object(properties), "additionalProperties": false]
        if !required.isEmpty { schema["required"] = .strings(required.sorted()) }
        return .object(schema)
    }

    /// The schema widened to accept null: `null` joins a `type` or an `enum`; a reference is
    /// wrapped in `anyOf`; `{}` already accepts it.
    static func allowingNull(_ schema: JSONValue) -> JSONValue {
        guard case .object(var members) = schema, !members.isEmpty else { return schema }
        switch (members["type"], members["enum"]) {
        case (.string(let single)?, _): members["type"] = [.string(single), "null"]
        case (.array(let types)?, _): members["type"] = .array(types + ["null"])
        case (nil, .array(let values)?): members["enum"] = .array(values + [.null])
        default: return ["anyOf": [schema, ["type": "null"]]]
        }
        return .object(members)
    }
}
