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
}
