import Crypto
import Foundation

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

    /// How many rows the partial holds.
    public var rows: Int { sources.values.reduce(0) { $0 + $1.rows } }

    /// Adds `other`'s rows; `names` name the two for errors.
    public mutating func merge(_ other: LedgerPartial, names: (String, String) = ("a partial", "another")) throws(LedgerError) {
        guard plan == other.plan else {
            throw LedgerError(
                file: names.1, line: nil, column: nil,
                message: "judged under another plan than \(names.0): \(plan.difference(from: other.plan))")
        }
        if plan.duplicates, let shared = buckets.firstShared(with: other.buckets) {
            let hex = String(shared, radix: 16)
            throw LedgerError(
                file: names.1, line: nil, column: nil,
                message:
                    "holds rows whose content_sha256 starts with \(String(repeating: "0", count: 4 - hex.count) + hex), as \(names.0) does: "
                    + "REC-DUPLICATE counts copies exactly only when every copy of a content is in one partial; "
                    + "partition the rows by the first four hexadecimal digits of content_sha256 (the Spark driver does)")
        }
        buckets.formUnion(other.buckets)
        for (subject, part) in other.sources { sources[subject, default: Source()].add(part) }
    }

    /// Merges partials in the order given.
    public static func merged(_ partials: [(name: String, partial: LedgerPartial)]) throws(LedgerError) -> LedgerPartial? {
        guard var result = partials.first?.partial else { return nil }
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
            traingatePartial: Self.formatVersion, plan: plan, buckets: buckets.ranges,
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
            throw fail("buckets: '\(document.buckets.prefix(40))' is malformed")
        }
        var sources: [String: Source] = [:]
        for part in document.sources {
            guard sources[part.subject] == nil else { throw fail("source \(part.subject) appears twice") }
            guard part.rows >= 0, part.bytes >= 0 else { throw fail("\(part.subject): a negative count") }
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
        return LedgerPartial(plan: document.plan, sources: sources, buckets: buckets)
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
        var sources: [SourceDocument]

        enum CodingKeys: String, CodingKey {
            case plan, buckets, sources
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
                guard plain.allSatisfy({ $0 >= 0 }),
                    [rowsWithSizeBytes, rowsWithTokens, rowsWithOptouts, rowsWithLicenseAgreement, personalDataRows].allSatisfy({
                        $0 <= rows
                    })
                else { throw fail("stats: counts that do not fit \(rows) rows") }
                stats.rowsWithSize = rowsWithSizeBytes
                stats.rowsWithTokens = rowsWithTokens
                for (word, totals) in modalities {
                    guard LedgerVocabulary.modality.contains(word) || word == "undeclared", totals.rows >= 0, totals.rows <= rows,
                        totals.bytes >= 0, totals.tokens >= 0
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
                        byteCount >= 0, tokenCount >= 0, seen.insert(domain).inserted
                    else { throw fail("stats.domains: an entry that is not a distinct [domain, rows, bytes, tokens]") }
                    stats.domains.append(DomainTotals(domain: domain, rows: rowCount, bytes: byteCount, tokens: tokenCount))
                }
                stats.domains = LedgerStats.ranked(stats.domains)
                return stats
            }
        }
    }
}
