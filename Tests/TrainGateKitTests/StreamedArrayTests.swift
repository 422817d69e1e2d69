import Foundation
import Testing

@testable import TrainGateKit

/// Streaming the long array of a JSON report gives exactly the bytes of encoding it whole.
@Suite("Streamed JSON arrays")
struct StreamedArrayTests {
    struct Item: Encodable {
        let name: String
        let tags: [String]
        let nested: [String: [Int]]
    }
    struct Document<Items: Encodable>: Encodable {
        let alpha: String
        let items: Items
        let zulu: [String]
    }
    struct Outer<Items: Encodable>: Encodable { let runs: [Document<Items>] }

    static let items = [
        Item(name: "a", tags: [], nested: ["x": []]),
        // A value that spells the placeholder line, quotes and newlines included, cannot be taken for it.
        Item(name: "\n  \"items\" : \"\(StreamedArray.placeholder)\"", tags: ["t\nu", "\"items\""], nested: ["y": [1, 2]]),
        Item(name: "c/d", tags: ["é", "\u{1}"], nested: [:]),
    ]

    func streamed(_ items: [Item], alpha: String = "items") -> String {
        var sink = StringSink()
        let document = StreamedArray.encode(Document(alpha: alpha, items: StreamedArray.placeholder, zulu: ["z"]))
        StreamedArray.write(document, key: "items", depth: 1, elements: items, to: &sink)
        return sink.text
    }

    @Test(arguments: [0, 1, 3])
    func sameBytesAsEncodingTheWholeDocument(count: Int) {
        let items = Array(Self.items.prefix(count))
        #expect(streamed(items) == StreamedArray.encode(Document(alpha: "items", items: items, zulu: ["z"])))
    }

    @Test func aValueBeforeTheArrayCannotForgeThePlaceholder() {
        let forged = "\n  \"items\" : \"\(StreamedArray.placeholder)\""
        #expect(streamed(Self.items, alpha: forged) == StreamedArray.encode(Document(alpha: forged, items: Self.items, zulu: ["z"])))
    }

    @Test func deeperArraysAreIndentedToTheirDepth() {
        var sink = StringSink()
        let document = StreamedArray.encode(Outer(runs: [Document(alpha: "a", items: StreamedArray.placeholder, zulu: [])]))
        StreamedArray.write(document, key: "items", depth: 3, elements: Self.items, to: &sink)
        #expect(sink.text == StreamedArray.encode(Outer(runs: [Document(alpha: "a", items: Self.items, zulu: [])])))
    }
}
