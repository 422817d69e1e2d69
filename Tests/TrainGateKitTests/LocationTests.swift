import Testing

@testable import TrainGateKit

@Suite("Source locations")
struct LocationTests {
    func loc(_ file: String, _ line: Int, _ column: Int) -> Location {
        Location(file: file, line: line, column: column)
    }

    @Test func nestedYAML() throws {
        let file = Fixtures.path("good/manifest.yaml")
        let root = try DocumentLoader.loadYAML(file: file)
        #expect(root.location == loc(file, 2, 1))
        #expect(root.entry("dataset")?.keyLocation == loc(file, 4, 1))
        #expect(root["dataset"]?.location == loc(file, 5, 3))
        let owner = try #require(root["dataset"]?["owner"])
        #expect(owner.location == loc(file, 6, 10))
        #expect(owner["organisation"]?.location == loc(file, 6, 25))
        #expect(owner["organisation"]?.scalar?.style == .doubleQuoted)
        #expect(owner["contact"]?.location == loc(file, 6, 51))
        #expect(owner["contact"]?.scalar?.style == .singleQuoted)

        let sources = try #require(root["sources"]?.sequence)
        #expect(sources.count == 3)
        #expect(sources[0].location == loc(file, 8, 5))
        #expect(sources[0]["modalities"]?.sequence?[1].location == loc(file, 9, 25))
        #expect(sources[0]["rights"]?["rightsholder_consent"]?["model"]?.location == loc(file, 12, 16))
        #expect(sources[1]["description"]?.location == loc(file, 14, 18))
        #expect(sources[1]["description"]?.scalar == Scalar("Licensed lyrics,\none file per track.\n", style: .literal))
    }

    @Test func aliasesCopyTheAnchoredNodeAndPointAtTheAliasUse() throws {
        let file = Fixtures.path("good/manifest.yaml")
        let sources = try #require(try DocumentLoader.loadYAML(file: file)["sources"]?.sequence)
        let anchored = try #require(sources[1]["personal_data"])
        let aliased = try #require(sources[2]["personal_data"])
        #expect(aliased.location == loc(file, 20, 20))
        #expect(aliased.mapping == anchored.mapping)
        #expect(aliased["present"]?.location == loc(file, 18, 16))
    }

    @Test func nestedJSON() throws {
        let file = Fixtures.path("good/manifest.json")
        let root = try DocumentLoader.loadJSON(file: file)
        #expect(root.location == loc(file, 1, 1))
        #expect(root["kind"]?.location == loc(file, 3, 11))
        #expect(root["dataset"]?["owner"]?["organisation"]?.location == loc(file, 4, 66))
        let source = try #require(root["sources"]?.sequence?.first)
        #expect(source.location == loc(file, 6, 5))
        #expect(source["modalities"]?.sequence?[1].location == loc(file, 8, 31))
        #expect(source["size"]?["value"]?.value == .float(1.2e6))
        #expect(source["access"]?["tpm_circumvented"]?.value == .bool(false))
        #expect(source["access"]?["tos"]?.isNull == true)
        #expect(source.entry("access")?.keyLocation == loc(file, 10, 7))
    }

    @Test func frontMatterLinesPointIntoTheMarkdownFile() throws {
        let file = Fixtures.path("good/card.md")
        let card = try DocumentLoader.loadMarkdown(file: file)
        let meta = try #require(card.frontMatter)
        #expect(card.frontMatterLocation == loc(file, 1, 1))
        #expect(meta.entry("license")?.keyLocation == loc(file, 3, 1))
        #expect(meta["license"]?.location == loc(file, 3, 10))
        #expect(meta["language"]?.sequence?.map(\.location) == [loc(file, 5, 5), loc(file, 6, 5)])
        #expect(meta["language"]?.sequence?.first?.value == .string("no"))
        #expect(meta["annotations_creators"]?.sequence?.first?.location == loc(file, 8, 3))
        #expect(card.bodyStartLine == 10)
        #expect(card.bodyLines[1] == "# Dataset Card for Example")
        #expect(
            card.headings == [
                MarkdownHeading(level: 1, text: "Dataset Card for Example", line: 11),
                MarkdownHeading(level: 2, text: "Dataset Description [optional]", line: 13),
                MarkdownHeading(level: 2, text: "Personal and Sensitive Information", line: 19),
                MarkdownHeading(level: 3, text: "Licensing Information", line: 24),
            ])
    }

    @Test func markdownWithoutFrontMatterIsAllBody() throws {
        let card = try DocumentLoader.parseMarkdown("# Title\n\ntext\n".bytes, file: "r.md")
        #expect(card.frontMatter == nil)
        #expect(card.bodyStartLine == 1)
        #expect(card.headings == [MarkdownHeading(level: 1, text: "Title", line: 1)])
    }

    @Test func frontMatterClosedByDotsAndWithCRLF() throws {
        let card = try DocumentLoader.parseMarkdown("---\r\nlicense: mit\r\n...\r\n## Uses\r\n".bytes, file: "r.md")
        #expect(card.frontMatter?["license"]?.location == loc("r.md", 2, 10))
        #expect(card.headings == [MarkdownHeading(level: 2, text: "Uses", line: 4)])
    }

    @Test func crlfLineEndings() throws {
        let file = Fixtures.path("good/crlf.yaml")
        let root = try DocumentLoader.loadYAML(file: file)
        #expect(root["b"]?["c"]?.sequence?[1].location == loc(file, 3, 10))
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let root = try DocumentLoader.parseYAML("name: \"Tromsø\"\nmore: [é, x]\n".bytes, file: "u.yaml")
        #expect(root["more"]?.sequence?[1].location == loc("u.yaml", 2, 11))
    }

    @Test func streamsHoldEveryDocument() throws {
        let documents = try DocumentLoader.parseYAMLStream("a: 1\n---\nb: 2\n---\nc: 3\n".bytes, file: "s.yaml")
        #expect(documents.map { $0.mapping?.first?.key } == ["a", "b", "c"])
        #expect(documents[2].location == loc("s.yaml", 5, 1))
    }
}
