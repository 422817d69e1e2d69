/// A SHA-256 digest as four words: hashable and compared without allocating.
struct Digest: Hashable, Sendable {
    var a: UInt64 = 0, b: UInt64 = 0, c: UInt64 = 0, d: UInt64 = 0

    /// The duplicate index's key: all 256 bits folded into 128 (each half through a bijective
    /// mixer), so digests that differ anywhere differ in the key except by a 2⁻¹²⁸ chance. A
    /// ledger crafted to collide can only make rows count as copies (fail), never hide one.
    var prefix: DigestPrefix { DigestPrefix(a: Digest.mix(a &+ Digest.mix(c)), b: Digest.mix(b &+ Digest.mix(d))) }

    /// MurmurHash3's 64-bit finaliser, a bijection.
    private static func mix(_ value: UInt64) -> UInt64 {
        var x = value
        x ^= x >> 33
        x = x &* 0xFF51_AFD7_ED55_8CCD
        x ^= x >> 33
        x = x &* 0xC4CE_B9FE_1A85_EC53
        x ^= x >> 33
        return x
    }

    /// Lowercase hexadecimal.
    var hex: String {
        [a, b, c, d].map { word in
            let digits = String(word, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }.joined()
    }

    /// Parses 64 hexadecimal digits (either case); nil otherwise.
    init?(hex bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count == 64, let a = Digest.word(bytes, 0), let b = Digest.word(bytes, 16), let c = Digest.word(bytes, 32),
            let d = Digest.word(bytes, 48)
        else { return nil }
        (self.a, self.b, self.c, self.d) = (a, b, c, d)
    }

    /// Sixteen hexadecimal digits from `start`, eight at a time: each byte is checked to be a
    /// digit or a letter a–f (either case), then turned into its nibble arithmetically.
    private static func word(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> UInt64? {
        let raw = UnsafeRawPointer(bytes.baseAddress! + start)
        guard let high = nibbles(raw.loadUnaligned(as: UInt64.self)),
            let low = nibbles(raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        else { return nil }
        return high << 32 | low
    }

    /// The 32-bit value of eight hexadecimal digits (little-endian bytes: the first digit is the
    /// lowest byte), or nil when one is not a digit or a letter a–f of either case.
    @inline(__always)
    private static func nibbles(_ word: UInt64) -> UInt64? {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        guard word & high == 0 else { return nil }
        // The high bit of each byte whose value is in low...high (bytes below 0x80).
        func inRange(_ value: UInt64, _ low: UInt64, _ top: UInt64) -> UInt64 {
            let atLeast = value &+ ones &* (0x80 - low)
            let above = value &+ ones &* (0x80 - top - 1)
            return atLeast & ~above & high
        }
        let digits = inRange(word, 0x30, 0x39)
        let letters = inRange(word | 0x2020_2020_2020_2020, 0x61, 0x66)
        guard digits | letters == high else { return nil }
        // Each byte's value: the low nibble, plus 9 for a letter; then the eight packed in order.
        let values = ((word & 0x0F0F_0F0F_0F0F_0F0F) &+ (letters >> 7) &* 9).byteSwapped
        var packed = (values | values >> 4) & 0x00FF_00FF_00FF_00FF
        packed = (packed | packed >> 8) & 0x0000_FFFF_0000_FFFF
        return (packed | packed >> 16) & 0xFFFF_FFFF
    }

    init() {}
}

/// A digest folded to 128 bits (`Digest.prefix`).
struct DigestPrefix: Hashable, Sendable, Comparable {
    var a: UInt64
    var b: UInt64

    static func < (x: DigestPrefix, y: DigestPrefix) -> Bool { x.a != y.a ? x.a < y.a : x.b < y.b }

    /// 32 lowercase hexadecimal digits.
    var hex: String {
        [a, b].map { word in
            let digits = String(word, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }.joined()
    }

    /// Parses `hex`'s form.
    init?(hex: String) {
        guard hex.utf8.count == 32, let a = UInt64(hex.prefix(16), radix: 16), let b = UInt64(hex.suffix(16), radix: 16) else { return nil }
        self.a = a
        self.b = b
    }

    init(a: UInt64, b: UInt64) {
        self.a = a
        self.b = b
    }
}

/// One row, parsed into typed values. A worker reuses one row for every line it reads, so reading
/// allocates nothing per row once its buffers have grown.
struct LedgerRow {
    static let fieldCount = LedgerField.allCases.count

    /// Bit `field.rawValue` is set when the field is declared (present and not null).
    var present: UInt32 = 0
    /// Fixed-size per-field slots, in one allocation a row owns for its lifetime (no copy-on-write
    /// checks when a value is stored; a copied row shares them, which only worked examples do).
    final class Slots: @unchecked Sendable {
        /// Per field: a count, a boolean (0/1), a vocabulary index, a date's day number, or a set
        /// of signals (bit `Signal.rawValue`).
        let numbers = UnsafeMutablePointer<Int64>.allocate(capacity: LedgerRow.fieldCount)
        /// Per text field: its value's bytes in `text` (or in `line`).
        let starts = UnsafeMutablePointer<Int>.allocate(capacity: LedgerRow.fieldCount)
        let ends = UnsafeMutablePointer<Int>.allocate(capacity: LedgerRow.fieldCount)

        init() {
            numbers.initialize(repeating: 0, count: LedgerRow.fieldCount)
            starts.initialize(repeating: 0, count: LedgerRow.fieldCount)
            ends.initialize(repeating: 0, count: LedgerRow.fieldCount)
        }

        deinit {
            numbers.deallocate()
            starts.deallocate()
            ends.deallocate()
        }
    }

    let slots = Slots()
    var numbers: UnsafeMutablePointer<Int64> { slots.numbers }
    var starts: UnsafeMutablePointer<Int> { slots.starts }
    var ends: UnsafeMutablePointer<Int> { slots.ends }
    /// The decoded text of every text field of the row.
    var text: [UInt8] = []
    /// `content_sha256`.
    var digest = Digest()
    /// The line being read: text fields whose bit is set in `inLine` are spans of it, not of
    /// `text` (most values need no unescaping, so they are not copied).
    var line: UnsafePointer<UInt8>?
    var inLine: UInt32 = 0

    init() { text.reserveCapacity(1024) }

    /// A row with its own slots holding the same values (the scanner's rows share none).
    func copy() -> LedgerRow {
        var row = LedgerRow()
        row.present = present
        row.text = text
        row.digest = digest
        row.line = line
        row.inLine = inLine
        row.numbers.update(from: numbers, count: LedgerRow.fieldCount)
        row.starts.update(from: starts, count: LedgerRow.fieldCount)
        row.ends.update(from: ends, count: LedgerRow.fieldCount)
        return row
    }

    mutating func reset() {
        present = 0
        inLine = 0
        text.removeAll(keepingCapacity: true)
    }

    @inline(__always)
    func has(_ field: LedgerField) -> Bool { present & (1 << UInt32(field.rawValue)) != 0 }

    @inline(__always)
    mutating func mark(_ field: LedgerField) { present |= 1 << UInt32(field.rawValue) }

    @inline(__always)
    subscript(number field: LedgerField) -> Int64 { numbers[field.rawValue] }

    /// A text field's bytes (empty when absent).
    @inline(__always)
    func withBytes<R>(_ field: LedgerField, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let start = starts[field.rawValue]
        let end = ends[field.rawValue]
        if inLine & (1 << UInt32(field.rawValue)) != 0, let line {
            return body(UnsafeBufferPointer(start: line + start, count: end - start))
        }
        return text.withUnsafeBufferPointer { buffer in body(UnsafeBufferPointer(rebasing: buffer[start..<end])) }
    }

    /// Stores a text field as the bytes `range` of `line` (valid until the next row is read).
    @inline(__always)
    mutating func setTextInLine(_ field: LedgerField, _ range: Range<Int>) {
        starts[field.rawValue] = range.lowerBound
        ends[field.rawValue] = range.upperBound
        inLine |= 1 << UInt32(field.rawValue)
        present |= 1 << UInt32(field.rawValue)
    }

    /// A text field's value as a String (for samples, breakdowns and rule messages).
    func string(_ field: LedgerField) -> String? {
        guard has(field) else { return nil }
        return withBytes(field) { String(decoding: $0, as: UTF8.self) }
    }

    /// Stores a text field's value (already decoded) from `bytes`.
    mutating func setText(_ field: LedgerField, _ bytes: UnsafeBufferPointer<UInt8>) {
        inLine &= ~(1 << UInt32(field.rawValue))
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
