import Foundation
import Testing

@testable import TrainGateKit

/// `report model-card`: the Hugging Face card made from each example, read back through
/// TrainGate's own Hugging Face adapter, gives the facts it was made from.
@Suite("Hugging Face model card: written and read back")
struct HuggingFaceCardWriterTests {
    static let examples = ReporterGoldenTests.scenarios + ReporterGoldenTests.otherExamples

    /// Markdown's backslash escapes of ASCII punctuation removed (CommonMark: `\_` is `_`).
    static func unescaped(_ text: String) -> String {
        var out = ""
        var escaping = false
        for character in text {
            if escaping || character != "\\" {
                out.append(character)
                escaping = false
            } else {
                escaping = true
            }
        }
        return out
    }

    @Test("the card read back through the adapter gives the same facts", arguments: examples)
    func roundTrip(_ scenario: String) throws {
        let report = try ExampleReports.report(scenario)
        let bundle = try #require(report.bundles.first { $0.card != nil })
        let original = try #require(bundle.card).root
        let text = try #require(HuggingFaceCardWriter.render(report))
        let folder = try TemporaryFolder(["README.md": text])
        defer { folder.remove() }
        guard case .adapted(let adapted) = try Adapters.load(file: folder.path + "/README.md", format: .huggingface) else {
            Issue.record("the card was not read as a Hugging Face card")
            return
        }
        let back = try #require(adapted.card)
        // White space is no fact: a folded scalar's final line break, or a line break the card
        // writes as a space so a value cannot start a heading or a list.
        func fact(_ root: Node, _ path: String) -> String? {
            SummaryInputs.node(root, path).flatMap(SummaryInputs.text)?.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        var compared = 0
        for path in [
            "model.name", "model.description", "model.architecture", "model.limitations", "model.intended_tasks", "provider.legal_name",
            "provider.contact", "model.license.url",
        ] {
            let expected = fact(original, path)
            #expect(fact(back, path).map(Self.unescaped) == expected, "\(scenario): \(path)")
            if expected != nil { compared += 1 }
        }
        #expect(compared >= 4, "\(scenario): too few facts to compare")
        #expect(
            fact(back, "model.license.spdx")?.lowercased() == fact(original, "model.license.spdx")?.lowercased(), "\(scenario): licence")
        let bases = (original["dependencies"]?.sequence ?? []).compactMap { fact($0, "name") }.filter(HuggingFaceCardWriter.isHubID)
        #expect((back["dependencies"]?.sequence ?? []).compactMap { fact($0, "name") } == bases, "\(scenario): base models")
        let training = try #require(fact(back, "transparency.instructions_for_use.training_data_info")).map { $0 }
        for dataset in bundle.datasets {
            #expect(String(training).contains(dataset.id), "\(scenario): \(dataset.id)")
            for source in dataset.sources { #expect(String(training).contains(source.id), "\(scenario): \(source.id)") }
        }
        #expect(adapted.manifests.isEmpty)
    }

    @Test func theMetadataIsWhatTheHubReads() throws {
        let text = try #require(HuggingFaceCardWriter.render(try ExampleReports.report("licensed-music-model")))
        #expect(
            text.hasPrefix(
                "---\nmodel_name: \"aria-music-gen\"\nlicense: other\nlicense_name: \"Aria-Commercial\"\nlicense_link: \"https://example.org/aria/licence\"\n---\n"
            ))
        let front = try DocumentLoader.parseYAML(Array(text.split(separator: "---\n")[0].utf8), file: "meta")
        #expect(front["license"]?.scalar?.text == "other")
        #expect(
            HuggingFaceCardWriter.isHubID("meta-llama/Llama-3.1-8B") && !HuggingFaceCardWriter.isHubID("Llama 3")
                && !HuggingFaceCardWriter.isHubID("a/b/c"))
    }

    @Test func anSPDXLicenceWithoutAHubKeyAndValuesThatLookLikeMarkdownReadBack() throws {
        var report = try ExampleReports.report("licensed-music-model")
        let index = try #require(report.bundles.firstIndex { $0.card != nil })
        var card = try #require(report.bundles[index].card)
        let yaml = """
            model:
              name: m
              description: "# Not a heading\\n- not a list\\n1. not an item"
              limitations: "2) neither this"
              license: {spdx: GPL-3.0-or-later}
            """
        card.root = try DocumentLoader.parseYAML(Array(yaml.utf8), file: "card.yaml")
        report.bundles[index].card = card
        let text = try #require(HuggingFaceCardWriter.render(report))
        #expect(text.contains("license: other\nlicense_name: \"GPL-3.0-or-later\"\n"))
        #expect(text.contains("\\# Not a heading - not a list 1. not an item") && text.contains("2\\) neither this"), "\(text)")
        let folder = try TemporaryFolder(["README.md": text])
        defer { folder.remove() }
        guard case .adapted(let adapted) = try Adapters.load(file: folder.path + "/README.md", format: .huggingface),
            let back = adapted.card
        else {
            Issue.record("not read as a Hugging Face card")
            return
        }
        #expect(back["model"]?["license"]?["spdx"]?.scalar?.text == "GPL-3.0-or-later")
        let description = try #require(back["model"]?["description"]?.scalar?.text)
        #expect(Self.unescaped(description) == "# Not a heading - not a list 1. not an item")
        #expect(back["model"]?["limitations"]?.scalar.map { Self.unescaped($0.text) } == "2) neither this")
    }

    @Test func aKnownLicenceIsTheHubKeyAndHostileTextStaysOnItsLine() throws {
        var report = try ExampleReports.report("licensed-music-model")
        let index = try #require(report.bundles.firstIndex { $0.card != nil })
        var card = try #require(report.bundles[index].card)
        let yaml =
            "model:\n  name: m\n  description: \"a\\n## Injected\\n<script>x</script> [l](javascript:y)\"\n  license: {spdx: Apache-2.0}\n"
        card.root = try DocumentLoader.parseYAML(Array(yaml.utf8), file: "card.yaml")
        report.bundles[index].card = card
        let text = try #require(HuggingFaceCardWriter.render(report))
        #expect(text.contains("\nlicense: apache-2.0\n"))
        #expect(!text.contains("\n## Injected") && !text.contains("<script>") && !text.contains("[l]("))
        // The review page shows the same text as text; the JSON carries it as it was declared.
        let made = try #require(HuggingFaceCard(report: report))
        let html = HuggingFaceCardHTMLRenderer.render(made)
        #expect(!html.contains("<script") && html.contains("&lt;script&gt;x&lt;/script&gt; [l](javascript:y)"))
        #expect(!html.contains("href="), "values are not links")
        let json = HuggingFaceCardJSONRenderer.render(made)
        #expect(json.contains("\"text\": \"a\\n## Injected\\n<script>x</script> [l](javascript:y)\""), "\(json)")
    }
}
