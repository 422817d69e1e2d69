/// A small inline SVG bar chart of the data mix: the number of sources per modality and per
/// source type. It counts sources only; declared sizes are in different units and are never
/// added across them.
enum SummarySVGChart {
    static func render(_ summary: TrainingSummary) -> String {
        let groups = [
            ("Sources by modality", summary.sourcesByModality.map { (SummaryText.modality($0.name), $0.count) }),
            ("Sources by type", summary.sourcesByType.map { (SummaryText.sourceType($0.name), $0.count) }),
        ]
        let rows = groups.reduce(0) { $0 + $1.1.count + 1 }
        let height = rows * 22 + 8
        let most = max(1, groups.flatMap { $0.1.map(\.1) }.max() ?? 1)
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"640\" height=\"\(height)\" "
        out += "viewBox=\"0 0 640 \(height)\" role=\"img\" aria-label=\"Data mix: number of sources by modality and by type\">\n"
        var y = 18
        for (title, bars) in groups {
            out += "<text x=\"0\" y=\"\(y)\" class=\"chart-title\">\(XMLText.content(title))</text>\n"
            y += 22
            for (label, count) in bars {
                let width = max(2, count * 300 / most)
                out += "<text x=\"0\" y=\"\(y - 5)\" class=\"chart-label\">\(XMLText.content(label))</text>"
                out += "<rect x=\"290\" y=\"\(y - 18)\" width=\"\(width)\" height=\"16\" rx=\"2\" class=\"chart-bar\"/>"
                out += "<text x=\"\(296 + width)\" y=\"\(y - 5)\" class=\"chart-value\">\(count)</text>\n"
                y += 22
            }
        }
        return out + "</svg>"
    }
}
