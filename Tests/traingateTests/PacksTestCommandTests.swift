import Testing

@Suite("traingate packs test and packs lint")
struct PacksTestCommandTests {
    @Test func everyBuiltInPackPassesItsOwnExamples() throws {
        let result = try CLI.run(["packs", "test"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.hasSuffix(" passed, 0 failed\n"))
    }

    @Test func aWrongExampleAndAMissingExampleFail() throws {
        let result = try CLI.run(["packs", "test", "packs/wrong-example.yaml", "--as-of", "2026-11-22"])
        #expect(result.status == 1)
        #expect(
            result.stdout == """
                packs/wrong-example.yaml:16:11: error: pass example 2 of W1 came out fail; at access.lawful_access expected equals true, found false [W1]
                packs/wrong-example.yaml:19:5: error: rule W2 has no passing example [W2]
                packs/wrong-example.yaml:19:5: error: rule W2 has no failing example [W2]
                1 pack, 2 rules
                2 passed, 3 failed

                """)
    }

    @Test func lintRequiresExamplesAndValidStructure() throws {
        let result = try CLI.run(["packs", "lint", "packs/wrong-example.yaml", "errors/bad-pack.yaml"])
        #expect(result.status == 2)
        #expect(
            result.stderr == """
                packs/wrong-example.yaml:19:5: error: rule W2 has no passing example
                packs/wrong-example.yaml:19:5: error: rule W2 has no failing example
                errors/bad-pack.yaml:10:24: error: unknown operator 'equalz'; did you mean 'equals'?

                """)
        #expect(result.stdout == "linted 2 pack files, 2 rules: 3 problems\n")
        let clean = try CLI.run(["packs", "lint", "../../../policies/gdpr.yaml"])
        #expect(clean.status == 0)
    }
}
