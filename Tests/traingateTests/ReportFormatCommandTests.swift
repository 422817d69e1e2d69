import Foundation
import Testing

@Suite("traingate check --format sarif|junit|github|markdown, end to end")
struct ReportFormatCommandTests {
    func check(_ format: String) throws -> CLI.Output {
        let result = try CLI.run(["check", "check-fail", "--as-of", "2026-11-22", "--format", format])
        #expect(result.status == 1, "the format must not change the exit code")
        #expect(result.stderr == "")
        return result
    }

    @Test func sarifHasAResultPerFailureAndTheInputWarningAsANotification() throws {
        let output = try check("sarif").stdout
        let log = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 47)
        let uris = results.compactMap {
            (($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any]
        }
        #expect(uris.count == 47)
        #expect(uris.allSatisfy { ($0["uri"] as? String)?.hasPrefix("check-fail/") == true && $0["uriBaseId"] as? String == "%SRCROOT%" })
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        let notes = try #require(invocation["toolExecutionNotifications"] as? [[String: Any]])
        #expect(notes.count == 1)
        #expect((notes.first?["message"] as? [String: Any])?["text"] as? String == "unknown key 'sources[1].personal_data.internal_ticket'")
    }

    @Test func junitIsXMLWithAFailurePerFinding() throws {
        let output = try check("junit").stdout
        #expect(output.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"traingate\" tests=\"48\" failures=\"47\""))
        #expect(output.components(separatedBy: "<failure ").count - 1 == 47)
    }

    @Test func githubAnnotatesAndEndsWithTheVerdict() throws {
        let lines = try check("github").stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("::warning file=check-fail/data/shadow.yaml,line=25,col=7,") == true)
        #expect(lines.filter { $0.hasPrefix("::error ") }.count > 0)
        #expect(lines.last?.hasPrefix("traingate: FAIL — 47 failed (") == true)
        #expect(lines.last?.hasSuffix(" (fails on high and above)") == true)
    }

    @Test func markdownStartsWithTheVerdict() throws {
        let output = try check("markdown").stdout
        #expect(output.hasPrefix("## ❌ TrainGate: FAIL\n"))
        #expect(output.contains("| `DSM-4-1` | critical | "))
        #expect(output.contains("### Warnings\n\n- `check-fail/data/shadow.yaml:25:7`: unknown key "))
    }

    @Test func htmlIsOnePageWithAnArticlePerFindingAndItsLines() throws {
        let output = try check("html").stdout
        #expect(output.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n"))
        #expect(output.hasSuffix("</html>\n"))
        #expect(output.components(separatedBy: "<article class=\"finding ").count - 1 == 47)
        #expect(output.components(separatedBy: "<figure class=\"excerpt\">").count - 1 == 47, "the CLI keeps the texts for the page")
        #expect(output.contains("<h1>Check: FAIL</h1>"))
    }

    @Test func anHTMLReportBesideAnotherFormatQuotesTheInputs() throws {
        try CLI.withFolder([:]) { folder in
            let fixtures = CLI.fixtures
            let result = try CLI.run(
                ["check", "\(fixtures)/check-fail", "--as-of", "2026-11-22", "--format", "json", "--report", "html=audit.html"], in: folder)
            #expect(result.status == 1)
            let page = try String(contentsOfFile: folder + "/audit.html", encoding: .utf8)
            #expect(page.contains("<figure class=\"excerpt\">"))
            #expect(page.contains("<mark class=\"line\">"))
        }
    }

    @Test func helpListsEveryFormat() throws {
        // Help text wraps; compare with the whitespace folded.
        let help = try CLI.run(["check", "--help"]).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(help.contains("(default: text). (values: text, json, sarif, junit, github, markdown, html)"))
    }
}
