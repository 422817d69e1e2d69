/// The AB 2013 documentation as Markdown, for the developer's website or a repository.
public enum AB2013MarkdownRenderer {
    public static func render(_ disclosure: AB2013Disclosure) -> String {
        var out = "# Training data documentation (California AB 2013): \(MarkdownText.cell(disclosure.model))\n\n"
        out += "The high-level summary of the datasets used to train the system that \(AB2013Disclosure.statute) asks for, "
        out += "filled by TrainGate from the model card and the dataset manifests it names, as of \(disclosure.asOf). "
        out += "It restates what they declare; **Not declared** marks what they do not, with the field that would answer it.\n\n"
        out += "**Posted:** "
        out +=
            disclosure.posting.isEmpty
            ? "**Not declared** (`us.ab2013_doc_url`, `us.ab2013_posted_date`)"
            : disclosure.posting.map { MarkdownText.cell($0.text) }.joined(separator: "; ")
        out += "\n"
        if let reason = disclosure.notApplicable {
            out += "\n> The item rules of the `\(AB2013Disclosure.pack)` pack did not apply: \(MarkdownText.cell(reason)).\n"
        }
        for item in disclosure.items {
            out += "\n## \(item.number). \(item.title)\n\n*\(item.reference)*\n\n"
            let lines = item.entries.map { entry in
                var line = entry.subject.map { "**\(MarkdownText.cell($0))**: " } ?? ""
                line += entry.fact.map { MarkdownText.cell($0.text) } ?? "**Not declared**"
                for gap in entry.gaps {
                    line += (entry.fact == nil ? " — " : " — **gap**: ") + MarkdownText.cell(gap.message)
                    line += " (\(MarkdownText.code(gap.field)) at \(MarkdownText.code(gap.location.description)))"
                }
                return line
            }
            out += lines.isEmpty ? "Nothing to declare: no source of this kind.\n" : lines.map { "- \($0)\n" }.joined()
        }
        let gaps = disclosure.gaps
        out += "\n## Gaps\n\n"
        if gaps.isEmpty {
            out += "None: the inputs answer every item.\n"
        } else {
            out += "| Item | Subject | Field | Where | Rule |\n| ---: | --- | --- | --- | --- |\n"
            for (number, gap) in gaps {
                out += "| \(number) | \(MarkdownText.cell(gap.subject)) | \(MarkdownText.code(gap.field)) | "
                out += "\(MarkdownText.code(gap.location.description)) | \(MarkdownText.code(gap.rule)) |\n"
            }
        }
        return out
    }
}

/// The AB 2013 documentation as one self-contained, printable HTML page (no script).
public enum AB2013HTMLRenderer {
    public static func render(_ disclosure: AB2013Disclosure) -> String {
        let model = HTMLText.content(disclosure.model)
        var out = head(title: "Training data documentation (California AB 2013): \(model)")
        out += "<header>\n<p class=\"kicker\">California Civil Code §3111 (AB 2013) · Training data documentation</p>\n<h1>\(model)</h1>\n"
        out += "<p class=\"lead\">The high-level summary of the datasets used to train the system, filled by TrainGate from the model "
        out += "card and the dataset manifests it names, as of \(disclosure.asOf). It restates what they declare; "
        out += "<span class=\"nd\">Not declared</span> marks what they do not.</p>\n<p><strong>Posted:</strong> "
        out +=
            disclosure.posting.isEmpty
            ? "<span class=\"nd\">Not declared</span> (<code>us.ab2013_doc_url</code>, <code>us.ab2013_posted_date</code>)"
            : disclosure.posting.map { HTMLText.content($0.text) }.joined(separator: "; ")
        out += "</p>\n"
        if let reason = disclosure.notApplicable {
            out +=
                "<p class=\"note\">The item rules of the <code>\(AB2013Disclosure.pack)</code> pack did not apply: \(HTMLText.content(reason)).</p>\n"
        }
        out += "</header>\n"
        for item in disclosure.items {
            out +=
                "<section aria-labelledby=\"item-\(item.number)\">\n<h2 id=\"item-\(item.number)\"><span class=\"num\">\(item.number)</span> "
            out += "\(HTMLText.content(item.title))</h2>\n<p class=\"ref\">\(HTMLText.content(item.reference))</p>\n<ul>\n"
            for entry in item.entries {
                out += "<li>" + (entry.subject.map { "<span class=\"who\">\(HTMLText.content($0))</span> " } ?? "")
                out += entry.fact.map { HTMLText.content($0.text) } ?? "<span class=\"nd\">Not declared</span>"
                for gap in entry.gaps {
                    out += entry.fact == nil ? " — " : " — <span class=\"nd\">gap</span>: "
                    out += "\(HTMLText.content(gap.message)) (<code>\(HTMLText.content(gap.field))</code> at "
                    out += "<code>\(HTMLText.content(gap.location.description))</code>)"
                }
                out += "</li>\n"
            }
            if item.facts.isEmpty && item.gaps.isEmpty { out += "<li>Nothing to declare: no source of this kind.</li>\n" }
            out += "</ul>\n</section>\n"
        }
        out += "<section aria-labelledby=\"gaps\">\n<h2 id=\"gaps\">Gaps</h2>\n"
        let gaps = disclosure.gaps
        if gaps.isEmpty {
            out += "<p>None: the inputs answer every item.</p>\n"
        } else {
            out += "<table>\n<thead><tr><th scope=\"col\">Item</th><th scope=\"col\">Subject</th><th scope=\"col\">Field</th>"
            out += "<th scope=\"col\">Where</th><th scope=\"col\">Rule</th></tr></thead>\n<tbody>\n"
            for (number, gap) in gaps {
                out += "<tr><td>\(number)</td><td>\(HTMLText.content(gap.subject))</td><td><code>\(HTMLText.content(gap.field))</code></td>"
                out +=
                    "<td><code>\(HTMLText.content(gap.location.description))</code></td><td><code>\(HTMLText.content(gap.rule))</code></td></tr>\n"
            }
            out += "</tbody>\n</table>\n"
        }
        return out + "</section>\n</main>\n</body>\n</html>\n"
    }

    /// The start of a disclosure page, to its `<main>`: the page's policy and style sheet, and
    /// `title` (already escaped).
    static func head(title: String) -> String {
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            + "<meta http-equiv=\"Content-Security-Policy\" content=\"\(HTMLText.attribute(policy))\">\n"
            + "<title>\(title)</title>\n<style>\(style)</style>\n</head>\n<body>\n<main>\n"
    }

    static let policy = "default-src 'none'; style-src '\(HTMLAssets.hash(style))'; base-uri 'none'; form-action 'none'"

    static let style = """

        @page { size: A4; margin: 16mm 14mm; }
        :root { --ink: #1d2430; --muted: #4d5666; --line: #d5dae2; --accent: #1f5fa8; }
        body { margin: 0; background: #f3f5f8; color: var(--ink); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
        main { max-width: 860px; margin: 0 auto; padding: 32px 40px 48px; background: #fff; }
        header { border-bottom: 3px solid var(--accent); padding-bottom: 12px; }
        .kicker { margin: 0; color: var(--accent); font-size: 13px; font-weight: 600; letter-spacing: .04em; text-transform: uppercase; }
        h1 { margin: 4px 0 8px; font-size: 28px; }
        .lead, .ref, .note { color: var(--muted); }
        .ref { margin: 0 0 4px; font-size: 13px; }
        h2 { font-size: 18px; margin: 26px 0 4px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
        .num { display: inline-block; min-width: 2em; color: var(--accent); }
        ul { margin: 4px 0; padding-left: 20px; }
        li { margin: 3px 0; overflow-wrap: anywhere; }
        .who { font-weight: 600; }
        .nd { color: #9a3412; font-weight: 700; }
        code { font: 13px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; overflow-wrap: anywhere; }
        table { width: 100%; border-collapse: collapse; font-size: 13px; }
        th, td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid var(--line); }
        th { background: #f3f5f8; }
        @media print {
          body { background: #fff; font-size: 10.5pt; }
          main { max-width: none; padding: 0; }
          section, li, tr { break-inside: avoid; }
          h2 { break-after: avoid; }
        }

        """
}

/// The AB 2013 documentation as JSON for other tools: items keyed `"1"` to `"12"`.
public enum AB2013JSONRenderer {
    public static func render(_ disclosure: AB2013Disclosure) -> String {
        let document: [String: JSONValue] = [
            "schema": .string(AB2013Disclosure.schema),
            "statute": .string(AB2013Disclosure.statute),
            "model": .string(disclosure.model),
            "as_of": .string(disclosure.asOf.description),
            "not_applicable": disclosure.notApplicable.map(JSONValue.string) ?? .null,
            "posting": .array(disclosure.posting.map(fact)),
            "items": .object(
                Dictionary(
                    uniqueKeysWithValues: disclosure.items.map { item in
                        (
                            "\(item.number)",
                            JSONValue.object([
                                "title": .string(item.title), "reference": .string(item.reference), "status": .string(item.status),
                                "values": .array(item.facts.map(fact)), "gaps": .array(item.gaps.map(gap)),
                                "not_declared": .array(item.notDeclared.map(JSONValue.string)),
                            ])
                        )
                    })),
            "gap_count": .int(disclosure.gaps.count),
        ]
        return JSONValue.object(document).rendered
    }

    private static func fact(_ fact: AB2013Disclosure.Fact) -> JSONValue {
        var value: [String: JSONValue] = ["text": .string(fact.text)]
        if let subject = fact.subject { value["subject"] = .string(subject) }
        if let location = fact.location { value["location"] = .string(location.description) }
        return .object(value)
    }

    private static func gap(_ gap: AB2013Disclosure.Gap) -> JSONValue {
        .object([
            "subject": .string(gap.subject), "field": .string(gap.field), "location": .string(gap.location.description),
            "message": .string(gap.message), "rule": .string(gap.rule),
        ])
    }
}
