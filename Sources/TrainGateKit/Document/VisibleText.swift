extension String {
    /// The text with every scalar outside printable ASCII written as `\u{…}`, so a look-alike
    /// (Cyrillic `і` for Latin `i`), an invisible character or a control sequence shows in an
    /// error message instead of passing for the name it imitates.
    var visibleASCII: String {
        var out = ""
        for scalar in unicodeScalars {
            if scalar.value >= 0x20 && scalar.value < 0x7F && scalar != "\\" {
                out.unicodeScalars.append(scalar)
            } else if scalar == "\\" {
                out += "\\\\"
            } else {
                out += "\\u{" + String(scalar.value, radix: 16) + "}"
            }
        }
        return out
    }
}
