extension CheckReport {
    /// Every file the check read — cards, manifests, pack files, waiver files and the evidence
    /// files the inputs name — so report writers can refuse to write over any of them.
    public var filesRead: [String] {
        var files = inputs.map(\.path) + waiverFiles + packs.map(\.file)
        var documents: [(Node, String, FieldType)] = []
        for bundle in bundles {
            if let card = bundle.card { documents.append((card.root, card.file, ArtifactSchemas.modelCard)) }
            documents += bundle.datasets.map { ($0.root, $0.file, ArtifactSchemas.datasetManifest) }
        }
        for (root, file, schema) in documents {
            var validator = SchemaValidator()
            validator.validate(root, as: schema)
            files += validator.evidence.filter { !$0.isURL }.map { ArtifactLoader.resolve($0.text, relativeTo: file).display }
        }
        return files
    }
}
