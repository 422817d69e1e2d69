/// A SHA-256 digest as four words: hashable and compared without allocating.
struct Digest: Hashable, Sendable {
    var a: UInt64 = 0, b: UInt64 = 0, c: UInt64 = 0, d: UInt64 = 0

    /// The first 128 bits: the duplicate index's key (a false match is a 2⁻¹²⁸ event).
    var prefix: DigestPrefix { DigestPrefix(a: a, b: b) }

    /// Lowercase hexadecimal.
    var hex: String {
        [a, b, c, d].map { word in
            let digits = String(word, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }.joined()
    }

    /// Parses 64 hexadecimal digits (either case); nil otherwise.
    init?(hex bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count == 64 else { return nil }
        var words: [UInt64] = [0, 0, 0, 0]
        for index in 0..<64 {
            let byte = bytes[index]
            let value: UInt8
            switch byte {
            case 0x30...0x39: value = byte - 0x30
            case 0x61...0x66: value = byte - 0x61 + 10
            case 0x41...0x46: value = byte - 0x41 + 10
            default: return nil
            }
            words[index / 16] = words[index / 16] << 4 | UInt64(value)
        }
        (a, b, c, d) = (words[0], words[1], words[2], words[3])
    }

    init() {}
}

/// The first half of a digest.
struct DigestPrefix: Hashable, Sendable {
    var a: UInt64
    var b: UInt64
}

/// One row, parsed into typed values. A worker reuses one row for every line it reads, so reading
/// allocates nothing per row once its buffers have grown.
struct LedgerRow {
    static let fieldCount = LedgerField.allCases.count

    /// Bit `field.rawValue` is set when the field is declared (present and not null).
    var present: UInt32 = 0
    /// Per field: a count, a boolean (0/1), a vocabulary index, a date's day number, or a set of
    /// signals (bit `Signal.rawValue`).
    var numbers = [Int64](repeating: 0, count: fieldCount)
    /// Per text field: its value's bytes in `text`.
    var starts = [Int](repeating: 0, count: fieldCount)
    var ends = [Int](repeating: 0, count: fieldCount)
    /// The decoded text of every text field of the row.
    var text: [UInt8] = []
    /// `content_sha256`.
    var digest = Digest()
    /// Whether `domain` was derived from `url`.
    var derivedDomain = false

    init() { text.reserveCapacity(1024) }

    mutating func reset() {
        present = 0
        text.removeAll(keepingCapacity: true)
        derivedDomain = false
    }

    func has(_ field: LedgerField) -> Bool { present & (1 << UInt32(field.rawValue)) != 0 }

    mutating func mark(_ field: LedgerField) { present |= 1 << UInt32(field.rawValue) }

    subscript(number field: LedgerField) -> Int64 { numbers[field.rawValue] }

    /// A text field's bytes (empty when absent).
    func withBytes<R>(_ field: LedgerField, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        text.withUnsafeBufferPointer { buffer in
            body(UnsafeBufferPointer(rebasing: buffer[starts[field.rawValue]..<ends[field.rawValue]]))
        }
    }

    /// A text field's value as a String (for samples, breakdowns and rule messages).
    func string(_ field: LedgerField) -> String? {
        guard has(field) else { return nil }
        return withBytes(field) { String(decoding: $0, as: UTF8.self) }
    }

    /// Whether the row carries signal `signal` in `field` (a signals field).
    func hasSignal(_ signal: LedgerVocabulary.Signal, in field: LedgerField) -> Bool {
        numbers[field.rawValue] & (1 << Int64(signal.rawValue)) != 0
    }

    /// Stores a text field's value (already decoded) from `bytes`.
    mutating func setText(_ field: LedgerField, _ bytes: UnsafeBufferPointer<UInt8>) {
        starts[field.rawValue] = text.count
        text.append(contentsOf: bytes)
        ends[field.rawValue] = text.count
        mark(field)
    }

    /// Stores a number-like value.
    mutating func setNumber(_ field: LedgerField, _ value: Int64) {
        numbers[field.rawValue] = value
        mark(field)
    }
}
