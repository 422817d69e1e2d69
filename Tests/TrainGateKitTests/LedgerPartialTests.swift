import Foundation
import Testing

@testable import TrainGateKit

/// A ledger split any way that keeps copies of a content together, scanned in parts, and merged in
/// any order and grouping, gives the findings of one run over every row.
@Suite("Ledgers: partials merge into the findings of one run")
struct LedgerPartialTests {
    /// The planted ledgers, `copies` times over: each copy's digests are new but keep the copies
    /// and cross-source duplicates the planted rows have.
    static func rows(copies: Int) -> (users: [[String: Any]], crawl: [[String: Any]]) {
        func scaled(_ rows: [[String: Any]]) -> [[String: Any]] {
            (0..<copies).flatMap { copy in
                rows.map { row in
                    var row = row
                    if copy > 0 { row["item_id"] = "\(row["item_id"]!)-\(copy)" }
                    row["content_sha256"] = spread(row["content_sha256"] as! String, copy)
                    return row
                }
            }
        }
        return (scaled(PlantedLedgers.users), scaled(PlantedLedgers.crawl))
    }

    /// A digest made from `text` and `copy` whose every digit is spread (so rows fall in many
    /// buckets): FNV-1a, then SplitMix64 four times.
    static func spread(_ text: String, _ copy: Int) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "\(text)/\(copy)".utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        var generator = Generator(state: hash)
        return (0..<4).map { _ in
            let digits = String(generator.next(), radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }.joined()
    }

    static func folder(copies: Int) throws -> TemporaryFolder {
        let (users, crawl) = rows(copies: copies)
        return try TemporaryFolder([
            "manifest.yaml": PlantedLedgers.manifest(users: "users.jsonl", crawl: "crawl.jsonl"),
            "ledgers/users.jsonl": LedgerWriter.jsonl(users),
            "ledgers/crawl.jsonl": LedgerWriter.jsonl(crawl),
            "lists/erasure.txt": "# erasure requests\ns-7\ns-99\n\n",
        ])
    }

    /// The rows as a stream: each line with `@source` first and `@file`.
    static func stream(copies: Int) -> [(bucket: String, line: String)] {
        let (users, crawl) = rows(copies: copies)
        func lines(_ rows: [[String: Any]], _ source: String) -> [(String, String)] {
            zip(rows, LedgerWriter.jsonl(rows).split(separator: "\n")).map { row, line in
                let digest = (row["content_sha256"] as! String).prefix(4).lowercased()
                return (digest, "{\"@source\":\"\(source)\",\"@file\":\"\(source).parquet\"," + line.dropFirst())
            }
        }
        return lines(users, "users") + lines(crawl, "crawl")
    }

    /// Findings with samples reduced to what any split agrees on: the item and its order.
    static func normalized(_ findings: [Finding]) -> [Finding] {
        findings.map { finding in
            var finding = finding
            let samples = finding.records?.samples ?? []
            finding.records?.samples = samples.map { RecordSample(file: "", line: nil, itemID: $0.itemID, order: $0.order) }
            return finding
        }
    }

    /// A small deterministic generator (SplitMix64).
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func scan(_ folder: TemporaryFolder, _ lines: [String], name: String, source: String? = nil, asOf: ISODate = PlantedLedgers.asOf)
        throws -> LedgerPartial
    {
        let path = folder.path + "/" + name
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return try LedgerStream.scan(
            LedgerStream.Request(manifest: folder.path + "/manifest.yaml", source: source, asOf: asOf, input: path, threads: 2)
        ).partial
    }

    @Test(
        "random splits by digest bucket, merged in random order and grouping, give the one run's findings",
        arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func randomSplits(seed: UInt64) throws {
        let folder = try Self.folder(copies: 6)
        defer { folder.remove() }
        let single = try PlantedLedgers.check(folder, includeAll: true)
        var generator = Generator(state: seed)
        let parts = Int.random(in: 1...6, using: &generator)
        var partOfBucket: [String: Int] = [:]
        var lines = [[String]](repeating: [], count: parts)
        for (bucket, line) in Self.stream(copies: 6).shuffled(using: &generator) {
            let part = partOfBucket[bucket] ?? Int.random(in: 0..<parts, using: &generator)
            partOfBucket[bucket] = part
            lines[part].append(line)
        }
        var partials: [LedgerPartial] = []
        for (index, part) in lines.enumerated() where !part.isEmpty {
            let partial = try Self.scan(folder, part, name: "part-\(index).jsonl")
            // Through its JSON form and back, as between processes.
            let read = try LedgerPartial.read(Data(partial.json().utf8), file: "part-\(index)")
            #expect(read == partial)
            partials.append(read)
        }
        #expect(partials.reduce(0) { $0 + $1.rows } == 6 * 150)
        // Merged in a random tree: two neighbours at a time, in a shuffled order.
        partials.shuffle(using: &generator)
        while partials.count > 1 {
            let index = Int.random(in: 0..<partials.count - 1, using: &generator)
            var merged = partials[index]
            try merged.merge(partials[index + 1])
            partials.replaceSubrange(index...index + 1, with: [merged])
        }
        let merged = try LedgerStream.merge(
            manifest: folder.path + "/manifest.yaml", packs: ["ledger"], asOf: PlantedLedgers.asOf, includeAll: true,
            partials: [("merged", partials[0])])
        #expect(Self.normalized(merged.findings) == Self.normalized(single.findings))
        #expect(merged.counts == single.counts)
        #expect(merged.ledgers.map(\.stats) == single.ledgers.map(\.stats))
        #expect(merged.findings.contains { $0.ruleID == "REC-DUPLICATE" && $0.status == .fail })
        let samples = merged.findings.first { $0.ruleID == "REC-OPTOUT" && $0.subject.hasSuffix("crawl") }?.records?.samples ?? []
        #expect(samples.count == 10 && samples.allSatisfy { $0.file == "crawl.parquet" && $0.line == nil })
    }

    @Test("a partial of the files themselves merges to the same findings")
    func filesScannedWhole() throws {
        let folder = try Self.folder(copies: 2)
        defer { folder.remove() }
        let single = try PlantedLedgers.check(folder, includeAll: true)
        // Both sources in one stream (one partial), so copies across them meet.
        let partial = try Self.scan(folder, Self.stream(copies: 2).map(\.line), name: "all.jsonl")
        let merged = try LedgerStream.merge(
            manifest: folder.path + "/manifest.yaml", packs: ["ledger"], asOf: PlantedLedgers.asOf, includeAll: true,
            partials: [("all", partial)])
        #expect(Self.normalized(merged.findings) == Self.normalized(single.findings))
        // Without @file, samples name the input and its lines.
        let users = try LedgerStream.scan(
            LedgerStream.Request(
                manifest: folder.path + "/manifest.yaml", source: "users", asOf: PlantedLedgers.asOf,
                input: folder.path + "/ledgers/users.jsonl")
        ).partial
        let consent = users.sources["dataset:planted/source:users"]?.tallies["ledger:REC-CONSENT"]
        #expect(consent?.samples.allSatisfy { $0.file.hasSuffix("ledgers/users.jsonl") && $0.line != nil } == true)
        #expect(consent?.failing == 8)
    }

    @Test("partials that cannot be merged exactly are an error")
    func mismatchedPartials() throws {
        let folder = try Self.folder(copies: 1)
        defer { folder.remove() }
        let lines = Self.stream(copies: 1)
        let users = try Self.scan(folder, lines.filter { $0.line.hasPrefix("{\"@source\":\"users\"") }.map(\.line), name: "u.jsonl")
        let crawl = try Self.scan(folder, lines.filter { !$0.line.hasPrefix("{\"@source\":\"users\"") }.map(\.line), name: "c.jsonl")
        // The planted sources share digest buckets: copies across them may be split.
        var merged = users
        #expect(throws: LedgerError.self) { try merged.merge(crawl) }
        do {
            try merged.merge(crawl, names: ("u", "c"))
        } catch {
            #expect(error.message.contains("partition the rows by the first four hexadecimal digits of content_sha256"))
        }
        // Another as-of date is another plan.
        let later = try Self.scan(
            folder, lines.map(\.line), name: "later.jsonl", asOf: ISODate(year: 2027, month: 1, day: 1)!)
        do {
            _ = try LedgerStream.merge(
                manifest: folder.path + "/manifest.yaml", packs: ["ledger"], asOf: PlantedLedgers.asOf, includeAll: false,
                partials: [("later", later)])
            Issue.record("merged a partial of another date")
        } catch {
            #expect(error.errors.first?.description.contains("as of 2027-01-01, not 2026-12-04") == true, "\(error.errors)")
        }
        // A source whose ledger the manifest names must have rows.
        do {
            _ = try LedgerStream.merge(
                manifest: folder.path + "/manifest.yaml", packs: ["ledger"], asOf: PlantedLedgers.asOf, includeAll: false,
                partials: [("u", users)])
            Issue.record("merged without the crawl's rows")
        } catch {
            #expect(error.errors.first?.description.contains("no partial holds rows of source crawl") == true)
        }
    }

    @Test(
        "bad rows and routing stop the scan at the input's line",
        arguments: [
            ("{\"@source\":\"users\",\"item_id\":\"x\"}", "3:1: error: required field source_id is missing"),
            ("{\"@source\":\"nobody\"}", "3:1: error: the manifest has no source 'nobody'"),
            ("{\"item_id\":\"x\"}", "3:1: error: the row names no source"),
            ("{\"@source\":\"crawl\",\"item_id\":\"x\",\"source_id\":\"crawl\",\"content_sha256\":\"zz\"}", "3:"),
        ])
    func badStreamedRows(_ row: String, _ expected: String) throws {
        let folder = try Self.folder(copies: 1)
        defer { folder.remove() }
        // Line 3 of the input, after a row of each source.
        let lines = Self.stream(copies: 1)
        let good = [
            lines.first { $0.line.hasPrefix("{\"@source\":\"users\"") }!.line,
            lines.first { $0.line.hasPrefix("{\"@source\":\"crawl\"") }!.line,
        ]
        do {
            _ = try Self.scan(folder, good + [row], name: "bad.jsonl")
            Issue.record("scanned a bad row")
        } catch let failure as CheckFailure {
            #expect(failure.errors.first?.description.contains("bad.jsonl:" + expected) == true, "\(failure.errors)")
        }
    }

    @Test("a bad row that names its input is reported there, by item")
    func badRowWithItsInput() throws {
        let folder = try Self.folder(copies: 1)
        defer { folder.remove() }
        let row =
            "{\"@source\":\"crawl\",\"@file\":\"s3a://bucket/crawl/part-7.parquet\",\"item_id\":\"c-x\",\"source_id\":\"crawl\",\"content_sha256\":\"zz\"}"
        do {
            _ = try Self.scan(folder, [Self.stream(copies: 1)[0].line, row], name: "rows.jsonl")
            Issue.record("scanned a bad row")
        } catch let failure as CheckFailure {
            let message = failure.errors.first?.description ?? ""
            #expect(message.hasPrefix("s3a://bucket/crawl/part-7.parquet: error: item c-x: content_sha256"), "\(message)")
            #expect(message.hasSuffix("(line 2 of the rows scanned)"), "\(message)")
        }
    }

    @Test("an unknown field warns at the manifest's ledger, naming the input it was met in")
    func unknownFieldAfterMerge() throws {
        let folder = try Self.folder(copies: 1)
        defer { folder.remove() }
        var lines = Self.stream(copies: 1).map(\.line)
        let index = lines.firstIndex { $0.hasPrefix("{\"@source\":\"crawl\"") }!
        lines[index] = lines[index].replacingOccurrences(of: "\"item_id\"", with: "\"colour\":\"red\",\"item_id\"")
        let partial = try Self.scan(folder, lines, name: "rows.jsonl")
        let merged = try LedgerStream.merge(
            manifest: folder.path + "/manifest.yaml", packs: ["ledger"], asOf: PlantedLedgers.asOf, includeAll: false,
            partials: [("p", partial)])
        let warning = merged.warnings.first { $0.message.contains("colour") }
        #expect(warning?.message.contains("first at crawl.parquet)") == true, "\(merged.warnings)")
        #expect(warning?.location.file.hasSuffix("manifest.yaml") == true)
    }

    @Test("streamed values may be strings, read as CSV cells")
    func stringValues() throws {
        let folder = try Self.folder(copies: 1)
        defer { folder.remove() }
        let digest = LedgerWriter.digest("strings", 1)
        let row =
            "{\"@source\":\"crawl\",\"item_id\":\"s-1\",\"source_id\":\"crawl\",\"content_sha256\":\"\(digest)\",\"size_bytes\":\"12\","
            + "\"tdm_reservation\":\"true\",\"optout_signals\":\"c2pa;iptc\",\"tokens\":\"\",\"url\":\"https://a.example.org/x\"}"
        let partial = try Self.scan(folder, [row], name: "strings.jsonl")
        let crawl = partial.sources["dataset:planted/source:crawl"]
        #expect(crawl?.stats.totals.bytes == 12)
        #expect(crawl?.stats.rowsWithTokens == 0, "an empty string is not declared")
        #expect(crawl?.stats.signals == ["c2pa": 1, "iptc": 1, "tdmrep": 1])
    }

    @Test(
        "a malformed partial is an error, not a pass",
        arguments: [
            ("{}", "is missing"),
            (
                "{\"traingate_partial\":2,\"plan\":{\"traingate\":\"x\",\"as_of\":\"2026-01-01\",\"manifest\":\"m\",\"packs\":[],\"lists\":[],\"duplicates\":true},\"buckets\":\"\",\"parts\":[],\"sources\":[]}",
                "format 2"
            ),
            ("not json", "not a TrainGate ledger partial"),
        ])
    func malformedPartials(_ text: String, _ message: String) throws {
        #expect(throws: LedgerError.self) { try LedgerPartial.read(Data(text.utf8), file: "p.json") }
        do {
            _ = try LedgerPartial.read(Data(text.utf8), file: "p.json")
        } catch {
            #expect(error.message.contains(message), "\(error.message)")
        }
    }

    @Test("a scan merged twice, or a clash of buckets, is an error naming the partials")
    func repeatsAndClashes() throws {
        let folder = try Self.folder(copies: 1)
        defer { folder.remove() }
        let lines = Self.stream(copies: 1).map(\.line)
        let half = lines.count / 2
        let first = try Self.scan(folder, Array(lines[..<half]), name: "first.jsonl")
        let second = try Self.scan(folder, Array(lines[half...]), name: "second.jsonl")
        // Without a duplicate rule buckets may be shared, but one scan still counts once.
        var lenient = first
        lenient.plan.duplicates = false
        do {
            _ = try LedgerPartial.merged([("a.json", lenient), ("b.json", lenient)])
            Issue.record("merged one scan twice")
        } catch {
            #expect(error.file == "b.json")
            #expect(error.message.contains("that a.json holds already"))
        }
        // A clash names the partial that holds the bucket, not the first one merged.
        var disjoint = try Self.scan(folder, [lines[0]], name: "one.jsonl")
        disjoint.buckets = DigestBuckets()
        disjoint.buckets.insert(bucket: 0xFFFF)
        let clashing = try Self.scan(folder, [lines[0]], name: "again.jsonl")
        do {
            _ = try LedgerPartial.merged([("d.json", disjoint), ("first.json", first), ("again.json", clashing)])
        } catch {
            #expect(error.file == "again.json")
            #expect(error.message.contains("as first.json does"), "\(error.message)")
        }
        _ = second
    }

    @Test("counts past the limit, disordered buckets and rows without buckets are errors")
    func boundedCounts() throws {
        let folder = try Self.folder(copies: 1)
        defer { folder.remove() }
        let json = try Self.scan(folder, Self.stream(copies: 1).map(\.line), name: "all.jsonl").json()
        for (from, to) in [
            ("\"rows\":100,", "\"rows\":9223372036854775807,"),
            ("\"buckets\":\"", "\"buckets\":\"ffff,"),
            ("\"buckets\":\"", "\"buckets\":\"0000-ffff,"),
        ] {
            let tampered = json.replacingOccurrences(of: from, with: to)
            #expect(tampered != json)
            #expect(throws: LedgerError.self) { try LedgerPartial.read(Data(tampered.utf8), file: "p.json") }
        }
        let noBuckets = json.replacingOccurrences(of: #""buckets":"[^"]*""#, with: #""buckets":"""#, options: .regularExpression)
        #expect(noBuckets != json)
        #expect(throws: LedgerError.self) { try LedgerPartial.read(Data(noBuckets.utf8), file: "p.json") }
    }

    @Test("a partial whose counts do not fit its rows is an error")
    func inconsistentCounts() throws {
        let folder = try Self.folder(copies: 1)
        defer { folder.remove() }
        let partial = try Self.scan(folder, Self.stream(copies: 1).map(\.line), name: "all.jsonl")
        let json = partial.json()
        // More failing rows than rows.
        let tampered = json.replacingOccurrences(
            of: "\"check\":\"ledger:REC-CONSENT\",\"failing\":4,", with: "\"check\":\"ledger:REC-CONSENT\",\"failing\":400,")
        #expect(tampered != json)
        #expect(throws: LedgerError.self) { try LedgerPartial.read(Data(tampered.utf8), file: "p.json") }
        let buckets = json.replacingOccurrences(of: "\"buckets\":\"", with: "\"buckets\":\"zz,")
        #expect(throws: LedgerError.self) { try LedgerPartial.read(Data(buckets.utf8), file: "p.json") }
    }
}
