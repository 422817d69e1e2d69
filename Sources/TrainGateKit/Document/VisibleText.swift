extension String {
    /// The text with every scalar outside printable ASCII written as `\u{…}` (and `\` as `\\`), so
    /// a look-alike (Cyrillic `і` for Latin `i`), an invisible character or a control sequence
    /// shows in an error message instead of passing for the name it imitates.
    var visibleASCII: String {
        replacing { scalar in
            if scalar == "\\" { return "\\\\" }
            return scalar.value < 0x20 || scalar.value >= 0x7F ? Self.escape(scalar) : nil
        }
    }

    /// The text made safe for one line of a terminal or a CI log: C0 and C1 control characters
    /// (newlines and escape sequences included), DEL, the bidirectional overrides and isolates,
    /// and the Unicode line and paragraph separators are written as `\u{…}`, so a value read
    /// from an input can neither start a line of its own (a forged finding, verdict or
    /// `::error` command) nor hide or reorder what follows. Other text is kept as it is.
    public var terminalSafe: String {
        // Text with none of those scalars (the bulk of any report) is kept, judged from its
        // UTF-8 bytes without decoding a scalar.
        if let safe = utf8.withContiguousStorageIfAvailable(Self.holdsNoUnsafeScalar), safe { return self }
        return replacing { scalar in
            switch scalar.value {
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029, 0x200E, 0x200F, 0x061C:
                return Self.escape(scalar)
            default: return nil
            }
        }
    }

    /// Whether valid UTF-8 `bytes` hold none of the scalars `terminalSafe` escapes: C0 controls
    /// and DEL (one byte), C1 controls (`C2 80`–`C2 9F`), U+061C (`D8 9C`), U+200E–U+200F,
    /// U+2028–U+202E (`E2 80 8E`–`8F`, `E2 80 A8`–`AE`) and U+2066–U+2069 (`E2 81 A6`–`A9`).
    /// In valid UTF-8 a lead byte is never a continuation byte, so each pattern is only ever the
    /// start of its scalar.
    static func holdsNoUnsafeScalar(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x7F {
                if byte < 0x20 { return false }
                index += 1
                continue
            }
            switch byte {
            case 0x7F: return false
            case 0xC2: if index + 1 < count, bytes[index + 1] <= 0x9F { return false }
            case 0xD8: if index + 1 < count, bytes[index + 1] == 0x9C { return false }
            case 0xE2:
                guard index + 2 < count else { break }
                let (second, third) = (bytes[index + 1], bytes[index + 2])
                if second == 0x80, third == 0x8E || third == 0x8F || (0xA8...0xAE).contains(third) { return false }
                if second == 0x81, (0xA6...0xA9).contains(third) { return false }
            default: break
            }
            index += 1
        }
        return true
    }

    private static func escape(_ scalar: Unicode.Scalar) -> String { "\\u{" + String(scalar.value, radix: 16) + "}" }

    /// The text with each scalar `replacement` gives text for replaced by it; unchanged (and not
    /// copied) when it gives none.
    private func replacing(_ replacement: (Unicode.Scalar) -> String?) -> String {
        guard unicodeScalars.contains(where: { replacement($0) != nil }) else { return self }
        var out = ""
        for scalar in unicodeScalars {
            if let text = replacement(scalar) { out += text } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}
