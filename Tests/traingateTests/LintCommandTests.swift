import Testing

@Suite("traingate lint, end to end")
struct LintCommandTests {
    @Test func cleanFolderExitsZero() throws {
        let result = try CLI.run(["lint", "lint-ok"])
        #expect(result.status == 0)
        #expect(result.stdout == "linted 3 files: 3 ok, 0 with errors; 1 skipped (not YAML, JSON or Markdown)\n")
        #expect(result.stderr == "")
    }

    @Test func badFilesExitTwoWithOneLinePerError() throws {
        let result = try CLI.run(["lint", "lint-mixed"])
        #expect(result.status == 2)
        #expect(
            result.stderr == """
                lint-mixed/comma.json:1:8: error: not valid JSON: trailing comma before a closing bracket
                lint-mixed/dup.yaml:4:5: error: duplicate key 'id' (first defined at 3:5)

                """)
        #expect(result.stdout == "linted 3 files: 1 ok, 2 with errors\n")
    }

    @Test func missingFileExitsTwo() throws {
        let result = try CLI.run(["lint", "--quiet", "nope.yaml"])
        #expect(result.status == 2)
        #expect(result.stderr == "nope.yaml: error: no such file or directory\n")
        #expect(result.stdout == "")
    }

    @Test(
        "a file that looks like TrainGate's without apiVersion: traingate/v1 is an error, as check says",
        arguments: [
            (
                "apiversion: traingate/v1\nkind: DatasetManifest\n",
                "m.yaml:1:1: error: unknown key 'apiversion'; did you mean 'apiVersion'?"
            ),
            ("apiVersion: TrainGate/v1\nkind: DatasetManifest\n", "m.yaml:1:13: error: apiVersion 'TrainGate/v1' is not 'traingate/v1'"),
            ("kind: DatasetManifest\ndataset: {id: d}\n", "m.yaml:1:7: error: kind 'DatasetManifest' with no apiVersion"),
            ("apiVersion: traingate/v2\nkind: ModelCard\n", "m.yaml:1:13: error: unsupported apiVersion 'traingate/v2'"),
        ])
    func lookAlikesAreErrors(text: String, error: String) throws {
        try CLI.withFolder([
            "m.yaml": text, "ci.yaml": "jobs: {build: {kind: docker}}\n", "ok.yaml": "apiVersion: traingate/v1\nkind: ModelCard\n",
        ]) { folder in
            let result = try CLI.run(["lint", "."], in: folder)
            #expect(result.status == 2)
            #expect(result.stderr.hasPrefix("./" + error) || result.stderr.hasPrefix(error), "\(result.stderr)")
            #expect(result.stdout == "linted 3 files: 2 ok, 1 with errors\n")
        }
    }

    @Test func inputFormatOverridesTheExtension() throws {
        // Read as YAML, the JSON file's trailing comma is legal flow syntax.
        let result = try CLI.run(["lint", "--input-format", "yaml", "lint-mixed/comma.json"])
        #expect(result.status == 0)
    }

    @Test(
        "usage errors exit 64",
        arguments: [["lint"], ["lint", "--input-format", "toml", "x.yaml"], ["frobnicate"], ["lint", "--bogus", "x"]])
    func usageErrors(_ arguments: [String]) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 64)
        #expect(result.stderr.contains("Error:") || result.stderr.contains("error:"))
    }

    @Test func versionAndHelp() throws {
        let version = try CLI.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.split(separator: ".").count == 3)
        let help = try CLI.run(["lint", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("--input-format <input-format>"))
        #expect(help.stdout.contains("auto"))
    }
}
