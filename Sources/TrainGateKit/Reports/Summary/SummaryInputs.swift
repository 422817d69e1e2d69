/// The model card and the sources of its manifests, read the way the summary reads them: every
/// answer is a declared value with its location, or the field that would give it.
struct SummaryInputs {
    /// One source of one manifest.
    struct SourceEntry {
        var node: Node
        var id: String
        /// `source_type`.
        var type: String
        /// `name`, or the id.
        var name: String
        /// The aggregates of the source's ledger, when the check read one.
        var ledger: LedgerStats? = nil
        var subject: String { "source \(id)" }
        var modalities: [String] { node["modalities"]?.sequence?.compactMap { SummaryInputs.text($0) } ?? [] }
    }

    var card: ModelCard
    var sources: [SourceEntry]

    init(_ bundle: ArtifactBundle, card: ModelCard, ledgers: [LedgerReport] = []) {
        self.card = card
        let bySubject = Dictionary(ledgers.map { ($0.subject, $0.stats) }, uniquingKeysWith: { first, _ in first })
        sources = bundle.datasets.flatMap { dataset in
            dataset.sources.map { source in
                let node = source.node
                return SourceEntry(
                    node: node, id: source.id, type: node["source_type"].flatMap(SummaryInputs.text) ?? "",
                    name: node["name"].flatMap(SummaryInputs.text) ?? source.id,
                    ledger: bySubject["dataset:\(dataset.id)/source:\(source.id)"])
            }
        }
    }

    var modelSubject: String { "model \(card.name)" }

    /// The sources of the given types, in manifest order.
    func sources(_ types: [String]) -> [SourceEntry] { sources.filter { types.contains($0.type) } }

    /// The node at a dotted path under `root`, or nil.
    static func node(_ root: Node, _ path: String) -> Node? {
        var node: Node? = root
        for key in path.split(separator: ".") { node = node?[String(key)] }
        return node
    }

    /// Where a field at `path` under `root` belongs: the deepest mapping on the path that exists.
    static func parentLocation(_ root: Node, _ path: String) -> SourceLocation {
        var location = root.location
        var node: Node? = root
        for key in path.split(separator: ".") {
            node = node?[String(key)]
            guard let found = node else { break }
            if found.mapping != nil { location = found.location }
        }
        return location
    }

    /// A declared value as text: a scalar's text, a list joined with commas, a mapping as
    /// `key: value` pairs. Null, empty strings and empty collections declare nothing.
    static func text(_ node: Node) -> String? {
        if node.isNull { return nil }
        switch node.content {
        case .scalar(let scalar): return scalar.text.isEmpty ? nil : scalar.text
        case .sequence(let items):
            let parts = items.compactMap(text)
            return parts.isEmpty ? nil : parts.joined(separator: ", ")
        case .mapping(let entries):
            let parts = entries.compactMap { entry in text(entry.value).map { "\(entry.key): \($0)" } }
            return parts.isEmpty ? nil : parts.joined(separator: "; ")
        }
    }

    /// `Yes` or `No` for a boolean, else the text as declared.
    static func answer(_ node: Node) -> String? {
        if case .bool(let flag)? = node.value { return flag ? "Yes" : "No" }
        return text(node)
    }

    /// The card's value at `path` as a fact, with a link if it is a URL.
    func cardFact(_ path: String, format: (Node) -> String? = SummaryInputs.answer) -> TrainingSummary.Fact? {
        guard let node = Self.node(card.root, path), let value = format(node) else { return nil }
        return TrainingSummary.Fact(value, url: Self.link(value), at: node.location)
    }

    /// An item answered by the card's field at `path`, or its gap.
    func cardItem(
        _ key: String, _ label: String, _ path: String,
        format: (Node) -> String? = SummaryInputs.answer
    ) -> TrainingSummary.Item {
        if let fact = cardFact(path, format: format) { return .init(key: key, label: label, facts: [fact], missing: []) }
        return .init(key: key, label: label, facts: [], missing: [cardMissing(path)])
    }

    func cardMissing(_ path: String) -> TrainingSummary.Missing {
        .init(field: path, subject: modelSubject, location: Self.parentLocation(card.root, path))
    }

    /// An item gathering one field of each of `sources`: a fact per source that declares it, a
    /// gap per source that does not (unless the field is optional).
    func sourceItem(
        _ key: String, _ label: String, _ sources: [SourceEntry], _ path: String, optional: Bool = false,
        format: (Node) -> String? = SummaryInputs.answer
    ) -> TrainingSummary.Item {
        var item = TrainingSummary.Item(key: key, label: label, facts: [], missing: [])
        for source in sources {
            if let node = Self.node(source.node, path), let value = format(node) {
                item.facts.append(.init(value, url: Self.link(value), subject: source.subject, at: node.location))
            } else if !optional {
                item.missing.append(sourceMissing(source, path))
            }
        }
        return item
    }

    func sourceMissing(_ source: SourceEntry, _ path: String) -> TrainingSummary.Missing {
        .init(field: "sources[].\(path)", subject: source.subject, location: Self.parentLocation(source.node, path))
    }

    /// The value itself when it is an http or https URL.
    static func link(_ text: String) -> String? {
        text.hasPrefix("https://") || text.hasPrefix("http://") ? text : nil
    }
}

extension TrainingSummary.Item {
    /// An item with one derived answer and no gap.
    static func derived(_ key: String, _ label: String, _ text: String) -> Self {
        .init(key: key, label: label, facts: [TrainingSummary.Fact(text)], missing: [])
    }
}
