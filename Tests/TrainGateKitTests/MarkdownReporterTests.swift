import Testing

@testable import TrainGateKit

@Suite("Markdown reporter")
struct MarkdownReporterTests {
    @Test func cellsEscapePipesMarkupAndLineBreaks() {
        #expect(MarkdownText.cell("a|b") == "a\\|b")
        #expect(MarkdownText.cell("*x* _y_ [z](u) <b> `c` ~d~ & #1 !") == "\\*x\\* \\_y\\_ \\[z\\](u) \\<b\\> \\`c\\` \\~d\\~ \\& \\#1 \\!")
        #expect(MarkdownText.cell("one\ntwo\r\nthree\rfour\u{0}") == "one<br>two<br>three<br>four")
        #expect(MarkdownText.cell("back\\slash") == "back\\\\slash")
        // A mention in an input cannot notify anyone from a pull-request comment.
        #expect(MarkdownText.cell("ask @legal-team or @org/team") == "ask @&#8203;legal-team or @&#8203;org/team")
        #expect(MarkdownText.cell("dpo@example.com") == "dpo@example.com", "an e-mail address is no mention")
    }

    @Test func codeSpansEscapeOnlyPipesAndFallBackWithoutBackticks() {
        #expect(MarkdownText.code("dataset:a|b/source:*") == "`dataset:a\\|b/source:*`")
        #expect(MarkdownText.code("a\nb") == "`a b`")
        #expect(MarkdownText.code("a`b") == "a\\`b")
    }

    @Test func onlyWebLinksAreLinks() {
        #expect(
            MarkdownText.link("Art. 4(1)", url: "https://eur-lex.europa.eu/x (y)|z")
                == "[Art. 4(1)](https://eur-lex.europa.eu/x%20%28y%29%7Cz)")
        #expect(MarkdownText.link("[x]", url: "javascript:alert(1)") == "\\[x\\]")
        #expect(MarkdownText.link("x", url: nil) == "x")
    }

    /// Splits a table row into cells at the `|`s that are not escaped.
    func cells(_ row: Substring) -> Int {
        var count = 0
        var escaped = false
        for character in row {
            if character == "|" && !escaped { count += 1 }
            escaped = character == "\\" && !escaped
        }
        return count - 1
    }

    @Test func hostileTextCannotBreakTheTables() throws {
        var report = try ExampleReports.report("scraped-catalogue")
        let hostile = "x | y\n| z | <script>alert(1)</script> [a](javascript:b) **bold**"
        for index in report.findings.indices { report.findings[index].message = hostile }
        for index in report.waivers.indices { report.waivers[index].waiver.justification = hostile }
        let output = MarkdownReporter().render(report)
        #expect(!output.contains("<script>"))
        #expect(!output.contains("[a](javascript"))
        #expect(output.contains("\\[a\\](javascript"))
        for table in output.components(separatedBy: "\n\n") where table.hasPrefix("| ") {
            let rows = table.split(separator: "\n")
            let width = cells(rows[0])
            #expect(width > 1)
            #expect(rows.allSatisfy { cells($0) == width }, "\(table)")
        }
    }

    @Test func theSummaryStatesTheVerdictAndWhatAPassMeans() throws {
        let failing = MarkdownReporter().render(try ExampleReports.report("scraped-catalogue"))
        #expect(failing.hasPrefix("## ❌ TrainGate: FAIL\n"))
        #expect(failing.contains("as of **2026-11-22**; fails on high and above."))
        #expect(failing.hasSuffix(MarkdownReporter.passMeaning + "\n"))
        let passing = MarkdownReporter().render(try ExampleReports.report("licensed-music-model"))
        #expect(passing.hasPrefix("## ✅ TrainGate: PASS\n"))
        #expect(!passing.contains("### Failing findings"))
    }
}
