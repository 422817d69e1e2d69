#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Licence values as other formats write them — SPDX ids, Hugging Face Hub keys, SPDX,
/// Creative Commons and choosealicense URLs — as `rights.license`/`model.license` fields.
enum LicenceText {
    /// `spdx` and/or `url` for `value`; empty when it names no licence (`other`, `unknown`, free text).
    /// `trusted` values are SPDX expressions by the format's definition (SPDX 3
    /// `simplelicensing_licenseExpression`, CycloneDX `license.id` and `expression`) and are kept
    /// as written when well-formed; other text maps only through known ids and Hub keys.
    static func fields(_ value: String, at location: SourceLocation, trusted: Bool = false) -> [(String, Node)] {
        let text = value.trimmingWhitespace()
        if text.hasPrefix("http://") || text.hasPrefix("https://") {
            var fields: [(String, Node)] = []
            if let id = spdx(fromURL: text) { fields.append(("spdx", .text(id, at: location))) }
            fields.append(("url", .text(text, at: location)))
            return fields
        }
        return spdx(text, trusted: trusted).map { [("spdx", .text($0, at: location))] } ?? []
    }

    /// Several licence values that all apply (a list in the source) as one `spdx` field: the
    /// conjunction of their ids, or nothing when one of them names no known licence — a licence
    /// that cannot be read must not be dropped from the conjunction.
    static func all(_ values: [Node], otherName: Node? = nil) -> [(String, Node)] {
        guard let first = values.first else { return [] }
        var ids: [String] = []
        for value in values {
            let text = value.scalar?.text ?? ""
            if text.lowercased() == "other", let name = otherName?.scalar?.text {
                // A licence name that is an SPDX id (`GPL-3.0-or-later`) is that licence.
                ids.append(Self.spdx(name).flatMap { $0.contains(" ") ? nil : $0 } ?? "LicenseRef-" + Slug.make(name))
            } else if let id = Self.fields(text, at: value.location).first(where: { $0.0 == "spdx" })?.1.scalar?.text {
                ids.append(id)
            } else {
                return values.count == 1 ? Self.fields(text, at: value.location) : []
            }
        }
        let expression = ids.count == 1 ? ids[0] : ids.map { $0.contains(" ") ? "(\($0))" : $0 }.joined(separator: " AND ")
        var fields: [(String, Node)] = [("spdx", .text(expression, at: first.location))]
        if values.count == 1, let url = Self.fields(values[0].scalar?.text ?? "", at: first.location).first(where: { $0.0 == "url" }) {
            fields.append(url)
        }
        return fields
    }

    /// The SPDX id or expression `text` stands for, if any, in canonical spelling.
    ///
    /// Untrusted text (a card's or a dataset's licence field) must be a Hub key, or an expression
    /// of ids on the SPDX License List and licence references, so prose is never taken for a
    /// licence. Trusted text (defined as an SPDX expression by its format) only has to be well formed.
    static func spdx(_ text: String, trusted: Bool = false) -> String? {
        let lower = text.lowercased()
        if ["other", "unknown", "", "noassertion", "none"].contains(lower) { return nil }
        if let id = HubLicenses.spdx(forHubKey: text) { return id }
        let words = text.split(separator: " ").map(String.init)
        var out: [String] = []
        var expectsID = true
        var afterWith = false
        for word in words {
            // Parentheses group; they are kept around the canonical token.
            let opening = word.prefix { $0 == "(" }
            let closing = word.reversed().prefix { $0 == ")" }
            let token = String(word.dropFirst(opening.count).dropLast(closing.count))
            if ["AND", "OR", "WITH"].contains(token.uppercased()) && !expectsID {
                out.append(String(opening) + token.uppercased() + String(closing))
                afterWith = token.uppercased() == "WITH"
                expectsID = true
                continue
            }
            guard expectsID, !token.isEmpty else { return nil }
            let canonical: String?
            if (token.hasPrefix("LicenseRef-") || token.hasPrefix("DocumentRef-")) && isIDShaped(token) {
                canonical = token
            } else if afterWith {
                canonical = SPDXLicenseList.exception(token) ?? (trusted && isIDShaped(token) ? token : nil)
            } else {
                let base = token.hasSuffix("+") ? String(token.dropLast()) : token
                canonical =
                    SPDXLicenseList.licence(base).map { token.hasSuffix("+") ? $0 + "+" : $0 }
                    ?? (trusted && isIDShaped(token) ? token : nil)
            }
            guard let canonical else { return nil }
            out.append(String(opening) + canonical + String(closing))
            expectsID = false
            afterWith = false
        }
        return expectsID ? nil : out.joined(separator: " ")
    }

    /// Letters, digits, `-`, `.`, `+` and `:` only.
    static func isIDShaped(_ token: String) -> Bool {
        !token.isEmpty && token.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-.+:".contains($0)) }
    }

    /// `https://spdx.org/licenses/MIT(.html)`, `https://creativecommons.org/licenses/by/4.0/`,
    /// `https://choosealicense.com/licenses/odc-by/` → an SPDX id.
    static func spdx(fromURL url: String) -> String? {
        let parts = url.split(separator: "/").map(String.init)
        guard parts.count >= 3 else { return nil }
        let host = parts[1].lowercased().replacing("www.", with: "")
        let path = Array(parts.dropFirst(2))
        switch host {
        case "spdx.org":
            guard path.count >= 2, path[0] == "licenses" else { return nil }
            var id = path[1]
            for suffix in [".html", ".json"] where id.hasSuffix(suffix) { id = String(id.dropLast(suffix.count)) }
            return SPDXLicenseList.licence(id)
        case "choosealicense.com":
            guard path.count >= 2, path[0] == "licenses" else { return nil }
            return HubLicenses.spdx(forHubKey: path[1])
        case "creativecommons.org":
            if path.count >= 3, path[0] == "licenses" { return HubLicenses.spdx(forHubKey: "cc-\(path[1])-\(path[2])") }
            if path.count >= 3, path[0] == "publicdomain", path[1] == "zero" { return "CC0-\(path[2])" }
            return nil
        default: return nil
        }
    }
}
