import Crypto

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The mergeable aggregate of some rows of one manifest's ledgers: what `traingate ledger scan
/// --partial` writes for a Spark partition (or any split of the rows), and `traingate ledger
/// merge` combines into the findings one run over every row would give.
///
/// Merging is associative and commutative: counts, breakdowns and aggregates add up, the samples
/// are the first in sample order (see `RecordSample`), domains are kept whole so the top domains
/// stay exact. `REC-DUPLICATE` adds up exactly when every copy of a content is in one partial;
/// the digest buckets each partial holds prove it, and merging partials that share a bucket is an
/// error when a duplicate rule runs.
public struct LedgerPartial: Sendable, Equatable {
    /// The version of the partial format (`traingate_partial`).
    public static let formatVersion = 1
    /// The largest count a partial may hold (2⁶²), so sums of two never overflow unnoticed.
    static let maxCount = 1 << 62

    /// What the rows were judged under; partials merge only when their plans are equal.
    public struct Plan: Sendable, Equatable, Codable {
        /// The TrainGate version that judged them.
        public var traingate: String
        public var asOf: String
        /// The SHA-256 of the manifest file.
        public var manifest: String
        /// Each pack with record rules: `name version sha256-of-its-text`.
        public var packs: [String]
        /// Each suppression list the sources name: `sha256`, in the manifest's order.
        public var lists: [String]
        /// Whether a duplicate rule runs (then partials must not share digest buckets).
        public var duplicates: Bool

        enum CodingKeys: String, CodingKey {
            case traingate, manifest, packs, lists, duplicates
            case asOf = "as_of"
        }
    }

    /// One source's share of the rows.
    struct Source: Sendable, Equatable {
        var rows = 0
        /// Bytes of rows read.
        var bytes = 0
        /// Keyed by `pack:rule` for row rules, and `$suppressed`, `$foreign`, `$opted_out`,
        /// `$duplicate` for the built-in checks.
        var tallies: [String: Tally] = [:]
        var stats = LedgerStats()
        /// Each unknown field, with the first place it was met (in sample order of places).
        var unknown: [String: RecordSample] = [:]
    }

    public var plan: Plan
    /// By subject (`dataset:ID/source:ID`).
    var sources: [String: Source]
    var buckets: DigestBuckets
    /// The scans merged into this partial: each one's SHA-256 (of its JSON as first written), so
    /// no scan is counted twice.
    var parts: Set<String> = []

    /// How many rows the partial holds.
    public var rows: Int { sources.values.reduce(0) { $0 + $1.rows } }

    /// Adds `other`'s rows; `names` name the two for errors.
    public mutating func merge(_ other: LedgerPartial, names: (String, String) = ("a partial", "another")) throws(LedgerError) {
        func fail(_ message: String) -> LedgerError { LedgerError(file: names.1, line: nil, column: nil, message: message) }
        guard plan == other.plan else { throw fail("judged under another plan than \(names.0): \(plan.difference(from: other.plan))") }
        if let repeated = parts.intersection(other.parts).sorted().first {
            throw fail("holds the scan \(repeated.prefix(12))… that \(names.0) holds already: a partial merged twice counts its rows twice")
        }
        if plan.duplicates, let shared = buckets.firstShared(with: other.buckets) { throw LedgerPartial.clash(shared, names.0, names.1) }
        // Every other count is bounded by rows, bytes or tokens (checked when read).
        for (subject, part) in other.sources {
            let mine = sources[subject] ?? Source()
            if mine.rows.addingReportingOverflow(part.rows).overflow || mine.bytes.addingReportingOverflow(part.bytes).overflow
                || mine.stats.totals.bytes.addingReportingOverflow(part.stats.totals.bytes).overflow
                || mine.stats.totals.tokens.addingReportingOverflow(part.stats.totals.tokens).overflow
            {
                throw fail("\(subject): counts too large to add")
            }
        }
        buckets.formUnion(other.buckets)
        parts.formUnion(other.parts)
        for (subject, part) in other.sources { sources[subject, default: Source()].add(part) }
    }

    static func clash(_ bucket: Int, _ first: String, _ second: String) -> LedgerError {
        let hex = String(bucket, radix: 16)
        return LedgerError(
            file: second, line: nil, column: nil,
            message:
                "holds rows whose content_sha256 starts with \(String(repeating: "0", count: 4 - hex.count) + hex), as \(first) does: "
                + "REC-DUPLICATE counts copies exactly only when every copy of a content is in one partial; "
                + "partition the rows by the first four hexadecimal digits of content_sha256 (the Spark driver does)")
    }

    /// Merges partials in the order given; a clash names the two partials that clash.
    public static func merged(_ partials: [(name: String, partial: LedgerPartial)]) throws(LedgerError) -> LedgerPartial? {
        guard var result = partials.first?.partial else { return nil }
        if result.plan.duplicates {
            var owners = [Int32](repeating: -1, count: DigestBuckets.count)
            for (index, partial) in partials.enumerated() {
                for bucket in partial.partial.buckets.members {
                    if owners[bucket] >= 0 { throw clash(bucket, partials[Int(owners[bucket])].name, partial.name) }
                    owners[bucket] = Int32(index)
                }
            }
        }
        var owner: [String: String] = [:]
        for (name, partial) in partials {
            for part in partial.parts {
                if let first = owner[part] {
                    throw LedgerError(
                        file: name, line: nil, column: nil,
                        message:
                            "holds the scan \(part.prefix(12))… that \(first) holds already: a partial merged twice counts its rows twice")
                }
                owner[part] = name
            }
        }
        for index in partials.indices.dropFirst() {
            try result.merge(partials[index].partial, names: (partials[0].name, partials[index].name))
        }
        return result
    }
}

extension LedgerPartial.Plan {
    /// What differs, in words.
    func difference(from other: Self) -> String {
        if traingate != other.traingate { return "TrainGate \(other.traingate), not \(traingate)" }
        if asOf != other.asOf { return "as of \(other.asOf), not \(asOf) (pass the same --as-of)" }
        if manifest != other.manifest { return "another manifest (SHA-256 \(other.manifest.prefix(12))…, not \(manifest.prefix(12))…)" }
        if packs != other.packs { return "other packs (\(other.packs.joined(separator: "; ")), not \(packs.joined(separator: "; ")))" }
        if lists != other.lists { return "other suppression lists" }
        return "other rules"
    }
}

extension LedgerPartial.Source {
    mutating func add(_ other: Self) {
        rows += other.rows
        bytes += other.bytes
        for (key, tally) in other.tallies { tallies[key, default: Tally()].add(tally) }
        stats.merge(other.stats)
        for (name, place) in other.unknown {
            if let kept = unknown[name], !RecordSample.precedes(place, kept) { continue }
            unknown[name] = place
        }
    }
}

extension Tally {
    mutating func add(_ other: Tally) {
        failing += other.failing
        for sample in other.samples { samples.keepSmallest(sample, limit: LedgerScanner.sampleLimit, by: RecordSample.precedes) }
        for (field, values) in other.breakdown { breakdown[field, default: [:]].merge(values, uniquingKeysWith: +) }
    }
}

// MARK: The JSON form

extension LedgerPartial {
    /// The partial as one line of JSON (keys sorted, so equal partials are equal bytes).
    public func json() -> String {
        let document = Document(
            traingatePartial: Self.formatVersion, plan: plan, buckets: buckets.ranges, parts: parts.sorted(),
            sources: sources.keys.sorted().map { subject in
                let part = sources[subject]!
                return Document.SourceDocument(
                    subject: subject, rows: part.rows, bytes: part.bytes,
                    tallies: part.tallies.keys.sorted().map { key in
                        let tally = part.tallies[key]!
                        return Document.TallyDocument(
                            check: key, failing: tally.failing, samples: tally.samples.map(Document.SampleDocument.init),
                            breakdown: tally.breakdown)
                    },
                    stats: Document.StatsDocument(part.stats),
                    unknownFields: part.unknown.keys.sorted().map { Document.UnknownDocument(name: $0, at: .init(part.unknown[$0]!)) })
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(document)) ?? Data(), as: UTF8.self)
    }

    /// Reads a partial's JSON; `file` names it in errors.
    public static func read(_ data: Data, file: String) throws(LedgerError) -> LedgerPartial {
        func fail(_ message: String) -> LedgerError { LedgerError(file: file, line: nil, column: nil, message: message) }
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: data)
        } catch let error as DecodingError {
            throw fail("not a TrainGate ledger partial: \(Self.describe(error))")
        } catch {
            throw fail("not a TrainGate ledger partial: \(error)")
        }
        guard document.traingatePartial == formatVersion else {
            throw fail("a ledger partial of format \(document.traingatePartial); this TrainGate reads format \(formatVersion)")
        }
        guard let buckets = DigestBuckets(ranges: document.buckets) else {
            throw fail("buckets: '\(String(document.buckets.prefix(40)).visibleASCII)' is not increasing ranges of four hexadecimal digits")
        }
        guard !document.parts.isEmpty, document.parts.allSatisfy({ $0.utf8.count == 64 && $0.allSatisfy(\.isHexDigit) }) else {
            throw fail("parts: each scan merged must be named by a SHA-256")
        }
        if document.sources.contains(where: { $0.rows > 0 }) && buckets.isEmpty {
            throw fail("rows but no content-digest buckets")
        }
        var sources: [String: Source] = [:]
        for part in document.sources {
            guard sources[part.subject] == nil else { throw fail("source \(part.subject) appears twice") }
            guard part.rows > 0, part.bytes >= 0, part.rows <= Self.maxCount, part.bytes <= Self.maxCount else {
                throw fail("\(part.subject): rows and bytes must be counts (rows at least 1)")
            }
            var source = Source(rows: part.rows, bytes: part.bytes)
            for tally in part.tallies {
                guard tally.failing >= 0, tally.failing <= part.rows, tally.samples.count <= min(tally.failing, LedgerScanner.sampleLimit),
                    tally.breakdown.values.allSatisfy({ $0.values.allSatisfy { $0 >= 0 && $0 <= part.rows } })
                else { throw fail("\(part.subject) \(tally.check): counts that do not fit \(part.rows) rows") }
                var samples: [RecordSample] = []
                for sample in tally.samples {
                    guard let order = DigestPrefix(hex: sample.order), sample.line.map({ $0 > 0 }) ?? true else {
                        throw fail("\(part.subject) \(tally.check): a malformed sample")
                    }
                    samples.append(RecordSample(file: sample.file, line: sample.line, itemID: sample.itemID, order: order))
                }
                guard samples == samples.sorted(by: RecordSample.precedes) else {
                    throw fail("\(part.subject) \(tally.check): samples out of sample order")
                }
                source.tallies[tally.check] = Tally(failing: tally.failing, samples: samples, breakdown: tally.breakdown)
            }
            do throws(LedgerError) {
                source.stats = try part.stats.stats(rows: part.rows)
            } catch {
                throw fail("\(part.subject): \(error.message)")
            }
            for unknown in part.unknownFields {
                source.unknown[unknown.name] = RecordSample(
                    file: unknown.at.file, line: unknown.at.line, itemID: "", order: DigestPrefix(a: 0, b: 0))
            }
            sources[part.subject] = source
        }
        return LedgerPartial(plan: document.plan, sources: sources, buckets: buckets, parts: Set(document.parts))
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(path(context)).\(key.stringValue) is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): return "\(path(context)): \(context.debugDescription)"
        case .dataCorrupted(let context): return "\(path(context).isEmpty ? "" : path(context) + ": ")\(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }

    struct Document: Codable {
        var traingatePartial: Int
        var plan: Plan
        var buckets: String
        var parts: [String]
        var sources: [SourceDocument]

        enum CodingKeys: String, CodingKey {
            case plan, buckets, parts, sources
            case traingatePartial = "traingate_partial"
        }

        struct SourceDocument: Codable {
            var subject: String
            var rows: Int
            var bytes: Int
            var tallies: [TallyDocument]
            var stats: StatsDocument
            var unknownFields: [UnknownDocument]

            enum CodingKeys: String, CodingKey {
                case subject, rows, bytes, tallies, stats
                case unknownFields = "unknown_fields"
            }
        }

        struct TallyDocument: Codable {
            var check: String
            var failing: Int
            var samples: [SampleDocument]
            var breakdown: [String: [String: Int]]
        }

        struct SampleDocument: Codable {
            var order: String
            var itemID: String
            var file: String
            var line: Int?

            init(_ sample: RecordSample) {
                order = sample.order.hex
                itemID = sample.itemID
                file = sample.file
                line = sample.line
            }

            enum CodingKeys: String, CodingKey {
                case order, file, line
                case itemID = "item_id"
            }
        }

        struct Place: Codable {
            var file: String
            var line: Int?

            init(_ sample: RecordSample) {
                file = sample.file
                line = sample.line
            }
        }

        struct UnknownDocument: Codable {
            var name: String
            var at: Place
        }

        /// Every aggregate, with every domain (so the top domains of the merge are exact).
        struct StatsDocument: Codable {
            var bytes: Int
            var tokens: Int
            var rowsWithSizeBytes: Int
            var rowsWithTokens: Int
            var modalities: [String: LedgerTotals]
            var consentStates: [String: Int]
            var legalBases: [String: Int]
            var robotsTxt: [String: Int]
            var signals: [String: Int]
            var rowsWithOptouts: Int
            var rowsWithLicenseAgreement: Int
            var personalDataRows: Int
            var retrievedFrom: String?
            var retrievedTo: String?
            /// `[domain, rows, bytes, tokens]`, largest first.
            var domains: [[DomainField]]

            enum CodingKeys: String, CodingKey {
                case bytes, tokens, modalities, signals, domains
                case rowsWithSizeBytes = "rows_with_size_bytes"
                case rowsWithTokens = "rows_with_tokens"
                case consentStates = "consent_states"
                case legalBases = "legal_bases"
                case robotsTxt = "robots_txt"
                case rowsWithOptouts = "rows_with_optouts"
                case rowsWithLicenseAgreement = "rows_with_license_agreement"
                case personalDataRows = "personal_data_rows"
                case retrievedFrom = "retrieved_from"
                case retrievedTo = "retrieved_to"
            }

            enum DomainField: Codable {
                case text(String)
                case number(Int)

                init(from decoder: any Decoder) throws {
                    let container = try decoder.singleValueContainer()
                    if let number = try? container.decode(Int.self) {
                        self = .number(number)
                    } else {
                        self = .text(try container.decode(String.self))
                    }
                }

                func encode(to encoder: any Encoder) throws {
                    var container = encoder.singleValueContainer()
                    switch self {
                    case .text(let text): try container.encode(text)
                    case .number(let number): try container.encode(number)
                    }
                }
            }

            init(_ stats: LedgerStats) {
                bytes = stats.totals.bytes
                tokens = stats.totals.tokens
                rowsWithSizeBytes = stats.rowsWithSize
                rowsWithTokens = stats.rowsWithTokens
                modalities = stats.modalities
                consentStates = stats.consentStates
                legalBases = stats.legalBases
                robotsTxt = stats.robotsTxt
                signals = stats.signals
                rowsWithOptouts = stats.rowsWithOptouts
                rowsWithLicenseAgreement = stats.rowsWithLicenceAgreement
                personalDataRows = stats.personalDataRows
                retrievedFrom = stats.retrievedFrom?.description
                retrievedTo = stats.retrievedTo?.description
                domains = stats.domains.map { [.text($0.domain), .number($0.rows), .number($0.bytes), .number($0.tokens)] }
            }

            /// The aggregates, checked: counts within `rows`, vocabulary words known, dates valid.
            func stats(rows: Int) throws(LedgerError) -> LedgerStats {
                func fail(_ message: String) -> LedgerError { LedgerError(file: "", line: nil, column: nil, message: message) }
                func counts(_ map: [String: Int], _ words: [String], _ name: String) throws(LedgerError) -> [String: Int] {
                    for (word, count) in map where !words.contains(word) || count < 0 || count > rows {
                        throw fail("stats.\(name): '\(word.visibleASCII)' \(count) is not a known word with a count of rows")
                    }
                    return map
                }
                var stats = LedgerStats()
                stats.totals = LedgerTotals(rows: rows, bytes: bytes, tokens: tokens)
                let plain = [bytes, tokens, rowsWithSizeBytes, rowsWithTokens, rowsWithOptouts, rowsWithLicenseAgreement, personalDataRows]
                guard plain.allSatisfy({ $0 >= 0 && $0 <= LedgerPartial.maxCount }),
                    [rowsWithSizeBytes, rowsWithTokens, rowsWithOptouts, rowsWithLicenseAgreement, personalDataRows].allSatisfy({
                        $0 <= rows
                    })
                else { throw fail("stats: counts that do not fit \(rows) rows") }
                stats.rowsWithSize = rowsWithSizeBytes
                stats.rowsWithTokens = rowsWithTokens
                for (word, totals) in modalities {
                    guard LedgerVocabulary.modality.contains(word) || word == "undeclared", totals.rows >= 0, totals.rows <= rows,
                        (0...bytes).contains(totals.bytes), (0...tokens).contains(totals.tokens)
                    else { throw fail("stats.modalities: '\(word.visibleASCII)' is not a modality with counts") }
                }
                stats.modalities = modalities
                stats.consentStates = try counts(consentStates, LedgerVocabulary.consentStatus, "consent_states")
                stats.legalBases = try counts(legalBases, LedgerVocabulary.legalBasis, "legal_bases")
                stats.robotsTxt = try counts(robotsTxt, LedgerVocabulary.robotsTxt, "robots_txt")
                stats.signals = try counts(signals, LedgerVocabulary.signals, "signals")
                stats.rowsWithOptouts = rowsWithOptouts
                stats.rowsWithLicenceAgreement = rowsWithLicenseAgreement
                stats.personalDataRows = personalDataRows
                if retrievedFrom != nil || retrievedTo != nil {
                    guard let from = retrievedFrom.flatMap(ISODate.init(parsing:)), let to = retrievedTo.flatMap(ISODate.init(parsing:)),
                        from <= to
                    else { throw fail("stats: the crawl period is not two dates in order") }
                    stats.retrievedFrom = from
                    stats.retrievedTo = to
                }
                var seen: Set<String> = []
                for entry in domains {
                    guard entry.count == 4, case .text(let domain) = entry[0], case .number(let rowCount) = entry[1],
                        case .number(let byteCount) = entry[2], case .number(let tokenCount) = entry[3], rowCount > 0, rowCount <= rows,
                        (0...bytes).contains(byteCount), (0...tokens).contains(tokenCount), seen.insert(domain).inserted
                    else { throw fail("stats.domains: an entry that is not a distinct [domain, rows, bytes, tokens]") }
                    stats.domains.append(DomainTotals(domain: domain, rows: rowCount, bytes: byteCount, tokens: tokenCount))
                }
                stats.domains = LedgerStats.ranked(stats.domains)
                return stats
            }
        }
    }
}
