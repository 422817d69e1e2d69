import ArgumentParser
import TrainGateKit

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check that files parse: YAML, JSON and Markdown front matter, within TrainGate's limits.",
        discussion: """
            Each file that cannot be read prints one line, path:line:col: error: message, on \
            standard error. Folders are searched for .yaml, .yml, .json, .md and .markdown files; \
            other files in them are skipped and counted. Exits 0 when every file loads, 2 otherwise.
            """
    )

    /// How to read the files.
    enum Syntax: String, ExpressibleByArgument, CaseIterable {
        case auto, yaml, json, markdown
    }

    @Argument(help: "Files or folders to check.")
    var paths: [String]

    @Option(help: "Read every file as this syntax instead of choosing by extension.")
    var inputFormat: Syntax = .auto

    @Flag(name: .shortAndLong, help: "Print only errors, no summary.")
    var quiet = false

    func validate() throws {
        if paths.isEmpty { throw ValidationError("name at least one file or folder to lint") }
    }

    func run() throws {
        let expansion = InputFiles.expand(paths)
        let syntax = inputFormat == .auto ? nil : InputSyntax(rawValue: inputFormat.rawValue)
        let results = expansion.files.map { Linter.lint(file: $0, as: syntax) }
        let failures = results.compactMap(\.error)
        for error in failures { Terminal.error(error.description) }
        if !quiet {
            let skipped = expansion.skipped.isEmpty ? "" : "; \(expansion.skipped.count) skipped (not YAML, JSON or Markdown)"
            try Terminal.out(
                "linted \(results.count) file\(results.count == 1 ? "" : "s"): \(results.count - failures.count) ok, \(failures.count) with errors\(skipped)\n"
            )
        }
        if !failures.isEmpty { throw ExitStatus.couldNotCheck }
    }
}
