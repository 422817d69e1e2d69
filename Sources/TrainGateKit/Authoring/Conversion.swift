#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `traingate convert`: a file in another format written out as a TrainGate dataset manifest or
/// model card, pre-filled with exactly what the adapter read (each value with a comment naming
/// where it came from) and every other field of the `traingate init` template left as a
/// commented `# TODO` with the law that asks for it. Nothing is invented.
public enum Conversion {
    /// What to write.
    public enum Target: String, Sendable, CaseIterable {
        case manifest, card

        /// The TrainGate kind written.
        public var kind: DocumentKind { self == .manifest ? .datasetManifest : .modelCard }
    }

    /// Fields the templates leave out because they apply only on an answer (a lawful basis is
    /// needed once personal data are present), but that a converted file should still prompt for:
    /// parent path → keys, added after the template's own keys.
    static let promptedFields: [String: [String]] = [
        "sources[].personal_data": ["lawful_basis"]
    ]

    /// The text of a TrainGate YAML file converted from `file`. Throws a located error for a file
    /// that cannot be read, is already a TrainGate file, or does not describe what `target` asks
    /// for; `dataset` picks one of several datasets by id.
    public static func convert(
        file: String, to target: Target, format: InputFormat = .auto, dataset: String? = nil, limits: LoadLimits = .standard
    ) throws(ArtifactError) -> String {
        let start = SourceLocation(file: file, line: 1, column: 1)
        let adapted: AdaptedFile
        switch try Adapters.load(file: file, format: format, limits: limits) {
        case .native(let root):
            if InputFormat.detect(root) == .traingate {
                throw .invalid(
                    root["apiVersion"]?.location ?? root.location,
                    "already a TrainGate file (apiVersion: traingate/v1); there is nothing to convert: run traingate check on it")
            }
            let titles = Adapters.all.map { $0.title }
            throw .invalid(
                root.location,
                "not a \(titles.dropLast().joined(separator: ", ")) or \(titles.last!) file; "
                    + "name the format with --input-format if it is one")
        case .adapted(let file): adapted = file
        }
        if adapted.isEmpty {
            throw .invalid(start, "this \(fileTitle(adapted.format)) describes no model and no dataset; there is nothing to convert")
        }
        let ids = adapted.manifests.map(datasetID)
        let root: Node
        switch target {
        case .card:
            guard let card = adapted.card else {
                throw .invalid(
                    adapted.manifests[0].location,
                    "this \(fileTitle(adapted.format)) describes "
                        + describe(ids) + ", not a model; convert it with --to manifest")
            }
            root = card
        case .manifest:
            guard !adapted.manifests.isEmpty else {
                throw .invalid(
                    adapted.card?.location ?? start,
                    "this \(fileTitle(adapted.format)) describes a model, not a dataset; "
                        + "convert it with --to card")
            }
            if let dataset {
                guard let index = ids.firstIndex(of: dataset) else {
                    throw .invalid(
                        start,
                        "this \(fileTitle(adapted.format)) describes no dataset '\(dataset)'; it describes "
                            + describe(ids))
                }
                root = adapted.manifests[index]
            } else if adapted.manifests.count > 1 {
                throw .invalid(
                    start,
                    "this \(fileTitle(adapted.format)) describes \(describe(ids)); "
                        + "choose one with --dataset ID")
            } else {
                root = adapted.manifests[0]
            }
        }
        var writer = Writer(
            kind: target.kind, format: adapted.format, source: file,
            datasetIDs: target == .card ? ids : [])
        writer.header(adapted.notes)
        let template = Self.template(forKind: target.kind)
        writer.mapping(root, template: template, indent: 0, path: "")
        return writer.lines.joined(separator: "\n") + "\n"
    }

    /// The parsed `traingate init` template of a kind: the field set a converted file prompts for.
    static func template(forKind kind: DocumentKind) -> Node {
        let text = kind == .modelCard ? StarterFiles.modelCard : StarterFiles.manifest
        do {
            return try DocumentLoader.parseYAML(Array(text.utf8), file: "<traingate init template>")
        } catch {
            preconditionFailure("the \(kind) template does not parse: \(error)")
        }
    }

    /// The leaf field paths of a kind's template (`sources[].rights.license.spdx`), with the
    /// prompted fields: every field a converted file either fills or marks TODO.
    public static func templateLeafPaths(forKind kind: DocumentKind) -> [String] {
        var paths: [String] = []
        func walk(_ node: Node, _ path: String) {
            switch node.content {
            case .mapping(let entries):
                let keys = entries.map(\.key) + (promptedFields[path] ?? []).filter { key in !entries.contains { $0.key == key } }
                for key in keys {
                    let child = node[key] ?? Node(.scalar(Scalar("")), at: node.location)
                    walk(child, path.isEmpty ? key : path + "." + key)
                }
            case .sequence(let items) where items.first?.mapping != nil: walk(items[0], path + "[]")
            default: paths.append(path)
            }
        }
        walk(template(forKind: kind), "")
        return paths.filter { $0 != "apiVersion" && $0 != "kind" }
    }

    /// `this Hugging Face card`, `this Croissant file`.
    static func fileTitle(_ format: InputFormat) -> String {
        format.title.hasSuffix("card") ? format.title : format.title + " file"
    }

    static func datasetID(_ manifest: Node) -> String {
        manifest["dataset"]?["id"]?.scalar?.text ?? "dataset"
    }

    /// `a dataset (common-voice)` or `2 datasets (a, b)`.
    static func describe(_ ids: [String]) -> String {
        (ids.count == 1 ? "a dataset" : "\(ids.count) datasets") + " (" + ids.joined(separator: ", ") + ")"
    }

    /// The first sentence of a field description, cut to about 100 characters at a word.
    static func reason(_ description: String) -> String {
        let abbreviations = ["Art", "e.g", "i.e", "No", "Rec", "para", "cf", "etc", "Sec", "vs"]
        let characters = Array(description)
        var end = characters.count
        var index = 0
        while index < characters.count - 1 {
            if characters[index] == ".", characters[index + 1] == " " {
                let before = String(characters[..<index])
                let word = before.split(separator: " ").last.map(String.init) ?? ""
                let next = index + 2 < characters.count ? characters[index + 2] : " "
                if !abbreviations.contains(where: { word.hasSuffix($0) }) && next.isUppercase {
                    end = index + 1
                    break
                }
            }
            index += 1
        }
        var sentence = String(characters[..<end]).trimmingWhitespace()
        if sentence.count > 100 {
            let cut = sentence.prefix(99)
            sentence = String(cut[..<(cut.lastIndex(of: " ") ?? cut.endIndex)]) + " …"
        }
        return sentence
    }

    /// The closed vocabulary of the field at `path` in a kind's schema, if it has one.
    static func vocabulary(kind: DocumentKind, path: String) -> [String]? {
        guard var type = kind.fieldSchema else { return nil }
        for part in path.split(separator: ".") {
            var key = String(part)
            let isItem = key.hasSuffix("[]")
            if isItem { key.removeLast(2) }
            guard case .object(let fields, _) = type, let child = fields[key] else { return nil }
            type = child
            if isItem {
                guard case .list(let item) = type else { return nil }
                type = item
            }
        }
        if case .oneOf(let values) = type { return values }
        return nil
    }

    /// The lines of the converted file, built top-down.
    struct Writer {
        let kind: DocumentKind
        let format: InputFormat
        let source: String
        /// For a card: the datasets the same file describes, whose manifests do not exist yet.
        let datasetIDs: [String]
        let descriptions: [String: String]
        var lines: [String] = []

        init(kind: DocumentKind, format: InputFormat, source: String, datasetIDs: [String]) {
            self.kind = kind
            self.format = format
            self.source = source
            self.datasetIDs = datasetIDs
            descriptions = ArtifactSchemas.descriptions(forKind: kind)
        }

        mutating func header(_ notes: [Diagnostic]) {
            lines.append("# Converted by traingate convert from \(YAMLWriter.commentText(source)) (\(format.title)).")
            lines.append("# Every value below is what the source declares, with the place it was read from. Confirm each")
            lines.append("# value and fill in every TODO, then run `traingate check`.")
            for note in notes {
                let wrapped = YAMLWriter.wrap("Note (\(origin(note.location))): \(note.message)", width: 96)
                for (index, line) in wrapped.enumerated() { lines.append((index == 0 ? "# " : "#   ") + line) }
            }
        }

        /// `README.md:12:10`: the file's last component, line and column.
        func origin(_ location: SourceLocation) -> String {
            let name = location.file.split(separator: "/").last.map(String.init) ?? location.file
            return "\(name):\(location.line):\(location.column)"
        }

        func reason(_ path: String) -> String? {
            descriptions[path].map(Conversion.reason)
        }

        func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : path + "." + key }

        /// A mapping's entries at `indent`: the template's keys in template order (filled or
        /// TODO), then keys the source has that the template lacks.
        mutating func mapping(_ node: Node?, template: Node?, indent: Int, path: String) {
            let entries = node?.mapping ?? []
            var keys = template?.mapping?.map(\.key) ?? []
            keys += (promptedFields[path] ?? []).filter { !keys.contains($0) }
            keys += entries.map(\.key).filter { !keys.contains($0) }
            for key in keys {
                let childPath = join(path, key)
                let value = entries.first { $0.key == key }?.value
                if path.isEmpty && (key == "apiVersion" || key == "kind") {
                    lines.append("\(key): \(key == "kind" ? kind.rawValue : "traingate/v1")")
                    continue
                }
                let childTemplate = template?[key]
                if childPath == "training_data.datasets" && !datasetIDs.isEmpty {
                    datasetCommands(indent: indent)
                } else if let value, !value.isNull {
                    entry(key, value, template: childTemplate, indent: indent, path: childPath)
                } else {
                    todo(key, template: childTemplate, indent: indent, path: childPath, item: false)
                }
            }
        }

        /// One filled entry.
        mutating func entry(_ key: String, _ value: Node, template: Node?, indent: Int, path: String) {
            let pad = String(repeating: " ", count: indent)
            switch value.content {
            case .scalar(let scalar):
                if path.hasSuffix("source_type") {
                    let choices = vocabulary(kind: kind, path: path).map { ": " + $0.joined(separator: " | ") } ?? ""
                    lines.append(
                        contentsOf: YAMLWriter.wrap(
                            "TODO confirm: a \(format.title) cannot state the AI Office source type "
                                + "for sure\(choices)", width: 96 - indent
                        ).map { pad + "# " + $0 })
                }
                let text = pad + YAMLWriter.key(key) + ": " + YAMLWriter.scalar(scalar, indent: indent)
                lines.append(YAMLWriter.withComment(text, origin(value.location)))
            case .mapping:
                lines.append(pad + YAMLWriter.key(key) + ":")
                mapping(value, template: template, indent: indent + 2, path: path)
            case .sequence(let items):
                lines.append(pad + YAMLWriter.key(key) + ":")
                let itemTemplate = template?.sequence?.first
                for item in items { listItem(item, template: itemTemplate, indent: indent + 2, path: path + "[]") }
            }
        }

        /// One list item, its dash at `indent`.
        mutating func listItem(_ item: Node, template: Node?, indent: Int, path: String) {
            let pad = String(repeating: " ", count: indent)
            switch item.content {
            case .scalar(let scalar):
                let text = pad + "- " + YAMLWriter.scalar(scalar, indent: indent + 2)
                lines.append(YAMLWriter.withComment(text, origin(item.location)))
            case .mapping, .sequence:
                var nested = self
                nested.lines = []
                if case .mapping = item.content {
                    nested.mapping(item, template: template, indent: indent + 2, path: path)
                } else {
                    for inner in item.sequence! {
                        nested.listItem(inner, template: template?.sequence?.first, indent: indent + 2, path: path + "[]")
                    }
                }
                // The dash goes on the first line that is not a comment; comments before it are fine where they are.
                if let first = nested.lines.firstIndex(where: { !$0.trimmingWhitespace().hasPrefix("#") }) {
                    nested.lines[first] = pad + "- " + nested.lines[first].dropFirst(indent + 2)
                    lines += nested.lines
                } else {
                    lines += nested.lines
                    lines.append(pad + "- {}")
                }
            }
        }

        /// A field the source does not declare, commented out: a leaf as `# TODO key:`, an
        /// object or a list of objects with its fields as TODOs inside.
        mutating func todo(_ key: String, template: Node?, indent: Int, path: String, item: Bool) {
            let pad = String(repeating: " ", count: indent)
            let dash = item ? "- " : ""
            let why = reason(path)
            func line(_ text: String) -> String { why.map { YAMLWriter.withComment(text, $0) } ?? text }
            if let template, template.mapping != nil {
                lines.append(line(pad + "# " + dash + key + ":"))
                todoChildren(template, indent: indent + (item ? 4 : 2), path: path)
            } else if let itemTemplate = template?.sequence?.first, itemTemplate.mapping != nil {
                lines.append(line(pad + "# " + key + ":"))
                var first = true
                let keys = itemTemplate.mapping!.map(\.key) + (promptedFields[path + "[]"] ?? [])
                for child in keys {
                    let childTemplate = itemTemplate[child]
                    let childPath = path + "[]." + child
                    if first {
                        todo(child, template: childTemplate, indent: indent + 2, path: childPath, item: true)
                        first = false
                    } else {
                        todo(child, template: childTemplate, indent: indent + 4, path: childPath, item: false)
                    }
                }
            } else {
                lines.append(line(pad + "# " + dash + "TODO " + key + ":"))
            }
        }

        mutating func todoChildren(_ template: Node, indent: Int, path: String) {
            let keys = template.mapping!.map(\.key) + (promptedFields[path] ?? []).filter { template[$0] == nil }
            for key in keys {
                if join(path, key) == "training_data.datasets" && !datasetIDs.isEmpty {
                    datasetCommands(indent: indent)
                } else {
                    todo(key, template: template[key], indent: indent, path: join(path, key), item: false)
                }
            }
        }

        /// `training_data.datasets` for a card whose file also describes datasets: their
        /// manifests do not exist yet, so the list is commented with the command that writes each.
        mutating func datasetCommands(indent: Int) {
            let pad = String(repeating: " ", count: indent)
            lines.append(
                YAMLWriter.withComment(
                    pad + "# TODO datasets:",
                    "this file describes \(datasetIDs.count == 1 ? "a dataset" : "\(datasetIDs.count) datasets"); "
                        + "write a manifest for each, then uncomment"))
            let file = shellQuoted(source)
            for id in datasetIDs {
                let name = Slug.make(id) + ".yaml"
                lines.append(
                    YAMLWriter.withComment(
                        pad + "#   - manifest: \(name)",
                        "TODO: traingate convert \(file) --to manifest --dataset \(shellQuoted(id)) --output \(name)"))
            }
        }

        func shellQuoted(_ text: String) -> String {
            let safe = text.unicodeScalars.allSatisfy {
                $0.isASCII && (ScalarClass.alphanumeric.contains($0) || "-_./:@+=".unicodeScalars.contains($0))
            }
            return safe && !text.isEmpty ? text : "'" + text.replacing("'", with: "'\\''") + "'"
        }
    }
}
