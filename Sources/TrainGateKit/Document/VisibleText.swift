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
        // Printable ASCII (the bulk of any report) is kept without a look at its scalars.
        if utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return self }
        return replacing { scalar in
            switch scalar.value {
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029, 0x200E, 0x200F, 0x061C:
                return Self.escape(scalar)
            default: return nil
            }
        }
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
