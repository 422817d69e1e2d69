#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Classes of Unicode scalars, by general category: what trimming and word tests need, defined
/// once here rather than borrowed from a platform's character sets.
enum ScalarClass {
    /// Letters, marks and numbers (categories L*, M*, N*).
    case alphanumeric
    /// Punctuation (P*).
    case punctuation
    /// Spaces (Zs), the tab and the zero-width space (U+200B).
    case whitespace
    /// Spaces and separators (Z*), the tab, the zero-width space, line feed to carriage return
    /// (U+000A–U+000D) and the next-line character (U+0085).
    case whitespaceOrNewline

    func contains(_ scalar: Unicode.Scalar) -> Bool {
        switch self {
        case .alphanumeric:
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
                return true
            default: return false
            }
        case .punctuation:
            switch scalar.properties.generalCategory {
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
                .finalPunctuation, .otherPunctuation:
                return true
            default: return false
            }
        case .whitespace:
            return scalar == "\t" || scalar == "\u{200B}" || scalar.properties.generalCategory == .spaceSeparator
        case .whitespaceOrNewline:
            switch scalar.value {
            case 0x09...0x0D, 0x85, 0x200B: return true
            default:
                switch scalar.properties.generalCategory {
                case .spaceSeparator, .lineSeparator, .paragraphSeparator: return true
                default: return false
                }
            }
        }
    }
}

extension StringProtocol {
    /// The text without the scalars at either end for which `trim` holds.
    func trimming(_ trim: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !trim($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !trim($0) })!
        var kept = String.UnicodeScalarView()
        kept.append(contentsOf: scalars[first...last])
        return String(kept)
    }

    /// The text without the scalars of `scalarClass` at either end.
    func trimming(_ scalarClass: ScalarClass) -> String { trimming { scalarClass.contains($0) } }

    /// The text cut or filled with spaces to `width` characters.
    func padded(to width: Int) -> String {
        count >= width ? String(prefix(width)) : String(self) + String(repeating: " ", count: width - count)
    }

    /// The text with every UTF-8 byte `allowed` rejects written as `%XX` (upper-case hex).
    func percentEncoded(allowing allowed: (UInt8) -> Bool) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        for byte in utf8 {
            if allowed(byte) {
                out.append(byte)
            } else {
                out.append(UInt8(ascii: "%"))
                out.appendHex(byte, uppercase: true)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension [UInt8] {
    /// Appends `byte` as two hexadecimal digits (a digest, an escape, a percent-encoding).
    mutating func appendHex(_ byte: UInt8, uppercase: Bool = false) {
        let digits: StaticString = uppercase ? "0123456789ABCDEF" : "0123456789abcdef"
        append(digits.utf8Start[Int(byte >> 4)])
        append(digits.utf8Start[Int(byte & 15)])
    }
}

/// Numbers as C's `printf` writes them (`%.1f`, `%08X`): the same digits and rounding on
/// every platform.
enum CFormat {
    static func string(_ format: String, _ arguments: any CVarArg...) -> String {
        var capacity = 128
        while true {
            var buffer = [CChar](repeating: 0, count: capacity)
            let length = Int(withVaList(arguments) { vsnprintf(&buffer, capacity, format, $0) })
            guard length >= 0 else { return "" }
            if length < capacity { return String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self) }
            capacity = length + 1
        }
    }
}
