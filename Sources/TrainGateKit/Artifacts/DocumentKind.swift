/// The kinds of TrainGate file, as written after `kind:`. Each knows its schema file; the field
/// schemas, descriptions and templates are looked up by kind, never by a string.
public enum DocumentKind: String, Sendable, Codable, CaseIterable, CustomStringConvertible {
    case datasetManifest = "DatasetManifest"
    case modelCard = "ModelCard"
    case waiverSet = "WaiverSet"
    case config = "Config"
    case policyPack = "PolicyPack"

    /// The kinds `traingate check` reads.
    public static let checked: [DocumentKind] = [.datasetManifest, .modelCard]

    /// The `kind:` value.
    public var description: String { rawValue }

    /// The file the kind's JSON Schema is written to (`schemas/NAME` in this repository).
    public var schemaFileName: String {
        switch self {
        case .datasetManifest: return "dataset-manifest.schema.json"
        case .modelCard: return "model-card.schema.json"
        case .waiverSet: return "waiver-set.schema.json"
        case .config: return "config.schema.json"
        case .policyPack: return "policy-pack.schema.json"
        }
    }

    /// The field schema a file of the kind is validated against; nil for a policy pack, which
    /// the pack parser validates.
    var fieldSchema: FieldType? {
        switch self {
        case .datasetManifest: return ArtifactSchemas.datasetManifest
        case .modelCard: return ArtifactSchemas.modelCard
        case .waiverSet: return ArtifactSchemas.waiverSet
        case .config: return ArtifactSchemas.config
        case .policyPack: return nil
        }
    }
}

/// A TrainGate file a check read, with its kind.
public struct CheckedFile: Sendable, Equatable {
    public var path: String
    public var kind: DocumentKind

    public init(path: String, kind: DocumentKind) {
        self.path = path
        self.kind = kind
    }
}
