import ArgumentParser
import TrainGateKit

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check dataset manifests and model cards against policy packs.",
        discussion: """
            Reads every TrainGate manifest and model card in the given files and folders (a model \
            card brings in the manifests it names), evaluates the policy packs, applies the waivers, \
            and reports findings. With no paths, it reads the inputs of ./traingate.yaml, or the \
            current folder. Settings in traingate.yaml apply unless a flag overrides them. \
            Exit codes: 0 nothing failed at or above --fail-on; 1 findings at or above it; 2 could not \
            check (unreadable or invalid input, pack, waiver or config file); 64 usage error.
            """
    )

    enum ColorMode: String, ExpressibleByArgument, CaseIterable { case auto, always, never }

    @Argument(help: "Model cards, manifests, or folders holding them (default: the config's inputs, or the current folder).")
    var paths: [String] = []

    @Option(
        name: .customLong("pack"), help: "A built-in pack name or a pack file; repeat for several (default: every default built-in pack).")
    var packs: [String] = []

    @Option(name: .customLong("waivers"), help: "A WaiverSet file; repeat for several.")
    var waivers: [String] = []

    @Option(help: ArgumentHelp("The lowest severity that fails the check (default: high).", valueName: "severity"))
    var failOn: FailOn?

    @Option(help: ArgumentHelp("The format printed to standard output (default: text).", valueName: "format"))
    var format: FormatName?

    @Option(name: .customLong("report"), help: ArgumentHelp("Also write FORMAT to PATH; repeat for several.", valueName: "format=path"))
    var reports: [String] = []

    @Option(help: "Write the printed report to this file instead of standard output.")
    var output: String?

    @OptionGroup var asOf: AsOfOption

    @Option(help: ArgumentHelp("The longest a waiver may run, in days (default: 365).", valueName: "days"))
    var waiverMaxDays: Int?

    @Option(help: "Read settings from this file instead of ./traingate.yaml.")
    var config: String?

    @Flag(help: "Ignore ./traingate.yaml.")
    var noConfig = false

    @OptionGroup var inputFormat: InputFormatOption

    @Flag(help: "Skip named files that are not TrainGate model cards or manifests, and pass if none is left (for pre-commit hooks).")
    var skipOtherFiles = false

    @Flag(help: "Also report rules that passed, did not apply, or are not yet in force.")
    var showPassed = false

    @Option(
        help: ArgumentHelp(
            "Stop with an error (exit 2) past this many reported findings, to bound memory (default: 500000).", valueName: "n"))
    var maxFindings: Int?

    @Option(help: "Colour the text output.")
    var color: ColorMode = .auto

    @Option(help: ArgumentHelp("Also write a signed attestation of this check (a DSSE envelope) to FILE.", valueName: "file"))
    var attest: String?

    @Option(help: ArgumentHelp("The private key (PEM, from traingate keygen) that signs --attest.", valueName: "keyfile"))
    var key: String?

    @Option(help: ArgumentHelp("The folder attested paths are relative to (default: the current folder).", valueName: "dir"))
    var attestRoot: String?

    func validate() throws {
        if let maxFindings, maxFindings < 1 {
            throw ValidationError("--max-findings must be at least 1, got \(maxFindings)")
        }
        if let waiverMaxDays, waiverMaxDays < 1 {
            throw ValidationError("--waiver-max-days must be at least 1, got \(waiverMaxDays)")
        }
        if config != nil && noConfig {
            throw ValidationError("--config and --no-config cannot be used together")
        }
        if (attest == nil) != (key == nil) {
            throw ValidationError("--attest and --key go together: the attestation is signed with the key")
        }
        _ = try ReportRequest.parse(reports)
    }

    func run() throws {
        var loaded: CheckSettings?
        let settings: CheckSettings
        let report: CheckReport
        do {
            settings = try CheckSettings(self)
            loaded = settings
            try CheckSettings.checkDistinct(settings.reports, output: output)
            for warning in settings.configWarnings { Terminal.error(warning.description) }
            report = try Checker.run(settings.request)
        } catch {
            for warning in error.warnings { Terminal.error(warning.description) }
            for line in error.errors { Terminal.error(line.description) }
            leaveEvidence(of: FailedCheck(errors: error.errors, warnings: error.warnings), settings: loaded)
            throw ExitStatus.couldNotCheck
        }
        let inputs = report.filesRead + (settings.configFile.map { [$0] } ?? [])
        for target in settings.reports {
            let reporter = target.format.make()
            try write(to: target.path, inputs: inputs, origin: target.origin) { reporter.render(report, to: &$0) }
        }
        let useColor = output == nil && settings.format.isText && Terminal.wantsColor(color.rawValue)
        let reporter = settings.format.make(color: useColor)
        if let output {
            try write(to: output, inputs: inputs) { reporter.render(report, to: &$0) }
        } else {
            try Terminal.out { reporter.render(report, to: &$0) }
        }
        if let attest = settings.attest {
            try writeAttestation(report, to: attest.path, key: attest.key, root: attest.root, inputs: inputs, config: settings.configFile)
        }
        // Everything is written: end the process here rather than free the report, the inputs and
        // the packs object by object on the way out (a measurable share of a small check).
        Terminal.end(status: report.failed ? ExitCode.failure.rawValue : 0)
    }

    /// Signs the check's statement and writes the envelope (never over an input).
    private func writeAttestation(_ report: CheckReport, to path: String, key: String, root: String, inputs: [String], config: String?)
        throws
    {
        do {
            guard let text = try? String(contentsOfFile: key, encoding: .utf8) else {
                throw Attestation.Failure(message: "\(key): error: cannot read the key")
            }
            let privateKey = try Attestation.privateKey(pem: text, file: key)
            let envelope = try Attestation.envelope(for: report, extraFiles: config.map { [$0] } ?? [], root: root, key: privateKey)
            try write(to: path, inputs: inputs + [key]) { $0.write(String(decoding: envelope, as: UTF8.self)) }
        } catch let failure as Attestation.Failure {
            Terminal.error(failure.message)
            throw ExitStatus.couldNotCheck
        }
    }

    /// A run that could not check still writes its reports, saying it failed and why, so a CI
    /// dashboard shows the error rather than nothing or an earlier run's result. The printed
    /// report too, unless it is text on standard output, which already has the errors. Without
    /// settings (the config was the problem), the reports named by flags are written.
    private func leaveEvidence(of failure: FailedCheck, settings: CheckSettings?) {
        let targets = settings?.reports ?? (try? ReportRequest.parse(reports)) ?? []
        let format = settings?.format ?? self.format ?? .text
        // Two outputs naming one file is itself an error: then none is written.
        guard (try? CheckSettings.checkDistinct(targets, output: output)) != nil else { return }
        // What the run was asked to read is never written over, even where it could not be read.
        let inputs = (settings?.request.paths ?? paths) + [settings?.configFile ?? config].compactMap { $0 }
        for target in targets {
            let text = target.format.make().render(failure)
            try? write(to: target.path, inputs: inputs, origin: target.origin) { $0.write(text) }
        }
        let text = format.make().render(failure)
        if let output {
            try? write(to: output, inputs: inputs) { $0.write(text) }
        } else if !format.isText {
            try? Terminal.out(text)
        }
    }

    /// Writes one report; a failure names the config line it came from, or the path.
    private func write(to path: String, inputs: [String], origin: SourceLocation? = nil, _ body: (inout DescriptorSink) -> Void) throws {
        do {
            try OutputFile.write(to: path, inputs: inputs, body)
        } catch {
            Terminal.error(origin.map { "\($0): error: '\(path)': \(error)" } ?? "\(path): error: \(error)")
            throw ExitStatus.couldNotCheck
        }
    }
}

extension FailOn: ExpressibleByArgument {}

/// A report format from the reporter registry; `--help` lists every registered one.
struct FormatName: ExpressibleByArgument, Equatable, CustomStringConvertible {
    /// The reporter of the format.
    let reporter: any Reporter.Type
    var identifier: String { reporter.identifier }

    init?(argument: String) {
        guard let reporter = Reporters.type(for: argument) else { return nil }
        self.reporter = reporter
    }

    static let text = FormatName(argument: TextReporter.identifier)!

    /// The reporter, colouring where the format has colour.
    func make(color: Bool = false) -> any Reporter { reporter.make(color: color) }

    /// Whether this is the text format, whose errors already go to standard error.
    var isText: Bool { identifier == TextReporter.identifier }

    static func == (a: FormatName, b: FormatName) -> Bool { a.identifier == b.identifier }

    static var allValueStrings: [String] { Reporters.all.map { $0.identifier } }
    static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }
    var description: String { identifier }
}

/// Today's date in UTC.
enum Today {
    static func date() -> ISODate {
        var now = time(nil)
        var parts = tm()
        gmtime_r(&now, &parts)
        return ISODate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))!
    }
}

extension InputFormat: ExpressibleByArgument {}
