import Foundation
import Testing

/// A run that cannot check (exit 2) still writes its reports, saying it failed and why.
@Suite("traingate check that cannot check still leaves reports")
struct FailedRunReportTests {
    static let broken = "apiVersion: traingate/v1\nkind: DatasetManifest\ndataset: {id: x\n"

    func read(_ folder: String, _ name: String) throws -> String {
        try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func everyReportSaysTheRunFailedAndWhere() throws {
        try CLI.withFolder(["bad.yaml": Self.broken]) { folder in
            let result = try CLI.run(
                [
                    "check", "bad.yaml", "--report", "sarif=out/r.sarif", "--report", "junit=out/r.xml",
                    "--report", "json=out/r.json", "--report", "markdown=out/r.md", "--report", "text=out/r.txt",
                    "--report", "html=out/r.html",
                ],
                in: folder)
            #expect(result.status == 2)
            #expect(result.stdout == "", "text on standard output adds nothing to the errors on standard error")
            #expect(result.stderr.hasPrefix("bad.yaml:4:1: error: syntax error: "))

            let run = try #require((try json(read(folder, "out/r.sarif"))["runs"] as? [[String: Any]])?.first)
            let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
            #expect(invocation["executionSuccessful"] as? Bool == false)
            let note = try #require((invocation["toolExecutionNotifications"] as? [[String: Any]])?.first)
            #expect(note["level"] as? String == "error")
            let region =
                (((note["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["region"] as? [String: Any])
            #expect(region?["startLine"] as? Int == 4)
            #expect((run["results"] as? [Any])?.isEmpty == true, "an actual scan has a results array, here empty")

            let junit = try read(folder, "out/r.xml")
            #expect(junit.contains("<testsuites name=\"traingate\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\">"))
            #expect(junit.contains("<error message=\"syntax error: "))
            #expect(junit.contains(" file=\"bad.yaml\" line=\"4\">"))

            let document = try json(read(folder, "out/r.json"))
            #expect(document["verdict"] as? String == "error")
            let error = try #require((document["errors"] as? [[String: Any]])?.first)
            #expect(error["file"] as? String == "bad.yaml" && error["line"] as? Int == 4 && error["column"] as? Int == 1)
            #expect(document["findings"] == nil, "no findings list: nothing was checked")

            #expect(try read(folder, "out/r.md").hasPrefix("## ⛔ TrainGate: could not check\n"))
            let page = try read(folder, "out/r.html")
            #expect(page.contains("<h1>Could not check</h1>") && page.contains("<li><code>bad.yaml:4:1</code>: syntax error: "))
            #expect(try read(folder, "out/r.txt").hasSuffix("verdict: ERROR — could not check: 1 error; nothing was checked\n"))
        }
    }

    @Test func aMachineFormatOnStandardOutputSaysSoToo() throws {
        try CLI.withFolder(["bad.yaml": Self.broken]) { folder in
            let github = try CLI.run(["check", "bad.yaml", "--format", "github"], in: folder)
            #expect(github.status == 2)
            #expect(github.stdout.hasPrefix("::error file=bad.yaml,line=4,col=1,title=TrainGate%3A could not check::syntax error: "))
            #expect(github.stdout.hasSuffix("traingate: ERROR — could not check: 1 error; nothing was checked\n"))

            let missing = try CLI.run(["check", "nowhere", "--format", "json"], in: folder)
            #expect(missing.status == 2)
            let error = try #require((try json(missing.stdout)["errors"] as? [[String: Any]])?.first)
            #expect(error["file"] as? String == "nowhere" && error["line"] == nil)
        }
    }

    @Test func anEarlierRunsReportIsReplaced() throws {
        try CLI.withFolder(["bad.yaml": Self.broken, "old.json": "{\"verdict\": \"pass\"}\n"]) { folder in
            let result = try CLI.run(["check", "bad.yaml", "--format", "json", "--output", "old.json"], in: folder)
            #expect(result.status == 2)
            #expect(try json(read(folder, "old.json"))["verdict"] as? String == "error")
        }
    }

    @Test func aBrokenConfigStillWritesTheReportsNamedByFlags() throws {
        let config = "apiVersion: traingate/v1\nkind: Config\nfail_on: severe\n"
        try CLI.withFolder(["traingate.yaml": config]) { folder in
            let result = try CLI.run(["check", "--report", "sarif=r.sarif"], in: folder)
            #expect(result.status == 2)
            #expect(result.stderr.hasPrefix("traingate.yaml:3:10: error: "))
            let run = try #require((try json(read(folder, "r.sarif"))["runs"] as? [[String: Any]])?.first)
            let note = try #require(
                ((run["invocations"] as? [[String: Any]])?.first?["toolExecutionNotifications"] as? [[String: Any]])?.first)
            #expect(((note["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]) != nil)
        }
    }

    @Test func anInputIsNeverWrittenOverEvenWhenItCouldNotBeRead() throws {
        try CLI.withFolder(["bad.yaml": Self.broken]) { folder in
            let result = try CLI.run(["check", "bad.yaml", "--format", "json", "--output", "bad.yaml"], in: folder)
            #expect(result.status == 2)
            #expect(try read(folder, "bad.yaml") == Self.broken)
        }
    }
}

/// The limit on findings per run bounds memory: past it, a located exit-2 error, with the reports
/// still written.
@Suite("traingate check --max-findings")
struct FindingLimitTests {
    @Test func pastTheLimitTheCheckStopsWithAnError() throws {
        let result = try CLI.run(["check", "check-fail", "--as-of", "2026-11-22", "--max-findings", "46", "--format", "json"])
        #expect(result.status == 2)
        #expect(
            result.stderr.hasSuffix(
                "error: more than 46 findings; the limit bounds memory and report size: check fewer inputs at a time\n"),
            "\(result.stderr)")
        #expect(result.stdout.contains("\"verdict\" : \"error\""))
        let atTheLimit = try CLI.run(["check", "check-fail", "--as-of", "2026-11-22", "--max-findings", "47"])
        #expect(atTheLimit.status == 1, "47 findings fit a limit of 47")
    }

    @Test func showPassedCountsEveryResult() throws {
        let result = try CLI.run(["check", "check-fail", "--as-of", "2026-11-22", "--max-findings", "100", "--show-passed"])
        #expect(result.status == 2)
        #expect(
            result.stderr.contains("error: more than 100 findings and results; the limit bounds memory and report size: drop --show-passed")
        )
    }

    @Test func theLimitIsAtLeastOne() throws {
        let result = try CLI.run(["check", "check-fail", "--max-findings", "0"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--max-findings must be at least 1, got 0"))
    }
}
