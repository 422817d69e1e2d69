/// Reads CycloneDX 1.5–1.7 JSON ML-BOMs: the first `machine-learning-model` component (in
/// `metadata.component` or `components`, nested at any depth) as a model card with its
/// `modelCard`; each dataset in `modelCard.modelParameters.datasets` — inline `componentData`
/// or a `{ref}` to a `data` component or to one of its `data[]` entries — as a manifest. A BOM
/// with no model gives one manifest per `data` component.
enum CycloneDXAdapter: JSONInputAdapter {
    static let format = InputFormat.cyclonedx
    static let title = "CycloneDX"

    static func detects(root: Node) -> Bool {
        return root["bomFormat"]?.scalar?.text == "CycloneDX"
    }

    static let reading = AdapterReading(format: .cyclonedx)

    static func adapt(_ root: Node) throws(ArtifactError) -> AdaptedFile {
        let r = reading
        if let version = try r.text(root["specVersion"], "specVersion")?.scalar?.text, !["1.5", "1.6", "1.7"].contains(version) {
            throw .invalidValue(
                root["specVersion"]!.location, path: "CycloneDX specVersion", value: version, allowed: ["1.5", "1.6", "1.7"])
        }
        var components: [(node: Node, path: String)] = []
        if let metadata = try r.object(root["metadata"], "metadata"), let main = try r.object(metadata["component"], "metadata.component") {
            try collect(main, "metadata.component", into: &components)
        }
        for (index, component) in try r.list(root["components"], "components").enumerated() {
            guard component.mapping != nil else { throw r.wrong(component, "components[\(index)]", "an object") }
            try collect(component, "components[\(index)]", into: &components)
        }
        var byRef: [String: (node: Node, path: String, parent: Node?)] = [:]
        for (component, path) in components {
            if let ref = component["bom-ref"]?.scalar?.text { byRef[ref] = (component, path, nil) }
            for (index, item) in try r.objects(component["data"], path + ".data").enumerated() {
                if let ref = item["bom-ref"]?.scalar?.text { byRef[ref] = (item, "\(path).data[\(index)]", component) }
            }
        }
        var notes: [Diagnostic] = []
        var models: [(node: Node, path: String)] = []
        for (component, path) in components where try r.text(component["type"], path + ".type")?.scalar?.text == "machine-learning-model" {
            models.append((component, path))
        }
        guard let (model, modelPath) = models.first else {
            var manifests: [Node] = []
            for (component, path) in components where component["type"]?.scalar?.text == "data" {
                manifests.append(try manifest(component: component, items: try r.objects(component["data"], path + ".data"), path: path))
            }
            return AdaptedFile(format: .cyclonedx, card: nil, manifests: manifests, notes: notes)
        }
        if models.count > 1 {
            notes.append(
                Diagnostic(
                    location: models[1].node.location,
                    message:
                        "the BOM describes \(models.count) machine-learning models; TrainGate checks the first as the model card"))
        }
        let modelCard = try r.object(model["modelCard"], modelPath + ".modelCard")
        var manifests: [Node] = []
        if let modelCard, let parameters = try r.object(modelCard["modelParameters"], modelPath + ".modelCard.modelParameters") {
            let path = modelPath + ".modelCard.modelParameters.datasets"
            for (index, item) in try r.list(parameters["datasets"], path).enumerated() {
                guard item.mapping != nil else { throw r.wrong(item, "\(path)[\(index)]", "an object") }
                if let ref = try r.text(item["ref"], "\(path)[\(index)].ref") {
                    guard let target = byRef[ref.scalar!.text] else {
                        throw .invalid(
                            ref.location,
                            "CycloneDX \(path)[\(index)].ref names '\(ref.scalar!.text)', which no component or data entry in the BOM has as bom-ref"
                        )
                    }
                    let targetType = target.node["type"]?.scalar?.text
                    guard target.parent != nil || targetType == "data" else {
                        throw .invalid(
                            ref.location,
                            "CycloneDX \(path)[\(index)].ref names '\(ref.scalar!.text)', a "
                                + "\(targetType.map { "'\($0)'" } ?? "untyped") component, not a 'data' component or data entry")
                    }
                    if let parent = target.parent {
                        manifests.append(try manifest(component: parent, items: [target.node], path: target.path))
                    } else {
                        manifests.append(
                            try manifest(
                                component: target.node, items: try r.objects(target.node["data"], target.path + ".data"),
                                path: target.path))
                    }
                } else {
                    manifests.append(try manifest(component: nil, items: [item], path: "\(path)[\(index)]"))
                }
            }
            if manifests.count > 1, let first = parameters["datasets"] {
                notes.append(
                    Diagnostic(
                        location: first.location,
                        message:
                            "CycloneDX lists a model's datasets without saying which were used for training and which for evaluation; "
                            + "TrainGate checks all \(manifests.count) as training data"))
            }
        }
        return AdaptedFile(format: .cyclonedx, card: try card(model, modelCard, path: modelPath), manifests: manifests, notes: notes)
    }

    /// Components and their nested `components`, depth first.
    static func collect(_ component: Node, _ path: String, into components: inout [(node: Node, path: String)]) throws(ArtifactError) {
        guard components.count < 100_000 else {
            throw .invalid(component.location, "the BOM has more than 100,000 components; TrainGate reads at most 100,000")
        }
        components.append((component, path))
        for (index, child) in try reading.list(component["components"], path + ".components").enumerated() {
            guard child.mapping != nil else { throw reading.wrong(child, "\(path).components[\(index)]", "an object") }
            try collect(child, "\(path).components[\(index)]", into: &components)
        }
    }

    /// `licenses`: a list of `{license: {id | name, url}}` or `[{expression}]`.
    static func licence(_ node: Node?, _ path: String) throws(ArtifactError) -> [(String, Node)] {
        let r = reading
        var ids: [Node] = []
        var url: Node?
        let choices = try r.objects(node, path)
        for (index, choice) in choices.enumerated() {
            if let expression = try r.string(choice["expression"], "\(path)[\(index)].expression") {
                guard
                    let id = LicenceText.fields(expression.scalar!.text, at: expression.location, trusted: true).first(where: {
                        $0.0 == "spdx"
                    })
                else { return [] }
                ids.append(id.1)
                continue
            }
            guard let license = try r.object(choice["license"], "\(path)[\(index)].license") else { continue }
            if url == nil { url = try r.string(license["url"], "\(path)[\(index)].license.url") }
            if let id = try r.string(license["id"], "\(path)[\(index)].license.id") {
                // `id` is an SPDX id by the schema, though generators write Hub keys there too.
                guard let mapped = LicenceText.fields(id.scalar!.text, at: id.location, trusted: true).first(where: { $0.0 == "spdx" })
                else { return url.map { [("url", $0)] } ?? [] }
                ids.append(mapped.1)
            } else if let name = try r.string(license["name"], "\(path)[\(index)].license.name") {
                guard let mapped = LicenceText.fields(name.scalar!.text, at: name.location).first(where: { $0.0 == "spdx" })
                else { return url.map { [("url", $0)] } ?? [] }
                ids.append(mapped.1)
            }
        }
        var fields: [(String, Node)] = []
        if let first = ids.first {
            let texts = ids.compactMap(\.scalar?.text)
            let expression = texts.count == 1 ? texts[0] : texts.map { $0.contains(" ") ? "(\($0))" : $0 }.joined(separator: " AND ")
            fields.append(("spdx", .text(expression, at: first.location)))
        }
        if let url { fields.append(("url", url)) }
        return fields
    }

    /// The organisation behind a component: supplier, manufacturer, publisher, or the first author.
    static func organisation(_ component: Node, _ path: String) throws(ArtifactError) -> Node? {
        let r = reading
        for key in ["supplier", "manufacturer"] {
            if let name = try r.name(try r.object(component[key], path + "." + key), path + "." + key) { return name }
        }
        if let publisher = try r.text(component["publisher"], path + ".publisher") { return publisher }
        for (index, author) in try r.objects(component["authors"], path + ".authors").enumerated() {
            if let name = try r.text(author["name"], "\(path).authors[\(index)].name") { return name }
        }
        return nil
    }

    static func card(_ model: Node, _ modelCard: Node?, path: String) throws(ArtifactError) -> Node {
        let r = reading
        var card = Draft.view(kind: .modelCard, at: model.location)
        card.set("model.name", try r.text(model["name"], path + ".name") ?? .text("model", at: model.location))
        card.set("model.version", try r.text(model["version"], path + ".version"))
        card.set("model.description", try r.text(model["description"], path + ".description"))
        for (key, node) in try licence(model["licenses"], path + ".licenses") { card.set("model.license.\(key)", node) }
        card.set("provider.legal_name", try organisation(model, path))
        guard let modelCard else { return card.node }
        let cardPath = path + ".modelCard"
        if let parameters = try r.object(modelCard["modelParameters"], cardPath + ".modelParameters") {
            let family = try r.text(parameters["architectureFamily"], cardPath + ".modelParameters.architectureFamily")
            let architecture = try r.text(parameters["modelArchitecture"], cardPath + ".modelParameters.modelArchitecture")
            card.set("model.architecture", Node.paragraphs([family, architecture].compactMap { $0 }))
            if let task = try r.text(parameters["task"], cardPath + ".modelParameters.task") {
                card.set("model.intended_tasks", Node.list([task]))
            }
        }
        if let considerations = try r.object(modelCard["considerations"], cardPath + ".considerations") {
            let useCases = try r.texts(considerations["useCases"], cardPath + ".considerations.useCases")
            if !useCases.isEmpty { card.set("model.intended_tasks", Node.list(useCases)) }
            let limitations = try r.texts(considerations["technicalLimitations"], cardPath + ".considerations.technicalLimitations")
            card.set("model.limitations", Node.paragraphs(limitations))
            if let environment = try r.object(
                considerations["environmentalConsiderations"], cardPath + ".considerations.environmentalConsiderations")
            {
                let consumptionsPath = cardPath + ".considerations.environmentalConsiderations.energyConsumptions"
                for (index, consumption) in try r.objects(environment["energyConsumptions"], consumptionsPath).enumerated()
                where consumption["activity"]?.scalar?.text == "training" {
                    let costPath = "\(consumptionsPath)[\(index)].activityEnergyCost"
                    guard let cost = try r.object(consumption["activityEnergyCost"], costPath),
                        let value = try r.number(cost["value"], costPath + ".value")
                    else { continue }
                    let unit = try r.text(cost["unit"], costPath + ".unit")?.scalar?.text
                    if unit == "kWh" { card.set("energy.training_mwh", .number(value / 1000, at: cost["value"]!.location)) }
                    break
                }
            }
        }
        return card.node
    }

    /// A manifest for a `data` component (with its `data[]` entries as sources) or for inline `componentData`.
    static func manifest(component: Node?, items: [Node], path: String) throws(ArtifactError) -> Node {
        let r = reading
        let anchor = component ?? items.first!
        var manifest = Draft.view(kind: .datasetManifest, at: anchor.location)
        let componentPath = component == nil ? path : path.components(separatedBy: ".data[").first!
        let name = try r.text(anchor["name"], componentPath + ".name")
        let id = Slug.make(name?.scalar?.text ?? anchor["bom-ref"]?.scalar?.text ?? "dataset")
        manifest.set("dataset.id", .text(id, at: name?.location ?? anchor.location))
        manifest.set("dataset.name", name)
        manifest.set("dataset.version", try r.text(anchor["version"], componentPath + ".version"))
        manifest.set("dataset.description", try r.text(anchor["description"], componentPath + ".description"))
        let componentLicence =
            try component.map { c throws(ArtifactError) in try licence(c["licenses"], componentPath + ".licenses") } ?? []
        let owner = try component.map { c throws(ArtifactError) in try organisation(c, componentPath) } ?? nil
        manifest.set("dataset.owner.organisation", owner)
        var sources: [Node] = []
        for (index, item) in (items.isEmpty ? [anchor] : items).enumerated() {
            let itemPath = items.count == 1 && component != nil && !path.hasSuffix("]") ? "\(path).data[\(index)]" : path
            sources.append(try source(item, index: index, datasetID: id, licence: componentLicence, owner: owner, path: itemPath))
        }
        manifest.set("sources", Node(.sequence(sources), at: sources[0].location))
        return manifest.node
    }

    static func source(_ item: Node, index: Int, datasetID: String, licence: [(String, Node)], owner: Node?, path: String)
        throws(ArtifactError) -> Node
    {
        let r = reading
        var source = Draft(at: item.location)
        let name = try r.text(item["name"], path + ".name")
        source.set(
            "id",
            .text(
                index == 0 ? datasetID : Slug.make(name?.scalar?.text ?? "\(datasetID)-\(index + 1)"), at: name?.location ?? item.location))
        source.set("name", name)
        source.set("description", try r.text(item["description"], path + ".description"))
        let classification = try r.text(item["classification"], path + ".classification")
        let isPublic = classification?.scalar?.text.lowercased() == "public"
        source.set("source_type", .plain(isPublic ? "public_dataset" : "other", at: classification?.location ?? item.location))
        source.set("origin.owner", owner)
        if let contents = try r.object(item["contents"], path + ".contents") {
            source.set("origin.locator", try r.text(contents["url"], path + ".contents.url"))
        }
        for (key, node) in licence { source.set("rights.license.\(key)", node) }
        let sensitive = try r.texts(item["sensitiveData"], path + ".sensitiveData")
        if let first = sensitive.first {
            source.set("personal_data.present", .flag(true, at: first.location))
            source.set("personal_data.categories", Node.list(sensitive))
        } else if let classification,
            ["pii", "personal", "personal data", "sensitive personal data", "phi"]
                .contains(classification.scalar!.text.lowercased())
        {
            source.set("personal_data.present", .flag(true, at: classification.location))
        }
        if let governance = try r.object(item["governance"], path + ".governance") {
            for role in ["owners", "custodians", "stewards"] {
                for (position, party) in try r.objects(governance[role], "\(path).governance.\(role)").enumerated() {
                    let organisation = try r.object(party["organization"], "\(path).governance.\(role)[\(position)].organization")
                    if let name = try r.name(organisation, "\(path).governance.\(role)[\(position)].organization") {
                        source.set("origin.owner", name)
                        break
                    }
                }
                if source.has("origin.owner") { break }
            }
        }
        return source.node
    }
}

extension InputFormat {
    /// CycloneDX JSON, read by `CycloneDXAdapter`.
    public static let cyclonedx = InputFormat(id: "cyclonedx")
}
