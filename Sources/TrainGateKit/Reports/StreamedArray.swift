#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Writes a pretty-printed, key-sorted JSON document whose one long array (the findings, the
/// SARIF results) is encoded element by element straight into a sink, so the document is never
/// held whole in memory. The bytes are those `JSONEncoder` writes for the whole document.
///
/// The document is encoded with the placeholder in the array's place; the text is split at
/// `"key" : "placeholder"` on a line of its own — quotes and newlines inside encoded strings are
/// escaped, so no value read from an input can forge that line — and each element is encoded
/// alone and indented to its depth.
enum StreamedArray {
    static let placeholder = "\u{1}traingate-streamed-array"

    /// The encoder every JSON report uses: pretty-printed, sorted keys, `/` unescaped.
    static func encode(_ value: some Encodable) -> String {
        // Every value is a string, number, bool or array of them: encoding cannot fail.
        let data = (try? makeEncoder().encode(value)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    private static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Writes `document` (encoded with `placeholder` as the value of `key`, which sits `depth`
    /// levels deep) with `elements` in the placeholder's place. `fast` may write an element
    /// itself (as `JSONEncoder` would, its later lines indented by the bytes it is given) and
    /// return true; otherwise the element is encoded. Elements are written in 64 KiB pieces.
    static func write<Elements: Collection, Sink: ReportSink>(
        _ document: String, key: String, depth: Int, elements: Elements, to sink: inout Sink,
        fast: (Elements.Element, inout JSONText, [UInt8]) -> Bool = { _, _, _ in false }
    ) where Elements.Element: Encodable {
        let (head, tail, inner) = split(document, key: key, depth: depth)
        sink.write(head)
        let encoder = makeEncoder()
        var text = JSONText()
        for (index, element) in elements.enumerated() {
            append(element, first: index == 0, inner: inner, encoder: encoder, fast: fast, to: &text)
            if text.bytes.count >= 1 << 16 {
                sink.write(utf8: text.bytes)
                text.bytes.removeAll(keepingCapacity: true)
            }
        }
        if !text.bytes.isEmpty { sink.write(utf8: text.bytes) }
        sink.write(close(empty: elements.isEmpty, depth: depth) + tail)
    }

    /// `write` for an array, its elements written in pieces on every core (and put in order).
    static func write<Element: Encodable & Sendable, Sink: ReportSink>(
        _ document: String, key: String, depth: Int, elements: [Element], to sink: inout Sink,
        fast: @escaping @Sendable (Element, inout JSONText, [UInt8]) -> Bool
    ) {
        let (head, tail, inner) = split(document, key: key, depth: depth)
        sink.write(head)
        Parallel.inPieces(elements) { piece in
            // This piece's own copy: a buffer every thread appends from has its reference count
            // contended between cores on every element.
            let inner = inner.map { $0 }
            let encoder = makeEncoder()
            var text = JSONText(capacity: piece.count * 2048)
            for index in piece.indices {
                append(piece[index], first: index == 0, inner: inner, encoder: encoder, fast: fast, to: &text)
            }
            return text.bytes
        } emit: {
            sink.write(utf8: $0)
        }
        sink.write(close(empty: elements.isEmpty, depth: depth) + tail)
    }

    /// The document up to the array's `[`, the document after the array, and the indent of its elements.
    private static func split(_ document: String, key: String, depth: Int) -> (head: String, tail: String, inner: [UInt8]) {
        let indent = String(repeating: "  ", count: depth)
        let head = "\n" + indent + encode(key) + " : "
        guard let range = document.firstRange(of: head + encode(placeholder)) else {
            preconditionFailure("the placeholder for '\(key)' is not in the document")
        }
        return (String(document[..<range.lowerBound]) + head + "[", String(document[range.upperBound...]), Array((indent + "  ").utf8))
    }

    /// The array's end; JSONEncoder writes an empty array as "[", a blank line, "]".
    private static func close(empty: Bool, depth: Int) -> String {
        (empty ? "\n\n" : "\n") + String(repeating: "  ", count: depth) + "]"
    }

    private static func append<Element: Encodable>(
        _ element: Element, first: Bool, inner: [UInt8], encoder: JSONEncoder, fast: (Element, inout JSONText, [UInt8]) -> Bool,
        to text: inout JSONText
    ) {
        if !first { text.bytes.append(UInt8(ascii: ",")) }
        text.bytes.append(UInt8(ascii: "\n"))
        text.bytes += inner
        guard !fast(element, &text, inner) else { return }
        // Encoded alone, then every line but blank ones indented to the array's depth.
        let data = (try? encoder.encode(element)) ?? Data("{}".utf8)
        data.withUnsafeBytes { encoded in
            var lineStart = false  // the first line's indent is written above
            for byte in encoded {
                if lineStart && byte != UInt8(ascii: "\n") { text.bytes += inner }
                text.bytes.append(byte)
                lineStart = byte == UInt8(ascii: "\n")
            }
        }
    }
}
