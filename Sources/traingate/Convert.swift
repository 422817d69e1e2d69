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

/// `traingate convert`: a Hugging Face card, Croissant, SPDX 3 or CycloneDX file written out as a
/// TrainGate manifest or model card to finish by hand.
struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a Hugging Face card, Croissant, SPDX 3 or CycloneDX file into a TrainGate manifest or model card.",
        discussion: """
            Writes a TrainGate YAML file pre-filled with exactly what the source declares, each value \
            commented with the place it was read from. Every other field of the `traingate init` \
            template is left as a commented TODO with the law that asks for it; nothing is invented. \
            Fill in the TODOs, then run `traingate check`. \
            Exit codes: 0 converted; 2 could not convert (unreadable input, a file that is already \
            TrainGate's or does not describe what --to asks for, an output that would overwrite the \
            input or an existing file); 64 usage error.
            """
    )

    enum Target: String, ExpressibleByArgument, CaseIterable { case manifest, card }

    @Argument(help: "The file to convert.")
    var file: String

    @Option(help: "What to write: a dataset manifest or a model card.")
    var to: Target

    @Option(help: "Write to this file instead of standard output.")
    var output: String?

    @Option(help: "The input's format (default: decided by its content).")
    var inputFormat: ForeignFormat = ForeignFormat(format: .auto)

    @Option(help: "The dataset to convert, by id, when the file describes several (with --to manifest).")
    var dataset: String?

    @Flag(help: "Overwrite --output when it exists (never the input).")
    var force = false

    func validate() throws {
        if dataset != nil && to == .card { throw ValidationError("--dataset applies only with --to manifest") }
        if force && output == nil { throw ValidationError("--force applies only with --output") }
    }

    func run() throws {
        let text: String
        do {
            text = try Conversion.convert(
                file: file, to: to == .card ? .card : .manifest,
                format: inputFormat.format, dataset: dataset)
        } catch {
            Terminal.error(error.description)
            throw ExitStatus.couldNotCheck
        }
        guard let output else {
            try Terminal.out(text)
            return
        }
        let target = OutputFile.writeTarget(output)
        if Paths.canonical(output) == Paths.canonical(file) {
            Terminal.error("\(output): error: refusing to write the converted file over its input")
            throw ExitStatus.couldNotCheck
        }
        if !force, Paths.kind(of: target) == .file,
            (try? FileManager.default.attributesOfItem(atPath: target)[.type] as? FileAttributeType) == .typeRegular
        {
            Terminal.error("\(output): error: already exists; use --force to overwrite")
            throw ExitStatus.couldNotCheck
        }
        do {
            try OutputFile.write(text, to: output, inputs: [file])
        } catch {
            Terminal.error("\(output): error: \(error)")
            throw ExitStatus.couldNotCheck
        }
        try Terminal.out("wrote \(output)\n\nNext: fill in every TODO, then run `traingate check \(output)`.\n")
    }
}

/// A format `convert` reads: `auto` or one of the adapters' (a TrainGate file has nothing to
/// convert), listed from the adapter registry.
struct ForeignFormat: ExpressibleByArgument {
    let format: InputFormat

    init(format: InputFormat) { self.format = format }

    init?(argument: String) {
        guard let format = InputFormat(rawValue: argument), format != .traingate else { return nil }
        self.format = format
    }

    static var allValueStrings: [String] { InputFormat.allCases.filter { $0 != .traingate }.map(\.rawValue) }
    static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }
    var defaultValueDescription: String { format.rawValue }
}
