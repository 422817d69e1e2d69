#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A record finding's counts: how many rows of the source's ledger fail the rule, the first
/// failing rows, and a breakdown by the values that explain them.
public struct RecordCounts: Sendable, Equatable, Codable {
    public var failing: Int
    public var total: Int
    /// `failing / total`, rounded to six decimals.
    public var share: Double
    /// The tolerance the rule allows, in words; nil for none.
    public var tolerance: String?
    /// The first failing rows (at most 10), in file order.
    public var samples: [RecordSample]
    public var breakdown: [RecordBreakdown]

    init(failing: Int, total: Int, tolerance: Tolerance?, samples: [RecordSample], breakdown: [String: [String: Int]]) {
        self.failing = failing
        self.total = total
        share = total == 0 ? 0 : (Double(failing) / Double(total) * 1_000_000).rounded() / 1_000_000
        self.tolerance = tolerance?.description
        self.samples = samples
        self.breakdown = breakdown.keys.sorted().map { field in
            let counts = breakdown[field]!.map { RecordBreakdown.Count(value: $0.key, count: $0.value) }.sorted {
                $0.count != $1.count ? $0.count > $1.count : $0.value.utf8.lexicographicallyPrecedes($1.value.utf8)
            }
            // High-cardinality fields (domains, ids) keep their ten largest values and a remainder.
            guard counts.count > RecordBreakdown.limit else { return RecordBreakdown(by: field, counts: counts) }
            let rest = counts.dropFirst(RecordBreakdown.limit).reduce(0) { $0 + $1.count }
            return RecordBreakdown(
                by: field, counts: Array(counts.prefix(RecordBreakdown.limit)),
                others: RecordBreakdown.Others(values: counts.count - RecordBreakdown.limit, count: rest))
        }
    }

    /// `37 of 4,095 rows (0.90 %)`.
    public var summary: String { "\(failing.grouped) of \(total.grouped) rows (\(percent))" }

    /// `0.90 %`.
    public var percent: String { CFormat.string("%.2f %%", share * 100) }
}

/// Failing rows counted by the values of one field.
public struct RecordBreakdown: Sendable, Equatable, Codable {
    static let limit = 10

    public struct Count: Sendable, Equatable, Codable {
        public var value: String
        public var count: Int
    }

    public struct Others: Sendable, Equatable, Codable {
        /// How many further values.
        public var values: Int
        /// Their rows.
        public var count: Int
    }

    public var by: String
    public var counts: [Count]
    public var others: Others?

    init(by: String, counts: [Count], others: Others? = nil) {
        self.by = by
        self.counts = counts
        self.others = others
    }

    /// `withdrawn 20, revoked 10, expired 7`.
    public var summary: String {
        counts.map { "\($0.value) \($0.count.grouped)" }.joined(separator: ", ")
            + (others.map { ", \($0.values.grouped) more \($0.count.grouped)" } ?? "")
    }
}

extension Int {
    /// With thousands separators: `4,095`.
    var grouped: String {
        let digits = String(abs(self))
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return self < 0 ? "-" + out : out
    }
}

/// The aggregates of one source's ledger, for reports.
public struct LedgerReport: Sendable, Equatable {
    /// `dataset:ID/source:ID`.
    public var subject: String
    /// The ledger file as reported.
    public var file: String
    public var format: String
    public var compressed: Bool
    /// Bytes on disk.
    public var fileBytes: Int
    public var stats: LedgerStats
}

extension LedgerReport: Encodable {
    enum CodingKeys: String, CodingKey {
        case subject, file, format, compressed
        case fileBytes = "file_bytes"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(subject, forKey: .subject)
        try container.encode(file, forKey: .file)
        try container.encode(format, forKey: .format)
        try container.encode(compressed, forKey: .compressed)
        try container.encode(fileBytes, forKey: .fileBytes)
        try stats.encode(to: encoder)
    }
}

extension LedgerStats: Encodable {
    enum CodingKeys: String, CodingKey {
        case rows, bytes, tokens, modalities, signals, domains
        case rowsWithSize = "rows_with_size_bytes"
        case rowsWithTokens = "rows_with_tokens"
        case consentStates = "consent_states"
        case legalBases = "legal_bases"
        case robotsTxt = "robots_txt"
        case rowsWithOptouts = "rows_with_optouts"
        case rowsWithLicenceAgreement = "rows_with_license_agreement"
        case personalDataRows = "personal_data_rows"
        case crawlPeriod = "crawl_period"
        case topDomains = "top_domains"
        case topDomainsSME = "top_domains_sme"
    }

    struct Period: Encodable {
        let from: ISODate
        let to: ISODate
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(totals.rows, forKey: .rows)
        try container.encode(totals.bytes, forKey: .bytes)
        try container.encode(totals.tokens, forKey: .tokens)
        try container.encode(rowsWithSize, forKey: .rowsWithSize)
        try container.encode(rowsWithTokens, forKey: .rowsWithTokens)
        try container.encode(modalities, forKey: .modalities)
        try container.encode(consentStates, forKey: .consentStates)
        try container.encode(legalBases, forKey: .legalBases)
        try container.encode(robotsTxt, forKey: .robotsTxt)
        try container.encode(signals, forKey: .signals)
        try container.encode(rowsWithOptouts, forKey: .rowsWithOptouts)
        try container.encode(rowsWithLicenceAgreement, forKey: .rowsWithLicenceAgreement)
        try container.encode(personalDataRows, forKey: .personalDataRows)
        if let retrievedFrom, let retrievedTo { try container.encode(Period(from: retrievedFrom, to: retrievedTo), forKey: .crawlPeriod) }
        try container.encode(domains.count, forKey: .domains)
        try container.encode(topDomains(), forKey: .topDomains)
        try container.encode(topDomains(sme: true), forKey: .topDomainsSME)
    }
}
