#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The aggregates of ledgers for a hand audit (`traingate ledger stats`): rows, bytes and tokens
/// by modality, consent states, legal bases, robots.txt and opt-out signal coverage, the crawl
/// period and the domains by size. Rows are read and validated as `check` reads them; no rule runs.
public enum LedgerStatistics {
    /// The JSON rendering's schema.
    public static let schema = "traingate.ledger-stats/v1"

    /// Reads the ledgers the sources of `manifest` name, in source order.
    public static func read(manifest: String, asOf: ISODate) throws(CheckFailure) -> [LedgerReport] {
        let inputs = ArtifactLoader.load([manifest])
        guard inputs.errors.isEmpty else { throw CheckFailure(errors: inputs.errors.map(CheckError.init), warnings: inputs.warnings) }
        guard !inputs.bundles.isEmpty, LedgerCheck.hasLedgers(inputs.bundles) else {
            throw CheckFailure(
                errors: [CheckError("\(manifest) names no ledger (sources[].ledger)", file: manifest, location: nil)],
                warnings: inputs.warnings)
        }
        return try LedgerCheck.run(inputs.bundles, packs: [], asOf: asOf, includeAll: false, statistics: true).ledgers
    }

    /// Reads ledger files named directly; `format` nil means by file name (.jsonl, .ndjson, .csv,
    /// each optionally .gz).
    public static func read(files: [String], format: String?) throws(CheckFailure) -> [LedgerReport] {
        var reports: [LedgerReport] = []
        var errors: [CheckError] = []
        for file in files {
            guard let rowFormat = format.flatMap(RowReader.Format.init(rawValue:)) ?? RowReader.Format(fileName: file) else {
                errors.append(
                    CheckError(
                        "the ledger's name does not end in .jsonl or .csv; pass --ledger-format jsonl or csv", file: file, location: nil))
                continue
            }
            let plan = LedgerPlan(rules: [], lists: [], asOfDay: 0, sourceID: "", format: rowFormat)
            do throws(LedgerError) {
                let scan = try LedgerScanner.scan(path: file, file: file, plan: plan, ordinal: 0, expectedSHA256: nil)
                reports.append(
                    LedgerReport(
                        subject: file, file: file, format: rowFormat.rawValue, compressed: scan.compressed, fileBytes: scan.fileBytes,
                        stats: scan.stats))
            } catch {
                errors.append(error.checkError)
            }
        }
        if !errors.isEmpty { throw CheckFailure(errors: errors, warnings: []) }
        return reports
    }

    /// Every ledger's aggregates merged.
    public static func total(_ reports: [LedgerReport]) -> LedgerStats {
        var total = LedgerStats()
        for report in reports { total.merge(report.stats) }
        return total
    }

    /// The JSON rendering: `{schema, tool, ledgers: […], total: {…}}`, keys sorted.
    public static func json(_ reports: [LedgerReport]) -> String {
        struct Tool: Encodable {
            let name = "traingate"
            let version = trainGateVersion
        }
        struct Document: Encodable {
            let schema: String
            let tool: Tool
            let ledgers: [LedgerReport]
            let total: LedgerStats
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(Document(schema: schema, tool: Tool(), ledgers: reports, total: total(reports)))) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The text rendering: one block per ledger, then the total when there are several.
    public static func text(_ reports: [LedgerReport], sme: Bool = false) -> String {
        var out = ""
        for report in reports {
            out += "\(report.subject.visibleASCII)\n"
            if report.subject != report.file { out += "  file:            \(report.file.visibleASCII)\n" }
            out += "  format:          \(report.format)\(report.compressed ? ", gzip" : ""), \(report.fileBytes.grouped) bytes on disk\n"
            out += block(report.stats, sme: sme)
            out += "\n"
        }
        if reports.count > 1 {
            out += "total (\(reports.count) ledgers)\n" + block(total(reports), sme: sme)
        }
        return out
    }

    private static func block(_ stats: LedgerStats, sme: Bool) -> String {
        let rows = stats.totals.rows
        func share(_ count: Int) -> String { rows == 0 ? "" : CFormat.string(" (%.1f %%)", Double(count) / Double(rows) * 100) }
        func counts(_ map: [String: Int]) -> String {
            map.isEmpty
                ? "none declared"
                : map.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { "\($0.key) \($0.value.grouped)" }
                    .joined(separator: ", ")
        }
        var out = "  rows:            \(rows.grouped)\n"
        out += "  size_bytes:      \(stats.totals.bytes.grouped) (declared on \(stats.rowsWithSize.grouped) rows)\n"
        out += "  tokens:          \(stats.totals.tokens.grouped) (declared on \(stats.rowsWithTokens.grouped) rows)\n"
        for (modality, totals) in stats.modalities.sorted(by: { $0.key < $1.key }) {
            out += "  modality \(modality): ".padded(to: 19)
            out += "\(totals.rows.grouped) rows, \(totals.bytes.grouped) bytes, \(totals.tokens.grouped) tokens\n"
        }
        out += "  legal bases:     \(counts(stats.legalBases))\n"
        out += "  consent states:  \(counts(stats.consentStates))\n"
        out += "  personal data:   \(stats.personalDataRows.grouped) rows\(share(stats.personalDataRows))\n"
        out += "  robots.txt:      \(counts(stats.robotsTxt))\n"
        out +=
            "  opt-outs:        \(stats.rowsWithOptouts.grouped) rows\(share(stats.rowsWithOptouts)); by signal: \(counts(stats.signals))\n"
        out += "  licensed:        \(stats.rowsWithLicenceAgreement.grouped) rows with a license_agreement_id\n"
        if let from = stats.retrievedFrom, let to = stats.retrievedTo {
            out += "  crawl period:    \(from) to \(to)\n"
        } else {
            out += "  crawl period:    no retrieved_at declared\n"
        }
        let top = stats.topDomains(sme: sme)
        out += "  domains:         \(stats.domains.count.grouped) distinct\n"
        if !top.isEmpty {
            let rule = sme ? "top 5 % or 1,000, whichever is lower (SMEs)" : "top 10 %"
            out += "  top domains by size (AI Office template 2.3, \(rule)):\n"
            for domain in top {
                out += "    \(domain.domain.visibleASCII)  \(domain.bytes.grouped) bytes, \(domain.rows.grouped) rows\n"
            }
        }
        return out
    }
}
