/// The difference between two summaries as Markdown, HTML or JSON.
public enum SummaryDiffRenderer {
    public static func markdown(_ diff: SummaryDiff) -> String {
        var out = "# What changed in the summary of training content: \(MarkdownText.cell(diff.newModel))\n\n"
        out += "**\(MarkdownText.cell(diff.verdict.prefix(1).uppercased() + diff.verdict.dropFirst())).**\n\n"
        out +=
            "Summary version: \(MarkdownText.cell(diff.oldVersion ?? "not declared")) (updated \(MarkdownText.cell(diff.oldUpdate ?? "not declared"))) → "
        out += "\(MarkdownText.cell(diff.newVersion ?? "not declared")) (updated \(MarkdownText.cell(diff.newUpdate ?? "not declared")))\n"
        if !diff.due.isEmpty {
            out += "\n## Why a new version is due\n\n" + diff.due.map { "- \(MarkdownText.cell($0))\n" }.joined()
        }
        if !diff.material.isEmpty {
            out += "\n## Material changes\n\n" + diff.material.map { "- \(MarkdownText.cell($0))\n" }.joined()
        }
        out += "\n## Changes by section\n\n"
        if diff.changes.isEmpty { out += "None.\n" }
        for change in diff.changes {
            out += "### \(change.section) \(MarkdownText.cell(change.label.isEmpty ? change.key : change.label))\n\n"
            out += change.added.map { "- added: \(MarkdownText.cell($0))\n" }.joined()
            out += change.removed.map { "- removed: \(MarkdownText.cell($0))\n" }.joined()
            out += "\n"
        }
        return out
    }

    public static func html(_ diff: SummaryDiff) -> String {
        let model = HTMLText.content(diff.newModel)
        var out = AB2013HTMLRenderer.head(title: "What changed in the summary of training content: \(model)")
        out += "<header>\n<p class=\"kicker\">AI Act Art. 53(1)(d) · Public summary of training content · Changes</p>\n"
        out += "<h1>\(model)</h1>\n<p class=\"lead\"><strong>\(HTMLText.content(diff.verdict))</strong></p>\n"
        out +=
            "<p>Summary version: \(HTMLText.content(diff.oldVersion ?? "not declared")) (updated \(HTMLText.content(diff.oldUpdate ?? "not declared"))) → "
        out +=
            "\(HTMLText.content(diff.newVersion ?? "not declared")) (updated \(HTMLText.content(diff.newUpdate ?? "not declared")))</p>\n</header>\n"
        if !diff.due.isEmpty {
            out += "<section aria-labelledby=\"due\">\n<h2 id=\"due\">Why a new version is due</h2>\n<ul>\n"
            out += diff.due.map { "<li>\(HTMLText.content($0))</li>\n" }.joined() + "</ul>\n</section>\n"
        }
        if !diff.material.isEmpty {
            out += "<section aria-labelledby=\"material\">\n<h2 id=\"material\">Material changes</h2>\n<ul>\n"
            out += diff.material.map { "<li>\(HTMLText.content($0))</li>\n" }.joined() + "</ul>\n</section>\n"
        }
        out += "<section aria-labelledby=\"changes\">\n<h2 id=\"changes\">Changes by section</h2>\n"
        if diff.changes.isEmpty { out += "<p>None.</p>\n" }
        for change in diff.changes {
            out +=
                "<h3>\(HTMLText.content(change.section)) \(HTMLText.content(change.label.isEmpty ? change.key : change.label))</h3>\n<ul>\n"
            out += change.added.map { "<li>added: \(HTMLText.content($0))</li>\n" }.joined()
            out += change.removed.map { "<li>removed: \(HTMLText.content($0))</li>\n" }.joined()
            out += "</ul>\n"
        }
        return out + "</section>\n</main>\n</body>\n</html>\n"
    }

    public static func json(_ diff: SummaryDiff) -> String {
        func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
        return JSONValue.object([
            "schema": .string(SummaryDiff.schema), "old_model": .string(diff.oldModel), "new_model": .string(diff.newModel),
            "verdict": .string(diff.verdict), "new_version_due": .bool(diff.newVersionDue), "due": .array(diff.due.map(JSONValue.string)),
            "material": .array(diff.material.map(JSONValue.string)),
            "old_version": optional(diff.oldVersion), "new_version": optional(diff.newVersion), "old_last_update": optional(diff.oldUpdate),
            "new_last_update": optional(diff.newUpdate),
            "changes": .array(
                diff.changes.map { change in
                    .object([
                        "section": .string(change.section), "key": .string(change.key), "label": .string(change.label),
                        "added": .array(change.added.map(JSONValue.string)), "removed": .array(change.removed.map(JSONValue.string)),
                    ])
                }),
        ]).rendered
    }
}
