#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The checks a JSON file gets before libyaml parses it, in one pass over the bytes.
///
/// libyaml parses JSON as YAML, which is almost right: it would take `#` as a comment, fail on
/// `//` with a confusing message, accept trailing commas, and reject a tab where JSON allows
/// whitespace. The preflight rejects the first three with a located message and turns tabs
/// outside strings into spaces (same byte offsets and columns) so libyaml accepts them.
enum JSONPreflight {
    enum Problem: Equatable {
        case comment(at: Int)
        case trailingComma(at: Int)
        /// A backslash escape JSON does not have (`\x41`, `\e`, `\U…`, `\u` without four hex digits).
        case badEscape(at: Int)
        /// A raw tab, newline or other control character inside a string.
        case controlCharacter(at: Int)
    }

    /// The bytes libyaml should parse, and where they are shorter than the file.
    struct Prepared {
        /// The text (a copy only when something was replaced).
        var bytes: [UInt8]
        /// Per 0-based line, the 0-based column (in characters of the prepared text) of each
        /// surrogate pair rewritten as a 10-character `\U` escape, two characters shorter than in the file.
        var rewrites: [Int: [Int]] = [:]
    }

    /// Either a problem, or the bytes libyaml should parse.
    static func run(_ bytes: [UInt8]) -> Result<Prepared, ProblemBox> {
        var copy: [UInt8]?
        var inString = false
        var escaped = false
        var pendingComma: Int?
        var rewritten: [UInt8]?
        var rewrites: [Int: [Int]] = [:]
        var line = 0
        var lineStart = 0
        var copiedUpTo = 0
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            defer { index += 1 }
            if inString {
                if escaped {
                    escaped = false
                    if byte == UInt8(ascii: "u"), let scalar = surrogatePair(bytes, at: index + 1) {
                        // JSON spells characters beyond U+FFFF as a UTF-16 surrogate pair (\uD83E\uDD17),
                        // which YAML rejects; rewrite it as YAML's \U0001F917. Columns after it on the same
                        // line move two to the left.
                        if rewritten == nil {
                            rewritten = Array((copy ?? bytes)[..<(index - 1)])
                            copiedUpTo = index - 1
                        }
                        // The column in the prepared text: characters (UTF-8 lead bytes) since the line's start.
                        let shortened = 2 * (rewrites[line]?.count ?? 0)
                        let column = bytes[lineStart..<(index - 1)].reduce(0) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 } - shortened
                        rewrites[line, default: []].append(column)
                        rewritten! += Array(CFormat.string("\\U%08X", scalar).utf8)
                        index += 10
                        copiedUpTo = index + 1
                        continue
                    }
                    // JSON's escapes only; YAML would also take \x41, \e, \U0001F917 and others.
                    switch byte {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                        UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                        break
                    case UInt8(ascii: "u")
                    where index + 4 < count
                        && bytes[(index + 1)...(index + 4)].allSatisfy({ Character(Unicode.Scalar($0)).isHexDigit }):
                        break
                    default:
                        return .failure(ProblemBox(.badEscape(at: index - 1)))
                    }
                } else if byte < 0x20 {
                    return .failure(ProblemBox(.controlCharacter(at: index)))
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                    if rewritten != nil {
                        rewritten! += bytes[copiedUpTo..<index]
                        copiedUpTo = index
                    }
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
                pendingComma = nil
            case UInt8(ascii: "#"):
                return .failure(ProblemBox(.comment(at: index)))
            case UInt8(ascii: "/")
            where index + 1 < count && (bytes[index + 1] == UInt8(ascii: "/") || bytes[index + 1] == UInt8(ascii: "*")):
                return .failure(ProblemBox(.comment(at: index)))
            case UInt8(ascii: ","):
                pendingComma = index
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                if let comma = pendingComma { return .failure(ProblemBox(.trailingComma(at: comma))) }
            case 0x09:
                if copy == nil { copy = bytes }
                copy![index] = 0x20
                if rewritten != nil {
                    rewritten! += bytes[copiedUpTo..<index]
                    rewritten!.append(0x20)
                    copiedUpTo = index + 1
                }
            case 0x0A:
                line += 1
                lineStart = index + 1
            case 0x20, 0x0D:
                break
            default:
                pendingComma = nil
            }
        }
        if var rewritten {
            rewritten += bytes[copiedUpTo...]
            return .success(Prepared(bytes: rewritten, rewrites: rewrites))
        }
        return .success(Prepared(bytes: copy ?? bytes))
    }

    /// The code point of a surrogate pair whose first four hex digits start at `start`
    /// (`D83E\uDD17`), or nil.
    static func surrogatePair(_ bytes: [UInt8], at start: Int) -> UInt32? {
        func hex(_ offset: Int) -> UInt32? {
            guard offset + 4 <= bytes.count else { return nil }
            var value: UInt32 = 0
            for byte in bytes[offset..<(offset + 4)] {
                guard let digit = Character(Unicode.Scalar(byte)).hexDigitValue else { return nil }
                value = value * 16 + UInt32(digit)
            }
            return value
        }
        guard let high = hex(start), (0xD800...0xDBFF).contains(high), start + 10 <= bytes.count,
            bytes[start + 4] == UInt8(ascii: "\\"), bytes[start + 5] == UInt8(ascii: "u"),
            let low = hex(start + 6), (0xDC00...0xDFFF).contains(low)
        else { return nil }
        return 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
    }

    /// `Problem` as an `Error`, so it can travel in a `Result`.
    struct ProblemBox: Error {
        let problem: Problem
        init(_ problem: Problem) { self.problem = problem }
    }
}
