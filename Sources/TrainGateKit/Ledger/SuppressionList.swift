#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A suppression list: keys of items that must not be trained on (erasure requests, opt-out
/// registries, withdrawals, takedowns), matched against one row field. A manifest names lists for
/// all its sources or for one: `{path, key, kind, format, sha256}`.
final class SuppressionList: @unchecked Sendable {
    enum Kind: String, CaseIterable, Sendable {
        case erasure, optout, withdrawal, takedown
    }

    enum Format: String, CaseIterable, Sendable {
        case csv, jsonl, txt
    }

    /// The list's path as reported.
    var file: String
    var key: LedgerField
    var kind: Kind
    /// Where the manifest names it.
    var location: SourceLocation
    private(set) var texts = ByteKeyTable<Void>()
    private(set) var digests: Set<Digest> = []
    /// An empty list (`load` fills it from a file, worked examples with `add`).
    init(file: String, key: LedgerField, kind: Kind, location: SourceLocation) {
        self.file = file
        self.key = key
        self.kind = kind
        self.location = location
    }

    /// How many distinct keys it holds.
    var count: Int { key == .contentSHA256 ? digests.count : texts.count }

    /// Whether `row`'s key field holds a listed key.
    func matches(_ row: LedgerRow) -> Bool {
        guard row.has(key) else { return false }
        if key == .contentSHA256 { return digests.contains(row.digest) }
        return row.withBytes(key) { texts.find($0) != nil }
    }

    /// The fields a list may be keyed on.
    static func canKey(_ field: LedgerField) -> Bool { field.kind == .text || field.kind == .sha256 }

    /// Reads the list at `path` (plain or gzip); `format` nil means by extension.
    static func load(
        path: String, file: String, key: LedgerField, kind: Kind, format: Format?, expectedSHA256: String?, location: SourceLocation
    ) throws(LedgerError) -> SuppressionList {
        let list = SuppressionList(file: file, key: key, kind: kind, location: location)
        let input: LedgerInput
        do {
            input = try LedgerInput(path: path, digest: expectedSHA256 != nil)
        } catch {
            throw LedgerError(file: file, line: nil, column: nil, message: "suppression list \(error.message)")
        }
        var name = Paths.lastComponent(of: path).lowercased()
        if name.hasSuffix(".gz") { name.removeLast(3) }
        let format = format ?? Format.allCases.first { name.hasSuffix(".\($0.rawValue)") } ?? .txt
        var reader: RowReader?
        var row = LedgerRow()
        var lineBase = 0
        do {
            while let block = try input.nextBlock() {
                defer { block.release() }
                var failure: LedgerError?
                let start = lineBase
                lineBase += LedgerInput.forEachLine(in: block.lines) { line, number in
                    let lineNumber = start + number + 1
                    do throws(RowProblem) {
                        try list.read(line, format: format, reader: &reader, row: &row)
                    } catch {
                        failure = LedgerError(file: file, line: lineNumber, column: error.column, message: error.message)
                        return false
                    }
                    return true
                }
                if let failure { throw failure }
            }
        } catch let failure as LedgerError {
            throw failure
        } catch let failure as LedgerInput.Failure {
            throw LedgerError(file: file, line: nil, column: nil, message: failure.message)
        } catch {
            throw LedgerError(file: file, line: nil, column: nil, message: "\(error)")
        }
        if format == .csv && reader == nil {
            throw LedgerError(
                file: file, line: nil, column: nil, message: "the suppression list is empty: a CSV list needs a header naming \(key.name)")
        }
        if let expectedSHA256, input.digest() != expectedSHA256.lowercased() {
            throw LedgerError(
                file: file, line: nil, column: nil,
                message: "SHA-256 mismatch: the manifest says \(expectedSHA256), the file has \(input.digest())")
        }
        return list
    }

    private func read(
        _ line: UnsafeBufferPointer<UInt8>, format: Format, reader: inout RowReader?, row: inout LedgerRow
    ) throws(RowProblem) {
        let blank = LedgerValues.trimmed(line).isEmpty
        switch format {
        case .txt:
            let key = LedgerValues.trimmed(line)
            if blank || key.first == UInt8(ascii: "#") { return }
            try add(key)
        case .csv:
            guard reader != nil else {
                let (header, _) = try RowReader.header(line, requireCore: false)
                guard header.columns.contains(where: { $0 == key }) else {
                    throw RowProblem(column: nil, message: "the header has no \(key.name) column, the list's key")
                }
                var made = RowReader(format: .csv, header: header)
                made.requireCore = false
                reader = made
                return
            }
            if blank { return }
            try reader!.read(line, into: &row, lineNumber: 0)
            guard row.has(key) else { throw RowProblem(column: nil, message: "the row has no \(key.name), the list's key") }
            try insertRow(row)
        case .jsonl:
            if blank { return }
            if reader == nil {
                var made = RowReader(format: .jsonl, header: nil)
                made.requireCore = false
                reader = made
            }
            try reader!.read(line, into: &row, lineNumber: 0)
            guard row.has(key) else { throw RowProblem(column: nil, message: "the object has no \(key.name), the list's key") }
            try insertRow(row)
        }
    }

    private func insertRow(_ row: LedgerRow) throws(RowProblem) {
        if key == .contentSHA256 {
            digests.insert(row.digest)
        } else {
            row.withBytes(key) { bytes in _ = texts.findOrInsert(bytes) {} }
        }
    }

    func add(_ bytes: UnsafeBufferPointer<UInt8>) throws(RowProblem) {
        if key == .contentSHA256 {
            var digits = bytes
            if digits.count == 71, LedgerValues.startsWith(digits, "sha256:") { digits = UnsafeBufferPointer(rebasing: digits[7...]) }
            guard let digest = Digest(hex: digits) else { throw LedgerValues.wrong(key, bytes, 1) }
            digests.insert(digest)
        } else {
            _ = texts.findOrInsert(bytes) {}
        }
    }
}
