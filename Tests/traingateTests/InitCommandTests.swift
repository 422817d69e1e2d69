import Foundation
import Testing

@Suite("traingate init")
struct InitCommandTests {
    @Test func initWritesAProjectThatLintsAndChecks() throws {
        let project = try Project()
        let written = try project.run(["init", "starter"])
        #expect(written.status == 0)
        #expect(
            written.stdout.hasPrefix(
                "wrote starter/traingate.yaml\nwrote starter/model-card.yaml\nwrote starter/data/dataset-manifest.yaml\nwrote starter/.traingate/schemas/config.schema.json\n"
            ))
        let lint = try CLI.run(
            ["lint", "starter/model-card.yaml", "starter/data/dataset-manifest.yaml", "starter/traingate.yaml"], in: project.folder)
        #expect(lint.status == 0)
        let check = try CLI.run(["check", "--as-of", "2026-11-22"], in: project.folder + "/starter")
        #expect(check.status == 1)
        #expect(check.stderr == "")
        #expect(check.stdout.contains("verdict: FAIL"))
        for report in ["traingate.sarif", "junit.xml", "summary.md"] {
            #expect(project.exists("starter/traingate-reports/" + report))
        }
    }

    @Test func initNeverOverwritesWithoutForce() throws {
        let project = try Project()
        try project.write("traingate.yaml", "# mine\n")
        let refused = try project.run(["init"])
        #expect(refused.status == 2)
        #expect(refused.stderr == "traingate.yaml: error: already exists; use --force to overwrite\n")
        #expect(try project.read("traingate.yaml") == "# mine\n")
        #expect(!project.exists("model-card.yaml"))
        let forced = try project.run(["init", "--force"])
        #expect(forced.status == 0)
        #expect(try project.read("traingate.yaml").contains("kind: Config"))
    }
}
