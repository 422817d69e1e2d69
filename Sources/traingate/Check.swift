import ArgumentParser
import Foundation
import TrainGateKit

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check dataset manifests and model cards against policy packs.",
        discussion: """
            Reads every TrainGate manifest and model card in the given files and folders (a model \
            card brings in the manifests it names), evaluates the policy packs, and reports findings. \
            Exit codes: 0 nothing failed at or above --fail-on; 1 findings at or above it; 2 could not \
            check (unreadable or invalid input or pack); 64 usage error.
            """
    )

    enum ColorMode: String, ExpressibleByArgument, CaseIterable { case auto, always, never }

    @Argument(help: "Model cards, manifests, or folders holding them (default: the current folder).")
    var paths: [String] = []

    @Option(name: .customLong("pack"), help: "A built-in pack name or a pack file; repeat for several (default: every default built-in pack).")
    var packs: [String] = []

    @Option(help: "The lowest severity that fails the check.")
    var failOn: FailOn = .high

    @Option(help: "The format printed to standard output.")
    var format: FormatName = .text

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(help: "Judge the rules as of this date (YYYY-MM-DD; default: today, UTC).")
    var asOf: String?

    @Flag(help: "Also report rules that passed, did not apply, or are not yet in force.")
    var showPassed = false

    @Option(help: "Colour the text output.")
    var color: ColorMode = .auto

    func validate() throws {
        if let asOf, Self.parseDate(asOf) == nil {
            throw ValidationError("--as-of must be a date written YYYY-MM-DD, got '\(asOf)'")
        }
    }

    static func parseDate(_ text: String) -> ISODate? {
        guard let date = ISODate(parsing: text), date.day != nil else { return nil }
        return date
    }

    func run() throws {
        let request = Checker.Request(paths: paths.isEmpty ? ["."] : paths, packs: packs,
                                      asOf: asOf.flatMap(Self.parseDate) ?? Today.date(), failOn: failOn,
                                      includeAll: showPassed)
        let report: CheckReport
        do {
            report = try Checker.run(request)
        } catch {
            for warning in error.warnings { Terminal.error(warning.description) }
            for line in error.errors { Terminal.error(line) }
            throw ExitStatus.couldNotCheck
        }
        let useColor = output == nil && format == .text && Terminal.wantsColor(color.rawValue)
        let text = Reporters.reporter(for: format.identifier, color: useColor)!.render(report)
        if let output {
            do {
                try OutputFile.write(text, to: output, inputs: report.inputs.map(\.path))
            } catch {
                Terminal.error("\(output): error: \(error)")
                throw ExitStatus.couldNotCheck
            }
        } else {
            Terminal.out(text)
        }
        if report.failed { throw ExitCode.failure }
    }
}

extension FailOn: ExpressibleByArgument {}

/// A report format from the reporter registry; `--help` lists every registered one.
struct FormatName: ExpressibleByArgument, Equatable, CustomStringConvertible {
    let identifier: String

    static let text = FormatName(argument: "text")!

    init?(argument: String) {
        guard Reporters.all.contains(where: { $0.identifier == argument }) else { return nil }
        identifier = argument
    }

    static var allValueStrings: [String] { Reporters.all.map { $0.identifier } }
    static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }
    var description: String { identifier }
}

/// Today's date in UTC.
enum Today {
    static func date() -> ISODate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return ISODate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}

/// Writing report files: atomically (a temporary file, then a rename), and never over an input.
enum OutputFile {
    struct Refusal: Error, CustomStringConvertible {
        let description: String
    }

    static func write(_ text: String, to path: String, inputs: [String]) throws {
        let target = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        if inputs.contains(where: { URL(fileURLWithPath: $0).standardizedFileURL.resolvingSymlinksInPath().path == target }) {
            throw Refusal(description: "refusing to write the report over an input file")
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
