import ArgumentParser
import TrainGateKit

@main
struct TrainGate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "traingate",
        abstract: "Check ML training data manifests and model cards against EU AI Act, GDPR and copyright policy packs.",
        discussion: """
            Exit codes: 0 success; 1 findings at or above the failure threshold; \
            2 could not check (unreadable or invalid input); 64 usage error.
            """,
        version: trainGateVersion,
        subcommands: [
            Check.self, Lint.self, Packs.self, Explain.self, Init.self, Report.self, Convert.self, Ledger.self, Keygen.self, Verify.self,
        ]
    )
}

extension TrainGate {
    /// Reads the built-in packs from the image compiled into the binary, then runs the command.
    static func main() {
        if !BuiltInPolicies.register(files: EmbeddedPolicies.files, hashes: EmbeddedPolicies.hashes, compiled: CompiledPolicies.image) {
            Terminal.error("warning: the compiled built-in packs do not match their embedded texts (a mixed build); reading them from YAML")
        }
        main(nil)
    }
}

/// The exit codes of the CLI contract.
enum ExitStatus {
    static let couldNotCheck = ExitCode(2)
}
