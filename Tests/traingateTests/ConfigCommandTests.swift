import Foundation
import Testing

/// A temporary project folder holding a copy of the `check-fail` fixture, removed at the end.
final class Project {
    let folder: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("traingate-project-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: CLI.fixtures + "/check-fail", toPath: folder + "/check-fail")
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    func write(_ name: String, _ text: String) throws {
        let url = URL(fileURLWithPath: folder + "/" + name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ name: String) throws -> String { try String(contentsOfFile: folder + "/" + name, encoding: .utf8) }

    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: folder + "/" + name) }

    func run(_ arguments: [String]) throws -> CLI.Output { try CLI.run(arguments, in: folder) }
}

private let config = """
    apiVersion: traingate/v1
    kind: Config
    inputs: [check-fail/card.yaml]
    packs: [eu-copyright]
    waivers: [waivers.yaml]
    fail_on: high
    as_of: 2026-11-22
    format: json
    reports:
      - {format: text, path: out/findings.txt}

    """

private let waivers = """
    apiVersion: traingate/v1
    kind: WaiverSet
    waivers:
      - rule: DSM-4-1
        subject: "dataset:shadow-catalogue/source:mirror"
        justification: licence under negotiation, LEGAL-7
        approved_by: counsel@example.com
        expires: 2026-12-31

    """

@Suite("traingate.yaml and report files")
struct ConfigCommandTests {
    @Test func checkWithNoArgumentsDoesTheConfiguredJob() throws {
        let project = try Project()
        try project.write("traingate.yaml", config)
        try project.write("waivers.yaml", waivers)
        let result = try project.run(["check"])
        #expect(result.stderr == "")
        #expect(result.status == 1)  // the waived critical failure aside, a high one (DSM-4-3) remains
        // The printed format, the packs, the as-of date and the waiver all come from the config.
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["as_of"] as? String == "2026-11-22")
        #expect(json["fail_on"] as? String == "high")
        #expect((json["packs"] as? [[String: Any]])?.map { $0["name"] as? String } == ["eu-copyright"])
        #expect((json["summary"] as? [String: Int])?["waived"] == 1)
        #expect((json["waivers"] as? [[String: Any]])?.first?["state"] as? String == "applied")
        // The configured report is written too, relative to the config.
        let text = try project.read("out/findings.txt")
        #expect(text.contains("check-fail/data/shadow.yaml:9:22: waived: source mirror is not lawfully accessible"))
        #expect(
            text.contains(
                "    waiver:   waivers.yaml:4:5: licence under negotiation, LEGAL-7 (approved by counsel@example.com, expires 2026-12-31)"))
    }

    @Test func flagsOverrideTheConfig() throws {
        let project = try Project()
        try project.write("traingate.yaml", config)
        try project.write("waivers.yaml", waivers)
        let result = try project.run([
            "check", "--format", "text", "--fail-on", "never", "--pack", "gdpr",
            "--report", "text=out/other.txt", "--as-of", "2026-12-01",
        ])
        #expect(result.status == 0)
        #expect(result.stdout.contains("checked against gdpr 0.3.0 as of 2026-12-01"))
        #expect(result.stdout.contains("verdict: PASS (never fails)"))
        // The waiver names a rule no selected pack has.
        #expect(
            result.stdout.contains(
                "\nwaivers.yaml:4:5: warning: waiver for DSM-4-1 on 'dataset:shadow-catalogue/source:mirror' matches nothing: no selected pack has rule DSM-4-1\n"
            ))
        // --report for a format replaces the config's report of that format.
        #expect(project.exists("out/other.txt"))
        #expect(!project.exists("out/findings.txt"))
    }

    @Test func noConfigIgnoresIt() throws {
        let project = try Project()
        try project.write("traingate.yaml", "this is not: [valid")
        let ignored = try project.run(["check", "--no-config", "check-fail", "--fail-on", "never", "--as-of", "2026-11-22"])
        #expect(ignored.status == 0)
        let read = try project.run(["check", "check-fail"])
        #expect(read.status == 2)
        #expect(read.stderr.hasPrefix("traingate.yaml:2:1: error: "))
    }

    @Test(arguments: [
        (
            "apiVersion: traingate/v1\nkind: Config\nfail_on: sometimes\n",
            "traingate.yaml:3:10: error: 'sometimes' is not a valid value for 'fail_on'; expected one of: critical, high, medium, low, info, never\n"
        ),
        (
            "apiVersion: traingate/v1\nkind: Config\nreports:\n  - {format: pdf, path: x.pdf}\n",
            "traingate.yaml:4:14: error: 'pdf' is not a valid value for 'reports[0].format'; expected one of: text, json"
        ),
        (
            "apiVersion: traingate/v1\nkind: Config\nreports:\n  - {format: json}\n",
            "traingate.yaml:4:5: error: missing required field 'reports[0].path'\n"
        ),
        (
            "apiVersion: traingate/v1\nkind: Config\nas_of: 2026-11\n",
            "traingate.yaml:3:8: error: 'as_of' must be a full date (YYYY-MM-DD)\n"
        ),
        (
            "apiVersion: traingate/v1\nkind: Config\nwaiver_max_days: 0\n",
            "traingate.yaml:3:18: error: 'waiver_max_days' must be at least 1\n"
        ),
        (
            "apiVersion: traingate/v1\nkind: WaiverSet\n",
            "traingate.yaml:2:7: error: expected 'kind: Config', found 'WaiverSet'\n"
        ),
        (
            "apiVersion: traingate/v1\nkind: Config\nreports:\n  - {format: json, path: a.json}\n  - {format: text, path: a.json}\n",
            "traingate.yaml:5:26: error: two reports write 'a.json' (first at traingate.yaml:4:26)\n"
        ),
        (
            "apiVersion: traingate/v1\nkind: Config\ninputs: [missing.yaml]\n",
            "missing.yaml: error: "
        ),
    ])
    func badConfigsStopTheCheckWithALocatedError(text: String, error: String) throws {
        let project = try Project()
        try project.write("traingate.yaml", text)
        let result = try project.run(["check"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix(error), "\(result.stderr)")
        #expect(result.stdout == "")
    }

    @Test func reportsAreWrittenAtomicallyIntoNewFoldersAndNeverOverInputs() throws {
        let project = try Project()
        let result = try project.run([
            "check", "check-fail", "--as-of", "2026-11-22", "--format", "text",
            "--report", "json=a/b/findings.json", "--output", "printed.txt",
        ])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(try project.read("a/b/findings.json").contains("\"schema\" : \"traingate.findings/v1\""))
        #expect(try project.read("printed.txt").contains("verdict: FAIL"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: project.folder + "/a/b")
        #expect(leftovers == ["findings.json"])
        try project.write("w.yaml", waivers)
        let overWaivers = try project.run(["check", "check-fail", "--waivers", "w.yaml", "--report", "json=w.yaml"])
        #expect(overWaivers.status == 2)
        #expect(overWaivers.stderr == "w.yaml: error: refusing to write the report over an input file\n")
        #expect(try project.read("w.yaml") == waivers)
    }

    @Test(arguments: [
        (["--report", "sarif"], "--report takes FORMAT=PATH (e.g. sarif=traingate.sarif), got 'sarif'"),
        (["--report", "pdf=x.pdf"], "--report: unknown format 'pdf'; expected one of: "),
        (["--report", "json="], "--report json= needs a path"),
        (["--report", "json=x", "--report", "text=x"], "--report: two reports write 'x'"),
        (["--waiver-max-days", "0"], "--waiver-max-days must be at least 1, got 0"),
        (["--config", "a.yaml", "--no-config"], "--config and --no-config cannot be used together"),
        (["--format", "pdf"], "The value 'pdf' is invalid for '--format <format>'"),
    ])
    func badFlagsAreUsageErrors(flags: [String], message: String) throws {
        let result = try CLI.run(["check", "check-fail"] + flags)
        #expect(result.status == 64)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func waiverFlagsApplyAndBadWaiverFilesExitTwo() throws {
        let project = try Project()
        try project.write("w.yaml", waivers)
        let waived = try project.run(["check", "check-fail", "--waivers", "w.yaml", "--as-of", "2026-11-22", "--pack", "eu-copyright"])
        #expect(waived.status == 1)
        #expect(waived.stdout.contains("check-fail/data/shadow.yaml:9:22: waived: "))
        let expired = try project.run(["check", "check-fail", "--waivers", "w.yaml", "--as-of", "2027-01-01", "--pack", "eu-copyright"])
        #expect(
            expired.stdout.contains(
                "\nw.yaml:4:5: warning: waiver for DSM-4-1 on 'dataset:shadow-catalogue/source:mirror' expired on 2026-12-31 and waives nothing; renew it or fix the finding\n"
            ))
        #expect(expired.stdout.contains("check-fail/data/shadow.yaml:9:22: critical: "))
        let tooLong = try project.run(["check", "check-fail", "--waivers", "w.yaml", "--as-of", "2026-11-22", "--waiver-max-days", "30"])
        #expect(tooLong.status == 2)
        #expect(
            tooLong.stderr.hasSuffix(
                "\nw.yaml:8:14: error: the waiver runs 39 days from 2026-11-22 to 2026-12-31; the maximum is 30 days\n"))
    }

    @Test func skipOtherFilesLetsHooksPassEveryChangedFile() throws {
        let named = try CLI.run(["check", "check-fail/policy.md", "check-fail/data/shadow.yaml", "--as-of", "2026-11-22"])
        #expect(named.status == 2)
        let skipped = try CLI.run([
            "check", "--skip-other-files", "check-fail/policy.md", "check-fail/data/shadow.yaml", "--as-of", "2026-11-22",
        ])
        #expect(skipped.status == 1)
        #expect(skipped.stdout.contains("1 file skipped"))
        let nothing = try CLI.run(["check", "--skip-other-files", "check-fail/policy.md"])
        #expect(nothing.status == 0)
        #expect(nothing.stdout.contains("0 failed, 0 passed — 0 models, 0 datasets, 0 sources"))
        let failClosed = try CLI.run(["check", "empty-folder"])
        #expect(failClosed.status == 2)
    }

    @Test func reportsNeverOverwritePacksOrEvidenceAndWriteThroughLinks() throws {
        let project = try Project()
        let repository = URL(fileURLWithPath: CLI.fixtures).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let packText = try String(contentsOfFile: repository.appendingPathComponent("policies/eu-copyright.yaml").path, encoding: .utf8)
        try project.write("my-pack.yaml", packText)
        let pack = try project.run(["check", "check-fail", "--pack", "my-pack.yaml", "--report", "json=my-pack.yaml"])
        #expect(pack.status == 2)
        #expect(pack.stderr.hasSuffix("my-pack.yaml: error: refusing to write the report over an input file\n"))
        #expect(try project.read("my-pack.yaml") == packText)
        let examples = repository.appendingPathComponent("examples/licensed-music-model").path
        let evidence = examples + "/data/evidence/northern-records-licence.txt"
        let before = try String(contentsOfFile: evidence, encoding: .utf8)
        let overEvidence = try CLI.run(["check", examples, "--as-of", "2026-11-22", "--report", "markdown=" + evidence])
        #expect(overEvidence.status == 2)
        #expect(try String(contentsOfFile: evidence, encoding: .utf8) == before)
        try project.write("target.txt", "keep\n")
        try FileManager.default.createSymbolicLink(atPath: project.folder + "/link.json", withDestinationPath: "target.txt")
        let linked = try project.run(["check", "check-fail", "--as-of", "2026-11-22", "--report", "json=link.json"])
        #expect(linked.status == 1)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: project.folder + "/link.json") == "target.txt")
        #expect(try project.read("target.txt").contains("traingate.findings/v1"))
        let folder = try project.run(["check", "check-fail", "--report", "json=check-fail"])
        #expect(folder.status == 2)
        #expect(folder.stderr.hasSuffix("check-fail: error: cannot write the report: it is a folder\n"))
        let underFile = try project.run(["check", "check-fail", "--report", "json=target.txt/x.json"])
        #expect(underFile.status == 2)
        #expect(
            underFile.stderr.hasSuffix(
                "target.txt/x.json: error: cannot create folder '\(project.folder)/target.txt': a file of that name exists\n"))
    }

    @Test func twoOutputsOnOneFileAreAnErrorBeforeAnythingIsWritten() throws {
        let project = try Project()
        try project.write(
            "traingate.yaml",
            "apiVersion: traingate/v1\nkind: Config\ninputs: [check-fail]\nreports:\n  - {format: sarif, path: out/r.sarif}\n")
        let viaFlag = try project.run(["check", "--report", "junit=./out/r.sarif"])
        #expect(viaFlag.status == 2)
        #expect(viaFlag.stderr == "error: two reports would write './out/r.sarif' (also 'out/r.sarif')\n")
        let viaOutput = try project.run(["check", "--output", "out/../out/r.sarif"])
        #expect(viaOutput.status == 2)
        #expect(!project.exists("out"))
        try project.write(
            "traingate.yaml",
            "apiVersion: traingate/v1\nkind: Config\nreports:\n  - {format: sarif, path: r.out}\n  - {format: junit, path: ./r.out}\n  - {format: json, path: ''}\n"
        )
        let inConfig = try project.run(["check"])
        #expect(
            inConfig.stderr
                == "traingate.yaml:5:27: error: two reports write './r.out' (first at traingate.yaml:4:27)\ntraingate.yaml:6:26: error: a report path must not be empty\n"
        )
    }
}
