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

/// `traingate ledger`: record-level evidence, read by hand.
struct Ledger: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "Audit ledgers: one row per training item.",
        subcommands: [Stats.self, Scan.self, Merge.self, Inputs.self]
    )

    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "stats",
            abstract:
                "Print a ledger's aggregates: rows, bytes and tokens by modality, consent states, signals, crawl period, top domains.",
            discussion: """
                Reads each LEDGER (JSON Lines or CSV with a header, plain or gzip), or with --manifest every ledger the \
                manifest's sources name, and prints rows, size_bytes and tokens by modality, legal bases, consent states, \
                robots.txt results, opt-out signal coverage, the crawl period (first and last retrieved_at) and the domains \
                by size, with the top 10 % the AI Office template asks for in section 2.3 (--sme: the top 5 % or 1,000, \
                whichever is lower). Rows are validated as check validates them; no rule runs. \
                Exit codes: 0 printed; 2 a ledger could not be read (the error names file:line:column); 64 usage error.
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

        @Argument(help: "Ledger files.")
        var ledgers: [String] = []

        @Option(help: "Read the ledgers this dataset manifest names instead.")
        var manifest: String?

        @Option(help: "The ledgers' format when their names do not say (jsonl or csv).")
        var ledgerFormat: String?

        @Option(help: "The output format.")
        var format: Format = .text

        @Flag(help: "List the top domains as for an SME or start-up: the top 5 % or 1,000, whichever is lower.")
        var sme = false

        @OptionGroup var asOf: AsOfOption

        func validate() throws {
            if manifest == nil && ledgers.isEmpty { throw ValidationError("name ledger files, or a manifest with --manifest") }
            if manifest != nil && !ledgers.isEmpty { throw ValidationError("name ledger files or --manifest, not both") }
            if let ledgerFormat, !["jsonl", "csv"].contains(ledgerFormat) {
                throw ValidationError("--ledger-format must be jsonl or csv")
            }
        }

        func run() throws {
            let reports: [LedgerReport]
            do {
                if let manifest {
                    reports = try LedgerStatistics.read(manifest: manifest, asOf: asOf.date)
                } else {
                    reports = try LedgerStatistics.read(files: ledgers, format: ledgerFormat)
                }
            } catch {
                throw error.printed()
            }
            switch format {
            case .text: try Terminal.out(LedgerStatistics.text(reports, sme: sme))
            case .json: try Terminal.out(LedgerStatistics.json(reports))
            }
        }
    }

    struct Scan: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "scan",
            abstract: "Judge some rows of a manifest's ledgers and write their partial aggregate (for Spark partitions).",
            discussion: """
                Reads rows as JSON lines from standard input (or ROWS: a JSON Lines file, or with --source a CSV file; \
                plain or gzip), judges them under the record rules of the packs, as of --as-of, for the sources of the \
                dataset manifest --manifest (its suppression lists included), and writes one partial: a versioned JSON \
                document on one line. Each row names its source with a first key "@source" (or all rows belong to \
                --source) and may name the file it came from with "@file", which samples then show; any value may be \
                given as a string, read as a CSV cell is. `traingate ledger merge` combines partials into the findings \
                `traingate check --pack ledger` gives on the same rows. REC-DUPLICATE adds up exactly when every copy \
                of a content is in one partial: partition rows by the first four hexadecimal digits of content_sha256. \
                Exit codes: 0 written; 2 a row, the manifest or a pack could not be read (file:line:column); 64 usage error.
                """
        )

        @Flag(help: "Write a partial aggregate (required: the one thing scan writes).")
        var partial = false

        @Option(help: "The dataset manifest the rows belong to.")
        var manifest: String

        @Option(help: "The source every row belongs to (else each row's \"@source\").")
        var source: String?

        @Option(
            name: .customLong("pack"), help: "A built-in pack name or a pack file; repeat for several (default: ledger).")
        var packs: [String] = []

        @OptionGroup var asOf: AsOfOption

        @Option(help: "Write the partial to this file instead of standard output.")
        var output: String?

        @Option(help: ArgumentHelp("Threads that judge rows (default: one per core).", valueName: "n"))
        var threads: Int?

        @Argument(help: "A file of rows (default: standard input).")
        var rows: String?

        func validate() throws {
            if !partial {
                throw ValidationError("ledger scan writes a partial aggregate: pass --partial (for findings, use traingate check)")
            }
            if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads)") }
            if rows == "-" && source == nil { return }
        }

        func run() throws {
            let scanned: (partial: LedgerPartial, warnings: [Diagnostic])
            do {
                scanned = try LedgerStream.scan(
                    LedgerStream.Request(
                        manifest: manifest, source: source, packs: packs, asOf: asOf.date, input: rows == "-" ? nil : rows,
                        threads: threads))
            } catch {
                throw error.printed()
            }
            for warning in scanned.warnings { Terminal.error(warning.description) }
            try Ledger.writePartial(scanned.partial, to: output, inputs: [manifest] + (rows.map { [$0] } ?? []))
        }
    }

    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "merge",
            abstract: "Merge partial aggregates into findings, as check --pack ledger gives them on the same rows.",
            discussion: """
                Combines the partials `traingate ledger scan --partial` wrote (in any order and grouping) and reports \
                the record findings of the manifest's sources in any format, with check's exit codes. The partials \
                must have been judged under the same manifest, packs, suppression lists, as-of date and TrainGate \
                version, and must not share a content-digest bucket when REC-DUPLICATE runs; otherwise the merge \
                stops (exit 2). Every source whose ledger the manifest names must have rows in some partial. With \
                --partial, writes the merged partial instead (no manifest needed), for merging in a tree. \
                Exit codes: 0 nothing failed at or above --fail-on; 1 findings at or above it; 2 could not merge; \
                64 usage error.
                """
        )

        @Argument(help: "Partial files.")
        var partials: [String]

        @Option(help: "The dataset manifest the partials judged (required for findings).")
        var manifest: String?

        @Option(
            name: .customLong("pack"), help: "A built-in pack name or a pack file; repeat for several (default: ledger).")
        var packs: [String] = []

        @Option(help: ArgumentHelp("The lowest severity that fails the merge (default: high).", valueName: "severity"))
        var failOn: FailOn = .high

        @Option(help: ArgumentHelp("The format printed to standard output (default: text).", valueName: "format"))
        var format: FormatName = .text

        @Option(name: .customLong("report"), help: ArgumentHelp("Also write FORMAT to PATH; repeat for several.", valueName: "format=path"))
        var reports: [String] = []

        @Option(help: "Write the printed report (or the merged partial) to this file instead of standard output.")
        var output: String?

        @Option(help: "Judge as of this date (YYYY-MM-DD; default: the partials' date, which must be the same).")
        var asOf: String?

        @Flag(help: "Also report rules that passed, did not apply, or are not yet in force.")
        var showPassed = false

        @Flag(help: "Write the merged partial instead of findings.")
        var partial = false

        func validate() throws {
            if partials.isEmpty { throw ValidationError("name at least one partial file") }
            if !partial && manifest == nil { throw ValidationError("--manifest is required for findings (or pass --partial)") }
            if let asOf, AsOfOption.parse(asOf) == nil { throw ValidationError("--as-of must be a date written YYYY-MM-DD, got '\(asOf)'") }
            _ = try ReportRequest.parse(reports)
        }

        func run() throws {
            let read: [(name: String, partial: LedgerPartial)]
            do {
                read = try LedgerStream.readPartials(partials)
            } catch {
                throw error.printed()
            }
            if partial {
                let merged: LedgerPartial
                do {
                    merged = try LedgerPartial.merged(read)!
                } catch {
                    Terminal.error(error.checkErrorDescription)
                    throw ExitStatus.couldNotCheck
                }
                try Ledger.writePartial(merged, to: output, inputs: partials)
                return
            }
            let date = asOf.flatMap(AsOfOption.parse) ?? ISODate(parsing: read[0].partial.plan.asOf) ?? Today.date()
            var request = Checker.Request(
                paths: [manifest!], packs: packs.isEmpty ? ["ledger"] : packs, asOf: date, failOn: failOn, includeAll: showPassed)
            request.ledgerPartials = partials
            request.keepSourceTexts = ([format] + ((try? ReportRequest.parse(reports)) ?? []).map(\.format)).contains {
                $0.reporter.quotesSources
            }
            let report: CheckReport
            do {
                report = try Checker.run(request)
            } catch {
                throw error.printed()
            }
            let inputs = report.filesRead
            for target in try ReportRequest.parse(reports) {
                let reporter = target.format.make()
                try write(to: target.path, inputs: inputs) { reporter.render(report, to: &$0) }
            }
            let reporter = format.make(color: false)
            if let output {
                try write(to: output, inputs: inputs) { reporter.render(report, to: &$0) }
            } else {
                try Terminal.out { reporter.render(report, to: &$0) }
            }
            if report.failed { throw ExitCode.failure }
        }

        private func write(to path: String, inputs: [String], _ body: (inout DescriptorSink) -> Void) throws {
            do {
                try OutputFile.write(to: path, inputs: inputs, body)
            } catch {
                Terminal.error("\(path): error: \(error)")
                throw ExitStatus.couldNotCheck
            }
        }
    }

    struct Inputs: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "inputs",
            abstract: "List the files a scan of a manifest's rows reads: the manifest and its suppression lists.",
            discussion: """
                Prints one path per line: what `traingate ledger scan --partial --manifest M` reads besides the rows, \
                so a driver can ship exactly those files to the machines that scan (the ledgers are not among them). \
                Exit codes: 0 listed; 2 the manifest or a list could not be read; 64 usage error.
                """
        )

        @Option(help: "The dataset manifest.")
        var manifest: String

        @Option(
            name: .customLong("pack"), help: "A built-in pack name or a pack file; repeat for several (default: ledger).")
        var packs: [String] = []

        func run() throws {
            let files: [String]
            do {
                files = try LedgerStream.inputs(manifest: manifest, packs: packs)
            } catch {
                throw error.printed()
            }
            try Terminal.out(files.map { $0 + "\n" }.joined())
        }
    }

    /// Writes a partial as one line to `output`, or standard output.
    static func writePartial(_ partial: LedgerPartial, to output: String?, inputs: [String]) throws {
        try ReportOutput.write(partial.json() + "\n", to: output, inputs: inputs)
    }
}
