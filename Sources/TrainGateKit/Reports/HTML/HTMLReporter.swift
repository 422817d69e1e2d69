/// The audit report as one self-contained HTML page for the people who audit training data by
/// hand: the verdict and counts with a chart, every bundle → model → dataset → source as a
/// navigable tree with its findings, each finding with the law, the fix and the input lines
/// around it, the waivers, the ledgers' aggregates as charts, and filters by severity, status,
/// pack, subject and text.
///
/// Inline CSS and JavaScript and no network: the page's Content-Security-Policy allows only its
/// own style sheet and script (`HTMLAssets`). Every value from an input or a pack is escaped
/// (`HTMLText`). Without JavaScript the page shows every finding; it prints on A4.
public struct HTMLReporter: Reporter {
    /// The `--format` name.
    public static let identifier = "html"
    public static let fileExtension = "html"
    /// It quotes the lines around each failing finding.
    public static var quotesSources: Bool { true }

    /// Makes the reporter; it has no options.
    public init() {}

    /// HTML is never coloured for a terminal.
    public static func make(color: Bool) -> HTMLReporter { HTMLReporter() }

    /// Renders the report; the same report always gives the same page.
    public func render<Sink: ReportSink>(_ report: CheckReport, to sink: inout Sink) {
        let tree = SubjectTree(report)
        sink.write(Self.head(title: "TrainGate audit report: \(report.verdictWord)", version: report.toolVersion))
        sink.write("<div class=\"page\">\n")
        sink.write(Self.verdict(report))
        sink.write(Self.navigation(tree, report: report))
        sink.write("<main id=\"main\">\n")
        sink.write(Self.summary(report))
        Self.findings(report, tree: tree, to: &sink)
        for section in [Self.waivers(report), Self.ledgers(report, tree: tree), Self.warnings(report), Self.files(report)]
        where !section.isEmpty {
            sink.write(section)
        }
        sink.write("</main>\n")
        sink.write("<footer>\n<p>\(HTMLText.content(Self.passMeaning))</p>\n</footer>\n</div>\n")
        sink.write("<script>\(HTMLAssets.script)</script>\n</body>\n</html>\n")
    }

    /// A run that could not check: a page that says so, with the errors and the warnings.
    public func render(_ failure: FailedCheck) -> String {
        var out = Self.head(title: "TrainGate: could not check", version: failure.toolVersion)
        out += "<div class=\"page\">\n<header class=\"verdict fail\">\n<p class=\"kicker\">TrainGate audit report</p>\n"
        out += "<h1>Could not check</h1>\n<p class=\"lead\">\(HTMLText.content(failure.errorCount)) kept the check from running; "
        out += "nothing was checked, so this is neither a pass nor a fail.</p>\n</header>\n<main id=\"main\">\n"
        out += "<section aria-labelledby=\"errors-h\">\n<h2 id=\"errors-h\">Errors</h2>\n<ul>\n"
        for error in failure.errors {
            let place = error.location?.description ?? error.file
            out += "<li>" + (place.map { "<code>\(HTMLText.content($0))</code>: " } ?? "") + HTMLText.content(error.message) + "</li>\n"
        }
        out += "</ul>\n</section>\n"
        out += Self.diagnostics(failure.warnings)
        return out + "</main>\n</div>\n</body>\n</html>\n"
    }

    /// What a pass means, written under every report.
    static let passMeaning =
        "A pass means the files are declared, consistent and evidenced where evidence was asked for. "
        + "It never means \"lawful\": TrainGate checks what the files declare, not what happened."

    private static func head(title: String, version: String) -> String {
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            + "<meta http-equiv=\"Content-Security-Policy\" content=\"\(HTMLText.attribute(HTMLAssets.contentSecurityPolicy))\">\n"
            + "<meta name=\"generator\" content=\"TrainGate \(HTMLText.attribute(version))\">\n"
            + "<title>\(HTMLText.content(title))</title>\n<style>\(HTMLAssets.style)</style>\n</head>\n<body>\n"
            + "<a class=\"skip\" href=\"#main\">Skip to the report</a>\n"
    }

    private static func verdict(_ report: CheckReport) -> String {
        var out = "<header class=\"verdict \(report.failed ? "fail" : "pass")\">\n<p class=\"kicker\">TrainGate audit report</p>\n"
        out += "<h1>Check: \(report.verdictWord)</h1>\n<p class=\"lead\">\(HTMLText.content(report.statusSummary))</p>\n"
        out += "<p class=\"meta\">\(HTMLText.content(report.subjectSummary)) checked against \(HTMLText.content(report.packSummary))"
        out += " as of <strong>\(report.asOf)</strong>; \(HTMLText.content(report.thresholdDescription)). "
        out += "TrainGate \(HTMLText.content(report.toolVersion)).</p>\n</header>\n"
        return out
    }

    // MARK: - The tree

    private static func navigation(_ tree: SubjectTree, report: CheckReport) -> String {
        var out = "<nav class=\"tree\" aria-labelledby=\"tree-h\">\n<h2 id=\"tree-h\">Models, datasets and sources</h2>\n<ul>\n"
        var depth = 0
        let nodes = tree.nodes + tree.others
        for (index, node) in nodes.enumerated() {
            let next = index + 1 < nodes.count ? nodes[index + 1].depth : 0
            if node.depth > depth { out += "<ul>\n" }
            depth = node.depth
            out +=
                "<li><a href=\"#\(node.anchor)\">\(HTMLText.content(node.kind.capitalizedWord)) <code>\(HTMLText.content(node.name))</code></a>"
            out += tree.tally(of: node.anchor)
            if next > node.depth { continue }
            out += "</li>\n"
            for _ in stride(from: node.depth, to: next, by: -1) { out += "</ul>\n</li>\n" }
        }
        return out + "</ul>\n</nav>\n"
    }

    // MARK: - Summary

    private static func summary(_ report: CheckReport) -> String {
        var out = "<section aria-labelledby=\"summary-h\">\n<h2 id=\"summary-h\">Summary</h2>\n"
        let severities = Severity.allCases.reversed().map { severity in
            (
                severity, report.findings.count { $0.status == .fail && $0.severity == severity },
                report.findings.count { $0.status == .waived && $0.severity == severity }
            )
        }
        let bars = severities.flatMap { severity, failed, waived in
            [
                BarChart.Bar(label: "\(severity.rawValue) failed", count: failed, style: severity.rawValue),
                BarChart.Bar(label: "\(severity.rawValue) waived", count: waived, style: "waived"),
            ].filter { $0.count > 0 }
        }
        if bars.isEmpty {
            out += "<p>No failing or waived findings.</p>\n"
        } else {
            out += BarChart(title: "Findings by severity", bars: bars).svg + "\n"
        }
        out += "<div class=\"tables\">\n"
        out += table(
            caption: "By severity", header: ["Severity", "Failed", "Waived"], numeric: 1,
            rows: severities.filter { $0.1 + $0.2 > 0 }.map {
                ["<span class=\"badge \($0.0.rawValue)\">\($0.0.rawValue)</span>", "\($0.1)", "\($0.2)"]
            })
        out += table(
            caption: "By pack", header: ["Pack", "Version", "Failed", "Waived"], numeric: 2,
            rows: report.packs.map { pack in
                [
                    "<code>\(HTMLText.content(pack.name))</code>", HTMLText.content(pack.version),
                    "\(report.findings.count { $0.status == .fail && $0.pack == pack.name })",
                    "\(report.findings.count { $0.status == .waived && $0.pack == pack.name })",
                ]
            })
        let statuses: [(FindingStatus, String)] = [
            (.fail, "Failed"), (.waived, "Waived"), (.pass, "Passed"), (.notApplicable, "Not applicable"), (.notInForce, "Not in force"),
        ]
        out += table(
            caption: "By status", header: ["Status", "Rule results"], numeric: 1,
            rows: statuses.map { [$0.1, (report.counts[$0.0] ?? 0).grouped] })
        return out + "</div>\n</section>\n"
    }

    /// A table; cells must already be escaped. Columns from `numeric` on are right-aligned numbers.
    private static func table(caption: String, header: [String], numeric: Int, rows: [[String]]) -> String {
        func cells(_ row: [String], tag: String) -> String {
            row.enumerated().map { index, cell in
                let attributes = (tag == "th" ? " scope=\"col\"" : "") + (index >= numeric ? " class=\"n\"" : "")
                return "<\(tag)\(attributes)>\(cell)</\(tag)>"
            }.joined()
        }
        var out = "<table>\n<caption>\(HTMLText.content(caption))</caption>\n<thead><tr>\(cells(header, tag: "th"))</tr></thead>\n<tbody>\n"
        if rows.isEmpty { out += "<tr><td colspan=\"\(header.count)\">None.</td></tr>\n" }
        for row in rows { out += "<tr>\(cells(row, tag: "td"))</tr>\n" }
        return out + "</tbody>\n</table>\n"
    }

    // MARK: - Findings

    private static func findings<Sink: ReportSink>(_ report: CheckReport, tree: SubjectTree, to sink: inout Sink) {
        sink.write("<section id=\"findings\" aria-labelledby=\"findings-h\">\n<h2 id=\"findings-h\">Findings</h2>\n")
        sink.write(filters(report, tree: tree))
        let total = report.findings.count
        sink.write("<p id=\"shown\" role=\"status\">\(total.grouped) finding\(total == 1 ? "" : "s").</p>\n")
        var excerpts = SourceExcerpts(report.sourceTexts)
        var ruleTexts = RuleTexts()
        for node in tree.nodes + tree.others where !node.isRepeat {
            let indices = tree.findings[node.anchor] ?? []
            sink.write("<section class=\"subject\" id=\"\(node.anchor)\" aria-labelledby=\"\(node.anchor)-h\">\n")
            sink.write(
                "<h3 id=\"\(node.anchor)-h\">\(HTMLText.content(node.kind.capitalizedWord)) <code>\(HTMLText.content(node.name))</code>")
            if !node.parents.isEmpty { sink.write(" <small>of \(HTMLText.content(node.parents.joined(separator: " and ")))</small>") }
            sink.write("</h3>\n")
            if let file = node.file { sink.write("<p class=\"where\">In <code>\(HTMLText.content(file))</code></p>\n") }
            if indices.isEmpty {
                sink.write(
                    "<p class=\"none\">\(report.findings.isEmpty ? "No findings." : "No findings for this \(node.kind.rawValue).")</p>\n")
            }
            for index in indices {
                sink.write(
                    finding(report.findings[index], number: index + 1, anchor: node.anchor, excerpts: &excerpts, ruleTexts: &ruleTexts))
            }
            sink.write("</section>\n")
        }
        sink.write("</section>\n")
    }

    /// The filter form, hidden until the script shows it.
    private static func filters(_ report: CheckReport, tree: SubjectTree) -> String {
        guard !report.findings.isEmpty else { return "" }
        var out = "<form id=\"filters\" hidden aria-label=\"Filter the findings\">\n"
        let severities = Severity.allCases.reversed().filter { severity in report.findings.contains { $0.severity == severity } }
        out += "<fieldset><legend>Severity</legend>"
        for severity in severities {
            out += "<label><input type=\"checkbox\" name=\"severity\" value=\"\(severity.rawValue)\" checked> \(severity.rawValue)</label>"
        }
        out += "</fieldset>\n<fieldset><legend>Status</legend>"
        for status in FindingStatus.allCases where report.findings.contains(where: { $0.status == status }) {
            out += "<label><input type=\"checkbox\" name=\"status\" value=\"\(status.rawValue)\" checked> \(status.word)</label>"
        }
        out += "</fieldset>\n<div><label class=\"block\" for=\"filter-pack\">Pack</label><select id=\"filter-pack\" name=\"pack\">"
        out += "<option value=\"\">All packs</option>"
        for pack in report.packs {
            out += "<option value=\"\(HTMLText.attribute(pack.name))\">\(HTMLText.content(pack.name))</option>"
        }
        out +=
            "</select></div>\n<div><label class=\"block\" for=\"filter-subject\">Subject</label><select id=\"filter-subject\" name=\"subject\">"
        out += "<option value=\"\">All subjects</option>"
        for node in tree.nodes + tree.others where !node.isRepeat && tree.findings[node.anchor] != nil {
            out += "<option value=\"\(node.anchor)\">\(HTMLText.content(node.subject))</option>"
        }
        out += "</select></div>\n<div><label class=\"block\" for=\"filter-q\">Search</label>"
        out += "<input type=\"search\" id=\"filter-q\" name=\"q\" placeholder=\"rule, field, text\"></div>\n"
        out += "<div><button type=\"reset\">Show all</button></div>\n</form>\n"
        return out
    }

    /// The escaped HTML of what findings take from their rule (the law and the fix), made once
    /// per rule: thousands of findings of one rule share it.
    private struct RuleTexts {
        private var made: [ObjectIdentifier: String] = [:]

        mutating func lawAndFix(_ finding: Finding) -> String {
            if let known = made[finding.ruleTextsID] { return known }
            var out = ""
            if !finding.citations.isEmpty {
                out +=
                    "<dt>Law</dt><dd><ul>" + finding.citations.map { "<li>\(HTMLText.link($0.reference, url: $0.url))</li>" }.joined()
                    + "</ul></dd>\n"
            }
            out += "<dt>Fix</dt><dd>\(HTMLText.content(finding.remediation))</dd>\n"
            made[finding.ruleTextsID] = out
            return out
        }
    }

    private static func finding(
        _ finding: Finding, number: Int, anchor: String, excerpts: inout SourceExcerpts, ruleTexts: inout RuleTexts
    ) -> String {
        let severity = finding.severity.rawValue
        let status = finding.status.rawValue
        var out = "<article class=\"finding s-\(severity) st-\(status)\" id=\"f-\(number)\" aria-labelledby=\"f-\(number)-h\""
        out += " data-severity=\"\(severity)\" data-status=\"\(status)\" data-pack=\"\(HTMLText.attribute(finding.pack))\""
        out += " data-subject=\"\(anchor)\">\n"
        out += "<h4 id=\"f-\(number)-h\"><span class=\"badge \(severity)\">\(severity)</span> "
        out +=
            "<span class=\"badge \(status == "fail" || status == "waived" || status == "pass" ? status : "other")\">\(finding.status.word)</span> "
        out += "<code>\(HTMLText.content(finding.ruleID))</code> \(HTMLText.content(finding.title))</h4>\n"
        out += "<p class=\"msg\">\(HTMLText.content(finding.message))</p>\n<dl class=\"facts\">\n"
        func fact(_ label: String, _ html: String) { out += "<dt>\(label)</dt><dd>\(html)</dd>\n" }
        fact(
            "Where",
            "<code>\(HTMLText.content(finding.location.description))</code>"
                + (finding.path.isEmpty ? "" : " · <code>\(HTMLText.content(finding.path))</code>"))
        fact("Pack", "<code>\(HTMLText.content(finding.pack))</code>")
        if let expected = finding.expected {
            fact("Expected", HTMLText.content(expected))
            fact("Found", HTMLText.content(finding.foundDescription))
        }
        if let records = finding.records {
            var rows = "\(records.failing.grouped) of \(records.total.grouped) rows"
            if let tolerance = records.tolerance { rows += " (tolerance \(tolerance))" }
            fact("Ledger rows", HTMLText.content(rows))
            for breakdown in records.breakdown { fact("By \(HTMLText.content(breakdown.by))", HTMLText.content(breakdown.summary)) }
            if !records.samples.isEmpty {
                fact(
                    "Sample rows",
                    "<ul>" + records.samples.map { "<li><code>\(HTMLText.content($0.description))</code></li>" }.joined() + "</ul>")
            }
        }
        out += ruleTexts.lawAndFix(finding)
        if let waiver = finding.waiver {
            var terms = HTMLText.content(waiver.justification) + " — approved by " + HTMLText.content(waiver.approvedBy)
            terms += ", expires \(waiver.expires)" + (waiver.ticket.map { ", ticket " + HTMLText.content($0) } ?? "")
            fact("Waiver", terms + " (<code>\(HTMLText.content(waiver.location.description))</code>)")
        }
        out += "</dl>\n"
        if finding.status == .fail || finding.status == .waived {
            let location = finding.location
            let lines = excerpts.lines(around: location.line, column: location.column, of: location.file)
            if !lines.isEmpty {
                out += "<figure class=\"excerpt\">\n<figcaption><code>\(HTMLText.content(location.file))</code>, "
                out += "lines \(lines[0].number)–\(lines[lines.count - 1].number)</figcaption>\n<pre>"
                for line in lines {
                    let tag = line.marked ? "mark" : "span"
                    out += "<\(tag) class=\"line\"><span class=\"ln\">\(line.number)</span>"
                    out += (line.cutBefore ? "… " : "") + HTMLText.content(line.text) + (line.cutAfter ? " …" : "")
                    if line.marked { out += "<span class=\"sr\"> (the line of this finding, column \(location.column))</span>" }
                    out += "</\(tag)>"
                }
                out += "</pre>\n</figure>\n"
            }
        }
        return out + "</article>\n"
    }

    // MARK: - Waivers, ledgers, warnings, files

    private static func waivers(_ report: CheckReport) -> String {
        guard !report.waivers.isEmpty else { return "" }
        var out = "<section aria-labelledby=\"waivers-h\">\n<h2 id=\"waivers-h\">Waivers</h2>\n"
        let rows = report.waivers.map { outcome -> [String] in
            let waiver = outcome.waiver
            let waived = report.findings.indices.filter {
                report.findings[$0].status == .waived && report.findings[$0].waiver?.location == waiver.location
            }
            let state =
                outcome.state == .applied
                ? "applied (\(outcome.matched) waived)" : "<span class=\"state-\(outcome.state.rawValue)\">\(outcome.state.rawValue)</span>"
            return [
                state, "<code>\(HTMLText.content(waiver.rule))</code>", "<code>\(HTMLText.content(waiver.subject))</code>",
                HTMLText.content(waiver.justification), HTMLText.content(waiver.approvedBy), "\(waiver.expires)",
                HTMLText.content(waiver.ticket ?? "—"), "<code>\(HTMLText.content(waiver.location.description))</code>",
                waived.isEmpty ? "—" : waived.map { "<a href=\"#f-\($0 + 1)\">finding \($0 + 1)</a>" }.joined(separator: ", "),
            ]
        }
        out += table(
            caption: "Every waiver read, in the order the waiver files list them",
            header: ["State", "Rule", "Subject", "Justification", "Approved by", "Expires", "Ticket", "Where", "Waived findings"],
            numeric: .max, rows: rows)
        let notes = report.waivers.filter { $0.state != .applied }
        if !notes.isEmpty {
            out += "<ul>\n" + notes.map { "<li>\(HTMLText.content($0.message))</li>\n" }.joined() + "</ul>\n"
        }
        return out + "</section>\n"
    }

    private static func ledgers(_ report: CheckReport, tree: SubjectTree) -> String {
        guard !report.ledgers.isEmpty else { return "" }
        var out = "<section aria-labelledby=\"ledgers-h\">\n<h2 id=\"ledgers-h\">Ledgers</h2>\n"
        for ledger in report.ledgers {
            let stats = ledger.stats
            let anchor = tree.anchor(of: ledger.subject)
            out += "<h3>" + (anchor.map { "<a href=\"#\($0)\">" } ?? "") + "<code>\(HTMLText.content(ledger.subject))</code>"
            out += (anchor == nil ? "" : "</a>") + "</h3>\n<dl class=\"facts\">\n"
            var facts: [(String, String)] = [
                (
                    "File",
                    "<code>\(HTMLText.content(ledger.file))</code> (\(HTMLText.content(ledger.format))\(ledger.compressed ? ", compressed" : ""), \(ledger.fileBytes.grouped) bytes)"
                ),
                ("Rows", stats.totals.rows.grouped),
                ("Size", "\(stats.totals.bytes.grouped) bytes in \(stats.rowsWithSize.grouped) rows that give one"),
                ("Tokens", "\(stats.totals.tokens.grouped) in \(stats.rowsWithTokens.grouped) rows that give them"),
                ("Rows with opt-outs", stats.rowsWithOptouts.grouped),
                ("Rows under a licence agreement", stats.rowsWithLicenceAgreement.grouped),
                ("Rows with personal data", stats.personalDataRows.grouped),
                ("Domains", stats.domains.count.grouped),
            ]
            if let from = stats.retrievedFrom, let to = stats.retrievedTo { facts.append(("Collected", "\(from) to \(to)")) }
            for (label, value) in facts { out += "<dt>\(label)</dt><dd>\(value)</dd>\n" }
            out += "</dl>\n"
            let charts: [(String, [(String, Int)])] = [
                ("Consent states (rows)", sorted(stats.consentStates)),
                ("Legal bases (rows)", sorted(stats.legalBases)),
                ("Modalities (rows)", sorted(stats.modalities.mapValues(\.rows))),
                ("robots.txt (rows)", sorted(stats.robotsTxt)),
                ("Opt-out signals (rows)", sorted(stats.signals)),
                ("Top domains (rows)", stats.topDomains().map { ($0.domain, $0.rows) }),
            ]
            for (title, values) in charts where !values.isEmpty {
                out += BarChart(title: title, bars: values.map { BarChart.Bar(label: $0.0, count: $0.1, style: nil) }).svg + "\n"
            }
        }
        return out + "</section>\n"
    }

    /// Most rows first, then by name.
    private static func sorted(_ counts: [String: Int]) -> [(String, Int)] {
        counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.map {
            ($0.key, $0.value)
        }
    }

    private static func warnings(_ report: CheckReport) -> String { diagnostics(report.warnings) }

    private static func diagnostics(_ warnings: [Diagnostic]) -> String {
        guard !warnings.isEmpty else { return "" }
        return "<section aria-labelledby=\"warnings-h\">\n<h2 id=\"warnings-h\">Warnings</h2>\n<ul>\n"
            + warnings.map { "<li><code>\(HTMLText.content($0.location.description))</code>: \(HTMLText.content($0.message))</li>\n" }
            .joined() + "</ul>\n</section>\n"
    }

    private static func files(_ report: CheckReport) -> String {
        var out = "<section aria-labelledby=\"files-h\">\n<h2 id=\"files-h\">Files read</h2>\n<ul>\n"
        for file in report.inputs {
            out += "<li><code>\(HTMLText.content(file.path))</code> (\(HTMLText.content(file.kind.rawValue)))</li>\n"
        }
        for file in report.waiverFiles { out += "<li><code>\(HTMLText.content(file))</code> (WaiverSet)</li>\n" }
        for file in report.ledgerFiles { out += "<li><code>\(HTMLText.content(file))</code> (ledger)</li>\n" }
        out += "</ul>\n"
        if !report.skipped.isEmpty {
            out += "<p>Skipped: not TrainGate inputs.</p>\n<ul>\n"
            out += report.skipped.map { "<li><code>\(HTMLText.content($0))</code></li>\n" }.joined() + "</ul>\n"
        }
        return out + "</section>\n"
    }
}

extension FindingStatus {
    /// `failed`, `waived`, `passed`, `not applicable`, `not in force`.
    var word: String {
        switch self {
        case .fail: "failed"
        case .pass: "passed"
        case .waived: "waived"
        case .notApplicable: "not applicable"
        case .notInForce: "not in force"
        }
    }
}
