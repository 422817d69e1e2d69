/// JSON text exactly as the reports' `JSONEncoder` writes it — pretty-printed with two-space
/// indents and `"key" : value`, keys sorted by their bytes, `/` unescaped, the control
/// characters `\b \t \n \f \r` escaped short and the others as `\u00xx` — written straight into
/// bytes for the hot elements of a report (a finding), without going through `Codable`.
/// A test holds it to `JSONEncoder` on findings of every shape and on every character.
struct JSONText {
    /// The text so far.
    var bytes: [UInt8] = []
    /// The indent of the element's first line (its later lines are indented relative to it).
    private var base: [UInt8] = []
    private var depth = 0
    /// Whether the object or array just opened has no member yet.
    private var first = true

    init(capacity: Int = 1 << 16) { bytes.reserveCapacity(capacity) }

    /// Starts an element of an array, whose lines are indented by `indent`.
    mutating func beginElement(indent: [UInt8]) {
        base = indent
        depth = 0
    }

    mutating func openObject() {
        bytes.append(UInt8(ascii: "{"))
        depth += 1
        first = true
    }

    mutating func closeObject() {
        depth -= 1
        newline()
        bytes.append(UInt8(ascii: "}"))
        first = false
    }

    /// Opens an array; an empty one is written as `JSONEncoder` does, `[`, a blank line, `]`.
    mutating func openArray() {
        bytes.append(UInt8(ascii: "["))
        depth += 1
        first = true
    }

    mutating func closeArray() {
        depth -= 1
        if first {
            bytes.append(UInt8(ascii: "\n"))
            bytes.append(UInt8(ascii: "\n"))
            indent()
        } else {
            newline()
        }
        bytes.append(UInt8(ascii: "]"))
        first = false
    }

    /// The start of the next member of an object: `,` if needed, a new line, `"key" : `.
    mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: [UInt8(ascii: "\""), 0x20, UInt8(ascii: ":"), 0x20])
    }

    /// The start of the next item of an array.
    mutating func item() { separate() }

    mutating func string(_ text: String) { Self.appendString(text, to: &bytes) }

    mutating func int(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }

    mutating func member(_ name: StaticString, _ text: String) {
        key(name)
        string(text)
    }

    mutating func member(_ name: StaticString, _ text: String?) {
        guard let text else { return }
        member(name, text)
    }

    private mutating func separate() {
        if !first { bytes.append(UInt8(ascii: ",")) }
        first = false
        newline()
    }

    private mutating func newline() {
        bytes.append(UInt8(ascii: "\n"))
        indent()
    }

    private mutating func indent() {
        bytes.append(contentsOf: base)
        for _ in 0..<depth { bytes.append(contentsOf: [0x20, 0x20]) }
    }

    /// Appends `text` as a JSON string, quoted and escaped as `JSONEncoder` escapes it.
    static func appendString(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var start = 0
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                if start < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index])) }
                start = index + 1
                bytes.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                default:
                    bytes.append(contentsOf: [UInt8(ascii: "u"), 0x30, 0x30])
                    bytes.appendHex(byte)
                }
            }
            if start < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...])) }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}

extension Finding {
    /// Appends the finding as the JSON report writes it (an element of `findings`, its lines after
    /// the first indented by `indent`); false, with nothing written, for a finding with a waiver
    /// or ledger counts, which go through `JSONEncoder`.
    func appendJSON(to text: inout JSONText, indent: [UInt8]) -> Bool {
        guard waiver == nil, records == nil else { return false }
        text.beginElement(indent: indent)
        text.openObject()
        text.key("citations")
        text.openArray()
        for citation in citations {
            text.item()
            text.openObject()
            text.member("instrument", citation.instrument)
            text.member("ref", citation.ref)
            text.member("url", citation.url)
            text.closeObject()
        }
        text.closeArray()
        text.member("expected", expected)
        text.member("found", found)
        text.key("location")
        text.openObject()
        text.key("column")
        text.int(location.column)
        text.member("file", location.file)
        text.key("line")
        text.int(location.line)
        text.closeObject()
        text.member("message", message)
        text.member("pack", pack)
        text.member("path", path)
        text.member("reason", reason?.rawValue)
        text.member("remediation", remediation)
        text.member("rule_id", ruleID)
        text.member("severity", severity.rawValue)
        text.member("status", status.rawValue)
        text.member("subject", subject)
        text.member("title", title)
        text.closeObject()
        return true
    }
}
