/// Why a row cannot be read: the byte column in its line (1-based) when known, and what is wrong.
struct RowProblem: Error {
    var column: Int?
    var message: String
}

/// Reading typed values from a value's bytes, shared by the JSONL and CSV readers.
enum LedgerValues {
    /// Stores `bytes` (text as written, already unescaped) into `row` as `field`'s kind. CSV cells
    /// arrive here for every field; JSON strings only for the text-like kinds.
    static func store(_ bytes: UnsafeBufferPointer<UInt8>, as field: LedgerField, in row: inout LedgerRow, column: Int) throws(RowProblem) {
        switch field.tag {
        case .text:
            row.setText(field, bytes)
        case .sha256:
            var digits = bytes
            if digits.count == 71, startsWith(digits, "sha256:") { digits = UnsafeBufferPointer(rebasing: digits[7...]) }
            guard let digest = Digest(hex: digits) else { throw wrong(field, bytes, column) }
            row.digest = digest
            row.mark(field)
        case .count:
            guard let value = count(bytes) else { throw wrong(field, bytes, column) }
            row.setNumber(field, value)
        case .boolean:
            if equals(bytes, "true") || equals(bytes, "1") {
                row.setNumber(field, 1)
            } else if equals(bytes, "false") || equals(bytes, "0") {
                row.setNumber(field, 0)
            } else {
                throw wrong(field, bytes, column)
            }
        case .date:
            guard let day = day(bytes) else { throw wrong(field, bytes, column) }
            row.setNumber(field, day)
        case .vocabulary:
            guard let index = LedgerField.vocabularyBytes[field.rawValue].firstIndex(where: { memcmpEqual(bytes, $0) }) else {
                guard case .vocabulary(let words) = field.kind else { throw wrong(field, bytes, column) }
                let found = String(decoding: bytes, as: UTF8.self)
                let hint = Suggestions.closest(to: found, in: words).map { " (did you mean '\($0)'?)" } ?? ""
                throw RowProblem(
                    column: column, message: "\(field.name): '\(found.visibleASCII)' is not \(field.expectation)\(hint)")
            }
            row.setNumber(field, Int64(index))
        case .signals:
            // CSV: `;`-separated names; blanks around a name are ignored.
            var bits: Int64 = 0
            var start = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: ";") {
                let name = trimmed(UnsafeBufferPointer(rebasing: bytes[start..<index]))
                start = index + 1
                if name.isEmpty { continue }
                bits |= try signal(name, field: field, column: column)
            }
            row.setNumber(field, bits)
        }
    }

    /// `store` for a value held as a String (a worked example's).
    static func store(text: String, as field: LedgerField, in row: inout LedgerRow) throws(RowProblem) {
        var text = text
        var problem: RowProblem?
        text.withUTF8 { bytes in
            do throws(RowProblem) {
                try store(bytes, as: field, in: &row, column: 1)
            } catch {
                problem = error
            }
        }
        if let problem { throw problem }
    }

    /// One signal name's bit.
    static func signal(_ name: UnsafeBufferPointer<UInt8>, field: LedgerField, column: Int) throws(RowProblem) -> Int64 {
        guard let index = signalBytes.firstIndex(where: { memcmpEqual(name, $0) }) else {
            let found = String(decoding: name, as: UTF8.self)
            let hint = Suggestions.closest(to: found, in: LedgerVocabulary.signals).map { " (did you mean '\($0)'?)" } ?? ""
            throw RowProblem(
                column: column,
                message:
                    "\(field.name): '\(found.visibleASCII)' is not an opt-out signal (\(LedgerVocabulary.signals.joined(separator: ", ")))\(hint)"
            )
        }
        return 1 << Int64(index)
    }

    private static let signalBytes = LedgerVocabulary.signals.map { Array($0.utf8) }

    static func wrong(_ field: LedgerField, _ bytes: UnsafeBufferPointer<UInt8>, _ column: Int) -> RowProblem {
        let found = String(decoding: bytes.prefix(80), as: UTF8.self)
        return RowProblem(column: column, message: "\(field.name): '\(found.visibleASCII)' is not \(field.expectation)")
    }

    /// A whole number ≥ 0 written in decimal digits (at most 18, so it cannot overflow).
    static func count(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
        var value: Int64 = 0
        for byte in bytes {
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            value = value * 10 + Int64(byte - 0x30)
        }
        return value
    }

    /// An RFC 3339 date (`2026-03-14`) or date-time (`2026-03-14T10:22:00Z`, with `t` or a space
    /// for `T`, optional fractions, `Z` or an offset, or no zone) as the day number of its date.
    static func day(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        func digits(_ at: Int, _ count: Int) -> Int? {
            guard at + count <= bytes.count else { return nil }
            var value = 0
            for index in at..<at + count {
                let byte = bytes[index]
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        func byte(_ at: Int) -> UInt8? { at < bytes.count ? bytes[at] : nil }
        guard bytes.count >= 10, let year = digits(0, 4), byte(4) == UInt8(ascii: "-"), let month = digits(5, 2),
            byte(7) == UInt8(ascii: "-"), let dayOfMonth = digits(8, 2), year >= 1, (1...12).contains(month), dayOfMonth >= 1,
            dayOfMonth <= ISODate.daysIn(month: month, year: year)
        else { return nil }
        if bytes.count > 10 {
            guard let separator = byte(10), separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") || separator == 0x20,
                let hour = digits(11, 2), hour < 24, byte(13) == UInt8(ascii: ":"), let minute = digits(14, 2), minute < 60
            else { return nil }
            var index = 16
            if byte(index) == UInt8(ascii: ":") {
                guard let second = digits(17, 2), second <= 60 else { return nil }
                index = 19
                if byte(index) == UInt8(ascii: ".") {
                    index += 1
                    let start = index
                    while let next = byte(index), next >= 0x30 && next <= 0x39 { index += 1 }
                    guard index > start else { return nil }
                }
            }
            if let zone = byte(index) {
                if zone == UInt8(ascii: "Z") || zone == UInt8(ascii: "z") {
                    index += 1
                } else if zone == UInt8(ascii: "+") || zone == UInt8(ascii: "-") {
                    guard let offsetHours = digits(index + 1, 2), offsetHours < 24, byte(index + 3) == UInt8(ascii: ":"),
                        let offsetMinutes = digits(index + 4, 2), offsetMinutes < 60
                    else { return nil }
                    index += 6
                }
            }
            guard index == bytes.count else { return nil }
        }
        return Int64(civilDay(year: year, month: month, day: dayOfMonth))
    }

    /// Days from 1970-01-01 (Howard Hinnant's days_from_civil), as `ISODate.dayNumber`.
    static func civilDay(year: Int, month: Int, day: Int) -> Int {
        let y = year - (month <= 2 ? 1 : 0)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146097 + dayOfEra - 719468
    }

    /// The IETF AI-preferences value disallows training: a member `train-ai`, or one of the older
    /// labels `train-genai` and `bots`, with the token `n` (a bare key means `y`; parameters after
    /// `;` are ignored; anything unparsable means no preference, as the vocabulary says).
    static func aiPreferenceDisallowsTraining(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: ",") {
            var member = trimmed(UnsafeBufferPointer(rebasing: bytes[start..<index]))
            start = index + 1
            if let semicolon = member.firstIndex(of: UInt8(ascii: ";")) {
                member = trimmed(UnsafeBufferPointer(rebasing: member[..<semicolon]))
            }
            guard let equalsSign = member.firstIndex(of: UInt8(ascii: "=")) else { continue }
            let key = trimmed(UnsafeBufferPointer(rebasing: member[..<equalsSign]))
            let value = trimmed(UnsafeBufferPointer(rebasing: member[(equalsSign + 1)...]))
            guard equals(value, "n") else { continue }
            if equals(key, "train-ai") || equals(key, "train-genai") || equals(key, "bots") { return true }
        }
        return false
    }

    static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        guard bytes.count == word.utf8CodeUnitCount else { return false }
        let other = word.utf8Start
        for index in 0..<bytes.count where bytes[index] != other[index] { return false }
        return true
    }

    static func startsWith(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        guard bytes.count >= word.utf8CodeUnitCount else { return false }
        return equals(UnsafeBufferPointer(rebasing: bytes[..<word.utf8CodeUnitCount]), word)
    }

    /// Whether `count` bytes at `a` and `b` are equal: eight at a time, inline (the keys and
    /// values compared per row are short, where a call to `memcmp` costs more than the compare).
    @inline(__always)
    static func bytesEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        let x = UnsafeRawPointer(a)
        let y = UnsafeRawPointer(b)
        var index = 0
        while index + 8 <= count {
            if x.loadUnaligned(fromByteOffset: index, as: UInt64.self) != y.loadUnaligned(fromByteOffset: index, as: UInt64.self) {
                return false
            }
            index += 8
        }
        while index < count {
            if a[index] != b[index] { return false }
            index += 1
        }
        return true
    }

    static func memcmpEqual(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        a.count == b.count && (a.isEmpty || bytesEqual(a.baseAddress!, b.baseAddress!, a.count))
    }

    static func memcmpEqual(_ a: UnsafeBufferPointer<UInt8>, _ b: [UInt8]) -> Bool {
        b.withUnsafeBufferPointer { memcmpEqual(a, $0) }
    }

    /// Without blanks (space, tab) at either end.
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }
}
