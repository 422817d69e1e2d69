import Foundation
import Testing

@Suite("traingate check, end to end")
struct CheckCommandTests {
    @Test func theBundledExamplePassesWithExitZero() throws {
        let result = try CLI.run(["check", "../../../examples/licensed-music-model", "--as-of", "2026-11-22"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout.hasSuffix("verdict: PASS (fails on high and above)\n"))
        #expect(result.stdout.contains("0 failed, "))
    }

    @Test func findingsAtOrAboveTheThresholdExitOne() throws {
        let result = try CLI.run(["check", "check-fail/card.yaml", "--as-of", "2026-11-22"])
        #expect(result.status == 1)
        try goldenFiles.check(result.stdout, against: "check-fail.txt")
        #expect(result.stderr == "")
    }

    @Test func jsonOutputIsVersionedAndDeterministic() throws {
        let first = try CLI.run(["check", "check-fail", "--as-of", "2026-11-22", "--format", "json"])
        let second = try CLI.run(["check", "check-fail", "--as-of", "2026-11-22", "--format", "json"])
        #expect(first.status == 1)
        #expect(first.stdout == second.stdout)
        try goldenFiles.check(first.stdout, against: "check-fail.json")
        let document = try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any]
        #expect(document?["schema"] as? String == "traingate.findings/v1")
        #expect((document?["findings"] as? [Any])?.count == 47)
    }

    @Test("the threshold decides the exit code", arguments: [("critical", Int32(1)), ("never", 0), ("info", 1)])
    func failOn(_ threshold: String, _ status: Int32) throws {
        #expect(try CLI.run(["check", "check-fail", "--as-of", "2026-11-22", "--fail-on", threshold]).status == status)
    }

    @Test func notYetInForceRulesNeverFail() throws {
        // Before the GPAI obligations applied, only the copyright and GDPR rules can fail.
        let result = try CLI.run(["check", "check-fail", "--as-of", "2025-01-01", "--format", "json", "--show-passed"])
        let document = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let findings = document?["findings"] as? [[String: Any]] ?? []
        let aiAct = findings.filter { ($0["pack"] as? String) == "eu-ai-act-gpai" }
        #expect(!aiAct.isEmpty)
        #expect(aiAct.allSatisfy { ["not_in_force", "not_applicable"].contains($0["status"] as? String) })
    }

    @Test(
        "inputs that cannot be checked exit 2 with located errors",
        arguments: [
            (
                "errors/bad-type",
                "errors/bad-type/card.yaml:5:9: error: 'classification.gpai' must be true or false, found string 'yes'\nerrors/bad-type/card.yaml:6:26: error: 'classification.training_compute_flop' must be a finite number, found string 'lots'\n"
            ),
            ("errors/missing-manifest", "errors/missing-manifest/card.yaml:6:17: error: dataset manifest 'data/nope.yaml' not found\n"),
            (
                "errors/escape",
                "errors/escape/card.yaml:6:17: error: dataset manifest '../../check-fail/data/shadow.yaml' is outside the model card's folder; manifests must live in or below it\n"
            ),
            (
                "errors/wrong-kind",
                "errors/wrong-kind/card.yaml:6:17: error: 'other-card.yaml' is not a dataset manifest (found a ModelCard)\n"
            ),
            (
                "errors/bad-enum",
                "errors/bad-enum/manifest.yaml:6:18: error: 'webcrawl' is not a valid value for 'sources[0].source_type'; expected one of: public_dataset, licensed_rightsholder, private_third_party, web_crawl, user_data_model_interaction, user_data_other_service, synthetic, first_party, public_domain, other; did you mean 'web_crawl'?\nerrors/bad-enum/manifest.yaml:7:5: error: missing required field 'sources[1].id'\n"
            ),
            ("lint-mixed/dup.yaml", "lint-mixed/dup.yaml:4:5: error: duplicate key 'id' (first defined at 3:5)\n"),
            (
                "errors/api-version",
                "errors/api-version/nested/m.yaml:1:13: error: unsupported apiVersion 'traingate/v2'; this TrainGate reads traingate/v1\n"
            ),
            ("empty-folder", "error: no TrainGate model cards or dataset manifests found in empty-folder\n"),
            (
                "errors/evidence-digest",
                "errors/evidence-digest/manifest.yaml:8:66: error: evidence file 'licence.txt' has SHA-256 eafd8ad0cdd7f209616288ce1a8abc2472950b5f55c2723d164c15a70a6202a7, not the declared 90d9eb5f2e8e2a2b8d6fa4bdbaab7b4e5a6a4be7d2fba4be5bfb7f8d06b6a6c2\n"
            ),
            (
                "errors/evidence",
                "errors/evidence/manifest.yaml:4:21: error: evidence file 'records/dpia.pdf' not found\nerrors/evidence/manifest.yaml:9:45: error: evidence file '../../check-fail/policy.md' is outside the folder of the file that names it; evidence must live in or below it\n"
            ),
            ("nope", "nope: error: no such file or directory\n"),
            ("lint-ok/notes.txt", "lint-ok/notes.txt:1:1: error: not a TrainGate file: expected 'apiVersion: traingate/v1'\n"),
            ("errors/bad-pack.yaml", "errors/bad-pack.yaml:2:7: error: a PolicyPack is not a check input; pass policy packs with --pack\n"),
        ])
    func couldNotCheck(_ path: String, _ stderr: String) throws {
        let result = try CLI.run(["check", path, "--as-of", "2026-11-22"])
        #expect(result.status == 2)
        #expect(result.stderr == stderr)
        #expect(result.stdout == "")
    }

    @Test func anInvalidPackExitsTwo() throws {
        let result = try CLI.run(["check", "check-fail", "--pack", "errors/bad-pack.yaml"])
        #expect(result.status == 2)
        #expect(result.stderr == "errors/bad-pack.yaml:10:24: error: unknown operator 'equalz'; did you mean 'equals'?\n")
        let unknown = try CLI.run(["check", "check-fail", "--pack", "gdrp"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "error: no built-in pack named 'gdrp'; did you mean 'gdpr'?; see 'traingate packs list'\n")
    }

    @Test func theBinaryReadsItsCompiledPacks() throws {
        // A refused image (texts and image from different builds) is announced on standard error.
        let result = try CLI.run(["packs", "list"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.contains("gdpr"))
    }

    @Test func foldersSkipAndCountFilesOfOtherKinds() throws {
        let result = try CLI.run(["check", "folder-mixed", "--as-of", "2026-11-22", "--fail-on", "never"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("4 files skipped (not TrainGate manifests or model cards)"))
        #expect(result.stdout.contains("1 dataset, 1 source checked"))
    }

    @Test func unknownKeysWarnWithASuggestion() throws {
        let result = try CLI.run(["check", "check-fail", "--as-of", "2026-11-22"])
        #expect(
            result.stdout.hasPrefix("check-fail/data/shadow.yaml:25:7: warning: unknown key 'sources[1].personal_data.internal_ticket'\n"))
    }

    @Test(
        "usage errors exit 64",
        arguments: [
            ["check", "--fail-on", "severe"], ["check", "--as-of", "2026-13-01"], ["check", "--as-of", "2026-11"],
            ["check", "--format", "xml"], ["check", "--color", "sometimes"], ["explain"], ["explain", "CoP-CR-12a"],
        ])
    func usage(_ arguments: [String]) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 64)
        #expect(!result.stderr.isEmpty)
    }

    @Test func reportsGoToAFileAtomicallyButNeverOverAnInput() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("traingate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = folder.appendingPathComponent("findings.json").path
        let written = try CLI.run(["check", "check-fail", "--format", "json", "--output", report, "--as-of", "2026-11-22"])
        #expect(written.status == 1)
        #expect(written.stdout == "")
        #expect(try String(contentsOfFile: report, encoding: .utf8).contains("\"schema\" : \"traingate.findings/v1\""))
        let refused = try CLI.run(["check", "check-fail", "--output", "check-fail/card.yaml"])
        #expect(refused.status == 2)
        #expect(refused.stderr == "check-fail/card.yaml: error: refusing to write the report over an input file\n")
    }
}

@Suite("traingate packs and explain")
struct PacksCommandTests {
    @Test func packsListNamesEveryBuiltInPack() throws {
        let result = try CLI.run(["packs", "list"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("NAME") == true)
        for pack in ["eu-ai-act-gpai", "eu-copyright", "gdpr"] {
            #expect(lines.contains { $0.hasPrefix(pack + " ") && $0.contains("default") })
        }
    }

    @Test func explainShowsCitationsAndExamples() throws {
        let result = try CLI.run(["explain", "CoP-CR-1.2a"])
        #expect(result.status == 0)
        try goldenFiles.check(result.stdout, against: "explain-CoP-CR-1.2a.txt")
    }

    @Test func aCopiedBinaryStillHasItsPacks() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("traingate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("traingate")
        try FileManager.default.copyItem(at: CLI.binary, to: copy)
        let process = Process()
        process.executableURL = copy
        process.arguments = ["packs", "list"]
        process.currentDirectoryURL = URL(fileURLWithPath: "/")
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(output.contains("eu-copyright"))
    }
}

@Suite("traingate check colour")
struct ColorTests {
    @Test func colourOnlyWhenAskedOrOnATerminal() throws {
        let colored = try CLI.run(["check", "check-fail/card.yaml", "--as-of", "2026-11-22", "--color", "always"])
        #expect(colored.stdout.contains("\u{1B}[1;31mcritical\u{1B}[0m: source mirror"))
        #expect(colored.stdout.contains("verdict: \u{1B}[1;31mFAIL\u{1B}[0m"))
        // Captured output is not a terminal: auto means no colour, and so does never.
        for mode in ["auto", "never"] {
            let plain = try CLI.run(["check", "check-fail/card.yaml", "--as-of", "2026-11-22", "--color", mode])
            #expect(!plain.stdout.contains("\u{1B}["))
        }
        // Only the text format is ever coloured.
        let json = try CLI.run(["check", "check-fail/card.yaml", "--as-of", "2026-11-22", "--color", "always", "--format", "json"])
        #expect(!json.stdout.contains("\u{1B}["))
    }

    /// A report that cannot be written is never a pass: every command that prints a report exits 2
    /// with a one-line error when standard output is full.
    @Test(arguments: [
        ["check", "check-fail/card.yaml", "--as-of", "2026-11-22", "--format", "sarif", "--fail-on", "never"],
        ["check", "check-fail/card.yaml", "--as-of", "2026-11-22"],
        ["packs", "list"],
        ["explain", "GDPR-21"],
    ])
    func aReportThatCannotBeWrittenExitsTwo(_ arguments: [String]) throws {
        guard let full = FileHandle(forWritingAtPath: "/dev/full") else { return }  // not every system has one
        let result = try CLI.run(arguments, standardOutput: full)
        #expect(result.status == 2)
        #expect(result.stderr.hasSuffix("error: cannot write to standard output: No space left on device\n"))
    }

    /// A manifest with a mis-spelt or missing apiVersion is an error, never skipped as "another
    /// file": skipping it would pass the check without it.
    @Test(arguments: [
        ("apiversion: traingate/v1\n", "1:1: error: unknown key 'apiversion'; did you mean 'apiVersion'?"),
        ("apiVersion: TrainGate/v1\n", "1:13: error: apiVersion 'TrainGate/v1' is not 'traingate/v1'"),
        ("", "1:7: error: kind 'DatasetManifest' with no apiVersion"),
        ("apiVersion: v1\n", "2:7: error: kind 'DatasetManifest' with apiVersion 'v1'"),
    ])
    func aLookalikeManifestIsAnErrorNotAnotherFile(_ header: String, _ expected: String) throws {
        let manifest = header + "kind: DatasetManifest\ndataset: {id: d}\nsources: [{id: s, source_type: web_crawl}]\n"
        try CLI.withFolder(["m.yaml": manifest]) { folder in
            for arguments in [["check", folder], ["check", folder + "/m.yaml", "--skip-other-files"]] {
                let result = try CLI.run(arguments + ["--as-of", "2026-11-22"])
                #expect(result.status == 2, "\(arguments)")
                #expect(result.stderr.contains("m.yaml:" + expected), "\(result.stderr)")
            }
        }
    }

    /// A genuinely foreign YAML file in a folder is still skipped.
    @Test func aForeignFileIsStillSkipped() throws {
        let files = [
            "k8s.yaml": "apiVersion: apps/v1\nkind: Deployment\n",
            "m.yaml": "apiVersion: traingate/v1\nkind: DatasetManifest\ndataset: {id: d}\nsources: [{id: s, source_type: synthetic}]\n",
        ]
        try CLI.withFolder(files) { folder in
            let result = try CLI.run(["check", folder, "--as-of", "2026-11-22", "--fail-on", "never"])
            #expect(result.status == 0)
            #expect(result.stdout.contains("1 file skipped"))
        }
    }

    /// A key one letter (or one look-alike letter) away from a known key is an error printed with
    /// its escaped spelling, so it cannot switch a rule off; a foreign key stays a warning.
    @Test(arguments: [
        ("participaton: opt_out", "error: unknown key 'sources[0].user_data.participaton' is a near miss of 'participation'"),
        (
            "particip\u{0430}tion: opt_out",
            "error: unknown key 'sources[0].user_data.particip\\u{430}tion' is a near miss of 'participation'"
        ),
        (
            "participation\u{200B}: opt_out",
            "error: unknown key 'sources[0].user_data.participation\\u{200b}' is a near miss of 'participation'"
        ),
    ])
    func aNearMissKeyIsAnError(_ line: String, _ expected: String) throws {
        let manifest =
            "apiVersion: traingate/v1\nkind: DatasetManifest\ndataset: {id: d}\nsources:\n  - id: s\n    source_type: user_data_other_service\n    user_data:\n      "
            + line + "\n"
        try expectCouldNotCheck(["m.yaml": manifest], { ["check", $0 + "/m.yaml", "--as-of", "2026-11-22"] }, "m.yaml:8:7: " + expected)
    }

    /// Two manifests no card names may not share a dataset id: their findings, waivers and SARIF
    /// fingerprints would name the same subject.
    @Test func standaloneManifestsWithOneDatasetIDAreAnError() throws {
        let manifest = "apiVersion: traingate/v1\nkind: DatasetManifest\ndataset: {id: d}\nsources: [{id: s, source_type: synthetic}]\n"
        try expectCouldNotCheck(
            ["a.yaml": manifest, "b.yaml": manifest], { ["check", $0, "--as-of", "2026-11-22"] },
            "b.yaml:3:15: error: duplicate")
    }

    /// A card that names one manifest twice is told so at its own second line.
    @Test func aCardNamingAManifestTwiceIsAnErrorAtTheCard() throws {
        let manifest = "apiVersion: traingate/v1\nkind: DatasetManifest\ndataset: {id: d}\nsources: [{id: s, source_type: synthetic}]\n"
        let card =
            "apiVersion: traingate/v1\nkind: ModelCard\nmodel: {name: x}\ntraining_data:\n  datasets:\n    - manifest: m.yaml\n    - manifest: ./m.yaml\n"
        try CLI.withFolder(["m.yaml": manifest, "card.yaml": card]) { folder in
            let result = try CLI.run(["check", folder + "/card.yaml", "--as-of", "2026-11-22"])
            #expect(result.status == 2)
            #expect(result.stderr.contains("card.yaml:7:17: error: manifest './m.yaml' is named twice (first at "), "\(result.stderr)")
            #expect(!result.stderr.contains("duplicate id"))
        }
    }

    /// Ids name subjects in findings, waivers and fingerprints: blank ids, ids that read as
    /// another subject, and waiver patterns are errors.
    @Test(arguments: ["\"\"", "\" \"", "\"a/source:b\"", "\"*\"", "\"x<b>\""])
    func anIdThatCannotNameASubjectIsAnError(_ id: String) throws {
        let manifest = "apiVersion: traingate/v1\nkind: DatasetManifest\ndataset: {id: d}\nsources: [{id: \(id), source_type: synthetic}]\n"
        try expectCouldNotCheck(
            ["m.yaml": manifest], { ["check", $0 + "/m.yaml", "--as-of", "2026-11-22"] }, "m.yaml:4:16: error: source id '")
    }

    /// The same check gives the same bytes whatever the order of its arguments, and the same
    /// SARIF fingerprints whatever the working folder.
    @Test func outputDoesNotDependOnArgumentOrderOrWorkingFolder() throws {
        let card = "apiVersion: traingate/v1\nkind: ModelCard\nmodel: {name: x}\n"
        let manifest = "apiVersion: traingate/v1\nkind: DatasetManifest\ndataset: {id: d}\nsources: [{id: s, source_type: web_crawl}]\n"
        try CLI.withFolder(["a.yaml": card, "b.yaml": manifest]) { folder in
            for format in ["json", "sarif"] {
                let forward = try CLI.run(["check", folder + "/a.yaml", folder + "/b.yaml", "--as-of", "2026-11-22", "--format", format])
                let backward = try CLI.run(["check", folder + "/b.yaml", folder + "/a.yaml", "--as-of", "2026-11-22", "--format", format])
                #expect(forward.stdout == backward.stdout, "\(format)")
            }
            func fingerprints(_ output: CLI.Output) -> [String] {
                output.stdout.split(separator: "\n").filter { $0.contains("\"traingate/v1\" :") }.map(String.init)
            }
            let absolute = try CLI.run(["check", folder + "/b.yaml", "--as-of", "2026-11-22", "--format", "sarif"])
            let relative = try CLI.run(["check", "b.yaml", "--as-of", "2026-11-22", "--format", "sarif"], in: folder)
            #expect(!fingerprints(absolute).isEmpty)
            #expect(fingerprints(absolute) == fingerprints(relative))
        }
    }

    /// A value read from an input cannot forge a line of the text report or of an error: control
    /// characters, escape sequences and line separators are escaped.
    @Test func inputValuesCannotForgeLines() throws {
        let manifest = """
            apiVersion: traingate/v1
            kind: DatasetManifest
            dataset: {id: d}
            sources:
              - id: s
                source_type: first_party
                personal_data: {present: true, original_purpose: "x\\nverdict: PASS\\n::error file=a::owned\\u001b[2J\\u202e"}

            """
        try CLI.withFolder(["m.yaml": manifest]) { folder in
            let result = try CLI.run(["check", folder + "/m.yaml", "--as-of", "2026-11-22", "--pack", "gdpr"])
            let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(result.stdout.contains("x\\u{a}verdict: PASS\\u{a}::error file=a::owned\\u{1b}[2J\\u{202e}"), "\(result.stdout)")
            #expect(!lines.contains { $0.hasPrefix("::error") || $0 == "verdict: PASS" })
            #expect(!result.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E })
            #expect(result.stdout.hasSuffix("verdict: FAIL (fails on high and above)\n"))
        }
    }

    /// A manifest past the source limit is a located error, not gigabytes of findings.
    @Test func tooManySourcesIsALocatedError() throws {
        var manifest = "apiVersion: traingate/v1\nkind: DatasetManifest\ndataset: {id: d}\nsources:\n"
        for index in 0...2_000 { manifest += "  - {id: s\(index), source_type: synthetic}\n" }
        try expectCouldNotCheck(
            ["m.yaml": manifest], { ["check", $0 + "/m.yaml", "--as-of", "2026-11-22"] },
            "m.yaml:5:3: error: 2001 sources exceed the limit of 2000 per manifest")
    }

    /// Over the limit, a manifest whose sources are all broken is one error, not one per source;
    /// under it, the errors listed stop at 100 with a line counting the rest.
    @Test func brokenSourcesGiveAScreenfulOfErrors() throws {
        try CLI.withFolder([:]) { folder in
            for (name, count) in [("over.yaml", 2_001), ("under.yaml", 150)] {
                var manifest = "apiVersion: traingate/v1\nkind: DatasetManifest\ndataset: {id: d}\nsources:\n"
                for index in 0..<count { manifest += "  - {id: s\(index)}\n" }
                try Data(manifest.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
            }
            let over = try CLI.run(["check", "over.yaml"], in: folder)
            #expect(over.status == 2)
            #expect(over.stderr == "over.yaml:5:3: error: 2001 sources exceed the limit of 2000 per manifest; split the manifest\n")
            let under = try CLI.run(["check", "under.yaml"], in: folder)
            #expect(under.status == 2)
            let lines = under.stderr.split(separator: "\n")
            #expect(lines.count == 101)
            #expect(lines.last == "error: 50 more errors not shown; fix the ones above first")
        }
    }

    /// Writes `files` into a scratch folder, runs `traingate` with the arguments `arguments`
    /// makes from its path, and expects exit 2 with `expected` on standard error.
    func expectCouldNotCheck(
        _ files: [String: String], _ arguments: (String) -> [String], _ expected: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        try CLI.withFolder(files) { folder in
            let result = try CLI.run(arguments(folder))
            #expect(result.status == 2, sourceLocation: sourceLocation)
            #expect(result.stderr.contains(expected), "\(result.stderr)", sourceLocation: sourceLocation)
        }
    }
}
