import Foundation

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
        let indent = String(repeating: "  ", count: depth)
        let head = "\n" + indent + encode(key) + " : "
        guard let range = document.range(of: head + encode(placeholder)) else {
            preconditionFailure("the placeholder for '\(key)' is not in the document")
        }
        sink.write(String(document[..<range.lowerBound]) + head + "[")
        let inner = Array((indent + "  ").utf8)
        let encoder = makeEncoder()
        var empty = true
        var text = JSONText()
        for element in elements {
            text.bytes += empty ? [UInt8(ascii: "\n")] : [UInt8(ascii: ","), UInt8(ascii: "\n")]
            empty = false
            text.bytes += inner
            if !fast(element, &text, inner) {
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
            if text.bytes.count >= 1 << 16 {
                sink.write(utf8: text.bytes)
                text.bytes.removeAll(keepingCapacity: true)
            }
        }
        if !text.bytes.isEmpty { sink.write(utf8: text.bytes) }
        // JSONEncoder writes an empty array as "[", a blank line, "]".
        sink.write((empty ? "\n\n" : "\n") + indent + "]")
        sink.write(String(document[range.upperBound...]))
    }
}
