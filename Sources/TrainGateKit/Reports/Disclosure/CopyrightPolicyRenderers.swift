/// The copyright policy draft as Markdown, the form a provider's lawyers edit.
public enum CopyrightPolicyMarkdownRenderer {
    public static func render(_ document: CopyrightPolicyDocument) -> String {
        var out = "# Copyright policy (draft): \(MarkdownText.cell(document.model))\n\n"
        out += "> \(CopyrightPolicyText.lead(document))\n"
        for (index, section) in document.sections.enumerated() {
            out += "\n## \(index + 1). \(section.title)\n\n*\(section.reference)*\n\n\(section.purpose)\n\n"
            for claim in section.claims {
                out += "- " + (claim.subject.map { "**\(MarkdownText.cell($0))**: " } ?? "") + MarkdownText.cell(claim.text)
                out += " — \(MarkdownText.code(claim.location.description))\n"
            }
            if section.claims.isEmpty && section.missing.isEmpty { out += "Nothing declared: no source of the kinds this covers.\n" }
            for missing in section.missing {
                out += "- **To be completed**: \(MarkdownText.code(missing.field)) (\(MarkdownText.cell(missing.subject))) "
                out += "at \(MarkdownText.code(missing.location.description))\n"
            }
        }
        return out
    }
}

/// The copyright policy draft as one self-contained, printable HTML page (no script).
public enum CopyrightPolicyHTMLRenderer {
    public static func render(_ document: CopyrightPolicyDocument) -> String {
        let model = HTMLText.content(document.model)
        var out = AB2013HTMLRenderer.head(title: "Copyright policy (draft): \(model)")
        out += "<header>\n<p class=\"kicker\">AI Act Art. 53(1)(c) · Code of Practice, Copyright chapter · Draft</p>\n"
        out +=
            "<h1>Copyright policy: \(model)</h1>\n<p class=\"lead\">\(HTMLText.content(CopyrightPolicyText.lead(document)))</p>\n</header>\n"
        for (index, section) in document.sections.enumerated() {
            out += "<section aria-labelledby=\"\(section.key)\">\n<h2 id=\"\(section.key)\"><span class=\"num\">\(index + 1)</span> "
            out += "\(HTMLText.content(section.title))</h2>\n<p class=\"ref\">\(HTMLText.content(section.reference))</p>\n"
            out += "<p>\(HTMLText.content(section.purpose))</p>\n<ul>\n"
            for claim in section.claims {
                out += "<li>" + (claim.subject.map { "<span class=\"who\">\(HTMLText.content($0))</span> " } ?? "")
                out += "\(HTMLText.content(claim.text)) <code>\(HTMLText.content(claim.location.description))</code></li>\n"
            }
            if section.claims.isEmpty && section.missing.isEmpty {
                out += "<li>Nothing declared: no source of the kinds this covers.</li>\n"
            }
            for missing in section.missing {
                out += "<li><span class=\"nd\">To be completed</span>: <code>\(HTMLText.content(missing.field))</code> "
                out += "(\(HTMLText.content(missing.subject))) at <code>\(HTMLText.content(missing.location.description))</code></li>\n"
            }
            out += "</ul>\n</section>\n"
        }
        return out + "</main>\n</body>\n</html>\n"
    }
}

/// The copyright policy draft as JSON: sections by key, each claim with its location.
public enum CopyrightPolicyJSONRenderer {
    public static func render(_ document: CopyrightPolicyDocument) -> String {
        let sections = document.sections.enumerated().map { index, section -> JSONValue in
            .object([
                "key": .string(section.key), "number": .int(index + 1), "title": .string(section.title),
                "reference": .string(section.reference), "purpose": .string(section.purpose),
                "claims": .array(
                    section.claims.map { claim in
                        var value: [String: JSONValue] = ["text": .string(claim.text), "location": .string(claim.location.description)]
                        if let subject = claim.subject { value["subject"] = .string(subject) }
                        return .object(value)
                    }),
                "to_complete": .array(
                    section.missing.map {
                        .object([
                            "field": .string($0.field), "subject": .string($0.subject), "location": .string($0.location.description),
                        ])
                    }),
            ])
        }
        return JSONValue.object([
            "schema": .string(CopyrightPolicyDocument.schema), "model": .string(document.model),
            "as_of": .string(document.asOf.description),
            "sections": .array(sections), "gap_count": .int(document.gaps.count),
        ]).rendered
    }
}

enum CopyrightPolicyText {
    static func lead(_ document: CopyrightPolicyDocument) -> String {
        "A starting point for the copyright policy of AI Act Art. 53(1)(c) and the Code of Practice's Copyright chapter "
            + "(Measure 1.1), drawn by TrainGate from the model card and the dataset manifests it names, as of \(document.asOf). "
            + "Every statement names the declaration it restates; \"To be completed\" marks what they do not declare. "
            + "Review and complete it: it is not legal advice and adds no commitment of its own."
    }
}
