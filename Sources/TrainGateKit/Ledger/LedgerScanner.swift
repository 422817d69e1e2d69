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

/// A failing row shown in a finding. A finding shows the failing rows first in sample order: by
/// a hash of their content digest (`order`), then item id. That order depends on nothing but the
/// rows themselves, so every way of splitting a ledger (threads, blocks, Spark partitions) picks
/// the same samples, and they spread over the whole ledger rather than bunch at its start.
public struct RecordSample: Sendable, Equatable, Codable {
    /// The ledger file, or the input a Spark row came from.
    public var file: String
    /// The row's line in `file`; nil where its input has no lines (a Parquet file).
    public var line: Int?
    public var itemID: String
    /// The sample order's key: the content digest's duplicate-index key.
    var order = DigestPrefix(a: 0, b: 0)

    init(file: String, line: Int?, itemID: String, order: DigestPrefix) {
        self.file = file
        self.line = line
        self.itemID = itemID
        self.order = order
    }

    enum CodingKeys: String, CodingKey {
        case file, line
        case itemID = "item_id"
    }

    /// Sample order: the digest's key, the item id, then the place.
    static func precedes(_ a: RecordSample, _ b: RecordSample) -> Bool {
        if a.order != b.order { return a.order < b.order }
        if a.itemID != b.itemID { return a.itemID.utf8.lexicographicallyPrecedes(b.itemID.utf8) }
        if a.file != b.file { return a.file.utf8.lexicographicallyPrecedes(b.file.utf8) }
        return (a.line ?? 0) < (b.line ?? 0)
    }
}

extension Array {
    /// Keeps the `limit` smallest elements offered, sorted by `less` (an element equal to one
    /// kept goes after it).
    mutating func keepSmallest(_ element: Element, limit: Int, by less: (Element, Element) -> Bool) {
        if count == limit, let last, !less(element, last) { return }
        var index = count
        while index > 0 && less(element, self[index - 1]) { index -= 1 }
        insert(element, at: index)
        if count > limit { removeLast() }
    }
}

/// What one ledger is read for: the row rules that apply to its source (their cross-document
/// parts already decided), the suppression lists, and the source's id.
struct LedgerPlan: @unchecked Sendable {
    struct RowRule {
        var when: RecordCondition?
        var require: RecordCondition
        var breakdown: [LedgerField]
    }

    var rules: [RowRule]
    var lists: [SuppressionList]
    var asOfDay: Int64
    var sourceID: String
    var format: RowReader.Format
    /// Rows streamed to `ledger scan` (see `RowReader.streamed`); their digest buckets are noted.
    var streamed: Bool
    /// The ledger as reported (samples without an `@file` are there).
    var file = ""
    /// The rules' conditions, flattened, with the source id.
    let program: RecordProgram

    init(rules: [RowRule], lists: [SuppressionList], asOfDay: Int64, sourceID: String, format: RowReader.Format, streamed: Bool = false) {
        self.rules = rules
        self.lists = lists
        self.asOfDay = asOfDay
        self.sourceID = sourceID
        self.format = format
        self.streamed = streamed
        program = RecordProgram(rules: rules.map { ($0.when, $0.require) }, sourceID: sourceID)
    }

    /// Tally slots: one per row rule, then suppressed rows, rows of another source, and rows with
    /// an opt-out and no licence (for REC-DECLARED, whichever rules run).
    var suppressedSlot: Int { rules.count }
    var foreignSlot: Int { rules.count + 1 }
    var optedOutSlot: Int { rules.count + 2 }
    var slotCount: Int { rules.count + 3 }
}

/// Failing rows of one rule (or check) in one ledger.
struct Tally: Sendable, Equatable {
    var failing = 0
    var samples: [RecordSample] = []
    /// Field name → value → failing rows.
    var breakdown: [String: [String: Int]] = [:]
}

/// One row in the duplicate index: 24 bytes — the first half of its content digest, its line
/// within its block, and whether it failed a row rule.
struct IndexEntry: Sendable {
    var prefix: DigestPrefix
    var packed: UInt64

    init(prefix: DigestPrefix, line: Int, failed: Bool) {
        self.prefix = prefix
        packed = UInt64(line) << 1 | (failed ? 1 : 0)
    }

    var failed: Bool { packed & 1 != 0 }
    var line: Int { Int(packed >> 1) }
}

/// The index entries of one block, kept as the block made them (no copy when merged).
struct IndexChunk: Sendable {
    /// The ledger's position among the check's ledgers.
    var ledger: Int
    /// The file line before the block's first line.
    var lineBase: Int
    /// Where the block starts in its file, when the file can be read there again (else -1).
    var byteOffset: Int
    var entries: [IndexEntry]
}

/// What reading one ledger found.
struct LedgerScanResult: Sendable {
    var rows = 0
    var fileBytes = 0
    /// Whether the file was gzip-compressed.
    var compressed = false
    /// The rows' format as reported, when not the ledger's (merged partials).
    var formatName: String?
    var slots: [Tally]
    var stats: LedgerStats
    /// Unknown fields, each with the first line it is on.
    var unknownFields: [(name: String, line: Int)]
    var index: [IndexChunk]
    /// The CSV header, for fetching sample rows again.
    var header: RowReader.CSVHeader?
    /// Streamed rows: the digest buckets seen (see `DigestBuckets`).
    var buckets = DigestBuckets()

    /// The slots after the row rules' (see `LedgerPlan`).
    var suppressed: Tally { slots[slots.count - 3] }
    var foreign: Tally { slots[slots.count - 2] }
    var optedOut: Tally { slots[slots.count - 1] }
}

/// Reads a ledger once, on every core: blocks of whole lines are parsed and judged in parallel,
/// and their results merged in file order, so counts, samples and errors are the same whatever
/// the number of threads. Memory holds a few blocks, the duplicate index (24 bytes a row) and the
/// distinct domains.
enum LedgerScanner {
    static let sampleLimit = 10

    /// Reads the ledger at `path` (reported as `file`) under `plan`; `ordinal` numbers the ledger in
    /// the duplicate index. Throws the first malformed row (by position), or a file problem.
    static func scan(
        path: String, file: String, plan: LedgerPlan, ordinal: Int, expectedSHA256: String?, threads: Int? = nil,
        blockSize: Int = LedgerInput.defaultBlockSize
    ) throws(LedgerError) -> LedgerScanResult {
        let input: LedgerInput
        do {
            input = try LedgerInput(path: path, digest: expectedSHA256 != nil, blockSize: blockSize)
        } catch {
            throw LedgerError(file: file, line: nil, column: nil, message: "ledger \(error.message)")
        }
        var merger = Merger(plan: plan, file: file, ordinal: ordinal)
        do {
            // The CSV header is the first line.
            var first = try input.nextBlock()
            if plan.format == .csv, let block = first {
                let headerEnd =
                    memchr(block.bytes.baseAddress!, 0x0A, block.count).map {
                        UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self) - UnsafePointer(block.bytes.baseAddress!)
                    } ?? block.count
                var line = UnsafeBufferPointer(rebasing: block.lines[0..<headerEnd])
                if line.last == 0x0D { line = UnsafeBufferPointer(rebasing: line.dropLast()) }
                do {
                    let (header, unknown) = try RowReader.header(line)
                    merger.header = header
                    for name in unknown { merger.unknown[name] = 1 }
                } catch {
                    block.release()
                    throw LedgerError(file: file, line: 1, column: error.column, message: "CSV header: \(error.message)")
                }
                // The rows start after the header line.
                let rest = min(headerEnd + 1, block.count)
                memmove(block.bytes.baseAddress!, block.bytes.baseAddress! + rest, block.count - rest)
                first = LedgerInput.Block(
                    index: 0, bytes: block.bytes, count: block.count - rest, owned: block.owned,
                    offset: block.offset < 0 ? -1 : block.offset + rest)
                merger.lineBase = 1
            }
            guard let firstBlock = first else {
                throw LedgerError(file: file, line: nil, column: nil, message: "the ledger is empty: it holds no rows")
            }
            let second = try input.nextBlock()
            if second == nil {
                // One block: read it here, without threads.
                var worker = Worker(plan: plan, header: merger.header)
                let outcome = worker.process(firstBlock)
                firstBlock.release()
                try merger.merge(outcome)
                merger.absorb(worker)
            } else {
                try runParallel(input: input, first: firstBlock, second: second!, plan: plan, merger: &merger, threads: threads)
            }
        } catch let error as LedgerError {
            throw error
        } catch let failure as LedgerInput.Failure {
            throw LedgerError(file: file, line: nil, column: nil, message: failure.message)
        } catch {
            throw LedgerError(file: file, line: nil, column: nil, message: "\(error)")
        }
        if merger.rows == 0 { throw LedgerError(file: file, line: nil, column: nil, message: "the ledger is empty: it holds no rows") }
        if let expectedSHA256, input.digest() != expectedSHA256.lowercased() {
            throw LedgerError(
                file: file, line: nil, column: nil,
                message: "SHA-256 mismatch: the manifest says \(expectedSHA256), the file has \(input.digest())")
        }
        var result = merger.result()
        result.fileBytes = input.bytesRead
        result.compressed = input.isCompressed
        return result
    }

    /// Judges rows given in memory (line n is `rows[n-1]`), as `scan` judges a file's.
    static func scan(rows: [LedgerRow], file: String, plan: LedgerPlan, ordinal: Int) throws(LedgerError) -> LedgerScanResult {
        var worker = Worker(plan: plan, header: nil)
        var outcome = Worker.Outcome(index: 0, samples: Array(repeating: [], count: plan.slotCount))
        for (number, row) in rows.enumerated() {
            worker.row = row.copy()
            do throws(RowProblem) {
                try LedgerRow.derive(&worker.row)
            } catch {
                outcome.error = (number, error)
                break
            }
            outcome.rows += 1
            worker.judge(number, &outcome)
        }
        outcome.lines = rows.count
        var merger = Merger(plan: plan, file: file, ordinal: ordinal)
        try merger.merge(outcome)
        merger.absorb(worker)
        return merger.result()
    }

    private static func runParallel(
        input: LedgerInput, first: LedgerInput.Block, second: LedgerInput.Block, plan: LedgerPlan, merger: inout Merger, threads: Int?
    ) throws {
        let workerCount = max(1, threads ?? ProcessInfo.processInfo.activeProcessorCount)
        let pipeline = Pipeline(limit: workerCount * 2)
        let header = merger.header
        let workers = (0..<workerCount).map { _ in WorkerBox(Worker(plan: plan, header: header)) }
        for box in workers {
            startThread(stackSize: 1 << 20) {
                while let block = pipeline.take() {
                    let outcome = box.worker.process(block)
                    block.release()
                    pipeline.finish(block.index, outcome)
                }
                pipeline.workerDone()
            }
        }
        var failure: Error?
        var nextToMerge = 0
        do {
            pipeline.put(first)
            pipeline.put(second)
            while true {
                // Merge what is done, in order, until a block may be added.
                while true {
                    let ready = pipeline.takeReady(from: &nextToMerge, waitingForRoom: true)
                    for outcome in ready.outcomes { try merger.merge(outcome) }
                    if ready.room { break }
                }
                guard let block = try input.nextBlock() else { break }
                pipeline.put(block)
            }
        } catch {
            failure = error
        }
        pipeline.close()
        pipeline.waitForWorkers(workerCount)
        if failure == nil {
            do {
                for outcome in pipeline.takeReady(from: &nextToMerge, waitingForRoom: false).outcomes { try merger.merge(outcome) }
            } catch {
                failure = error
            }
        }
        pipeline.drain()
        if let failure { throw failure }
        for box in workers { merger.absorb(box.worker) }
    }
}

/// A worker's reader and its order-independent totals.
struct Worker {
    let plan: LedgerPlan
    var reader: RowReader
    var row = LedgerRow()
    var counts: [Int]
    var breakdowns: [[String: [String: Int]]]
    var stats = StatsAccumulator()
    var buckets = DigestBuckets()
    /// Rows a block holds, from the last one read.
    private var expectedRows = 0

    init(plan: LedgerPlan, header: RowReader.CSVHeader?) {
        self.plan = plan
        reader = RowReader(format: plan.format, header: header, streamed: plan.streamed)
        counts = [Int](repeating: 0, count: plan.slotCount)
        breakdowns = [[String: [String: Int]]](repeating: [:], count: plan.slotCount)
    }

    /// What a block holds that depends on its position: its lines, samples, first error, index.
    struct Outcome {
        var index: Int
        var offset = -1
        var lines = 0
        var rows = 0
        /// Per slot, the block's first failing rows in sample order.
        /// (Lines are the block's, from 0; a streamed row's `@file` has none.)
        var samples: [[RecordSample]]
        var error: (line: Int, problem: RowProblem)?
        var entries: [IndexEntry] = []
        var unknown: [String: Int] = [:]
    }

    mutating func process(_ block: LedgerInput.Block) -> Outcome {
        var outcome = Outcome(index: block.index, offset: block.offset, samples: Array(repeating: [], count: plan.slotCount))
        // Sized from the previous block's rows, so the index holds little spare capacity.
        outcome.entries.reserveCapacity(expectedRows > 0 ? expectedRows + expectedRows / 32 + 16 : block.count / 256)
        reader.unknown.removeAll(keepingCapacity: true)
        // The row and the lists are taken out of `self` for the block, so judging a row copies
        // neither (a stored property passed while `self` is mutated would be copied).
        var row = LedgerRow()
        swap(&row, &self.row)
        defer { swap(&row, &self.row) }
        // Unretained references: judging a row touches no reference counts.
        let lists = plan.lists.map { Unmanaged.passUnretained($0) }
        lists.withUnsafeBufferPointer { lists in
            outcome.lines = LedgerInput.forEachLine(in: block.lines) { line, number in
                if LedgerValues.trimmed(line).isEmpty { return true }
                do throws(RowProblem) {
                    try reader.read(line, into: &row, lineNumber: number)
                    try LedgerRow.derive(&row)
                } catch {
                    outcome.error = (number, error)
                    return false
                }
                outcome.rows += 1
                judge(row, lists, number, &outcome)
                return true
            }
        }
        outcome.unknown = reader.unknown
        expectedRows = outcome.rows * blockSizeOf(block) / max(block.count, 1)
        return outcome
    }

    /// The nominal size of blocks like `block` (the last block of a file is smaller).
    private func blockSizeOf(_ block: LedgerInput.Block) -> Int { max(block.count, block.bytes.count) }

    /// Judges the row in `self.row` (rows given in memory).
    mutating func judge(_ number: Int, _ outcome: inout Outcome) {
        var row = LedgerRow()
        swap(&row, &self.row)
        defer { swap(&row, &self.row) }
        let lists = plan.lists.map { Unmanaged.passUnretained($0) }
        lists.withUnsafeBufferPointer { lists in judge(row, lists, number, &outcome) }
    }

    private mutating func judge(
        _ row: borrowing LedgerRow, _ lists: UnsafeBufferPointer<Unmanaged<SuppressionList>>, _ number: Int, _ outcome: inout Outcome
    ) {
        var failed = false
        let asOfDay = plan.asOfDay
        let program = Unmanaged.passUnretained(plan.program)
        let ruleCount = program._withUnsafeGuaranteedRef { $0.ruleCount }
        for slot in 0..<ruleCount {
            let failing = program._withUnsafeGuaranteedRef { program in
                let when = program.whenRoots[slot]
                if when >= 0 && program.evaluate(when, row, asOfDay: asOfDay) != .pass { return false }
                return program.evaluate(program.requireRoots[slot], row, asOfDay: asOfDay) != .pass
            }
            guard failing else { continue }
            failed = true
            count(slot, row, number, &outcome)
            for field in plan.rules[slot].breakdown { breakdown(slot, row, field) }
        }
        var suppressed = false
        for index in 0..<lists.count where lists[index]._withUnsafeGuaranteedRef({ $0.matches(row) }) {
            if !suppressed { count(plan.suppressedSlot, row, number, &outcome) }
            suppressed = true
            let kind = lists[index]._withUnsafeGuaranteedRef { $0.kind.rawValue }
            breakdowns[plan.suppressedSlot]["kind", default: [:]][kind, default: 0] += 1
        }
        failed = failed || suppressed
        let foreign = program._withUnsafeGuaranteedRef { program in row.withBytes(.sourceID) { !program.isSourceID($0) } }
        if foreign {
            count(plan.foreignSlot, row, number, &outcome)
            breakdown(plan.foreignSlot, row, .sourceID)
        }
        if row[number: .optouts] != 0 && !row.has(.licenseAgreementID) {
            count(plan.optedOutSlot, row, number, &outcome)
            breakdown(plan.optedOutSlot, row, .optouts)
        }
        outcome.entries.append(IndexEntry(prefix: row.digest.prefix, line: number, failed: failed))
        stats.add(row)
        if plan.streamed { buckets.insert(row.digest) }
    }

    private mutating func count(_ slot: Int, _ row: borrowing LedgerRow, _ number: Int, _ outcome: inout Outcome) {
        counts[slot] += 1
        let order = row.digest.prefix
        if outcome.samples[slot].count == LedgerScanner.sampleLimit, order > outcome.samples[slot].last!.order { return }
        let origin = reader.originText
        let sample = RecordSample(
            file: origin ?? plan.file, line: origin == nil ? number : nil, itemID: row.string(.itemID) ?? "", order: order)
        outcome.samples[slot].keepSmallest(sample, limit: LedgerScanner.sampleLimit, by: RecordSample.precedes)
    }

    private mutating func breakdown(_ slot: Int, _ row: borrowing LedgerRow, _ field: LedgerField) {
        for value in row.breakdownValues(field) { breakdowns[slot][field.name, default: [:]][value, default: 0] += 1 }
    }
}

/// A worker shared with its thread; each is used by one thread at a time.
private final class WorkerBox: @unchecked Sendable {
    var worker: Worker
    init(_ worker: Worker) { self.worker = worker }
}

/// Merges block outcomes in file order.
struct Merger {
    let plan: LedgerPlan
    let file: String
    let ordinal: Int
    var header: RowReader.CSVHeader?
    var lineBase = 0
    var rows = 0
    var samples: [[RecordSample]]
    var entries: [IndexChunk] = []
    var unknown: [String: Int] = [:]
    var counts: [Int]
    var breakdowns: [[String: [String: Int]]]
    var stats = LedgerStats()
    var buckets = DigestBuckets()

    init(plan: LedgerPlan, file: String, ordinal: Int) {
        self.plan = plan
        self.file = file
        self.ordinal = ordinal
        samples = Array(repeating: [], count: plan.slotCount)
        counts = Array(repeating: 0, count: plan.slotCount)
        breakdowns = Array(repeating: [:], count: plan.slotCount)
    }

    mutating func merge(_ outcome: Worker.Outcome) throws(LedgerError) {
        if let (line, problem) = outcome.error {
            throw LedgerError(file: file, line: lineBase + line + 1, column: problem.column, message: problem.message)
        }
        for (slot, found) in outcome.samples.enumerated() {
            for var sample in found {
                sample.line = sample.line.map { lineBase + $0 + 1 }
                samples[slot].keepSmallest(sample, limit: LedgerScanner.sampleLimit, by: RecordSample.precedes)
            }
        }
        // The index is the one part of memory that grows with the ledger: no spare capacity kept.
        let exact = outcome.entries.capacity > outcome.entries.count + outcome.entries.count / 8 ? Array(outcome.entries) : outcome.entries
        entries.append(IndexChunk(ledger: ordinal, lineBase: lineBase, byteOffset: outcome.offset, entries: exact))
        for (name, line) in outcome.unknown where unknown[name] == nil { unknown[name] = lineBase + line + 1 }
        rows += outcome.rows
        lineBase += outcome.lines
    }

    /// Adds a worker's totals (after every block is merged).
    mutating func absorb(_ worker: Worker) {
        for slot in 0..<counts.count {
            counts[slot] += worker.counts[slot]
            for (field, values) in worker.breakdowns[slot] {
                breakdowns[slot][field, default: [:]].merge(values, uniquingKeysWith: +)
            }
        }
        stats.merge(worker.stats.stats())
        buckets.formUnion(worker.buckets)
    }

    func result() -> LedgerScanResult {
        let slots = (0..<counts.count).map { Tally(failing: counts[$0], samples: samples[$0], breakdown: breakdowns[$0]) }
        return LedgerScanResult(
            rows: rows, slots: slots, stats: stats,
            unknownFields: unknown.map { ($0.key, $0.value) }.sorted { $0.line != $1.line ? $0.line < $1.line : $0.name < $1.name },
            index: entries, header: header, buckets: buckets)
    }
}

/// Blocks in, outcomes out, with a bound on blocks in flight.
private final class Pipeline: @unchecked Sendable {
    private let condition = ConditionLock()
    private var queue: [LedgerInput.Block] = []
    private var ready: [Int: Worker.Outcome] = [:]
    private var inFlight = 0
    private var closed = false
    private var workersDone = 0
    private let limit: Int

    init(limit: Int) { self.limit = limit }

    /// Queues a block (the producer first waits for room with `takeReady`).
    func put(_ block: LedgerInput.Block) {
        condition.lock()
        queue.append(block)
        inFlight += 1
        condition.broadcast()
        condition.unlock()
    }

    func take() -> LedgerInput.Block? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && !closed { condition.wait() }
        return queue.isEmpty ? nil : queue.removeFirst()
    }

    func finish(_ index: Int, _ outcome: Worker.Outcome) {
        condition.lock()
        ready[index] = outcome
        condition.broadcast()
        condition.unlock()
    }

    /// The outcomes ready in order from `next`, which advances; each frees a slot in flight.
    /// With `waitingForRoom`, waits until there are outcomes to merge or room for a block, and
    /// says whether there is room.
    func takeReady(from next: inout Int, waitingForRoom: Bool) -> (outcomes: [Worker.Outcome], room: Bool) {
        condition.lock()
        defer { condition.unlock() }
        var result: [Worker.Outcome] = []
        while true {
            while let outcome = ready.removeValue(forKey: next) {
                result.append(outcome)
                next += 1
                inFlight -= 1
            }
            if !waitingForRoom || !result.isEmpty || inFlight < limit { break }
            condition.wait()
        }
        return (result, inFlight < limit)
    }

    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    func workerDone() {
        condition.lock()
        workersDone += 1
        condition.broadcast()
        condition.unlock()
    }

    func waitForWorkers(_ count: Int) {
        condition.lock()
        while workersDone < count { condition.wait() }
        condition.unlock()
    }

    /// Frees blocks never taken (after a failure).
    func drain() {
        condition.lock()
        for block in queue { block.release() }
        queue.removeAll()
        condition.unlock()
    }
}

extension LedgerRow {
    /// Fills the derived fields: `domain` from `url` when absent (and lower-cased), and `optouts`.
    static func derive(_ row: inout LedgerRow) throws(RowProblem) {
        if row.has(.url) {
            let valid = row.withBytes(.url) { url in
                LedgerValues.startsWithCaseless(url, "https://") || LedgerValues.startsWithCaseless(url, "http://")
            }
            guard valid else {
                let url = row.string(.url) ?? ""
                throw RowProblem(column: nil, message: "url: '\(String(url.prefix(80)).visibleASCII)' is not an absolute http or https URL")
            }
            if !row.has(.domain) {
                guard let domain = row.withBytes(.url, { PublicSuffixList.domain(ofURL: $0) }) else {
                    let url = row.string(.url) ?? ""
                    throw RowProblem(
                        column: nil, message: "url: '\(String(url.prefix(80)).visibleASCII)' has no host to take a domain from")
                }
                var text = domain
                text.withUTF8 { row.setText(.domain, $0) }
            }
        }
        // Domains compare lower-cased; a value with capitals is copied lower-cased.
        if row.has(.domain) && row.withBytes(.domain, { $0.contains { $0 >= 0x41 && $0 <= 0x5A } }) {
            let lowered = row.withBytes(.domain) { $0.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 } }
            lowered.withUnsafeBufferPointer { row.setText(.domain, $0) }
        }
        var bits = row.has(.optoutSignals) ? row[number: .optoutSignals] : 0
        if row.has(.robotsTxt) {
            let robots = LedgerVocabulary.robotsTxt[Int(row[number: .robotsTxt])]
            if robots == "disallowed" || robots == "unreachable" { bits |= 1 << Int64(LedgerVocabulary.Signal.robotsTxt.rawValue) }
        }
        if row.has(.tdmReservation) && row[number: .tdmReservation] == 1 { bits |= 1 << Int64(LedgerVocabulary.Signal.tdmrep.rawValue) }
        if row.has(.contentUsage) && row.withBytes(.contentUsage, { LedgerValues.aiPreferenceDisallowsTraining($0) }) {
            bits |= 1 << Int64(LedgerVocabulary.Signal.aipref.rawValue)
        }
        row.setNumber(.optouts, bits)
    }

    /// The values a breakdown counts the row under (several for a list of signals).
    func breakdownValues(_ field: LedgerField) -> [String] {
        guard has(field) else { return ["(not declared)"] }
        switch field.kind {
        case .vocabulary(let words): return [words[Int(self[number: field])]]
        case .boolean: return [self[number: field] == 1 ? "true" : "false"]
        case .count: return [String(self[number: field])]
        case .signals:
            let bits = self[number: field]
            let names = LedgerVocabulary.signals.enumerated().filter { bits & (1 << Int64($0.offset)) != 0 }.map(\.element)
            return names.isEmpty ? ["(none)"] : names
        case .text: return [string(field) ?? ""]
        case .sha256: return [digest.hex]
        case .date: return [ISODate(dayNumber: self[number: field]).description]
        }
    }
}

extension LedgerValues {
    static func startsWithCaseless(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard bytes.count > count else { return false }
        let other = word.utf8Start
        for index in 0..<count where bytes[index] | 0x20 != other[index] | 0x20 { return false }
        return true
    }
}

/// Which of the 65,536 buckets of content digests (their first four hexadecimal digits) rows fell
/// in. Partials whose rows share no bucket hold every copy of a content in one partial, so their
/// duplicate counts add up exactly; a Spark driver partitions by those four digits to make it so.
struct DigestBuckets: Sendable, Equatable {
    static let count = 1 << 16
    private(set) var words: [UInt64] = []

    mutating func insert(_ digest: Digest) { insert(bucket: Int(digest.a >> 48)) }

    mutating func insert(bucket: Int) {
        if words.isEmpty { words = [UInt64](repeating: 0, count: Self.count / 64) }
        words[bucket >> 6] |= 1 << UInt64(bucket & 63)
    }

    var isEmpty: Bool { words.allSatisfy { $0 == 0 } }

    /// The buckets held, in order.
    var members: [Int] {
        var result: [Int] = []
        for (index, word) in words.enumerated() where word != 0 {
            var bits = word
            while bits != 0 {
                result.append(index * 64 + bits.trailingZeroBitCount)
                bits &= bits - 1
            }
        }
        return result
    }

    mutating func formUnion(_ other: DigestBuckets) {
        guard !other.words.isEmpty else { return }
        if words.isEmpty {
            words = other.words
            return
        }
        for index in words.indices { words[index] |= other.words[index] }
    }

    /// The first bucket both hold, or nil.
    func firstShared(with other: DigestBuckets) -> Int? {
        guard !words.isEmpty, !other.words.isEmpty else { return nil }
        for index in words.indices where words[index] & other.words[index] != 0 {
            return index * 64 + (words[index] & other.words[index]).trailingZeroBitCount
        }
        return nil
    }

    /// The buckets as ranges `"0000-00ff,0a10"` (hexadecimal), compact for digests of a partition.
    var ranges: String {
        var parts: [String] = []
        var bucket = 0
        func hex(_ value: Int) -> String {
            let digits = String(value, radix: 16)
            return String(repeating: "0", count: 4 - digits.count) + digits
        }
        while bucket < Self.count {
            guard !words.isEmpty, words[bucket >> 6] & (1 << UInt64(bucket & 63)) != 0 else {
                bucket += 1
                continue
            }
            var end = bucket
            while end + 1 < Self.count, words[(end + 1) >> 6] & (1 << UInt64((end + 1) & 63)) != 0 { end += 1 }
            parts.append(end == bucket ? hex(bucket) : "\(hex(bucket))-\(hex(end))")
            bucket = end + 1
        }
        return parts.joined(separator: ",")
    }

    init() {}

    /// Parses `ranges`' form; nil when malformed.
    init?(ranges: String) {
        guard !ranges.isEmpty else { return }
        // Ranges as `ranges` writes them: increasing, apart, so reading is linear in the buckets.
        var next = 0
        for part in ranges.split(separator: ",", omittingEmptySubsequences: false) {
            let bounds = part.split(separator: "-", omittingEmptySubsequences: false)
            guard (1...2).contains(bounds.count), bounds.allSatisfy({ $0.utf8.count == 4 && $0.allSatisfy(\.isHexDigit) }),
                let low = Int(bounds[0], radix: 16), let high = Int(bounds.last!, radix: 16), low <= high, low >= next
            else { return nil }
            for bucket in low...high { insert(bucket: bucket) }
            next = high + 2
        }
    }
}
