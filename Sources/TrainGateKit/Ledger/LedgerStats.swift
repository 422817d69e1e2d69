/// A malformed ledger, list or row: located at `file:line:column` when it is in the content.
public struct LedgerError: Error, Sendable, Equatable {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String

    /// `file:line:column: error: message`, as the CLI prints it.
    public var checkErrorDescription: String { checkError.description }

    var checkError: CheckError {
        let location = line.map { SourceLocation(file: file, line: $0, column: column ?? 1) }
        return CheckError(message, file: file, location: location)
    }
}

/// Totals of rows, bytes and tokens.
public struct LedgerTotals: Sendable, Equatable, Codable {
    public var rows = 0
    public var bytes = 0
    public var tokens = 0

    mutating func add(_ row: LedgerRow) {
        rows += 1
        if row.has(.sizeBytes) { bytes += Int(row[number: .sizeBytes]) }
        if row.has(.tokens) { tokens += Int(row[number: .tokens]) }
    }

    mutating func add(_ other: LedgerTotals) {
        rows += other.rows
        bytes += other.bytes
        tokens += other.tokens
    }
}

/// One domain's share of a ledger.
public struct DomainTotals: Sendable, Equatable, Codable {
    public var domain: String
    public var rows: Int
    public var bytes: Int
    public var tokens: Int
}

/// The aggregates of one ledger (or of several, merged): what `traingate ledger stats` prints and
/// the training summary reads. Maps are keyed by vocabulary words; every count is of rows.
public struct LedgerStats: Sendable, Equatable {
    public var totals = LedgerTotals()
    /// Rows that declare `size_bytes` / `tokens` (a sum over fewer rows is a lower bound).
    public var rowsWithSize = 0
    public var rowsWithTokens = 0
    public var modalities: [String: LedgerTotals] = [:]
    public var consentStates: [String: Int] = [:]
    public var legalBases: [String: Int] = [:]
    public var robotsTxt: [String: Int] = [:]
    /// Rows carrying each opt-out signal (the derived `optouts`).
    public var signals: [String: Int] = [:]
    public var rowsWithOptouts = 0
    public var rowsWithLicenceAgreement = 0
    public var personalDataRows = 0
    /// The crawl period: the first and last `retrieved_at` day.
    public var retrievedFrom: ISODate?
    public var retrievedTo: ISODate?
    /// Every domain, sorted by bytes (then rows), largest first, ties by name.
    public var domains: [DomainTotals] = []

    public init() {}

    /// How many domains the AI Office template's section 2.3 asks to list: the top 10 % of all
    /// domains by size of content, or for SMEs the top 5 % or 1,000, whichever is lower.
    public static func topDomainCount(of count: Int, sme: Bool = false) -> Int {
        guard count > 0 else { return 0 }
        if sme { return min((count * 5 + 99) / 100, 1000) }
        return (count * 10 + 99) / 100
    }

    /// The domains section 2.3 of the template asks for.
    public func topDomains(sme: Bool = false) -> [DomainTotals] { Array(domains.prefix(Self.topDomainCount(of: domains.count, sme: sme))) }

    /// Merges another ledger's aggregates into these.
    public mutating func merge(_ other: LedgerStats) {
        totals.add(other.totals)
        rowsWithSize += other.rowsWithSize
        rowsWithTokens += other.rowsWithTokens
        modalities.merge(other.modalities) { a, b in
            var sum = a
            sum.add(b)
            return sum
        }
        consentStates.merge(other.consentStates, uniquingKeysWith: +)
        legalBases.merge(other.legalBases, uniquingKeysWith: +)
        robotsTxt.merge(other.robotsTxt, uniquingKeysWith: +)
        signals.merge(other.signals, uniquingKeysWith: +)
        rowsWithOptouts += other.rowsWithOptouts
        rowsWithLicenceAgreement += other.rowsWithLicenceAgreement
        personalDataRows += other.personalDataRows
        retrievedFrom = [retrievedFrom, other.retrievedFrom].compactMap { $0 }.min()
        retrievedTo = [retrievedTo, other.retrievedTo].compactMap { $0 }.max()
        var byName: [String: DomainTotals] = [:]
        for entry in domains + other.domains {
            if var existing = byName[entry.domain] {
                existing.rows += entry.rows
                existing.bytes += entry.bytes
                existing.tokens += entry.tokens
                byName[entry.domain] = existing
            } else {
                byName[entry.domain] = entry
            }
        }
        domains = Self.ranked(Array(byName.values))
    }

    static func ranked(_ domains: [DomainTotals]) -> [DomainTotals] {
        domains.sorted { a, b in
            if a.bytes != b.bytes { return a.bytes > b.bytes }
            if a.rows != b.rows { return a.rows > b.rows }
            return a.domain.utf8.lexicographicallyPrecedes(b.domain.utf8)
        }
    }
}

/// The order-independent aggregates one worker gathers, in arrays indexed by vocabulary word.
struct StatsAccumulator {
    var totals = LedgerTotals()
    var rowsWithSize = 0
    var rowsWithTokens = 0
    var modalities = [LedgerTotals](repeating: LedgerTotals(), count: LedgerVocabulary.modality.count + 1)
    var consent = [Int](repeating: 0, count: LedgerVocabulary.consentStatus.count)
    var bases = [Int](repeating: 0, count: LedgerVocabulary.legalBasis.count)
    var robots = [Int](repeating: 0, count: LedgerVocabulary.robotsTxt.count)
    var signals = [Int](repeating: 0, count: LedgerVocabulary.signals.count)
    var rowsWithOptouts = 0
    var rowsWithLicenceAgreement = 0
    var personalDataRows = 0
    var firstDay = Int64.max
    var lastDay = Int64.min
    var domains = ByteKeyTable<LedgerTotals>(capacity: 1024)

    mutating func add(_ row: LedgerRow) {
        totals.add(row)
        if row.has(.sizeBytes) { rowsWithSize += 1 }
        if row.has(.tokens) { rowsWithTokens += 1 }
        modalities[row.has(.modality) ? Int(row[number: .modality]) : LedgerVocabulary.modality.count].add(row)
        if row.has(.consentStatus) { consent[Int(row[number: .consentStatus])] += 1 }
        if row.has(.legalBasis) { bases[Int(row[number: .legalBasis])] += 1 }
        if row.has(.robotsTxt) { robots[Int(row[number: .robotsTxt])] += 1 }
        let optouts = row[number: .optouts]
        if optouts != 0 {
            rowsWithOptouts += 1
            for index in 0..<signals.count where optouts & (1 << Int64(index)) != 0 { signals[index] += 1 }
        }
        if row.has(.licenseAgreementID) { rowsWithLicenceAgreement += 1 }
        if row.has(.personalData) && row[number: .personalData] == 1 { personalDataRows += 1 }
        if row.has(.retrievedAt) {
            let day = row[number: .retrievedAt]
            firstDay = min(firstDay, day)
            lastDay = max(lastDay, day)
        }
        if row.has(.domain) {
            let index = row.withBytes(.domain) { domains.findOrInsert($0) { LedgerTotals() } }
            domains.update(index) { $0.add(row) }
        }
    }

    /// The public form.
    func stats() -> LedgerStats {
        var stats = LedgerStats()
        stats.totals = totals
        stats.rowsWithSize = rowsWithSize
        stats.rowsWithTokens = rowsWithTokens
        for (index, value) in modalities.enumerated() where value.rows > 0 {
            stats.modalities[index < LedgerVocabulary.modality.count ? LedgerVocabulary.modality[index] : "undeclared"] = value
        }
        func map(_ counts: [Int], _ words: [String]) -> [String: Int] {
            var result: [String: Int] = [:]
            for (index, count) in counts.enumerated() where count > 0 { result[words[index]] = count }
            return result
        }
        stats.consentStates = map(consent, LedgerVocabulary.consentStatus)
        stats.legalBases = map(bases, LedgerVocabulary.legalBasis)
        stats.robotsTxt = map(robots, LedgerVocabulary.robotsTxt)
        stats.signals = map(signals, LedgerVocabulary.signals)
        stats.rowsWithOptouts = rowsWithOptouts
        stats.rowsWithLicenceAgreement = rowsWithLicenceAgreement
        stats.personalDataRows = personalDataRows
        if firstDay <= lastDay {
            stats.retrievedFrom = ISODate(dayNumber: firstDay)
            stats.retrievedTo = ISODate(dayNumber: lastDay)
        }
        stats.domains = LedgerStats.ranked(
            (0..<domains.count).map { index in
                let totals = domains.values[index]
                return DomainTotals(domain: domains.key(index), rows: totals.rows, bytes: totals.bytes, tokens: totals.tokens)
            })
        return stats
    }
}

extension ISODate {
    /// The date `dayNumber` days after 1970-01-01.
    init(dayNumber: Int64) {
        // Howard Hinnant's civil_from_days.
        let z = Int(dayNumber) + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let dayOfEra = z - era * 146097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self = ISODate(year: year, month: month, day: day) ?? ISODate(year: 1, month: 1, day: 1)!
    }
}
