/// The subjects of a check as the HTML report shows them: every bundle's model, its datasets and
/// their sources in the order checked, each with an anchor, then any subject findings name that
/// the bundles do not, and each subject's findings in report order.
struct SubjectTree {
    enum Kind: String {
        case model, dataset, source, subject

        var capitalizedWord: String {
            switch self {
            case .model: "Model"
            case .dataset: "Dataset"
            case .source: "Source"
            case .subject: "Subject"
            }
        }
    }

    struct Node {
        /// `model:NAME`, `dataset:ID` or `dataset:ID/source:ID`.
        var subject: String
        var kind: Kind
        /// The model name, dataset id or source id.
        var name: String
        /// `dataset d` for a source; `model m` for a dataset a card names (every card that names it).
        var parents: [String]
        var depth: Int
        /// The file that declares it, shown under its heading.
        var file: String?
        /// Its element id: `subject-N`; for the same subject from the same file held again by
        /// another bundle (a manifest two cards name), the first one's.
        var anchor: String
        /// Whether an earlier node is the same subject from the same file (its findings are shown there).
        var isRepeat: Bool
    }

    private(set) var nodes: [Node] = []
    /// Subjects of findings that no bundle holds.
    private(set) var others: [Node] = []
    /// Indices into the report's findings, by the anchor of the node they belong to.
    private(set) var findings: [String: [Int]] = [:]
    /// The first node of each subject, by subject.
    private var firstAnchors: [String: String] = [:]
    /// Nodes by subject and a file their findings may point into: a manifest for its dataset and
    /// sources, a card and its manifests for its model. Two manifests with the same dataset id
    /// (under two cards) are two nodes.
    private var placedAnchors: [String: String] = [:]
    private var failed: [String: Int] = [:]
    private var waived: [String: Int] = [:]

    init(_ report: CheckReport) {
        for bundle in report.bundles {
            var depth = 0
            var model: String?
            if let card = bundle.card {
                add(
                    "model:\(card.name)", kind: .model, name: card.name, parent: nil, depth: 0, file: card.file,
                    places: [card.file] + bundle.datasets.map(\.file))
                model = "model \(card.name)"
                depth = 1
            }
            for dataset in bundle.datasets {
                add(
                    "dataset:\(dataset.id)", kind: .dataset, name: dataset.id, parent: model, depth: depth, file: dataset.file,
                    places: [dataset.file])
                for source in dataset.sources {
                    add(
                        "dataset:\(dataset.id)/source:\(source.id)", kind: .source, name: source.id, parent: "dataset \(dataset.id)",
                        depth: depth + 1, file: nil, places: [dataset.file])
                }
            }
        }
        for (index, finding) in report.findings.enumerated() {
            var anchor = placedAnchors[Self.place(finding.subject, finding.location.file)] ?? firstAnchors[finding.subject]
            if anchor == nil {
                let new = "subject-\(nodes.count + others.count + 1)"
                firstAnchors[finding.subject] = new
                others.append(
                    Node(
                        subject: finding.subject, kind: .subject, name: finding.subject, parents: [], depth: 0, file: nil, anchor: new,
                        isRepeat: false))
                anchor = new
            }
            let key = anchor!
            findings[key, default: []].append(index)
            if finding.status == .fail { failed[key, default: 0] += 1 }
            if finding.status == .waived { waived[key, default: 0] += 1 }
        }
    }

    private static func place(_ subject: String, _ file: String) -> String { subject + "\u{0}" + file }

    private mutating func add(
        _ subject: String, kind: Kind, name: String, parent: String?, depth: Int, file: String?, places: [String]
    ) {
        if let known = placedAnchors[Self.place(subject, places[0])] {
            // The same manifest under a second card: one section, naming both cards.
            if let parent, let first = nodes.firstIndex(where: { $0.anchor == known && !$0.isRepeat }),
                !nodes[first].parents.contains(parent)
            {
                nodes[first].parents.append(parent)
            }
            nodes.append(
                Node(
                    subject: subject, kind: kind, name: name, parents: parent.map { [$0] } ?? [], depth: depth, file: file, anchor: known,
                    isRepeat: true))
            return
        }
        let anchor = "subject-\(nodes.count + 1)"
        for place in places where placedAnchors[Self.place(subject, place)] == nil { placedAnchors[Self.place(subject, place)] = anchor }
        if firstAnchors[subject] == nil { firstAnchors[subject] = anchor }
        nodes.append(
            Node(
                subject: subject, kind: kind, name: name, parents: parent.map { [$0] } ?? [], depth: depth, file: file, anchor: anchor,
                isRepeat: false))
    }

    /// The element id of `subject`'s first section, if it has one.
    func anchor(of subject: String) -> String? { firstAnchors[subject] }

    /// ` <span …>2 failed, 1 waived</span>` after a node in the tree; empty when it has neither.
    func tally(of anchor: String) -> String {
        let parts = [(failed[anchor] ?? 0, "failed"), (waived[anchor] ?? 0, "waived")].filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
        return parts.isEmpty ? "" : " <span class=\"tally\">\(parts.joined(separator: ", "))</span>"
    }
}

/// A small horizontal bar chart as inline SVG, with its values in its accessible name.
struct BarChart {
    struct Bar {
        var label: String
        var count: Int
        /// A CSS class for the bar (a severity), or nil for the accent colour.
        var style: String?
    }

    var title: String
    var bars: [Bar]

    /// The most bars drawn; the rest are summed in one "others" bar.
    static let maxBars = 12

    var svg: String {
        var shown = Array(bars.prefix(Self.maxBars))
        if bars.count > Self.maxBars {
            let rest = bars.dropFirst(Self.maxBars)
            shown.append(Bar(label: "\(rest.count) others", count: rest.reduce(0) { $0 + $1.count }, style: nil))
        }
        let height = (shown.count + 1) * 22 + 6
        let most = max(1, shown.map(\.count).max() ?? 1)
        let name = title + ": " + shown.map { "\($0.label) \($0.count.grouped)" }.joined(separator: ", ")
        var out =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"640\" height=\"\(height)\" viewBox=\"0 0 640 \(height)\""
        out +=
            " role=\"img\" aria-label=\"\(HTMLText.attribute(name))\">\n<text x=\"0\" y=\"16\" class=\"title\">\(HTMLText.content(title))</text>\n"
        var y = 40
        for bar in shown {
            let width = bar.count == 0 ? 0 : max(2, Int((Double(bar.count) / Double(most) * 300).rounded()))
            let label = bar.label.count > 36 ? String(bar.label.prefix(35)) + "…" : bar.label
            out += "<text x=\"0\" y=\"\(y - 5)\">\(HTMLText.content(label))</text>"
            out +=
                "<rect x=\"250\" y=\"\(y - 17)\" width=\"\(width)\" height=\"15\" rx=\"2\"\(bar.style.map { " class=\"\($0)\"" } ?? "")/>"
            out += "<text x=\"\(256 + width)\" y=\"\(y - 5)\">\(bar.count.grouped)</text>\n"
            y += 22
        }
        return out + "</svg>"
    }
}
