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

    @Test func piecesComeOutInOrderEvenWhenEveryWorkerIsBusy() {
        // Called from every worker of the pool at once, each call still gets its pieces, in
        // order: a piece no worker has started is rendered by the caller.
        let items = Array(0..<5_000)
        let expected = items.map { UInt8(truncatingIfNeeded: $0 &* 7) }
        let calls = 64
        let outputs = Parallel.map(Array(0..<calls)) { _ in
            var out: [UInt8] = []
            Parallel.inPieces(items, piece: 97) { slice in
                slice.map { UInt8(truncatingIfNeeded: $0 &* 7) }
            } emit: {
                out += $0
            }
            return out
        }
        #expect(outputs.count == calls)
        #expect(outputs.allSatisfy { $0 == expected })
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

/// Findings written straight to bytes are exactly what `JSONEncoder` writes for them.
@Suite("Findings as JSON text")
struct FindingJSONTextTests {
    /// Every ASCII character (the controls, quotes, backslash, slash, DEL) and characters beyond ASCII.
    static let everyCharacter = String(String.UnicodeScalarView((0..<0x80).map { Unicode.Scalar(UInt8($0)) })) + "é\u{2028}😀\u{FEFF}"

    static func finding(_ variant: Int) -> Finding {
        let text = variant % 2 == 0 ? everyCharacter : "plain"
        return Finding(
            ruleID: "R-\(variant)", title: "title \(text)", pack: "pack/\(variant)", severity: Severity.allCases[variant % 5],
            status: FindingStatus.allCases[variant % 5], reason: variant % 3 == 0 ? nil : .missing, subject: "dataset:d\(text)",
            location: SourceLocation(file: "dir/\(text).yaml", line: variant + 1, column: 7), path: variant % 4 == 0 ? "" : "a.b[0]",
            expected: variant % 3 == 1 ? nil : "equals \"x\"", found: variant % 5 == 0 ? nil : "\\\(text)",
            message: "message \(text)\n", remediation: "fix \t it",
            citations: variant % 4 == 3
                ? []
                : (0...(variant % 3)).map {
                    Citation(instrument: "I \($0) \(text)", ref: "Art. \($0)", url: $0 == 1 ? nil : "https://x/\($0)")
                })
    }

    @Test(arguments: 0..<12)
    func sameBytesAsTheEncoder(variant: Int) throws {
        let finding = Self.finding(variant)
        for indent in ["", "  ", "      "] {
            var text = JSONText()
            #expect(finding.appendJSON(to: &text, indent: Array(indent.utf8)))
            let encoded = StreamedArray.encode(finding)
            let indented = encoded.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line in
                index == 0 || line.isEmpty ? String(line) : indent + line
            }.joined(separator: "\n")
            #expect(String(decoding: text.bytes, as: UTF8.self) == indented)
        }
    }

    @Test func findingsWithWaiversOrCountsAreLeftToTheEncoder() {
        var finding = Self.finding(1)
        finding.waiver = Waiver(
            rule: "R", subject: "s", justification: "j", approvedBy: "a", expires: ISODate(year: 2027, month: 1, day: 1)!,
            location: SourceLocation(file: "w.yaml", line: 1, column: 1))
        var text = JSONText()
        #expect(!finding.appendJSON(to: &text, indent: []))
        #expect(text.bytes.isEmpty)
    }

    @Test func aReportOfManyFindingsIsTheEncodersDocument() {
        let findings = (0..<40).map(Self.finding)
        struct Document: Encodable {
            let findings: [Finding]
            let zulu: String
        }
        var sink = StringSink()
        let document = StreamedArray.encode(
            ["findings": StreamedArray.placeholder, "zulu": "z"])
        StreamedArray.write(document, key: "findings", depth: 1, elements: findings, to: &sink) { finding, text, indent in
            finding.appendJSON(to: &text, indent: indent)
        }
        #expect(sink.text == StreamedArray.encode(Document(findings: findings, zulu: "z")))
    }
}
