import ArgumentParser
import TrainGateKit

/// `traingate ledger`: record-level evidence, read by hand.
struct Ledger: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Audit ledgers: one row per training item.",
        subcommands: [Stats.self]
    )

    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
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
                for warning in error.warnings { Terminal.error(warning.description) }
                for line in error.errors { Terminal.error(line.description) }
                throw ExitStatus.couldNotCheck
            }
            switch format {
            case .text: try Terminal.out(LedgerStatistics.text(reports, sme: sme))
            case .json: try Terminal.out(LedgerStatistics.json(reports))
            }
        }
    }
}
