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
    }

    /// Either a problem, or the bytes libyaml should parse (a copy only when tabs were replaced).
    static func run(_ bytes: [UInt8]) -> Result<[UInt8], ProblemBox> {
        var copy: [UInt8]?
        var inString = false
        var escaped = false
        var pendingComma: Int?
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            defer { index += 1 }
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
                pendingComma = nil
            case UInt8(ascii: "#"):
                return .failure(ProblemBox(.comment(at: index)))
            case UInt8(ascii: "/") where index + 1 < count && (bytes[index + 1] == UInt8(ascii: "/") || bytes[index + 1] == UInt8(ascii: "*")):
                return .failure(ProblemBox(.comment(at: index)))
            case UInt8(ascii: ","):
                pendingComma = index
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                if let comma = pendingComma { return .failure(ProblemBox(.trailingComma(at: comma))) }
            case 0x09:
                if copy == nil { copy = bytes }
                copy![index] = 0x20
            case 0x20, 0x0A, 0x0D:
                break
            default:
                pendingComma = nil
            }
        }
        return .success(copy ?? bytes)
    }

    /// `Problem` as an `Error`, so it can travel in a `Result`.
    struct ProblemBox: Error { let problem: Problem; init(_ problem: Problem) { self.problem = problem } }
}
