import Foundation
import Testing

/// `traingate ledger stats` and the ledger parts of `check` and `report summary`, end to end.
@Suite("traingate ledger")
struct LedgerCommandTests {
    static let scenario = Scenario.examples + "/listener-consent-ledger"

    @Test func statsOfAManifestsLedgers() throws {
        let result = try CLI.run(["ledger", "stats", "--manifest", "data/listening-consent.yaml"], in: Self.scenario)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("dataset:listening-consent/source:app-events"))
        #expect(result.stdout.contains("  rows:            4,095\n"))
        #expect(result.stdout.contains("  crawl period:    2026-05-04 to 2026-08-28\n"))
        #expect(result.stdout.contains("    bandpages.example  474,034 bytes, 102 rows\n"))
        #expect(result.stdout.contains("total (2 ledgers)"))
    }

    @Test func statsAsJSON() throws {
        let result = try CLI.run(["ledger", "stats", "data/ledgers/artist-bios.csv", "--format", "json", "--sme"], in: Self.scenario)
        #expect(result.status == 0, "\(result.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(document["schema"] as? String == "traingate.ledger-stats/v1")
        let total = try #require(document["total"] as? [String: Any])
        #expect(total["rows"] as? Int == 614)
        #expect(total["domains"] as? Int == 20)
        #expect((total["top_domains"] as? [[String: Any]])?.count == 2)
        #expect((total["top_domains_sme"] as? [[String: Any]])?.first?["domain"] as? String == "bandpages.example")
    }

    @Test func statsOfABrokenLedgerExitsTwoWithItsLocation() throws {
        try CLI.withFolder(["l.jsonl": "{\"item_id\":\"a\"}\n"]) { folder in
            let result = try CLI.run(["ledger", "stats", "l.jsonl"], in: folder)
            #expect(result.status == 2)
            #expect(result.stderr.contains("l.jsonl:1:1: error: required field source_id is missing"), "\(result.stderr)")
        }
        let usage = try CLI.run(["ledger", "stats"])
        #expect(usage.status == 64)
    }

    @Test func summaryTakesPeriodDomainsAndSizeFromTheLedger() throws {
        let result = try CLI.run(["report", "summary", "model-card.yaml", "--as-of", "2026-11-22"], in: Self.scenario)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("| Period of data collection | `artist-bios`: 2026-05-04 to 2026-08-28 (from the ledger) |"))
        #expect(
            result.stdout.contains(
                "`artist-bios`: bandpages.example, nordicmusicwiki.example (the top 10 % of 20 domains by size, 30.7 % of the bytes crawled; from the ledger)"
            ))
        #expect(result.stdout.contains("690,688 tokens counted in the ledgers of 1 source"))
    }

    @Test func checkReportsLedgerFindingsInJSON() throws {
        let result = try CLI.run(["check", ".", "--as-of", "2026-11-22", "--format", "json"], in: Self.scenario)
        #expect(result.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let findings = try #require(document["findings"] as? [[String: Any]])
        let consent = try #require(findings.first { $0["rule_id"] as? String == "REC-CONSENT" })
        let records = try #require(consent["records"] as? [String: Any])
        #expect(records["failing"] as? Int == 160)
        #expect(records["total"] as? Int == 4095)
        #expect((records["samples"] as? [[String: Any]])?.first?["item_id"] as? String == "evt-001816", "the first in sample order")
        #expect((document["ledgers"] as? [[String: Any]])?.count == 2)
    }

    @Test func scanAndMergeGiveCheckFindings() throws {
        try CLI.withFolder([:]) { folder in
            let manifest = Self.scenario + "/data/listening-consent.yaml"
            let asOf = ["--as-of", "2026-11-22"]
            let single = try CLI.run(["check", manifest, "--pack", "ledger", "--format", "json"] + asOf, in: folder)
            // One partial per source, each of its whole ledger file.
            let app = try CLI.run(
                [
                    "ledger", "scan", "--partial", "--manifest", manifest, "--source", "app-events", "--output", "app.json",
                    Self.scenario + "/data/ledgers/listening.jsonl.gz",
                ] + asOf, in: folder)
            #expect(app.status == 0, "\(app.stderr)")
            let bios = try CLI.run(
                [
                    "ledger", "scan", "--partial", "--manifest", manifest, "--source", "artist-bios", "--output", "bios.json",
                    Self.scenario + "/data/ledgers/artist-bios.csv",
                ] + asOf, in: folder)
            #expect(bios.status == 0, "\(bios.stderr)")
            // The two share digest buckets, so copies across the sources could be split: an error.
            let split = try CLI.run(["ledger", "merge", "app.json", "bios.json", "--manifest", manifest], in: folder)
            #expect(split.status == 2)
            #expect(split.stderr.contains("partition the rows by the first four hexadecimal digits of content_sha256"))
            // Without --partial, scan refuses.
            let plain = try CLI.run(["ledger", "scan", "--manifest", manifest], in: folder)
            #expect(plain.status == 64)
            // Rows of both sources in one partial merge into check's findings, exit code included.
            let merged = try CLI.run(["ledger", "merge", "app.json", "--manifest", manifest, "--format", "json"], in: folder)
            #expect(merged.status == 2, "the artist-bios ledger has no rows in app.json")
            #expect(merged.stderr.contains("no partial holds rows of source artist-bios"))
            #expect(single.status == 1)
        }
    }

    @Test func inputsListTheManifestAndItsListsNotTheLedgers() throws {
        let result = try CLI.run(["ledger", "inputs", "--manifest", "data/listening-consent.yaml"], in: Self.scenario)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n") == ["data/listening-consent.yaml", "data/lists/erasure.csv"])
        let missing = try CLI.run(["ledger", "inputs", "--manifest", "nope.yaml"], in: Self.scenario)
        #expect(missing.status == 2)
    }
}
