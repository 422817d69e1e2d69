import Foundation
import Testing

/// `traingate convert` end to end on the built binary: output to stdout and to files, and the errors.
@Suite("traingate convert, end to end")
struct ConvertCommandTests {
    static let adapters = URL(fileURLWithPath: CLI.fixtures).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("TrainGateKitTests/Fixtures/adapters").path
    static let voice = adapters + "/hf_datasetcard_common_voice.md"
    static let bert = adapters + "/hf_modelcard_bert-base-uncased.md"

    static func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("traingate-convert-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func helpDocumentsTheExitCodes() throws {
        let help = try CLI.run(["convert", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("--to <to>"))
        #expect(help.stdout.contains("Exit codes: 0 converted; 2 could not convert"))
        #expect(try CLI.run(["--help"]).stdout.contains("convert"))
    }

    @Test func printsTheManifestAndItChecks() throws {
        let folder = try Self.folder()
        let result = try CLI.run(["convert", Self.voice, "--to", "manifest"], in: folder)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout.hasPrefix("# Converted by traingate convert from \(Self.voice) (Hugging Face card).\n"))
        #expect(result.stdout.contains("kind: DatasetManifest\n"))
        try result.stdout.write(toFile: folder + "/voice.yaml", atomically: true, encoding: .utf8)
        #expect(try CLI.run(["lint", "voice.yaml"], in: folder).status == 0)
        // The converted manifest is a check input: it runs (findings or not), never "could not check".
        let check = try CLI.run(["check", "voice.yaml"], in: folder)
        #expect(check.status == 0 || check.status == 1)
    }

    @Test func writesOutputAndRefusesToOverwriteWithoutForce() throws {
        let folder = try Self.folder()
        let written = try CLI.run(["convert", Self.bert, "--to", "card", "--output", "card/model-card.yaml"], in: folder)
        #expect(written.status == 0)
        #expect(written.stdout.hasPrefix("wrote card/model-card.yaml\n"))
        let text = try String(contentsOfFile: folder + "/card/model-card.yaml", encoding: .utf8)
        #expect(text.contains("kind: ModelCard\n"))

        try "keep me\n".write(toFile: folder + "/existing.yaml", atomically: true, encoding: .utf8)
        let refused = try CLI.run(["convert", Self.bert, "--to", "card", "--output", "existing.yaml"], in: folder)
        #expect(refused.status == 2)
        #expect(refused.stderr == "existing.yaml: error: already exists; use --force to overwrite\n")
        #expect(try String(contentsOfFile: folder + "/existing.yaml", encoding: .utf8) == "keep me\n")

        let forced = try CLI.run(["convert", Self.bert, "--to", "card", "--output", "existing.yaml", "--force"], in: folder)
        #expect(forced.status == 0)
        #expect(try String(contentsOfFile: folder + "/existing.yaml", encoding: .utf8) == text)
    }

    @Test func neverWritesOverTheInputEvenWithForce() throws {
        let folder = try Self.folder()
        let input = folder + "/README.md"
        try FileManager.default.copyItem(atPath: Self.voice, toPath: input)
        let before = try String(contentsOfFile: input, encoding: .utf8)
        for extra in [[], ["--force"]] {
            let result = try CLI.run(["convert", "README.md", "--to", "manifest", "--output", "./README.md"] + extra, in: folder)
            #expect(result.status == 2)
            #expect(result.stderr == "./README.md: error: refusing to write the converted file over its input\n")
        }
        #expect(try String(contentsOfFile: input, encoding: .utf8) == before)
    }

    @Test func aDatasetCardIsNotAModelCard() throws {
        let result = try CLI.run(["convert", Self.voice, "--to", "card"])
        #expect(result.status == 2)
        #expect(result.stdout == "")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(
            result.stderr.hasPrefix(
                "\(Self.voice):1:1: error: this Hugging Face card describes a dataset (hf-datasetcard-common-voice), "
                    + "not a model; convert it with --to manifest"))
    }

    @Test func aTrainGateFileIsAlreadyConverted() throws {
        let folder = try Self.folder()
        #expect(try CLI.run(["init"], in: folder).status == 0)
        let result = try CLI.run(["convert", "model-card.yaml", "--to", "card"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("model-card.yaml:4:"))
        #expect(result.stderr.contains(": error: already a TrainGate file"))
    }

    @Test(
        "usage errors exit 64",
        arguments: [
            ["convert", "x.md"],
            ["convert", "x.md", "--to", "summary"],
            ["convert", "x.md", "--to", "card", "--dataset", "a"],
            ["convert", "x.md", "--to", "manifest", "--force"],
            ["convert", "x.md", "--to", "manifest", "--input-format", "traingate"],
        ])
    func usageErrors(_ arguments: [String]) throws {
        #expect(try CLI.run(arguments).status == 64)
    }
}
