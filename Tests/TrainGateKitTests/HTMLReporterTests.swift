import Foundation
import Testing

@testable import TrainGateKit

/// The HTML audit page: structure, excerpts from the texts the check kept, and escaping of
/// everything an input or a pack can put in it.
@Suite("Reporters: HTML audit page")
struct HTMLReporterTests {
    static let hostile =
        "<b>x</b> & \"q\" 'a' </script><script>alert(1)</script> <!-- \u{0}\u{1B}[31m\u{7F}\u{85}\u{202E}rtl\u{2028}\u{FFFE}"
        + String(Unicode.Scalar(0xFDD0)!)
        + " 🎵\ttab\nline\r\nend"

    /// How often `tag` opens and closes in `html`.
    func balance(_ tag: String, in html: String) -> (opened: Int, closed: Int) {
        let opened = html.components(separatedBy: "<\(tag)>").count + html.components(separatedBy: "<\(tag) ").count - 2
        return (opened, html.components(separatedBy: "</\(tag)>").count - 1)
    }

    func expectBalanced(_ html: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for tag in [
            "html", "head", "body", "main", "nav", "section", "article", "header", "footer", "ul", "li", "dl", "table", "figure", "pre",
            "form", "svg", "mark", "code", "a",
        ] {
            let (opened, closed) = balance(tag, in: html)
            #expect(opened == closed, "<\(tag)> opened \(opened) times, closed \(closed)", sourceLocation: sourceLocation)
        }
    }

    @Test func hostileTextInEveryFieldIsEscapedAndShownVisibly() throws {
        var report = try ExampleReports.report("listener-consent-ledger")
        let h = Self.hostile
        #expect(report.findings.contains { $0.records != nil }, "the scenario has ledger findings")
        #expect(!report.ledgers.isEmpty && !report.waivers.isEmpty && !report.sourceTexts.isEmpty)
        report.toolVersion = h
        for index in report.packs.indices {
            report.packs[index].version = h
        }
        for index in report.findings.indices {
            var finding = report.findings[index]
            finding.ruleID = h
            finding.title = h
            finding.pack = h
            finding.message = h
            finding.subject = h
            finding.path = h
            finding.expected = h
            finding.found = h
            finding.remediation = h
            finding.citations = [
                Citation(instrument: h, ref: h, url: "javascript:alert(1)"),
                Citation(instrument: h, ref: h, url: "https://example.org/\"><script>alert(1)</script>"),
            ]
            finding.waiver = Waiver(
                rule: h, subject: h, justification: h, approvedBy: h, expires: report.asOf, ticket: h, location: finding.location)
            finding.status = index % 2 == 0 ? .fail : .waived
            if var records = finding.records {
                records.tolerance = h
                records.samples = records.samples.map { RecordSample(file: h, line: $0.line, itemID: h, order: $0.order) }
                records.breakdown = [RecordBreakdown(by: h, counts: [.init(value: h, count: 2)])]
                finding.records = records
            }
            report.findings[index] = finding
        }
        for index in report.waivers.indices {
            report.waivers[index].waiver = Waiver(
                rule: h, subject: h, justification: h, approvedBy: h, expires: report.asOf, ticket: h,
                location: report.waivers[index].waiver.location)
        }
        let somewhere = report.findings[0].location
        report.warnings.append(Diagnostic(location: somewhere, message: h))
        report.inputs.append(CheckedFile(path: h, kind: .datasetManifest))
        report.skipped = [h]
        report.waiverFiles.append(h)
        report.ledgerFiles.append(h)
        for index in report.ledgers.indices {
            report.ledgers[index].subject = h
            report.ledgers[index].file = h
            report.ledgers[index].format = h
            report.ledgers[index].stats.consentStates[h] = 3
            report.ledgers[index].stats.domains.insert(DomainTotals(domain: h, rows: 1_000_000, bytes: 1, tokens: 1), at: 0)
        }
        for index in report.bundles.indices {
            report.bundles[index].card?.name = h
            for d in report.bundles[index].datasets.indices {
                report.bundles[index].datasets[d].id = h
                report.bundles[index].datasets[d].file = h
                for s in report.bundles[index].datasets[d].sources.indices { report.bundles[index].datasets[d].sources[s].id = h }
            }
        }
        for (file, text) in report.sourceTexts {
            let lines = text.split(separator: 0x0A, omittingEmptySubsequences: false).count
            report.sourceTexts[file] = Array(
                Array(repeating: h.replacingOccurrences(of: "\n", with: " "), count: lines).joined(separator: "\n").utf8)
        }

        let html = HTMLReporter().render(report)
        #expect(html.components(separatedBy: "<script").count - 1 == 1, "only the page's own script")
        #expect(!html.contains("<b>") && html.contains("&lt;b&gt;x&lt;/b&gt;"))
        #expect(!html.contains("<!-- "), "no comment opened by an input")
        #expect(!html.contains("href=\"javascript"))
        #expect(html.contains("href=\"https://example.org/&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""))
        let hidden = html.unicodeScalars.filter { $0 != "\n" && $0 != "\t" && HTMLText.isHidden($0) }
        #expect(hidden.isEmpty, "hidden characters written as they are: \(hidden.map { String($0.value, radix: 16) })")
        for visible in ["\\u{1b}[31m", "\\u{0}", "\\u{85}", "\\u{202e}rtl", "\\u{2028}", "\\u{fffe}", "\\u{fdd0}", "\\u{d}"] {
            #expect(html.contains(visible), "\(visible) not shown")
        }
        #expect(html.contains("&lt;b&gt;x&lt;/b&gt; &amp; &quot;q&quot; &#39;a&#39;"))
        expectBalanced(html)
    }

    @Test func everyFailingFindingQuotesItsLineMarked() throws {
        let report = try ExampleReports.report("scraped-catalogue")
        let html = HTMLReporter().render(report)
        let failing = report.findings.filter { $0.status == .fail || $0.status == .waived }
        #expect(failing.count > 5)
        let articles = html.components(separatedBy: "<article ").dropFirst()
        #expect(articles.count == report.findings.count)
        // Articles follow the subject tree; each carries its finding's number in the report.
        for (index, finding) in report.findings.enumerated() where failing.contains(finding) {
            let article = try #require(articles.first { $0.contains("id=\"f-\(index + 1)\" ") })
            let lines = try String(contentsOfFile: "\(ExampleReports.packageRoot)/\(finding.location.file)", encoding: .utf8)
                .split(separator: "\n", omittingEmptySubsequences: false)
            let marked =
                "<mark class=\"line\"><span class=\"ln\">\(finding.location.line)</span>"
                + HTMLText.content(String(lines[finding.location.line - 1]))
            #expect(article.contains(marked), "\(finding.ruleID) at \(finding.location)")
            #expect(article.components(separatedBy: "<mark ").count == 2, "one marked line")
        }
        expectBalanced(html)
    }

    @Test func withoutKeptTextsThereAreNoExcerptsAndTheRestIsTheSame() throws {
        var report = try ExampleReports.report("listener-data")
        let with = HTMLReporter().render(report)
        report.sourceTexts = [:]
        let without = HTMLReporter().render(report)
        #expect(with.contains("<figure class=\"excerpt\">"))
        #expect(!without.contains("<figure"))
        #expect(with.components(separatedBy: "<article ").count == without.components(separatedBy: "<article ").count)
    }

    @Test func theCheckKeepsTextsOnlyWhenAsked() throws {
        let folder = "\(ExampleReports.packageRoot)/examples/licensed-music-model"
        var request = Checker.Request(paths: [folder], asOf: try #require(ISODate(parsing: "2026-12-01")))
        #expect(try Checker.run(request).sourceTexts.isEmpty)
        request.keepSourceTexts = true
        let report = try Checker.run(request)
        #expect(Set(report.sourceTexts.keys) == Set(report.inputs.map(\.path)))
        for (file, text) in report.sourceTexts {
            #expect(text == Array(try Data(contentsOf: URL(fileURLWithPath: file))), "\(file)")
        }
    }

    @Test func excerptsTakeTheLinesAroundAndCutLongOnes() {
        let long = String(repeating: "é", count: 400)
        let text = Array("one\r\ntwo\nthree\n\(long)\nfive\n".utf8)
        var excerpts = SourceExcerpts(["f": text])
        #expect(excerpts.lines(around: 1, of: "f").map(\.text) == ["one", "two", "three"])
        #expect(excerpts.lines(around: 1, of: "f").map(\.marked) == [true, false, false])
        let around4 = excerpts.lines(around: 4, of: "f")
        #expect(around4.map(\.number) == [2, 3, 4, 5, 6])
        #expect(around4[2].cutAfter && !around4[2].cutBefore && around4[2].text.count == SourceExcerpts.maxLineCharacters)
        #expect(around4[3].text == "five" && around4[4].text == "", "no line holds its line break")
        #expect(excerpts.lines(around: 7, of: "f").isEmpty, "after the last line break the file has an empty line 6")
        #expect(excerpts.lines(around: 0, of: "f").isEmpty)
        #expect(excerpts.lines(around: 1, of: "other").isEmpty)
    }

    @Test func linesEndWhereTheYAMLParserEndsThem() throws {
        // A lone CR, NEL (in a comment), LS and PS each end a line for libyaml, and CR LF ends one.
        let text = "a: 1\rb: 2 # x\u{85}c: 3\u{2028}d: 4\u{2029}e: 5\r\nf: [6\r\n"
        var excerpts = SourceExcerpts(["f": Array(text.utf8)])
        let lines = excerpts.lines(around: 4, of: "f")
        #expect(lines.map(\.text) == ["b: 2 # x", "c: 3", "d: 4", "e: 5", "f: [6"])
        #expect(lines.map(\.number) == [2, 3, 4, 5, 6])
        // The parser agrees: a syntax error after a CR, a NEL in a comment and an LS is on line 4.
        let error = #expect(throws: DocumentError.self) {
            try DocumentLoader.parseYAML(Array("a: 1\rb: 2 # x\u{85}c: 3\u{2028}d: [4\n".utf8), file: "g")
        }
        #expect(error?.location?.line == 5, "\(String(describing: error))")
        var parsed = SourceExcerpts(["g": Array("a: 1\rb: 2 # x\u{85}c: 3\u{2028}d: [4\n".utf8)])
        #expect(parsed.lines(around: error?.location?.line ?? 0, of: "g").contains { $0.marked && $0.number == 5 && $0.text == "" })
        let crOnly = SourceExcerpts(["g": Array("x: 1\ry: 2\rz: 3".utf8)])
        var copy = crOnly
        #expect(copy.lines(around: 3, of: "g").map(\.text) == ["x: 1", "y: 2", "z: 3"])
    }

    @Test func aLongLineIsShownAroundTheColumnByScalars() {
        // Minified JSON: one line of 200,000 characters, the finding near its end.
        let line = (0..<20_000).map { "{\"k\":\($0 % 10)}," }.joined()
        var excerpts = SourceExcerpts(["m.json": Array(line.utf8)])
        let column = 150_001
        let shown = excerpts.lines(around: 1, column: column, of: "m.json")[0]
        #expect(shown.cutBefore && shown.cutAfter)
        #expect(shown.text.unicodeScalars.count == SourceExcerpts.maxLineCharacters)
        let start = line.utf8.index(line.utf8.startIndex, offsetBy: column - 1 - SourceExcerpts.leadCharacters)
        #expect(line[start...].hasPrefix(shown.text))
        // Near the end the window is moved back to stay full.
        let end = excerpts.lines(around: 1, column: line.utf8.count, of: "m.json")[0]
        #expect(
            end.cutBefore && !end.cutAfter && line.hasSuffix(end.text) && end.text.unicodeScalars.count == SourceExcerpts.maxLineCharacters)
        // One character of many combining marks is cut by scalars, not let through whole.
        let marks = "a" + String(repeating: "\u{301}", count: 10_000)
        var combining = SourceExcerpts(["c": Array(marks.utf8)])
        #expect(combining.lines(around: 1, of: "c")[0].text.unicodeScalars.count == SourceExcerpts.maxLineCharacters)
        // Invalid UTF-8 is shown as U+FFFD.
        var invalid = SourceExcerpts(["i": [0x61, 0xFF, 0x62]])
        #expect(invalid.lines(around: 1, of: "i")[0].text == "a\u{FFFD}b")
    }

    @Test func theTreeKeepsTwoManifestsApartAndOneManifestOnce() throws {
        var report = try ExampleReports.report("scraped-catalogue")
        let bundle = try #require(report.bundles.first)
        let card = try #require(bundle.card)
        // A second card naming the same manifest.
        var second = bundle
        second.card?.name = "other"
        second.card?.file = "other/model-card.yaml"
        // A third card with another manifest that has the same dataset id.
        var third = bundle
        third.card?.name = "third"
        third.card?.file = "third/model-card.yaml"
        third.datasets[0].file = "third/data.yaml"
        report.bundles += [second, third]
        var moved = try #require(
            report.findings.first { $0.subject.hasPrefix("dataset:") && !$0.subject.contains("/source:") }
                ?? report.findings.first { $0.subject.contains("/source:") })
        moved.location = SourceLocation(file: "third/data.yaml", line: 3, column: 1)
        report.findings.append(moved)
        let tree = SubjectTree(report)
        let dataset = "dataset:\(bundle.datasets[0].id)"
        let sections = tree.nodes.filter { $0.subject == dataset && !$0.isRepeat }
        #expect(sections.count == 2, "two manifests, two sections")
        #expect(sections[0].parents == ["model \(card.name)", "model other"])
        #expect(tree.nodes.filter { $0.subject == dataset && $0.isRepeat }.count == 1)
        let movedAnchor = try #require(
            tree.nodes.first { $0.subject == moved.subject && $0.anchor != tree.anchor(of: moved.subject) }?.anchor)
        #expect(tree.findings[movedAnchor] == [report.findings.count - 1], "the finding in the third manifest is filed under it")
        let html = HTMLReporter().render(report)
        expectBalanced(html)
        #expect(html.contains("<small>of model \(card.name) and model other</small>"))
    }

    @Test func onlyWebAddressesBecomeLinks() {
        #expect(
            HTMLText.link("x", url: "https://eur-lex.europa.eu/a?b=1&c=2") == "<a href=\"https://eur-lex.europa.eu/a?b=1&amp;c=2\">x</a>")
        #expect(HTMLText.link("x", url: "javascript:alert(1)") == "x")
        #expect(HTMLText.link("<x>", url: "data:text/html,hi") == "&lt;x&gt;")
        #expect(HTMLText.link("x", url: "https://a.example/ b") == "x")
        #expect(HTMLText.link("x", url: nil) == "x")
    }

    @Test func thePolicyAllowsOnlyThePagesOwnStyleAndScript() throws {
        let html = HTMLReporter().render(try ExampleReports.report("licensed-music-model"))
        let policy = HTMLAssets.contentSecurityPolicy
        #expect(policy.hasPrefix("default-src 'none'; style-src 'sha256-"))
        #expect(html.contains("<style>\(HTMLAssets.style)</style>") && html.contains("<script>\(HTMLAssets.script)</script>"))
        // The hashes are of exactly the texts written.
        let styleHash = Data(SHA256Digest.of(HTMLAssets.style)).base64EncodedString()
        #expect(policy.contains("'sha256-\(styleHash)'"))
    }

    @Test func aRunThatCouldNotCheckSaysSo() {
        let failure = FailedCheck(
            toolVersion: "1", errors: [CheckError("bad <thing>", at: SourceLocation(file: "m.yaml", line: 4, column: 1))], warnings: [])
        let html = HTMLReporter().render(failure)
        #expect(html.contains("<h1>Could not check</h1>"))
        #expect(html.contains("<li><code>m.yaml:4:1</code>: bad &lt;thing&gt;</li>"))
        expectBalanced(html)
    }
}

/// SHA-256 for the policy test, through the kit's own digest.
enum SHA256Digest {
    static func of(_ text: String) -> [UInt8] {
        let hex = SHA256Hex.of(Data(text.utf8))
        return stride(from: 0, to: hex.count, by: 2).map {
            UInt8(hex[hex.index(hex.startIndex, offsetBy: $0)..<hex.index(hex.startIndex, offsetBy: $0 + 2)], radix: 16)!
        }
    }
}

@Suite("AB 2013 documentation: rendering")
struct AB2013RenderingTests {
    @Test func hostileValuesAreEscapedInEveryFormat() throws {
        let h = HTMLReporterTests.hostile
        let place = SourceLocation(file: h, line: 3, column: 5)
        let disclosure = AB2013Disclosure(
            model: h, asOf: ISODate(year: 2026, month: 11, day: 22)!,
            items: [
                .init(
                    number: 1, title: "t", reference: "r", facts: [.init(subject: h, text: h, location: place)],
                    gaps: [.init(subject: h, field: h, location: place, message: h, rule: h)], notDeclared: [h])
            ], notApplicable: h, posting: [.init(subject: nil, text: h, location: place)])
        let html = AB2013HTMLRenderer.render(disclosure)
        #expect(!html.contains("<b>") && !html.contains("<script") && html.contains("&lt;b&gt;x&lt;/b&gt;"))
        #expect(html.unicodeScalars.allSatisfy { $0 == "\n" || $0 == "\t" || !HTMLText.isHidden($0) })
        let markdown = AB2013MarkdownRenderer.render(disclosure)
        #expect(markdown.contains("\\<b\\>x\\</b\\>"), "prose is escaped")
        // Markup is left as it is only inside code spans, where Markdown shows it as text.
        for line in markdown.split(separator: "\n") {
            var rest = Substring(line)
            while let hit = rest.firstRange(of: "<script") {
                let before = line[..<hit.lowerBound]
                #expect(before.last == "\\" || before.filter { $0 == "`" }.count % 2 == 1, "raw markup outside a code span: \(line)")
                rest = rest[hit.upperBound...]
            }
        }
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(AB2013JSONRenderer.render(disclosure).utf8)) as? [String: Any])
        #expect(json["model"] as? String == h && json["not_applicable"] as? String == h)
    }
}

@Suite("Copyright policy draft: rendering")
struct CopyrightPolicyRenderingTests {
    @Test func hostileValuesAreEscaped() throws {
        let h = HTMLReporterTests.hostile
        let place = SourceLocation(file: h, line: 3, column: 5)
        let document = CopyrightPolicyDocument(
            model: h, asOf: ISODate(year: 2026, month: 11, day: 22)!,
            sections: [
                .init(
                    key: "responsibility", title: h, reference: h, purpose: h, claims: [.init(subject: h, text: h, location: place)],
                    missing: [.init(field: h, subject: h, location: place)])
            ])
        let html = CopyrightPolicyHTMLRenderer.render(document)
        #expect(!html.contains("<b>") && !html.contains("<script") && html.contains("&lt;b&gt;x&lt;/b&gt;"))
        #expect(html.unicodeScalars.allSatisfy { $0 == "\n" || $0 == "\t" || !HTMLText.isHidden($0) })
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(CopyrightPolicyJSONRenderer.render(document).utf8)) as? [String: Any])
        #expect(json["model"] as? String == h)
    }
}
