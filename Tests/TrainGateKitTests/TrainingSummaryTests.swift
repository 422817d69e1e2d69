import Foundation
import Testing

@testable import TrainGateKit

/// The training-content summary's model and renderers, on small cards written for each test.
@Suite("Training-content summary")
struct TrainingSummaryTests {
    static let asOf = ISODate(year: 2026, month: 11, day: 22)!

    /// Writes a card and one manifest with `source` (YAML lines indented for a list item) to a new folder.
    static func summary(card: String, source: String) throws -> TrainingSummary {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("summary-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try """
        apiVersion: traingate/v1
        kind: ModelCard
        \(card)
        training_data:
          datasets: [{manifest: data.yaml}]

        """.write(to: folder.appendingPathComponent("card.yaml"), atomically: true, encoding: .utf8)
        try """
        apiVersion: traingate/v1
        kind: DatasetManifest
        dataset: {id: d}
        sources:
        \(source)

        """.write(to: folder.appendingPathComponent("data.yaml"), atomically: true, encoding: .utf8)
        let report = try Checker.run(Checker.Request(paths: [folder.appendingPathComponent("card.yaml").path], asOf: asOf))
        return try #require(TrainingSummary(report: report))
    }

    @Test(
        "size bins follow the template's boundaries",
        arguments: [
            (999_999_999.0, "text", "Less than 1 billion tokens"), (1e9, "text", "1 billion – 10 trillion tokens"),
            (1e13, "text", "1 billion – 10 trillion tokens"), (1.1e13, "text", "More than 10 trillion tokens"),
            (999_999, "image", "Less than 1 million images"), (1e9, "image", "1 million – 1 billion images"),
            (2e9, "image", "More than 1 billion images"), (9_999, "audio", "Less than 10,000 hours"),
            (44_000, "video", "10,000 – 1 million hours"), (1_000_001, "audio", "More than 1 million hours"),
        ])
    func bins(_ total: Double, _ modality: String, _ bin: String) {
        #expect(SizeBin.bin(total, modality: modality) == bin)
    }

    @Test func otherModalitiesAndUnitsAreNeverBinned() {
        #expect(SizeBin.bin(5, modality: "other") == nil)
        #expect(SizeBin.unit(for: "other") == nil)
        #expect(SizeBin.format(1_234_567) == "1,234,567")
        #expect(SizeBin.format(2.5, declared: "2.5") == "2.5")
    }

    @Test func sizesAreSummedPerModalityAndOtherUnitsStatedAsDeclared() throws {
        let summary = try Self.summary(
            card: "model: {name: m}",
            source: """
                  - {id: a, source_type: first_party, description: x, modalities: [text], size: {value: 6e8, unit: tokens}}
                  - {id: b, source_type: first_party, description: y, modalities: [text], size: {value: 5e8, unit: tokens}}
                  - {id: c, source_type: first_party, description: z, modalities: [text], size: {value: 12, unit: bytes}}
                """)
        let size = try #require(summary.sections.first { $0.number == "1.3" }?.items.first { $0.key == "size_text" })
        #expect(
            size.facts.map(\.text) == [
                "1 billion – 10 trillion tokens (1,100,000,000 tokens declared by 2 sources)", "12 bytes (as declared)",
            ])
        #expect(size.missing.isEmpty)
    }

    @Test func anUndeclaredItemIsAGapNamingItsFieldAndPlace() throws {
        let summary = try Self.summary(
            card: "model: {name: m}\nprovider: {legal_name: P, established_in_eu: false}",
            source: "  - {id: s, source_type: web_crawl, modalities: [text]}")
        let fields = summary.gaps.map(\.missing.field)
        for field in [
            "provider.contact", "provider.authorised_representative", "sources[].crawl.crawler_names",
            "sources[].crawl.top_domains", "sources[].size", "model.eu_market_date",
        ] {
            #expect(fields.contains(field), "\(fields)")
        }
        let representative = try #require(summary.gaps.first { $0.missing.field == "provider.authorised_representative" })
        #expect(representative.section == "1.1")
        #expect(representative.missing.location.line == 4, "the provider mapping, where the field belongs")
        #expect(SummaryMarkdownRenderer.render(summary).contains("| Authorised representative | Not declared |"))
    }

    @Test func hostileStringsCannotInjectMarkupOrLinks() throws {
        let summary = try Self.summary(
            card: """
                model: {name: "<script>alert(1)</script>", version: "1 | *x* [y](javascript:alert(1))"}
                provider: {legal_name: "<img src=x onerror=alert(1)>", contact: "a\\n# heading", established_in_eu: true}
                transparency: {training_summary: {public_url: "javascript:alert(1)", version: "</td></tr>", last_update: 2026-01-01}}
                """,
            source: "  - {id: x-b, source_type: first_party, description: \"](http://evil) <iframe>\", modalities: [text]}")
        let html = SummaryHTMLRenderer.render(summary)
        #expect(!html.contains("<script>alert") && !html.contains("<img") && !html.contains("<iframe"))
        #expect(!html.contains("href=\"javascript:"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        let markdown = SummaryMarkdownRenderer.render(summary)
        // Markdown escapes rather than drops: every `<`, `[` and `]` from the inputs is backslash-escaped.
        for pattern in [#"(?<!\\)<(script|img|iframe)"#, #"(?<!\\)\]\(javascript"#, #"\n# heading"#] {
            #expect(markdown.range(of: pattern, options: .regularExpression) == nil, "\(pattern)")
        }
        #expect(markdown.contains("`x-b`: "), "an id is a code span, where markup is literal")
        #expect(markdown.contains("1 \\| \\*x\\* \\[y\\](javascript:alert(1))"))
        let json = SummaryJSONRenderer.render(summary)
        #expect(try JSONSerialization.jsonObject(with: Data(json.utf8)) is [String: Any])
    }
}
