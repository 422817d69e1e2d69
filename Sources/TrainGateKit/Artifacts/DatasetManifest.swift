/// A `kind: DatasetManifest` file: one dataset and its sources, read over located Nodes.
public struct DatasetManifest: Sendable {
    /// One entry of `sources`.
    public struct Source: Sendable {
        /// The source's `id`.
        public var id: String
        /// Its mapping.
        public var node: Node
        /// Its position in `sources`.
        public var index: Int
    }

    /// The file it was read from.
    public var file: String
    /// The whole document.
    public var root: Node
    /// `dataset.id`.
    public var id: String
    /// `sources`, in order.
    public var sources: [Source]
    /// The evidence files it names (`{path, sha256}` references), as paths to open.
    public var evidence: [String] = []
    /// Its place among the manifests a streaming load handed over to be checked as they were
    /// read (`ArtifactLoader.Streaming`); nil when it was not handed over.
    var readIndex: Int? = nil
    /// Whether its document was dropped once it was checked: `root` and the sources' nodes are
    /// then empty mappings at their locations, and only its identity, sources and evidence remain.
    private(set) var trimmed = false

    /// Drops the document, keeping what a report and the id checks need.
    mutating func trim() {
        root = Node(.mapping([]), at: root.location)
        for index in sources.indices { sources[index].node = Node(.mapping([]), at: sources[index].node.location) }
        trimmed = true
    }

    /// Where `dataset.id` is written (kept when the document is dropped).
    var idLocation: SourceLocation?

    /// The most sources one manifest may hold. Every source is checked against every source rule
    /// and reported on, so a manifest of a hundred thousand one-line sources would take gigabytes;
    /// a real dataset has far fewer sources than this (its items belong in a ledger).
    public static let maxSources = 2_000

    /// Reads a manifest, validating it against `ArtifactSchemas.datasetManifest`. Returns nil
    /// when there are errors (appended to `errors`); unknown keys go to `warnings`.
    static func read(_ root: Node, file: String, errors: inout [ArtifactError], warnings: inout [Diagnostic]) -> DatasetManifest? {
        // Before validation: a manifest over the limit is one error, not one per source.
        if let sources = root["sources"]?.sequence, sources.count > maxSources {
            errors.append(
                .invalid(
                    root["sources"]!.location, "\(sources.count) sources exceed the limit of \(maxSources) per manifest; split the manifest"
                ))
            return nil
        }
        var evidence: [String] = []
        guard
            SchemaValidator.check(
                root, against: ArtifactSchemas.datasetManifest, file: file, errors: &errors, warnings: &warnings,
                evidence: &evidence),
            let id = root["dataset"]?["id"]?.scalar?.text
        else { return nil }
        if let node = root["dataset"]?["id"], let problem = SubjectID.problem(id) {
            errors.append(.invalid(node.location, "dataset.id '\(id.visibleASCII)' \(problem)"))
        }
        if root["sources"]?.sequence?.isEmpty ?? true {
            errors.append(
                .wrongType(
                    root["sources"]?.location ?? root.location, path: "sources", expected: "at least one source", found: "an empty list"))
            return nil
        }
        var sources: [Source] = []
        var seen: [String: SourceLocation] = [:]
        for (index, node) in (root["sources"]?.sequence ?? []).enumerated() {
            guard let sourceID = node["id"]?.scalar?.text else { continue }
            let location = node["id"]!.location
            if let problem = SubjectID.problem(sourceID) {
                errors.append(.invalid(location, "source id '\(sourceID.visibleASCII)' \(problem)"))
            }
            if let first = seen[sourceID] { errors.append(.duplicateID(sourceID, location, first: first)) }
            seen[sourceID] = location
            sources.append(Source(id: sourceID, node: node, index: index))
        }
        guard errors.isEmpty else { return nil }
        return DatasetManifest(
            file: file, root: root, id: id, sources: sources, evidence: evidence, idLocation: root["dataset"]?["id"]?.location)
    }
}

/// A `kind: ModelCard` file: the model, its legal declarations, and the manifests it names.
public struct ModelCard: Sendable {
    /// A `training_data.datasets[].manifest` entry.
    public struct DatasetReference: Sendable {
        /// The path as written, relative to the card.
        public var path: String
        /// Where it is written.
        public var location: SourceLocation
    }

    /// The file it was read from.
    public var file: String
    /// The whole document.
    public var root: Node
    /// `model.name`.
    public var name: String
    /// The manifests it names, in order.
    public var datasets: [DatasetReference]
    /// The evidence files it names (`{path, sha256}` references), as paths to open.
    public var evidence: [String] = []

    /// Reads a card, validating it against `ArtifactSchemas.modelCard`.
    static func read(_ root: Node, file: String, errors: inout [ArtifactError], warnings: inout [Diagnostic]) -> ModelCard? {
        var evidence: [String] = []
        guard
            SchemaValidator.check(
                root, against: ArtifactSchemas.modelCard, file: file, errors: &errors, warnings: &warnings,
                evidence: &evidence),
            let name = root["model"]?["name"]?.scalar?.text
        else { return nil }
        let references = (root["training_data"]?["datasets"]?.sequence ?? []).compactMap { entry -> DatasetReference? in
            guard let manifest = entry["manifest"], let path = manifest.scalar?.text else { return nil }
            return DatasetReference(path: path, location: manifest.location)
        }
        return ModelCard(file: file, root: root, name: name, datasets: references, evidence: evidence)
    }
}

/// What one check evaluates together: a model card (if any) and its datasets.
public struct ArtifactBundle: Sendable {
    /// The model card; nil for manifests no card names.
    public var card: ModelCard?
    /// The datasets, in the card's order (or by file, without a card).
    public var datasets: [DatasetManifest]
}

/// The ids that name subjects (`dataset:ID/source:ID`) in findings, waivers and SARIF
/// fingerprints: letters, digits, '.', '_' and '-', as rule ids, so no id is blank, hides in
/// whitespace, or reads as another subject (`a/source:b`) or a waiver pattern (`*`).
enum SubjectID {
    /// Why `id` cannot name a subject, or nil.
    static func problem(_ id: String) -> String? {
        if id.isEmpty { return "is empty" }
        guard id.allSatisfy({ $0.isLetter || $0.isNumber || "._-".contains($0) }) else {
            return "may hold only letters, digits, '.', '_' and '-'"
        }
        return nil
    }
}
