import Foundation
import Testing

@testable import TrainGateKit

/// Strict JSON: what libyaml would accept but JSON forbids, and surrogate pairs.
@Suite("JSON preflight")
struct JSONPreflightTests {
    @Test(
        "JSON that libyaml would accept but JSON forbids is an error",
        arguments: [
            #"{"a": "a\x41b"}"#, #"{"a": "\e"}"#, #"{"a": "\U0001F917"}"#, "{\"a\": \"x\ty\"}", "{\"a\": \"x\ny\"}", #"{"a": "\u12"}"#,
        ])
    func strictJSONStrings(_ text: String) throws {
        #expect(throws: DocumentError.self) { try DocumentLoader.parseJSON(Array(text.utf8), file: "s.json") }
    }

    @Test func surrogatePairsAreOneCharacter() throws {
        let node = try DocumentLoader.parseJSON(
            Array(("{\"a\": \"x\\uD83E\\uDD17y\\\\u00e9\", \"b\":" + "\t" + "\"\\u00e9\"}").utf8), file: "s.json")
        #expect(node["a"]?.scalar?.text == "x\u{1F917}y\\u00e9")
        #expect(node["b"]?.scalar?.text == "é")
        // Locations after rewritten pairs are the file's columns.
        let text = #"{"a": "\uD83E\uDD17\uD83E\uDD17", "b": 1},"# + "\n" + #"  {"c": "x", "d": "\uD83E\uDD17", "e": 2}"#
        let pairs = try DocumentLoader.parseJSON(Array(("[" + text + "]").utf8), file: "p.json")
        let expected = ("[" + text).components(separatedBy: "\n")
        let b = try #require(pairs.sequence?.first?.entry("b")?.keyLocation)
        // A key's location is its opening quote.
        #expect(b.line == 1 && String(Array(expected[0])[(b.column - 1)...].prefix(3)) == "\"b\"", "\(b)")
        let e = try #require(pairs.sequence?.last?.entry("e")?.keyLocation)
        #expect(e.line == 2 && String(Array(expected[1])[(e.column - 1)...].prefix(3)) == "\"e\"", "\(e)")
        #expect(throws: DocumentError.self) { try DocumentLoader.parseJSON(Array(#"{"a": "\uD83E"}"#.utf8), file: "s.json") }
    }
}
