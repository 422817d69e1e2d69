/// Reads MLCommons Croissant 1.0/1.1 JSON-LD, with the Responsible AI (RAI) vocabulary, as a
/// dataset manifest: the dataset with one source, the dataset itself.
///
/// Tolerates both schema.org context URLs, `rai:`/`cr:`/`sc:` prefixes, bare terms and full IRIs,
/// the RAI spelling variants in circulation (`dataCollectionTimeFrame`, `dataCollectionRaw`,
/// `annotationPlatform`, …), and values given as one string or a list.
enum CroissantAdapter: JSONInputAdapter {
    static let format = InputFormat.croissant
    static let title = "Croissant"

    static func detects(root: Node) -> Bool {
        let context = InputFormat.contextText(root["@context"])
        return context.contains("mlcommons.org/croissant") || root.entry("cr:recordSet") != nil
            || root.entry("recordSet") != nil && context.contains("schema.org")
    }

    static let prefixes = ["rai", "cr", "sc", "schema", "dct", "prov"]
    static let reading = AdapterReading(format: .croissant)

    static func adapt(_ root: Node) throws(ArtifactError) -> AdaptedFile {
        let r = reading
        func value(_ terms: String...) -> Node? { LDKeys.value(root, terms, prefixes: prefixes) }
        func label(_ terms: [String]) -> String { terms[0] }
        var notes: [Diagnostic] = []
        var manifest = Draft.view(kind: .datasetManifest, at: root.location)

        guard let name = try r.string(value("name"), "name") else {
            throw .notCheckable(root.location, reason: "not a Croissant dataset: it has no 'name' (Croissant requires one)")
        }
        let datasetID = Slug.make(name.scalar!.text)
        manifest.set("dataset.id", .text(datasetID, at: name.location))
        manifest.set("dataset.name", name)
        manifest.set("dataset.version", try r.text(value("version"), "version"))
        manifest.set("dataset.description", try r.text(value("description"), "description"))
        let creators = try names(value("creator"), "creator")
        manifest.set("dataset.owner.organisation", creators.first)
        if let publisher = try names(value("publisher"), "publisher").first, creators.isEmpty {
            manifest.set("dataset.owner.organisation", publisher)
        }

        var source = Draft(at: root.location)
        source.set("id", .text(datasetID, at: name.location))
        source.set("name", name)
        let collection = try r.texts(value("dataCollection"), "rai:dataCollection")
        let raw = try r.texts(value("dataCollectionRawData", "dataCollectionRaw"), "rai:dataCollectionRawData")
        source.set("description", Node.paragraphs(collection + raw))
        let types = try r.texts(value("dataCollectionType"), "rai:dataCollectionType")
        var sourceType: Node?
        for type in types {
            if let mapped = Self.sourceType(for: type.scalar!.text) {
                sourceType = .plain(mapped, at: type.location)
                break
            }
        }
        // A Croissant file publishes its dataset; without a collection type that says otherwise, it is a public dataset.
        source.set("source_type", sourceType ?? .plain("public_dataset", at: root.location))
        source.set("origin.locator", try r.text(value("url"), "url"))
        source.set("origin.owner", creators.first)
        source.set("modalities", Node.list(try modalities(root)))

        if let license = try licence(value("license"), "license") {
            for (key, node) in license { source.set("rights.license.\(key)", node) }
        }
        try period(root, into: &source)
        let preprocessing = try r.texts(value("dataPreprocessingProtocol"), "rai:dataPreprocessingProtocol")
        source.set("processing.preparation_ops", Node.list(preprocessing))
        let manipulation = try r.texts(value("dataManipulationProtocol", "dataDataManipulationProtocol"), "rai:dataManipulationProtocol")
        source.set("processing.cleaning_methods", Node.list(manipulation))
        let annotation = try r.texts(value("dataAnnotationProtocol"), "rai:dataAnnotationProtocol")
        source.set("processing.labelling_procedure", Node.paragraphs(annotation))
        let sensitive = try r.texts(value("personalSensitiveInformation"), "rai:personalSensitiveInformation")
        source.set("personal_data.categories", Node.list(sensitive))

        let limitations = try r.texts(value("dataLimitations"), "rai:dataLimitations")
        manifest.set("governance.data_gaps", Node.list(limitations))
        let biases = try r.texts(value("dataBiases"), "rai:dataBiases")
        manifest.set("governance.assumptions", Node.paragraphs(biases))
        manifest.set("sources", Node(.sequence([source.node]), at: source.location))

        // Prose about people and consent is a hint, never a declaration.
        let prose =
            collection + raw + annotation + sensitive
            + (try r.texts(value("annotatorDemographics", "annotatorsDemographics"), "rai:annotatorDemographics"))
        notes += ProseHints.scan(prose, format: .croissant)
        if !sensitive.isEmpty {
            notes.append(
                Diagnostic(
                    location: sensitive[0].location,
                    message:
                        "Croissant rai:personalSensitiveInformation lists attributes but cannot say whether personal data is present "
                        + "or on what lawful basis it is processed; declare sources[].personal_data.present and .lawful_basis in a TrainGate manifest"
                ))
        }
        return AdaptedFile(format: .croissant, card: nil, manifests: [manifest.node], notes: notes)
    }

    /// `creator`/`publisher`: an organisation or person, or a list of them.
    static func names(_ node: Node?, _ path: String) throws(ArtifactError) -> [Node] {
        guard let node, !node.isNull else { return [] }
        let items = node.sequence ?? [node]
        var result: [Node] = []
        for (index, item) in items.enumerated() {
            if let name = try reading.name(item, node.sequence == nil ? path : "\(path)[\(index)]") { result.append(name) }
        }
        return result
    }

    /// The licence as `spdx` and `url` fields: an SPDX id, a Hub key, an SPDX licence URL or another URL.
    static func licence(_ node: Node?, _ path: String) throws(ArtifactError) -> [(String, Node)]? {
        guard let node, !node.isNull else { return nil }
        var values: [Node] = []
        for (index, item) in (node.sequence ?? [node]).enumerated() {
            let itemPath = node.sequence == nil ? path : "\(path)[\(index)]"
            let value =
                item.mapping != nil
                ? try reading.string(item["url"] ?? item["@id"] ?? item["name"], itemPath)
                : try reading.string(item, itemPath)
            if let value { values.append(value) }
        }
        let fields = LicenceText.all(values)
        return fields.isEmpty ? nil : fields
    }

    /// `rai:dataCollectionTimeframe` (`"2020/2022"` or `[start, end]`) or the start/end variants.
    static func period(_ root: Node, into source: inout Draft) throws(ArtifactError) {
        let frame = try reading.texts(
            LDKeys.value(root, ["dataCollectionTimeframe", "dataCollectionTimeFrame"], prefixes: prefixes),
            "rai:dataCollectionTimeframe")
        var bounds: [Node] = []
        for item in frame {
            let parts = item.scalar!.text.split(separator: "/", maxSplits: 1).map(String.init)
            bounds += parts.map { Node.text($0, at: item.location) }
        }
        let start = try reading.texts(
            LDKeys.value(root, ["dataCollectionTimeFrameStart", "dataCollectionTimeframeStart"], prefixes: prefixes),
            "rai:dataCollectionTimeFrameStart")
        let end = try reading.texts(
            LDKeys.value(root, ["dataCollectionTimeFrameEnd", "dataCollectionTimeframeEnd"], prefixes: prefixes),
            "rai:dataCollectionTimeFrameEnd")
        if bounds.isEmpty { bounds = Array(start.prefix(1)) + Array(end.prefix(1)) }
        for (position, bound) in bounds.prefix(2).enumerated() {
            let text = bound.scalar!.text.trimmingWhitespace()
            if text.isEmpty || text == ".." { continue }  // an open end of an ISO 8601 interval
            guard let date = DatePrefix.of(text) else {
                throw .wrongType(
                    bound.location, path: "Croissant rai:dataCollectionTimeframe", expected: "an ISO 8601 date or interval (2020/2022)",
                    found: "'\(text)'")
            }
            source.set(position == 0 ? "collection_period.start" : "collection_period.end", .plain(date, at: bound.location))
        }
    }

    /// Modalities from the distribution's media types and the record fields' data types.
    static func modalities(_ root: Node) throws(ArtifactError) -> [Node] {
        var found: [String: SourceLocation] = [:]
        var order: [String] = []
        func note(_ text: String, _ location: SourceLocation) {
            let lower = text.lowercased()
            let modality: String?
            if lower.hasPrefix("image/") || lower.hasSuffix("imageobject") {
                modality = "image"
            } else if lower.hasPrefix("audio/") || lower.hasSuffix("audioobject") {
                modality = "audio"
            } else if lower.hasPrefix("video/") || lower.hasSuffix("videoobject") {
                modality = "video"
            } else if lower.hasPrefix("text/plain") || lower == "sc:text" || lower.hasSuffix("schema.org/text") {
                modality = "text"
            } else {
                modality = nil
            }
            if let modality, found[modality] == nil {
                found[modality] = location
                order.append(modality)
            }
        }
        func walk(_ node: Node, depth: Int) {
            guard depth < 8 else { return }
            switch node.content {
            case .mapping(let entries):
                for entry in entries {
                    if LDKeys.matches(entry.key, "encodingFormat", prefixes: prefixes)
                        || LDKeys.matches(entry.key, "dataType", prefixes: prefixes)
                    {
                        for item in entry.value.sequence ?? [entry.value] { if let text = item.scalar?.text { note(text, item.location) } }
                    } else {
                        walk(entry.value, depth: depth + 1)
                    }
                }
            case .sequence(let items): for item in items { walk(item, depth: depth + 1) }
            case .scalar: break
            }
        }
        walk(root, depth: 0)
        return order.map { Node.plain($0, at: found[$0]!) }
    }

    /// The RAI collection types that name a TrainGate source type.
    static func sourceType(for type: String) -> String? {
        switch type.lowercased() {
        case "web scraping": return "web_crawl"
        default: return nil
        }
    }
}

extension InputFormat {
    /// Croissant JSON-LD, read by `CroissantAdapter`.
    public static let croissant = InputFormat(id: "croissant")
}
