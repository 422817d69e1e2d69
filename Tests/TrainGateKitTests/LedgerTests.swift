import Foundation
import Testing

@testable import TrainGateKit

/// A folder of files written for one test, removed afterwards.
struct TemporaryFolder {
    let path: String

    init(_ files: [String: String]) throws {
        path = NSTemporaryDirectory() + "traingate-ledger-\(UUID().uuidString)"
        for (name, text) in files { try write(name, Data(text.utf8)) }
    }

    func write(_ name: String, _ data: Data) throws {
        let file = path + "/" + name
        try FileManager.default.createDirectory(
            atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: file))
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// Writes ledger rows as JSON Lines or CSV (with a header of every field used, in a fixed order).
enum LedgerWriter {
    static let order = LedgerField.stored.map(\.name)

    static func jsonl(_ rows: [[String: Any]]) -> String {
        rows.map { row in
            "{" + order.compactMap { key in row[key].map { "\"\(key)\":\(json($0))" } }.joined(separator: ",") + "}\n"
        }.joined()
    }

    static func csv(_ rows: [[String: Any]]) -> String {
        let columns = order.filter { key in rows.contains { $0[key] != nil } }
        var out = columns.joined(separator: ",") + "\n"
        for row in rows {
            out += columns.map { key in row[key].map(cell) ?? "" }.joined(separator: ",") + "\n"
        }
        return out
    }

    private static func json(_ value: Any) -> String {
        switch value {
        case let text as String: return "\"" + text.replacingOccurrences(of: "\"", with: "\\\"") + "\""
        case let flag as Bool: return flag ? "true" : "false"
        case let number as Int: return String(number)
        case let list as [String]: return "[" + list.map { "\"\($0)\"" }.joined(separator: ",") + "]"
        default: return "null"
        }
    }

    private static func cell(_ value: Any) -> String {
        let text: String
        switch value {
        case let list as [String]: text = list.joined(separator: ";")
        case let flag as Bool: text = flag ? "true" : "false"
        default: text = "\(value)"
        }
        return text.contains(",") || text.contains("\"") ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    /// A stand-in content digest for item `index` of `source`.
    static func digest(_ source: String, _ index: Int) -> String {
        let seed = Array("\(source)-\(index)".utf8)
        var words: [UInt64] = [0xcbf2_9ce4_8422_2325, 0x1234, 0x5678, 0x9abc]
        for (offset, byte) in seed.enumerated() {
            words[offset % 4] = (words[offset % 4] ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return words.map { word in
            let digits = String(word, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }.joined()
    }
}

/// A dataset with two sources whose ledgers hold a known number of violations of every REC rule.
enum PlantedLedgers {
    static let asOf = ISODate(year: 2026, month: 12, day: 4)!

    /// `users`: first-party data on consent; 100 rows.
    static var users: [[String: Any]] {
        (0..<100).map { index in
            var row: [String: Any] = [
                "item_id": "u-\(index)", "source_id": "users", "content_sha256": LedgerWriter.digest("users", index),
                "modality": "text", "size_bytes": 100, "tokens": 25, "legal_basis": "consent", "consent_status": "given",
                "subject_ref": "s-\(index % 50)", "personal_data": index < 5,
            ]
            switch index {
            case 10, 20, 30: (row["consent_status"], row["consent_status_at"]) = ("withdrawn", "2026-01-01")
            case 40: (row["consent_status"], row["consent_status_at"]) = ("withdrawn", "2099-01-01")
            case 50: row["consent_status"] = "refused"
            case 60, 61: row["erasure_requested_at"] = "2026-02-01"
            case 62: row["objection_at"] = "2026-12-04T23:00:00Z"
            case 63: row["erasure_requested_at"] = "2027-01-01"
            case 70: row["content_sha256"] = LedgerWriter.digest("users", 10)
            case 71: row["content_sha256"] = LedgerWriter.digest("users", 7)
            case 72: row["content_sha256"] = LedgerWriter.digest("users", 40)
            case 99: row["source_id"] = "crawl"
            default: break
            }
            return row
        }
    }

    /// `crawl`: a web crawl; 50 rows, domains derived from the URLs.
    static var crawl: [[String: Any]] {
        (0..<50).map { index in
            var row: [String: Any] = [
                "item_id": "c-\(index)", "source_id": "crawl", "content_sha256": LedgerWriter.digest("crawl", index),
                "modality": "text", "size_bytes": 100 + index, "tokens": 10,
                "url": "https://www.site\(index % 5).co.uk/p\(index)", "robots_txt": "allowed",
                "retrieved_at": "2026-0\(1 + index % 9)-1\(index % 10)T08:00:00Z",
            ]
            switch index {
            case 3: row["robots_txt"] = "disallowed"
            case 4: row["robots_txt"] = "unreachable"
            case 5: row["robots_txt"] = "unavailable"
            case 6: row["tdm_reservation"] = true
            case 7: (row["tdm_reservation"], row["license_agreement_id"]) = (true, "L-1")
            case 8: row["content_usage"] = "train-ai=n"
            case 9: row["content_usage"] = "search=y, train-ai=y"
            case 10: row["content_usage"] = "train-genai=n"
            case 11: row["optout_signals"] = ["c2pa", "iptc"]
            case 20: row["content_sha256"] = LedgerWriter.digest("users", 10)
            default: break
            }
            return row
        }
    }

    static func manifest(users: String, crawl: String) -> String {
        let crawlBytes = (0..<50).reduce(0) { $0 + 100 + $1 }
        return """
            apiVersion: traingate/v1
            kind: DatasetManifest
            dataset: {id: planted, name: Planted}
            suppression_lists:
              - {path: lists/erasure.txt, key: subject_ref, kind: erasure}
            sources:
              - id: users
                name: Users
                source_type: first_party
                personal_data: {present: false}
                size: {value: 10000, unit: bytes}
                ledger: {path: ledgers/\(users)}
              - id: crawl
                name: Crawl
                source_type: web_crawl
                tdm_opt_out: {checked: true, handling: excluded}
                size: {value: \(crawlBytes), unit: bytes}
                ledger: {path: ledgers/\(crawl)}

            """
    }

    /// Writes the dataset with `users` and `crawl` in the given formats.
    static func folder(users usersFormat: String, crawl crawlFormat: String) throws -> TemporaryFolder {
        func text(_ rows: [[String: Any]], _ format: String) -> String {
            format == "csv" ? LedgerWriter.csv(rows) : LedgerWriter.jsonl(rows)
        }
        return try TemporaryFolder([
            "manifest.yaml": manifest(users: "users.\(usersFormat)", crawl: "crawl.\(crawlFormat)"),
            "ledgers/users.\(usersFormat)": text(users, usersFormat),
            "ledgers/crawl.\(crawlFormat)": text(crawl, crawlFormat),
            "lists/erasure.txt": "# erasure requests\ns-7\ns-99\n\n",
        ])
    }

    static func check(_ folder: TemporaryFolder, threads: Int? = nil, includeAll: Bool = false, blockSize: Int = 4 << 20) throws
        -> LedgerCheck.Result
    {
        let inputs = ArtifactLoader.load([folder.path + "/manifest.yaml"])
        #expect(inputs.errors.isEmpty, "\(inputs.errors)")
        let packs = try PolicyLoader.select(["ledger"])
        return try LedgerCheck.run(
            inputs.bundles, packs: packs, asOf: asOf, includeAll: includeAll, threads: threads, blockSize: blockSize)
    }
}

@Suite("Ledgers: planted violations")
struct LedgerPlantedTests {
    static let formats = [("jsonl", "csv"), ("csv", "jsonl")]

    /// The failing finding of `rule` on `source`.
    static func finding(_ result: LedgerCheck.Result, _ rule: String, _ source: String) -> Finding? {
        result.findings.first { $0.ruleID == rule && $0.subject == "dataset:planted/source:\(source)" }
    }

    @Test("counts, samples and breakdowns are exact", arguments: formats)
    func exactCounts(_ formats: (String, String)) throws {
        let folder = try PlantedLedgers.folder(users: formats.0, crawl: formats.1)
        defer { folder.remove() }
        let result = try PlantedLedgers.check(folder)
        // A CSV's rows start on line 2, under the header.
        let usersLine = formats.0 == "csv" ? 2 : 1
        let crawlLine = formats.1 == "csv" ? 2 : 1
        // Samples come in sample order (digest key, then item id); here every failing row is one.
        func items(_ finding: Finding?) -> Set<String> {
            let samples = finding?.records?.samples ?? []
            #expect(samples == samples.sorted(by: RecordSample.precedes), "samples in sample order")
            return Set(samples.map(\.itemID))
        }
        func line(_ finding: Finding?, _ item: String) -> Int? { finding?.records?.samples.first { $0.itemID == item }?.line }

        let consent = Self.finding(result, "REC-CONSENT", "users")
        #expect(consent?.records?.failing == 4)
        #expect(consent?.records?.total == 100)
        #expect(items(consent) == ["u-10", "u-20", "u-30", "u-50"])
        #expect([10, 20, 30, 50].map { line(consent, "u-\($0)") } == [10, 20, 30, 50].map { $0 + usersLine })
        #expect(consent?.records?.breakdown.first?.summary == "withdrawn 3, refused 1")
        #expect(consent?.severity == .critical)
        #expect(consent?.message.hasPrefix("4 of 100 rows (4.00 %): ") == true)

        let erasure = Self.finding(result, "REC-ERASURE", "users")
        #expect(items(erasure) == ["u-60", "u-61", "u-62"])

        let suppressed = Self.finding(result, "REC-SUPPRESSED", "users")
        #expect(items(suppressed) == ["u-7", "u-57"])
        #expect(suppressed?.records?.breakdown.first?.summary == "erasure 2")

        let duplicate = Self.finding(result, "REC-DUPLICATE", "users")
        #expect(items(duplicate) == ["u-70", "u-71"])
        #expect([line(duplicate, "u-70"), line(duplicate, "u-71")] == [70, 71].map { $0 + usersLine })
        #expect(items(Self.finding(result, "REC-DUPLICATE", "crawl")) == ["c-20"])

        let optout = Self.finding(result, "REC-OPTOUT", "crawl")
        #expect(items(optout) == ["c-3", "c-4", "c-6", "c-8", "c-10", "c-11"])
        #expect([3, 4, 6, 8, 10, 11].map { line(optout, "c-\($0)") } == [3, 4, 6, 8, 10, 11].map { $0 + crawlLine })
        let signals = optout?.records?.breakdown.first { $0.by == "optouts" }?.summary
        #expect(signals == "aipref 2, robots_txt 2, c2pa 1, iptc 1, tdmrep 1")
        let domains = optout?.records?.breakdown.first { $0.by == "domain" }?.counts.map(\.value)
        #expect(domains == ["site1.co.uk", "site3.co.uk", "site0.co.uk", "site4.co.uk"])
        #expect(Self.finding(result, "REC-OPTOUT", "users") == nil, "a first-party source is not crawled")

        // REC-DECLARED: one finding per contradicted claim, at the claim.
        let declared = result.findings.filter { $0.ruleID == "REC-DECLARED" }
        #expect(
            declared.map(\.path).sorted() == ["sources[0].ledger", "sources[0].personal_data.present", "sources[1].tdm_opt_out.handling"])
        let handling = declared.first { $0.path == "sources[1].tdm_opt_out.handling" }
        #expect(handling?.location.line == 16)
        #expect(handling?.records?.failing == 6)
        let present = declared.first { $0.path == "sources[0].personal_data.present" }
        #expect(present?.location.line == 10)
        #expect(present?.found == "5 rows")
        let foreign = declared.first { $0.path == "sources[0].ledger" }
        #expect(items(foreign) == ["u-99"])

        // Every failing finding, and nothing else.
        #expect(result.findings.count == 9)
        #expect(result.counts[.fail] == 9)
        #expect(result.ledgers.map(\.stats.totals.rows) == [100, 50])
        #expect(result.warnings.isEmpty)
    }

    @Test("a clean ledger passes every rule")
    func cleanLedgerPasses() throws {
        let rows = PlantedLedgers.crawl.prefix(3) + PlantedLedgers.crawl.dropFirst(12).prefix(8)
        let folder = try TemporaryFolder([
            "manifest.yaml": """
            apiVersion: traingate/v1
            kind: DatasetManifest
            dataset: {id: planted}
            sources:
              - id: crawl
                source_type: web_crawl
                tdm_opt_out: {checked: true, handling: excluded}
                ledger: {path: crawl.jsonl}
            """,
            "crawl.jsonl": LedgerWriter.jsonl(Array(rows)),
        ])
        defer { folder.remove() }
        let result = try PlantedLedgers.check(folder, includeAll: true)
        #expect(result.counts[.fail] == nil)
        #expect(result.findings.allSatisfy { $0.status != .fail })
        #expect(result.findings.first { $0.ruleID == "REC-OPTOUT" }?.records?.total == 11)
        #expect(result.findings.first { $0.ruleID == "REC-SUPPRESSED" }?.status == .notApplicable, "no suppression list")
    }

    @Test("the same findings whatever the number of threads")
    func deterministicAcrossThreads() throws {
        // About 700 KB read in 16 KB blocks: many blocks, read in parallel.
        var rows: [[String: Any]] = []
        for index in 0..<2_400 {
            var row = PlantedLedgers.crawl[index % 50]
            row["item_id"] = "c-\(index)"
            row["content_sha256"] = LedgerWriter.digest("big", index % 2_001)
            row["url"] = "https://host\(index % 97).example.org/\(String(repeating: "p", count: 40))/\(index)"
            rows.append(row)
        }
        let folder = try TemporaryFolder([
            "manifest.yaml": """
            apiVersion: traingate/v1
            kind: DatasetManifest
            dataset: {id: planted}
            sources:
              - {id: crawl, source_type: web_crawl, ledger: {path: crawl.jsonl}}
            """,
            "crawl.jsonl": LedgerWriter.jsonl(rows),
        ])
        defer { folder.remove() }
        let one = try PlantedLedgers.check(folder, threads: 1, blockSize: 16 << 10)
        let three = try PlantedLedgers.check(folder, threads: 3, blockSize: 16 << 10)
        let whole = try PlantedLedgers.check(folder)
        #expect(one.findings == whole.findings)
        #expect(one.findings == three.findings)
        #expect(one.ledgers == three.ledgers)
        let optout = one.findings.first { $0.ruleID == "REC-OPTOUT" }
        #expect(optout?.records?.failing == 2_400 / 50 * 6)
        // The samples: the ten failing rows first by digest key, then item id, wherever they are.
        let failing = rows.enumerated().filter { [3, 4, 6, 8, 10, 11].contains($0.offset % 50) }.map { $0.element }
        let keyed = failing.map { row -> (DigestPrefix, String) in
            let hex = row["content_sha256"] as! String
            return (
                hex.utf8CString.withUnsafeBufferPointer { buffer in
                    buffer.withMemoryRebound(to: UInt8.self) { Digest(hex: UnsafeBufferPointer(rebasing: $0.dropLast()))!.prefix }
                }, row["item_id"] as! String
            )
        }
        let expected = keyed.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1.utf8.lexicographicallyPrecedes($1.1.utf8) }.prefix(10).map(\.1)
        #expect(optout?.records?.samples.map(\.itemID) == Array(expected))
        #expect(Set(optout?.records?.samples.compactMap(\.line) ?? []).count == 10)
        #expect(one.findings.first { $0.ruleID == "REC-DUPLICATE" }?.records?.failing ?? 0 > 0)
    }
}

@Suite("Ledgers: bad input stops the check at its location")
struct LedgerErrorTests {
    static let manifest = """
        apiVersion: traingate/v1
        kind: DatasetManifest
        dataset: {id: d}
        sources:
          - {id: s, source_type: web_crawl, ledger: {path: LEDGER}}
        """
    static let good = #"{"item_id":"a","source_id":"s","content_sha256":"\#(String(repeating: "a", count: 64))"}"#

    /// The first error of checking a manifest whose ledger `name` holds `text`.
    static func error(_ text: String, name: String = "l.jsonl", extra: [String: String] = [:], manifest: String? = nil) throws
        -> CheckError?
    {
        var files = extra
        files["m.yaml"] = (manifest ?? Self.manifest).replacingOccurrences(of: "LEDGER", with: name)
        files[name] = text
        let folder = try TemporaryFolder(files)
        defer { folder.remove() }
        do {
            _ = try PlantedLedgers.check(folderWithManifest: folder)
            return nil
        } catch {
            return error.errors.first
        }
    }

    static let rows: [(String, Int, Int?, String)] = [
        // (second line, line, column, message fragment)
        ("[1, 2]", 2, 1, "a row must be a JSON object"),
        (#"{"item_id":"b","source_id":"s"}"#, 2, nil, "required field content_sha256 is missing"),
        (#"{"item_id":"b","source_id":"s","content_sha256":"xyz"}"#, 2, 49, "content_sha256: 'xyz' is not a SHA-256 digest"),
        (#"{"item_id":7,"source_id":"s"}"#, 2, 12, "item_id must be text, not a number"),
        (
            #"{"item_id":"b","source_id":"s","content_sha256":"\#(String(repeating: "b", count: 64))","retrieved_at":"2026-02-30"}"#, 2,
            131,
            "retrieved_at: '2026-02-30' is not an RFC 3339 date"
        ),
        (
            #"{"item_id":"b","source_id":"s","content_sha256":"\#(String(repeating: "b", count: 64))","consent_status":"withdrawm"}"#, 2,
            133,
            "consent_status: 'withdrawm' is not one of given, renewed"
        ),
        (
            #"{"item_id":"b","source_id":"s","content_sha256":"\#(String(repeating: "b", count: 64))","size_bytes":1.5}"#, 2, 129,
            "size_bytes: '1.5' is not a whole number"
        ),
        (
            #"{"item_id":"b","source_id":"s","content_sha256":"\#(String(repeating: "b", count: 64))","size_bytes":-3}"#, 2, 129,
            "size_bytes: '-3' is not a whole number"
        ),
        (
            #"{"item_id":"b","source_id":"s","content_sha256":"\#(String(repeating: "b", count: 64))","tdm_reservation":"yes"}"#, 2, 134,
            "tdm_reservation must be true or false, not a string"
        ),
        (
            #"{"item_id":"b","source_id":"s","content_sha256":"\#(String(repeating: "b", count: 64))","optout_signals":["tdmrp"]}"#, 2, 134,
            "'tdmrp' is not an opt-out signal"
        ),
        (#"{"item_id":"b","item_id":"c"}"#, 2, 16, "field item_id appears twice in the row"),
        (#"{"item_id":"b"#, 2, 12, "a string is not closed on its line"),
        (#"{"item_id":"b"} x"#, 2, 17, "unexpected text after the row's closing '}'"),
        (#"{"item_id":"\q"}"#, 2, 13, "an invalid escape in a string"),
        (
            #"{"item_id":"b","source_id":"s","content_sha256":"\#(String(repeating: "b", count: 64))","url":"ftp://x"}"#, 2, nil,
            "url: 'ftp://x' is not an absolute http or https URL"
        ),
        (
            #"{"item_id":"b","source_id":"s","content_sha256":"\#(String(repeating: "b", count: 64))","extra":{"a":[1,{"b":"#, 2, nil,
            "has no value"
        ),
    ]

    @Test("malformed JSONL rows", arguments: 0..<rows.count)
    func malformedRows(_ index: Int) throws {
        let (line, number, column, message) = Self.rows[index]
        let error = try #require(try Self.error(Self.good + "\n" + line + "\n"))
        #expect(error.message.contains(message), "\(error.message)")
        #expect(error.location?.line == number)
        if let column { #expect(error.location?.column == column, "\(error.message)") }
        #expect(error.file?.hasSuffix("l.jsonl") == true)
    }

    @Test func invalidUTF8StopsTheCheck() throws {
        var bytes = Array((Self.good + "\n").utf8)
        bytes +=
            Array(#"{"item_id":"b"#.utf8) + [0xC3, 0x28]
            + Array(#"","source_id":"s","content_sha256":"\#(String(repeating: "b", count: 64))"}"#.utf8)
        // Written raw: a String would repair the bytes.
        let folder = try TemporaryFolder(["m.yaml": Self.manifest.replacingOccurrences(of: "LEDGER", with: "l.jsonl")])
        defer { folder.remove() }
        try folder.write("l.jsonl", Data(bytes + [0x0A]))
        do {
            _ = try PlantedLedgers.check(folderWithManifest: folder)
            Issue.record("invalid UTF-8 passed")
        } catch {
            #expect(error.errors.first?.message.contains("not valid UTF-8") == true)
            #expect(error.errors.first?.location?.line == 2)
        }
    }

    @Test(
        "malformed CSV",
        arguments: [
            ("item_id,source_id\na,s\n", 1, "the header has no content_sha256 column"),
            ("item_id,source_id,content_sha256,item_id\n", 1, "column item_id appears twice"),
            ("item_id,source_id,content_sha256,optouts\n", 1, "optouts is derived"),
            ("item_id,source_id,content_sha256\na,s\n", 2, "the row has 2 cells; the header has 3 columns"),
            ("item_id,source_id,content_sha256\na,s,\(String(repeating: "c", count: 64)),x\n", 2, "more cells than the header"),
            ("item_id,source_id,content_sha256\n\"a,s,\(String(repeating: "c", count: 64))\n", 2, "a quoted cell is not closed"),
            (
                "item_id,source_id,content_sha256,personal_data\na,s,\(String(repeating: "c", count: 64)),maybe\n", 2,
                "personal_data: 'maybe' is not true or false"
            ),
        ])
    func malformedCSV(_ text: String, _ line: Int, _ message: String) throws {
        let error = try #require(try Self.error(text, name: "l.csv"))
        #expect(error.message.contains(message), "\(error.message)")
        #expect(error.location?.line == line)
    }

    @Test func emptyMissingTruncatedAndWrongDigest() throws {
        #expect(try Self.error("")?.message.contains("the ledger is empty") == true)
        #expect(try Self.error("\n\n")?.message.contains("the ledger is empty") == true)
        let missing = try Self.error("", manifest: Self.manifest.replacingOccurrences(of: "LEDGER", with: "gone.jsonl"))
        #expect(missing?.message.contains("'gone.jsonl' does not exist") == true)
        #expect(missing?.location?.line == 5)
        let outside = try Self.error("", manifest: Self.manifest.replacingOccurrences(of: "LEDGER", with: "../x.jsonl"))
        #expect(outside?.message.contains("outside the manifest's folder tree") == true)
        let digest = try Self.error(
            Self.good + "\n",
            manifest: Self.manifest.replacingOccurrences(
                of: "{path: LEDGER}", with: "{path: LEDGER, sha256: \(String(repeating: "0", count: 64))}"))
        #expect(digest?.message.contains("SHA-256 mismatch") == true)
        // The scenario's gzip ledger, cut short.
        let gz = try Data(
            contentsOf: URL(fileURLWithPath: Fixtures.repository + "/examples/listener-consent-ledger/data/ledgers/listening.jsonl.gz"))
        let folder = try TemporaryFolder(["m.yaml": Self.manifest.replacingOccurrences(of: "LEDGER", with: "l.jsonl.gz")])
        defer { folder.remove() }
        try folder.write("l.jsonl.gz", gz.prefix(gz.count / 2))
        do {
            _ = try PlantedLedgers.check(folderWithManifest: folder)
            Issue.record("a truncated gzip passed")
        } catch {
            let message = error.errors.first?.message ?? ""
            #expect(message.contains("the gzip stream is truncated") || message.contains("ends before"), "\(message)")
        }
    }

    @Test func unknownFieldsWarnOncePerFile() throws {
        let rows = (0..<5).map {
            #"{"item_id":"a\#($0)","source_id":"s","content_sha256":"\#(String(repeating: "a", count: 64))","colour":"red","consent_stat":"given"}"#
        }
        let folder = try TemporaryFolder([
            "m.yaml": Self.manifest.replacingOccurrences(of: "LEDGER", with: "l.jsonl"), "l.jsonl": rows.joined(separator: "\n") + "\n",
        ])
        defer { folder.remove() }
        let result = try PlantedLedgers.check(folderWithManifest: folder)
        #expect(result.warnings.count == 2)
        #expect(result.warnings.contains { $0.message.contains("unknown field 'consent_stat' (did you mean 'consent_status'?)") })
        #expect(result.warnings.allSatisfy { $0.location.line == 1 })
    }
}

extension PlantedLedgers {
    static func check(folderWithManifest folder: TemporaryFolder) throws(CheckFailure) -> LedgerCheck.Result {
        let inputs = ArtifactLoader.load([folder.path + "/m.yaml"])
        guard inputs.errors.isEmpty else { throw CheckFailure(errors: inputs.errors.map(CheckError.init), warnings: []) }
        let packs = (try? PolicyLoader.select(["ledger"])) ?? []
        return try LedgerCheck.run(inputs.bundles, packs: packs, asOf: asOf, includeAll: false)
    }
}

@Suite("Ledgers: registrable domains")
struct PublicSuffixListTests {
    /// The Public Suffix List's own test cases (tests/test_psl.txt of the list's repository, CC0).
    @Test func theListsOwnTestCases() throws {
        let text = try String(contentsOfFile: Fixtures.path("public-suffix/test_psl.txt"), encoding: .utf8)
        var checked = 0
        for line in text.split(separator: "\n") where line.hasPrefix("checkPublicSuffix(") {
            let arguments = line.dropFirst("checkPublicSuffix(".count).dropLast(2).components(separatedBy: ", ")
            guard arguments.count == 2, arguments[0] != "null" else { continue }
            let host = String(arguments[0].dropFirst().dropLast())
            let expected = arguments[1] == "null" ? nil : String(arguments[1].dropFirst().dropLast())
            #expect(PublicSuffixList.registrableDomain(host) == expected, "\(host)")
            checked += 1
        }
        #expect(checked > 70)
    }

    @Test func domainsFromURLs() {
        func domain(_ url: String) -> String? {
            var url = url
            return url.withUTF8 { PublicSuffixList.domain(ofURL: $0) }
        }
        #expect(domain("https://www.BBC.co.uk/news?x=1") == "bbc.co.uk")
        #expect(domain("http://user:pw@shop.example.com:8080/a") == "example.com")
        #expect(domain("https://foo.github.io/x") == "foo.github.io")
        #expect(domain("https://192.168.0.1/x") == "192.168.0.1")
        #expect(domain("https://[::1]:443/") == "[::1]")
        #expect(domain("https://co.uk/") == "co.uk")
        #expect(domain("ftp://example.com/") == nil)
        #expect(domain("https:///path") == nil)
    }
}

@Suite("Ledgers: record rules")
struct RecordRuleTests {
    static func pack(_ rules: String) throws -> PolicyPack {
        let text = """
            apiVersion: traingate/v1
            kind: PolicyPack
            metadata: {name: mine, title: Mine, version: 1.0.0, jurisdiction: EU, sources_as_of: 2026-07-27}
            rules:
            \(rules)
            """
        return try PackParser.parse(DocumentLoader.parseYAML(text.bytes, file: "mine.yaml"), file: "mine.yaml")
    }

    static let rule = """
          - id: MINE-LICENCE
            title: Every crawled item declares a licence
            severity: medium
            scope: record
            citations: [{instrument: I, ref: R}]
            require: {path: license, nonempty: true}
            TOLERANCE
            breakdown: [domain]
            message: "source {{id}} has items without a licence"
            remediation: Declare the licence.
        """

    /// The `MINE-LICENCE` finding on the planted crawl, which declares no licence on any of its 50 rows.
    static func finding(tolerance: String) throws -> Finding? {
        let folder = try PlantedLedgers.folder(users: "jsonl", crawl: "csv")
        defer { folder.remove() }
        let inputs = ArtifactLoader.load([folder.path + "/manifest.yaml"])
        let result = try LedgerCheck.run(
            inputs.bundles, packs: [try pack(rule.replacingOccurrences(of: "TOLERANCE", with: tolerance))], asOf: PlantedLedgers.asOf,
            includeAll: true)
        return result.findings.first { $0.subject.hasSuffix("source:crawl") }
    }

    @Test func userRulesWithTolerances() throws {
        let strict = try Self.finding(tolerance: "")
        #expect(strict?.status == .fail)
        #expect(strict?.records?.failing == 50)
        #expect(strict?.records?.breakdown.first?.counts.map(\.count) == [10, 10, 10, 10, 10])
        #expect(try Self.finding(tolerance: "tolerance: {max_count: 50}")?.status == .pass)
        #expect(try Self.finding(tolerance: "tolerance: {max_count: 49}")?.status == .fail)
        #expect(try Self.finding(tolerance: "tolerance: {max_share: 0.5}")?.status == .fail)
        let passing = try Self.finding(tolerance: "tolerance: {max_share: 0.99}")
        #expect(passing?.status == .fail, "50 of 50 rows is a share of 1")
    }

    @Test(
        "a record rule that cannot run on rows is a pack error",
        arguments: [
            ("{path: licence, nonempty: true}", "'licence' is not a ledger row field (did you mean 'license'?)"),
            ("{path: consent_status, equals: withdrawm}", "'withdrawm' is not one of given"),
            ("{path: size_bytes, before: today}", "before applies to dates"),
            ("{path: optout_signals, contains: tdmrp}", "'tdmrp' is not an opt-out signal"),
            ("{each: optout_signals, require: {path: x, exists: true}}", "quantifiers"),
            ("{path: consent_status_at, days_after: {date: today, max: 3}}", "days_after is not available"),
        ])
    func invalidRecordRules(_ condition: String, _ message: String) throws {
        do {
            _ = try Self.pack(
                Self.rule.replacingOccurrences(of: "{path: license, nonempty: true}", with: condition).replacingOccurrences(
                    of: "TOLERANCE", with: ""))
            Issue.record("accepted \(condition)")
        } catch {
            #expect("\(error)".contains(message), "\(error)")
        }
    }

    @Test func builtinChecksOnlyInRecordRules() throws {
        do {
            _ = try Self.pack(
                Self.rule.replacingOccurrences(of: "scope: record", with: "scope: source").replacingOccurrences(of: "TOLERANCE", with: ""))
            Issue.record("a source rule with breakdown was accepted")
        } catch {
            #expect("\(error)".contains("'breakdown' must be a record rule"), "\(error)")
        }
    }

    /// The flat programs rows are judged with mean what the conditions say, on rows of every shape.
    @Test func programsAgreeWithConditions() throws {
        let packs = try PolicyLoader.select(["ledger"])
        let conditions = packs[0].rules.filter { $0.builtin == nil }.flatMap { [$0.when, $0.require].compactMap { $0 } }
        let folded = try conditions.map { condition in
            try RecordConditionCompiler.compile(condition, fold: { _ in .pass })
        }
        let program = RecordProgram(folded)
        var generator = SystemRandomNumberGenerator()
        let statuses = LedgerVocabulary.consentStatus + ["(absent)"]
        let days = ["2020-01-01", "2026-12-04", "2026-12-05", "2099-01-01", "(absent)"]
        for _ in 0..<2_000 {
            var row = LedgerRow()
            func maybe(_ field: LedgerField, _ values: [String]) throws {
                let value = values.randomElement(using: &generator)!
                if value != "(absent)" { try LedgerValues.store(text: value, as: field, in: &row) }
            }
            try maybe(.legalBasis, ["consent", "contract", "(absent)"])
            try maybe(.consentStatus, statuses)
            try maybe(.consentStatusAt, days)
            try maybe(.erasureRequestedAt, days)
            try maybe(.objectionAt, days)
            try maybe(.robotsTxt, LedgerVocabulary.robotsTxt + ["(absent)"])
            try maybe(.tdmReservation, ["true", "false", "(absent)"])
            try maybe(.contentUsage, ["train-ai=n", "train-ai=y", "bots=n", "(absent)"])
            try maybe(.optoutSignals, ["", "c2pa", "registry;iptc", "(absent)"])
            try maybe(.licenseAgreementID, ["L-1", " ", "(absent)"])
            try LedgerRow.derive(&row)
            let asOfDay = Int64(PlantedLedgers.asOf.dayNumber)
            for (index, condition) in folded.enumerated() {
                #expect(program.evaluate(program.roots[index], row, asOfDay: asOfDay) == condition.evaluate(row, asOfDay: asOfDay))
            }
        }
    }
}

@Suite("Ledgers: digests")
struct DigestTests {
    static func digest(_ text: String) -> Digest? {
        var text = text
        return text.withUTF8 { Digest(hex: $0) }
    }

    @Test func hexadecimalOfEitherCase() throws {
        let text = "0123456789abcdefABCDEF0123456789fedcba9876543210FEDCBA9876543210"
        let digest = try #require(Self.digest(text))
        #expect(digest.hex == text.lowercased())
        #expect(
            (digest.a, digest.b, digest.c, digest.d) == (
                0x0123_4567_89ab_cdef, 0xabcd_ef01_2345_6789, 0xfedc_ba98_7654_3210, 0xfedc_ba98_7654_3210
            ))
    }

    @Test("not a digest", arguments: ["g", ":", "/", "@", "G", "`", " ", "\u{e9}"])
    func rejectsEveryOtherCharacter(_ character: String) {
        for position in [0, 7, 8, 31, 63] {
            var text = Array(repeating: "a", count: 64)
            text[position] = character
            #expect(Self.digest(text.joined()) == nil || character.utf8.count > 1, "\(character) at \(position)")
        }
        #expect(Self.digest(String(repeating: "a", count: 63)) == nil)
    }
}

@Suite("Ledgers: explain")
struct RecordRuleExplanationTests {
    @Test func builtinChecksTolerancesAndBreakdownsAreExplained() throws {
        let pack = try #require(try PolicyLoader.select(["ledger"]).first)
        let suppressed = try #require(pack.rules.first { $0.id == "REC-SUPPRESSED" })
        let text = RuleExplanation.render(suppressed, pack: pack)
        #expect(text.contains("applies to every row of a source's ledger"))
        #expect(text.contains("requires (built-in check suppressed) that no row's key is on a suppression list"))
        let optout = try #require(pack.rules.first { $0.id == "REC-OPTOUT" })
        #expect(RuleExplanation.render(optout, pack: pack).contains("counts failing rows by optouts, domain"))
    }
}
