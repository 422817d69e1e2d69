#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Reads the rows of one ledger file: a flat JSON object per line (JSONL), or a CSV line under
/// the file's header. A byte scanner, not a general JSON decoder: a row is one flat object, so
/// only strings, whole numbers, booleans, null and (for `optout_signals`) a list of strings are
/// values; anything else names the field and stops the check. Unknown fields are remembered for
/// one warning per file. One reader per worker thread; it allocates nothing per row.
struct RowReader {
    enum Format: String, Sendable { case jsonl, csv }

    /// The CSV header's columns: the field each column holds, or nil for an unknown column.
    struct CSVHeader: Sendable {
        var columns: [LedgerField?]
    }

    let format: Format
    let header: CSVHeader?
    /// Whether item_id, source_id and content_sha256 are required (rows; not suppression lists).
    var requireCore = true
    /// Rows streamed to `ledger scan` (from Spark): a string may stand for any value, read as a
    /// CSV cell is (Spark reads CSV cells as strings), and two keys of the stream are read:
    /// `@source` (the source whose ledger the row is, routed before reading) and `@file` (the
    /// input the row came from, for samples).
    let streamed: Bool
    /// The row's `@file`, when streamed rows carry one.
    private(set) var origin: [UInt8] = []
    private(set) var hasOrigin = false
    /// Unknown field names met, with the first line (block-relative) each was met on.
    var unknown: [String: Int] = [:]
    private var scratch: [UInt8] = []
    private var seen: UInt32 = 0
    /// The field of each key position in the previous row.
    private var predicted: [LedgerField?] = []
    private let names = FieldNames.shared
    /// Whether a string of the row has a byte outside ASCII (then the row's text is validated).
    private var sawNonASCII = false
    /// The streamed key just read (`@file` or `@source`), whose value comes next.
    private var predictedMeta: String?

    init(format: Format, header: CSVHeader?, streamed: Bool = false) {
        self.format = format
        self.header = header
        self.streamed = streamed
        scratch.reserveCapacity(256)
    }

    /// The row's `@file` as text, if it has one.
    var originText: String? { hasOrigin ? String(decoding: origin, as: UTF8.self) : nil }

    /// Reads `line` (without its line break) into `row`; `lineNumber` is only for unknown fields.
    mutating func read(_ line: UnsafeBufferPointer<UInt8>, into row: inout LedgerRow, lineNumber: Int) throws(RowProblem) {
        row.reset()
        row.line = line.baseAddress
        sawNonASCII = format == .csv
        hasOrigin = false
        switch format {
        case .jsonl: try readJSON(line, into: &row, lineNumber: lineNumber)
        case .csv: try readCSV(line, into: &row)
        }
        for field in LedgerField.required where requireCore && !row.has(field) {
            throw RowProblem(column: nil, message: "required field \(field.name) is missing")
        }
        if sawNonASCII, let column = firstInvalidUTF8(row) {
            throw RowProblem(column: column, message: "a value is not valid UTF-8")
        }
    }

    /// The column of a text value that is not valid UTF-8, or nil.
    private func firstInvalidUTF8(_ row: LedgerRow) -> Int? {
        for field in LedgerField.stored where field.tag == .text && row.has(field) {
            let invalid = row.withBytes(field) { bytes in
                bytes.contains(where: { $0 >= 0x80 }) && UTF8Validation.firstInvalidByte(in: bytes) != nil
            }
            if invalid { return row.inLine & (1 << UInt32(field.rawValue)) != 0 ? row.starts[field.rawValue] + 1 : 1 }
        }
        return nil
    }

    // MARK: JSONL

    private mutating func readJSON(_ line: UnsafeBufferPointer<UInt8>, into row: inout LedgerRow, lineNumber: Int) throws(RowProblem) {
        var index = skipBlanks(line, 0)
        guard index < line.count, line[index] == UInt8(ascii: "{") else {
            throw RowProblem(column: index + 1, message: "a row must be a JSON object ({…}) on one line")
        }
        index = skipBlanks(line, index + 1)
        seen = 0
        var keyIndex = 0
        if index < line.count, line[index] == UInt8(ascii: "}") {
            index += 1
        } else {
            while true {
                guard index < line.count, line[index] == UInt8(ascii: "\"") else {
                    throw RowProblem(column: index + 1, message: "expected a field name in double quotes")
                }
                let keyColumn = index + 1
                let field: LedgerField?
                var unknownName: String?
                if keyIndex < predicted.count, let guess = predicted[keyIndex], let end = names.matchesKey(line, at: index + 1, guess) {
                    // Rows of one file list their fields in one order: the field the previous row
                    // had at this position is compared in place before any name is looked up.
                    field = guess
                    index = end + 1
                } else {
                    let (keyEnd, keySpan) = try scanString(line, index)
                    index = keyEnd
                    let key = keySpan.map { UnsafeBufferPointer(rebasing: line[$0]) }
                    field = key.map(LedgerRow.storedField(named:)) ?? scratch.withUnsafeBufferPointer { LedgerRow.storedField(named: $0) }
                    if field == nil {
                        unknownName = key.map { String(decoding: $0, as: UTF8.self) } ?? String(decoding: scratch, as: UTF8.self)
                        if streamed && (unknownName == "@file" || unknownName == "@source") { predictedMeta = unknownName }
                    }
                    if keyIndex < predicted.count {
                        predicted[keyIndex] = field
                    } else {
                        predicted.append(field)
                    }
                }
                keyIndex += 1
                index = skipBlanks(line, index)
                guard index < line.count, line[index] == UInt8(ascii: ":") else {
                    throw RowProblem(column: index + 1, message: "expected ':' after a field name")
                }
                index = skipBlanks(line, index + 1)
                if let field {
                    let bit: UInt32 = 1 << UInt32(field.rawValue)
                    if seen & bit != 0 {
                        throw RowProblem(column: keyColumn, message: "field \(field.name) appears twice in the row")
                    }
                    seen |= bit
                    index = try readValue(line, index, field: field, into: &row)
                } else if let meta = predictedMeta.take() {
                    guard index < line.count, line[index] == UInt8(ascii: "\"") else {
                        throw RowProblem(column: index + 1, message: "\(meta) must be a string")
                    }
                    if meta == "@source" && keyIndex != 1 {
                        throw RowProblem(column: keyColumn, message: "@source must be the row's first key")
                    }
                    let (end, span) = try scanString(line, index)
                    if meta == "@file" {
                        origin.removeAll(keepingCapacity: true)
                        if let span {
                            origin.append(contentsOf: UnsafeBufferPointer(rebasing: line[span]))
                        } else {
                            origin.append(contentsOf: scratch)
                        }
                        // An empty name is no name: the row stays at its line.
                        hasOrigin = !origin.isEmpty
                    }
                    index = end
                } else {
                    if let name = unknownName, unknown[name] == nil { unknown[name] = lineNumber }
                    index = try skipValue(line, index, depth: 0)
                }
                index = skipBlanks(line, index)
                guard index < line.count else { throw RowProblem(column: index + 1, message: "the row ends before its closing '}'") }
                if line[index] == UInt8(ascii: ",") {
                    index = skipBlanks(line, index + 1)
                    continue
                }
                guard line[index] == UInt8(ascii: "}") else {
                    throw RowProblem(column: index + 1, message: "expected ',' or '}' after a value")
                }
                index += 1
                break
            }
        }
        index = skipBlanks(line, index)
        guard index == line.count else { throw RowProblem(column: index + 1, message: "unexpected text after the row's closing '}'") }
    }

    private mutating func readValue(_ line: UnsafeBufferPointer<UInt8>, _ start: Int, field: LedgerField, into row: inout LedgerRow)
        throws(RowProblem) -> Int
    {
        let column = start + 1
        guard start < line.count else { throw RowProblem(column: column, message: "\(field.name) has no value") }
        let first = line[start]
        if first == UInt8(ascii: "n") {
            guard matchesWord(line, start, "null") else { throw badValue(field, column) }
            return start + 4
        }
        if streamed && first == UInt8(ascii: "\"") && field.tag != .text {
            // A value as a string, read as a CSV cell; an empty one is not declared.
            let (end, span) = try scanString(line, start)
            if let span {
                if !span.isEmpty { try LedgerValues.store(UnsafeBufferPointer(rebasing: line[span]), as: field, in: &row, column: column) }
            } else if !scratch.isEmpty {
                try scratch.withUnsafeBufferPointer { value throws(RowProblem) in
                    try LedgerValues.store(value, as: field, in: &row, column: column)
                }
            }
            return end
        }
        switch field.tag {
        case .text, .sha256, .date, .vocabulary:
            guard first == UInt8(ascii: "\"") else { throw typeMismatch(field, first, column) }
            let (end, span) = try scanString(line, start)
            if let span {
                if field.tag == .text {
                    row.setTextInLine(field, span)
                } else {
                    try LedgerValues.store(UnsafeBufferPointer(rebasing: line[span]), as: field, in: &row, column: column)
                }
            } else {
                try scratch.withUnsafeBufferPointer { value throws(RowProblem) in
                    try LedgerValues.store(value, as: field, in: &row, column: column)
                }
            }
            return end
        case .count:
            var end = start
            while end < line.count, isNumberByte(line[end]) { end += 1 }
            guard end > start else { throw typeMismatch(field, first, column) }
            let digits = UnsafeBufferPointer(rebasing: line[start..<end])
            guard let value = LedgerValues.count(digits) else { throw LedgerValues.wrong(field, digits, column) }
            row.setNumber(field, value)
            return end
        case .boolean:
            if matchesWord(line, start, "true") {
                row.setNumber(field, 1)
                return start + 4
            }
            if matchesWord(line, start, "false") {
                row.setNumber(field, 0)
                return start + 5
            }
            // TDMRep writes 1 and 0.
            if first == UInt8(ascii: "1") || first == UInt8(ascii: "0"), start + 1 == line.count || !isNumberByte(line[start + 1]) {
                row.setNumber(field, first == UInt8(ascii: "1") ? 1 : 0)
                return start + 1
            }
            throw typeMismatch(field, first, column)
        case .signals:
            guard first == UInt8(ascii: "[") else { throw typeMismatch(field, first, column) }
            var bits: Int64 = 0
            var index = skipBlanks(line, start + 1)
            if index < line.count, line[index] == UInt8(ascii: "]") {
                row.setNumber(field, 0)
                return index + 1
            }
            while true {
                guard index < line.count, line[index] == UInt8(ascii: "\"") else {
                    throw RowProblem(column: index + 1, message: "\(field.name) must be a list of strings")
                }
                let itemColumn = index + 1
                let (end, span) = try scanString(line, index)
                index = end
                if let span {
                    bits |= try LedgerValues.signal(UnsafeBufferPointer(rebasing: line[span]), field: field, column: itemColumn)
                } else {
                    bits |= try scratch.withUnsafeBufferPointer { name throws(RowProblem) in
                        try LedgerValues.signal(name, field: field, column: itemColumn)
                    }
                }
                index = skipBlanks(line, index)
                guard index < line.count else { throw RowProblem(column: index + 1, message: "\(field.name): the list is not closed") }
                if line[index] == UInt8(ascii: ",") {
                    index = skipBlanks(line, index + 1)
                    continue
                }
                guard line[index] == UInt8(ascii: "]") else {
                    throw RowProblem(column: index + 1, message: "\(field.name): expected ',' or ']' in the list")
                }
                row.setNumber(field, bits)
                return index + 1
            }
        }
    }

    private func typeMismatch(_ field: LedgerField, _ first: UInt8, _ column: Int) -> RowProblem {
        let found: String
        switch first {
        case UInt8(ascii: "\""): found = "a string"
        case UInt8(ascii: "{"): found = "an object"
        case UInt8(ascii: "["): found = "a list"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): found = "a boolean"
        case UInt8(ascii: "-"), 0x30...0x39: found = "a number"
        default: found = "'\(String(decoding: [first], as: UTF8.self).visibleASCII)'"
        }
        return RowProblem(column: column, message: "\(field.name) must be \(field.expectation), not \(found)")
    }

    private func badValue(_ field: LedgerField, _ column: Int) -> RowProblem {
        RowProblem(column: column, message: "\(field.name) has a value that is not JSON")
    }

    /// Scans a JSON string starting at its opening quote; returns the index after the closing
    /// quote and, when it has no escapes, the range of its bytes in `line` (else it is decoded
    /// into `scratch`).
    private mutating func scanString(_ line: UnsafeBufferPointer<UInt8>, _ start: Int) throws(RowProblem) -> (Int, Range<Int>?) {
        var index = start + 1
        let count = line.count
        // Eight bytes at a time until one is a quote, a backslash, a control character or not ASCII.
        let raw = UnsafeRawPointer(line.baseAddress!)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        while index + 8 <= count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            let quote = word ^ (ones &* 0x22)
            let backslash = word ^ (ones &* 0x5C)
            let special =
                ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((word &- ones &* 0x20) & ~word) | word
            if special & highs != 0 { break }
            index += 8
        }
        while index < count {
            let byte = line[index]
            if byte == UInt8(ascii: "\"") { return (index + 1, start + 1..<index) }
            if byte == UInt8(ascii: "\\") {
                sawNonASCII = true
                return (try readString(line, start, into: &scratch), nil)
            }
            if byte < 0x20 { throw RowProblem(column: index + 1, message: "a control character inside a string must be escaped") }
            if byte >= 0x80 { sawNonASCII = true }
            index += 1
        }
        throw RowProblem(column: start + 1, message: "a string is not closed on its line")
    }

    /// Reads a JSON string starting at its opening quote into `out` (unescaped); returns the index
    /// after the closing quote.
    private func readString(_ line: UnsafeBufferPointer<UInt8>, _ start: Int, into out: inout [UInt8]) throws(RowProblem) -> Int {
        out.removeAll(keepingCapacity: true)
        var index = start + 1
        var runStart = index
        while index < line.count {
            let byte = line[index]
            if byte == UInt8(ascii: "\"") {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: line[runStart..<index]))
                return index + 1
            }
            if byte < 0x20 { throw RowProblem(column: index + 1, message: "a control character inside a string must be escaped") }
            if byte == UInt8(ascii: "\\") {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: line[runStart..<index]))
                index = try unescape(line, index, into: &out)
                runStart = index
                continue
            }
            index += 1
        }
        throw RowProblem(column: start + 1, message: "a string is not closed on its line")
    }

    private func unescape(_ line: UnsafeBufferPointer<UInt8>, _ backslash: Int, into out: inout [UInt8]) throws(RowProblem) -> Int {
        guard backslash + 1 < line.count else { throw RowProblem(column: backslash + 1, message: "a string ends inside an escape") }
        switch line[backslash + 1] {
        case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
        case UInt8(ascii: "/"): out.append(UInt8(ascii: "/"))
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
            guard var scalar = hex4(line, backslash + 2) else {
                throw RowProblem(column: backslash + 1, message: "\\u must be followed by four hexadecimal digits")
            }
            var end = backslash + 6
            if (0xD800...0xDBFF).contains(scalar) {
                guard end + 1 < line.count, line[end] == UInt8(ascii: "\\"), line[end + 1] == UInt8(ascii: "u"),
                    let low = hex4(line, end + 2), (0xDC00...0xDFFF).contains(low)
                else { throw RowProblem(column: backslash + 1, message: "an unpaired UTF-16 surrogate escape") }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                end += 6
            } else if (0xDC00...0xDFFF).contains(scalar) {
                throw RowProblem(column: backslash + 1, message: "an unpaired UTF-16 surrogate escape")
            }
            out.append(contentsOf: String(Character(Unicode.Scalar(scalar)!)).utf8)
            return end
        default:
            throw RowProblem(column: backslash + 1, message: "an invalid escape in a string")
        }
        return backslash + 2
    }

    private func hex4(_ line: UnsafeBufferPointer<UInt8>, _ start: Int) -> UInt32? {
        guard start + 4 <= line.count else { return nil }
        var value: UInt32 = 0
        for index in start..<start + 4 {
            let byte = line[index]
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x61...0x66: digit = byte - 0x61 + 10
            case 0x41...0x46: digit = byte - 0x41 + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// Skips any JSON value (an unknown field's), checking it is well-formed; nesting is bounded.
    private mutating func skipValue(_ line: UnsafeBufferPointer<UInt8>, _ start: Int, depth: Int) throws(RowProblem) -> Int {
        guard depth < 64 else { throw RowProblem(column: start + 1, message: "a value nests more than 64 levels deep") }
        guard start < line.count else { throw RowProblem(column: start + 1, message: "a field has no value") }
        let first = line[start]
        switch first {
        case UInt8(ascii: "\""):
            return try readString(line, start, into: &scratch)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let close = first == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
            var index = skipBlanks(line, start + 1)
            if index < line.count, line[index] == close { return index + 1 }
            while true {
                if first == UInt8(ascii: "{") {
                    guard index < line.count, line[index] == UInt8(ascii: "\"") else {
                        throw RowProblem(column: index + 1, message: "expected a key in double quotes")
                    }
                    index = skipBlanks(line, try readString(line, index, into: &scratch))
                    guard index < line.count, line[index] == UInt8(ascii: ":") else {
                        throw RowProblem(column: index + 1, message: "expected ':' after a key")
                    }
                    index = skipBlanks(line, index + 1)
                }
                index = skipBlanks(line, try skipValue(line, index, depth: depth + 1))
                guard index < line.count else { throw RowProblem(column: index + 1, message: "a value is not closed on its line") }
                if line[index] == UInt8(ascii: ",") {
                    index = skipBlanks(line, index + 1)
                    continue
                }
                guard line[index] == close else { throw RowProblem(column: index + 1, message: "expected ',' or a closing bracket") }
                return index + 1
            }
        case UInt8(ascii: "t"):
            guard matchesWord(line, start, "true") else { break }
            return start + 4
        case UInt8(ascii: "f"):
            guard matchesWord(line, start, "false") else { break }
            return start + 5
        case UInt8(ascii: "n"):
            guard matchesWord(line, start, "null") else { break }
            return start + 4
        case UInt8(ascii: "-"), 0x30...0x39:
            var end = start
            while end < line.count, isNumberByte(line[end]) || "+-.eE".utf8.contains(line[end]) { end += 1 }
            return end
        default: break
        }
        throw RowProblem(column: start + 1, message: "a value that is not JSON")
    }

    private func isNumberByte(_ byte: UInt8) -> Bool {
        byte >= 0x30 && byte <= 0x39 || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e")
            || byte == UInt8(ascii: "E") || byte == UInt8(ascii: "+")
    }

    private func matchesWord(_ line: UnsafeBufferPointer<UInt8>, _ start: Int, _ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard start + count <= line.count else { return false }
        return LedgerValues.equals(UnsafeBufferPointer(rebasing: line[start..<start + count]), word)
    }

    private func skipBlanks(_ line: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        var index = start
        while index < line.count, line[index] == 0x20 || line[index] == 0x09 { index += 1 }
        return index
    }

    // MARK: CSV

    /// Splits a CSV line into cells (RFC 4180: `"…"` quotes, `""` inside them); `body` gets each
    /// cell's unquoted bytes and 1-based column. A quoted cell cannot span lines.
    static func cells(
        _ line: UnsafeBufferPointer<UInt8>, scratch: inout [UInt8],
        _ body: (Int, UnsafeBufferPointer<UInt8>, Int) throws(RowProblem) -> Void
    ) throws(RowProblem) {
        var index = 0
        var cell = 0
        while true {
            let column = index + 1
            if index < line.count, line[index] == UInt8(ascii: "\"") {
                scratch.removeAll(keepingCapacity: true)
                index += 1
                var closed = false
                while index < line.count {
                    if line[index] == UInt8(ascii: "\"") {
                        if index + 1 < line.count, line[index + 1] == UInt8(ascii: "\"") {
                            scratch.append(UInt8(ascii: "\""))
                            index += 2
                            continue
                        }
                        closed = true
                        index += 1
                        break
                    }
                    scratch.append(line[index])
                    index += 1
                }
                guard closed else {
                    throw RowProblem(column: column, message: "a quoted cell is not closed on its line (a cell may not span lines)")
                }
                guard index == line.count || line[index] == UInt8(ascii: ",") else {
                    throw RowProblem(column: index + 1, message: "text after a quoted cell's closing quote")
                }
                try scratch.withUnsafeBufferPointer { value throws(RowProblem) in try body(cell, value, column) }
            } else {
                var end = index
                while end < line.count, line[end] != UInt8(ascii: ",") { end += 1 }
                let value = UnsafeBufferPointer(rebasing: line[index..<end])
                if value.contains(UInt8(ascii: "\"")) {
                    throw RowProblem(column: column, message: "a quote inside an unquoted cell; quote the whole cell and double the quote")
                }
                try body(cell, value, column)
                index = end
            }
            cell += 1
            guard index < line.count else { return }
            index += 1  // the comma
            if index == line.count {
                try body(cell, UnsafeBufferPointer(rebasing: line[index..<index]), index + 1)
                return
            }
        }
    }

    private mutating func readCSV(_ line: UnsafeBufferPointer<UInt8>, into row: inout LedgerRow) throws(RowProblem) {
        let columns = header!.columns
        var count = 0
        var cellScratch = scratch
        defer { scratch = cellScratch }
        try RowReader.cells(line, scratch: &cellScratch) { (cell: Int, value: UnsafeBufferPointer<UInt8>, column: Int) throws(RowProblem) in
            count = cell + 1
            guard cell < columns.count else {
                throw RowProblem(column: column, message: "the row has more cells than the header's \(columns.count) columns")
            }
            guard let field = columns[cell], !value.isEmpty else { return }
            try LedgerValues.store(value, as: field, in: &row, column: column)
        }
        guard count == columns.count else {
            throw RowProblem(column: line.count + 1, message: "the row has \(count) cells; the header has \(columns.count) columns")
        }
    }

    /// Reads a CSV header line: each column's field; errors for a duplicate or derived column or a
    /// missing required one; unknown columns are returned for one warning.
    static func header(_ line: UnsafeBufferPointer<UInt8>, requireCore: Bool = true) throws(RowProblem) -> (CSVHeader, unknown: [String]) {
        var columns: [LedgerField?] = []
        var unknown: [String] = []
        var scratch: [UInt8] = []
        var line = line
        // A UTF-8 byte order mark before the first name.
        if line.count >= 3, line[0] == 0xEF, line[1] == 0xBB, line[2] == 0xBF { line = UnsafeBufferPointer(rebasing: line[3...]) }
        try cells(line, scratch: &scratch) { (_: Int, value: UnsafeBufferPointer<UInt8>, column: Int) throws(RowProblem) in
            let name = String(decoding: LedgerValues.trimmed(value), as: UTF8.self)
            let field = LedgerField.named(name)
            if field == .optouts {
                throw RowProblem(column: column, message: "optouts is derived from the row's other fields and cannot be a column")
            }
            if let field, columns.contains(where: { $0 == field }) {
                throw RowProblem(column: column, message: "column \(name) appears twice in the header")
            }
            if field == nil { unknown.append(name) }
            columns.append(field)
        }
        for field in LedgerField.required where requireCore && !columns.contains(where: { $0 == field }) {
            throw RowProblem(column: nil, message: "the header has no \(field.name) column, which every row needs")
        }
        return (CSVHeader(columns: columns), unknown)
    }
}

extension RowReader.Format {
    /// The format a ledger's file name says: `.jsonl`, `.ndjson` or `.csv`, each optionally `.gz`.
    init?(fileName: String) {
        var name = fileName.lowercased()
        if name.hasSuffix(".gz") { name.removeLast(3) }
        if name.hasSuffix(".jsonl") || name.hasSuffix(".ndjson") {
            self = .jsonl
        } else if name.hasSuffix(".csv") {
            self = .csv
        } else {
            return nil
        }
    }
}

extension LedgerRow {
    /// The stored field whose name is `key`'s bytes, or nil: a small open-addressed table keyed by
    /// length and end bytes, checked byte by byte.
    static func storedField(named key: UnsafeBufferPointer<UInt8>) -> LedgerField? {
        guard key.count > 0 else { return nil }
        var slot = FieldTable.slot(key.count, key[0], key[key.count - 1])
        while true {
            let raw = FieldTable.slots[slot]
            if raw < 0 { return nil }
            let field = LedgerField(rawValue: Int(raw))!
            if FieldNames.shared.matches(key, field) { return field }
            slot = (slot + 1) & FieldTable.mask
        }
    }
}

private enum FieldTable {
    static let mask = 127

    static func slot(_ count: Int, _ first: UInt8, _ last: UInt8) -> Int { (count &* 31 &+ Int(first) &* 7 &+ Int(last)) & mask }

    static let slots: [Int8] = {
        var slots = [Int8](repeating: -1, count: mask + 1)
        for field in LedgerField.stored {
            let name = Array(field.name.utf8)
            var slot = slot(name.count, name[0], name[name.count - 1])
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int8(field.rawValue)
        }
        return slots
    }()
}

/// Every stored field's name, in one buffer that lives as long as the process, for comparing
/// keys without touching arrays.
final class FieldNames: @unchecked Sendable {
    static let shared = FieldNames()

    private let bytes: UnsafeMutablePointer<UInt8>
    private let starts: UnsafeMutablePointer<Int>
    private let counts: UnsafeMutablePointer<Int>

    private init() {
        let fields = LedgerField.allCases
        let all = fields.flatMap { Array($0.name.utf8) }
        bytes = .allocate(capacity: all.count)
        bytes.initialize(from: all, count: all.count)
        starts = .allocate(capacity: fields.count)
        counts = .allocate(capacity: fields.count)
        var offset = 0
        for field in fields {
            starts[field.rawValue] = offset
            counts[field.rawValue] = field.name.utf8.count
            offset += field.name.utf8.count
        }
    }

    /// When `line` holds `field`'s name from `start` followed by a closing quote, the index of
    /// that quote.
    @inline(__always)
    func matchesKey(_ line: UnsafeBufferPointer<UInt8>, at start: Int, _ field: LedgerField) -> Int? {
        let count = counts[field.rawValue]
        guard start + count < line.count, line[start + count] == UInt8(ascii: "\""),
            LedgerValues.bytesEqual(line.baseAddress! + start, bytes + starts[field.rawValue], count)
        else { return nil }
        return start + count
    }

    /// Whether `key` is `field`'s name.
    func matches(_ key: UnsafeBufferPointer<UInt8>, _ field: LedgerField) -> Bool {
        let count = counts[field.rawValue]
        guard key.count == count else { return false }
        return LedgerValues.bytesEqual(key.baseAddress!, bytes + starts[field.rawValue], count)
    }
}
