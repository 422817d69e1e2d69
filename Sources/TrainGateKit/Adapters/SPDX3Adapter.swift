/// Reads SPDX 3.0.1 JSON-LD with the AI and Dataset profiles: each `ai_AIPackage` as a model
/// card, each `dataset_DatasetPackage` as a dataset manifest with one source.
///
/// Licences, suppliers and training links live in `Relationship` elements
/// (`hasDeclaredLicense`, `hasConcludedLicense`, `trainedOn`, `contains`), resolved by `spdxId`.
/// The datasets a model was trained on — the targets of `trainedOn` from the package or from a
/// file it contains, and the packages containing them — are checked with its card; with no
/// `trainedOn` at all, every dataset in the document is.
enum SPDX3Adapter: JSONInputAdapter {
    static let format = InputFormat.spdx3
    static let title = "SPDX 3"

    static func detects(root: Node) -> Bool {
        return InputFormat.contextText(root["@context"]).contains("spdx.org/rdf/3")
    }

    static let reading = AdapterReading(format: .spdx3)

    struct Graph {
        var elements: [String: Node] = [:]
        var order: [String] = []
        /// relationshipType → from → [(to, location of the relationship)]
        var relations: [String: [String: [(String, SourceLocation)]]] = [:]

        func type(_ element: Node) -> String { element["type"]?.scalar?.text ?? element["@type"]?.scalar?.text ?? "" }
        func targets(_ from: String, _ type: String) -> [(String, SourceLocation)] { relations[type]?[from] ?? [] }
    }

    static func adapt(_ root: Node) throws(ArtifactError) -> AdaptedFile {
        let r = reading
        guard let items = root["@graph"] else {
            throw .notCheckable(root.location, reason: "an SPDX 3 JSON-LD document lists its elements in '@graph', which is missing")
        }
        var graph = Graph()
        for (index, element) in try r.list(items, "@graph").enumerated() {
            guard element.mapping != nil else { throw r.wrong(element, "@graph[\(index)]", "an object") }
            let type = graph.type(element)
            if type == "Relationship" || type == "LifecycleScopedRelationship" {
                guard let from = try r.text(element["from"], "@graph[\(index)].from")?.scalar?.text,
                    let kind = try r.text(element["relationshipType"], "@graph[\(index)].relationshipType")?.scalar?.text
                else { continue }
                for to in try r.texts(element["to"], "@graph[\(index)].to") {
                    graph.relations[kind, default: [:]][from, default: []].append((to.scalar!.text, element.location))
                }
                continue
            }
            guard let id = try r.text(element["spdxId"] ?? element["@id"], "@graph[\(index)].spdxId")?.scalar?.text else { continue }
            if graph.elements[id] == nil { graph.order.append(id) }
            graph.elements[id] = element
        }
        let models = graph.order.filter { graph.type(graph.elements[$0]!) == "ai_AIPackage" }
        let datasets = graph.order.filter { graph.type(graph.elements[$0]!) == "dataset_DatasetPackage" }
        var notes: [Diagnostic] = []
        if models.count > 1 {
            notes.append(
                Diagnostic(
                    location: graph.elements[models[1]]!.location,
                    message:
                        "the document describes \(models.count) AI packages; TrainGate checks the first as the model card"))
        }
        var manifests: [Node] = []
        var checked = datasets
        if let model = models.first {
            let trained = trainedOn(model, graph)
            if !trained.isEmpty || graph.relations["trainedOn"] != nil { checked = datasets.filter { trained.contains($0) } }
        }
        for id in checked { manifests.append(try manifest(graph.elements[id]!, id: id, graph, notes: &notes)) }
        let card = try models.first.map { id throws(ArtifactError) in try self.card(graph.elements[id]!, id: id, graph, notes: &notes) }
        return AdaptedFile(format: .spdx3, card: card, manifests: manifests, notes: notes)
    }

    /// The dataset packages `model` was trained on.
    static func trainedOn(_ model: String, _ graph: Graph) -> Set<String> {
        // The model and everything it contains may be the `from` of trainedOn.
        let sources = contained(in: model, graph).union([model])
        var targets = Set<String>()
        for source in sources { for (to, _) in graph.targets(source, "trainedOn") { targets.insert(to) } }
        // A dataset package counts when it is a target or contains one: walk `contains` upwards
        // from the targets once.
        var containers: [String: [String]] = [:]
        for (from, edges) in graph.relations["contains"] ?? [:] { for (to, _) in edges { containers[to, default: []].append(from) } }
        var seen = targets
        var stack = Array(targets)
        while let next = stack.popLast() {
            for parent in containers[next] ?? [] where !seen.contains(parent) {
                seen.insert(parent)
                stack.append(parent)
            }
        }
        return Set(seen.filter { graph.elements[$0].map { graph.type($0) == "dataset_DatasetPackage" } ?? false })
    }

    /// Everything `id` contains, transitively.
    static func contained(in id: String, _ graph: Graph) -> Set<String> {
        var seen = Set<String>()
        var stack = [id]
        while let next = stack.popLast() {
            for (to, _) in graph.targets(next, "contains") where !seen.contains(to) {
                seen.insert(to)
                stack.append(to)
            }
        }
        return seen
    }

    /// The licence of `id`: the declared licence, else the concluded one.
    static func licence(_ id: String, _ graph: Graph) throws(ArtifactError) -> [(String, Node)] {
        for type in ["hasDeclaredLicense", "hasConcludedLicense"] {
            for (to, location) in graph.targets(id, type) {
                if let element = graph.elements[to] {
                    if let expression = try reading.string(
                        element["simplelicensing_licenseExpression"], "simplelicensing_licenseExpression")
                    {
                        let fields = LicenceText.fields(expression.scalar!.text, at: expression.location, trusted: true)
                        if !fields.isEmpty { return fields }
                        continue
                    }
                    if graph.type(element) == "expandedlicensing_CustomLicense" {
                        let name = try reading.text(element["name"], "name")?.scalar?.text ?? "custom"
                        return [("spdx", .text("LicenseRef-" + Slug.make(name), at: element.location))]
                    }
                }
                // A licence named by its SPDX URL without an element (https://spdx.org/licenses/MIT).
                if to == "NoAssertionLicense" || to.hasSuffix("/NoAssertionLicense") || to.hasSuffix("/NoneLicense") { continue }
                if let spdx = LicenceText.spdx(fromURL: to) ?? LicenceText.spdx(to, trusted: true) {
                    return [("spdx", .text(spdx, at: location))]
                }
            }
        }
        return []
    }

    /// The name of the agent an element points at (`suppliedBy`, `originatedBy`).
    static func agent(_ node: Node?, _ path: String, _ graph: Graph) throws(ArtifactError) -> Node? {
        for reference in try reading.texts(node, path) {
            if let element = graph.elements[reference.scalar!.text], let name = try reading.text(element["name"], path + ".name") {
                return .text(name.scalar!.text, at: reference.location)
            }
        }
        return nil
    }

    static func presence(_ node: Node?, _ path: String) throws(ArtifactError) -> Node? {
        guard let value = try reading.text(node, path) else { return nil }
        switch value.scalar!.text {
        case "yes": return .flag(true, at: value.location)
        case "no": return .flag(false, at: value.location)
        case "noAssertion": return .plain("unknown", at: value.location)
        default:
            throw .invalidValue(value.location, path: "SPDX 3 \(path)", value: value.scalar!.text, allowed: ["yes", "no", "noAssertion"])
        }
    }

    static func date(_ node: Node?, _ path: String) throws(ArtifactError) -> Node? {
        guard let value = try reading.text(node, path), let date = DatePrefix.of(value.scalar!.text) else { return nil }
        return .plain(date, at: value.location)
    }

    static func card(_ element: Node, id: String, _ graph: Graph, notes: inout [Diagnostic]) throws(ArtifactError) -> Node {
        let r = reading
        var card = Draft.view(kind: .modelCard, at: element.location)
        let fallback = Node.text(Slug.make(id.split(separator: "/").last.map(String.init) ?? id), at: element.location)
        card.set("model.name", try r.text(element["name"], "name") ?? fallback)
        card.set("model.version", try r.text(element["software_packageVersion"], "software_packageVersion"))
        let summary = try r.text(element["summary"], "summary")
        card.set("model.description", try r.text(element["description"], "description") ?? summary)
        card.set("model.release_date", try date(element["releaseTime"], "releaseTime"))
        for (key, node) in try licence(id, graph) { card.set("model.license.\(key)", node) }
        let application = try r.text(element["ai_informationAboutApplication"], "ai_informationAboutApplication")
        let domains = try r.texts(element["ai_domain"], "ai_domain")
        card.set("model.intended_tasks", Node.list(application.map { [$0] } ?? domains))
        card.set("model.limitations", try r.text(element["ai_limitation"], "ai_limitation"))
        card.set("model.architecture", Node.paragraphs(try r.texts(element["ai_typeOfModel"], "ai_typeOfModel")))
        let originator = try agent(element["originatedBy"], "originatedBy", graph)
        card.set("provider.legal_name", try agent(element["suppliedBy"], "suppliedBy", graph) ?? originator)
        card.set(
            "transparency.instructions_for_use.training_data_info",
            try r.text(element["ai_informationAboutTraining"], "ai_informationAboutTraining"))
        if let energy = try r.object(element["ai_energyConsumption"], "ai_energyConsumption") {
            for (index, item) in try r.objects(energy["ai_trainingEnergyConsumption"], "ai_energyConsumption.ai_trainingEnergyConsumption")
                .enumerated()
            {
                let path = "ai_energyConsumption.ai_trainingEnergyConsumption[\(index)]"
                guard let quantity = try r.number(item["ai_energyQuantity"], path + ".ai_energyQuantity"),
                    let unit = try r.text(item["ai_energyUnit"], path + ".ai_energyUnit")?.scalar?.text
                else { continue }
                let mwh: Double? = unit == "kilowattHour" ? quantity / 1000 : unit == "megajoule" ? quantity / 3600 : nil
                if let mwh { card.set("energy.training_mwh", .number(mwh, at: item.location)) }
                break
            }
        }
        if let sensitive = try presence(element["ai_useSensitivePersonalInformation"], "ai_useSensitivePersonalInformation") {
            notes.append(
                Diagnostic(
                    location: sensitive.location,
                    message:
                        "ai_useSensitivePersonalInformation is \(sensitive.scalar!.text) for the model; TrainGate judges personal data per "
                        + "dataset source (sources[].personal_data.present in each manifest)"))
        }
        return card.node
    }

    static func manifest(_ element: Node, id: String, _ graph: Graph, notes: inout [Diagnostic]) throws(ArtifactError) -> Node {
        let r = reading
        var manifest = Draft.view(kind: .datasetManifest, at: element.location)
        let name = try r.text(element["name"], "name")
        let datasetID = Slug.make(name?.scalar?.text ?? id.split(separator: "/").last.map(String.init) ?? id)
        manifest.set("dataset.id", .text(datasetID, at: name?.location ?? element.location))
        manifest.set("dataset.name", name)
        manifest.set("dataset.version", try r.text(element["software_packageVersion"], "software_packageVersion"))
        let summary = try r.text(element["summary"], "summary")
        manifest.set("dataset.description", try r.text(element["description"], "description") ?? summary)
        let supplier = try agent(element["suppliedBy"], "suppliedBy", graph)
        let owner = try agent(element["originatedBy"], "originatedBy", graph) ?? supplier
        manifest.set("dataset.owner.organisation", owner)
        manifest.set("governance.assumptions", Node.paragraphs(try r.texts(element["dataset_knownBias"], "dataset_knownBias")))

        var source = Draft(at: element.location)
        source.set("id", .text(datasetID, at: name?.location ?? element.location))
        source.set("name", name)
        source.set("description", try r.text(element["dataset_dataCollectionProcess"], "dataset_dataCollectionProcess"))
        let availability = try r.text(element["dataset_datasetAvailability"], "dataset_datasetAvailability")
        let sourceType: String
        switch availability?.scalar?.text {
        case "scrapingScript"?: sourceType = "web_crawl"
        case "directDownload"?, "clickthrough"?, "registration"?, "query"?: sourceType = "public_dataset"
        default: sourceType = "other"
        }
        source.set("source_type", .plain(sourceType, at: availability?.location ?? element.location))
        source.set("origin.owner", owner)
        if let location = try r.text(element["software_downloadLocation"], "software_downloadLocation"),
            location.scalar!.text != "NOASSERTION"
        {
            source.set("origin.locator", location)
        }
        var modalities: [Node] = []
        for type in try r.texts(element["dataset_datasetType"], "dataset_datasetType") {
            let text = type.scalar!.text
            let modality = ["text", "image", "audio", "video"].contains(text) ? text : text == "noAssertion" ? nil : "other"
            if let modality, !modalities.contains(where: { $0.scalar?.text == modality }) {
                modalities.append(.plain(modality, at: type.location))
            }
        }
        source.set("modalities", Node.list(modalities))
        if let size = try r.number(element["dataset_datasetSize"], "dataset_datasetSize") {
            source.set("size.value", .number(size, at: element["dataset_datasetSize"]!.location))
            source.set("size.unit", .plain("bytes", at: element["dataset_datasetSize"]!.location))
        }
        for (key, node) in try licence(id, graph) { source.set("rights.license.\(key)", node) }
        source.set(
            "personal_data.present",
            try presence(element["dataset_hasSensitivePersonalInformation"], "dataset_hasSensitivePersonalInformation"))
        source.set(
            "personal_data.minimisation.pii_filtering",
            Node.list(try r.texts(element["dataset_anonymizationMethodUsed"], "dataset_anonymizationMethodUsed")))
        source.set("processing.preparation_ops", Node.list(try r.texts(element["dataset_dataPreprocessing"], "dataset_dataPreprocessing")))
        manifest.set("sources", Node(.sequence([source.node]), at: element.location))

        let prose = [try r.text(element["dataset_dataCollectionProcess"], "dataset_dataCollectionProcess")].compactMap { $0 }
        notes += ProseHints.scan(prose, format: .spdx3)
        return manifest.node
    }
}

extension InputFormat {
    /// SPDX 3 JSON-LD, read by `SPDX3Adapter`.
    public static let spdx3 = InputFormat(id: "spdx3")
}
