/// A static bound on the time a `matches` pattern can take. Swift's regex engine backtracks, so a
/// repeated group that itself repeats (`(a+)+`, `(a*b?)*`, `(x{2,})+`) or a back-reference can
/// take exponential time on a short value. Packs may not hold such patterns: a group that
/// repeats may not contain anything that repeats, and back-references are refused. The check is
/// conservative: it also refuses harmless nested repetition such as `[a-z]+(-[a-z]+)*`, which
/// can be written without it (`[a-z][a-z-]*`). `(a|b)+` and `(ab)?c+` are allowed.
enum PatternSafety {
    /// Why `pattern` may take super-linear time, or nil.
    static func problem(_ pattern: String) -> String? {
        let chars = Array(pattern.unicodeScalars)
        // One entry per open group: whether something inside it repeats.
        var groups: [Bool] = []
        // A repetition marks the group it stands in as repeating.
        func mark(_ repeats: Bool) { if repeats, !groups.isEmpty { groups[groups.count - 1] = true } }
        var index = 0
        while index < chars.count {
            let c = chars[index]
            switch c {
            case "\\":
                if index + 1 < chars.count, let digit = Int(String(chars[index + 1])), digit > 0 {
                    return "a back-reference (\\\(digit)) can take exponential time"
                }
                if index + 1 < chars.count, chars[index + 1] == "k" { return "a back-reference (\\k) can take exponential time" }
                let (repeats, next) = quantifier(chars, at: index + 2)
                mark(repeats)
                index = next
                continue
            case "[":
                let (repeats, next) = quantifier(chars, at: endOfClass(chars, from: index))
                mark(repeats)
                index = next
                continue
            case "(":
                groups.append(false)
            case ")":
                let repeatsInside = groups.popLast() ?? false
                let (repeats, next) = quantifier(chars, at: index + 1)
                if repeats && repeatsInside {
                    return "a repeated group that itself repeats (nested repetition) can take exponential time"
                }
                mark(repeats || repeatsInside)
                index = next
                continue
            default:
                let (repeats, next) = quantifier(chars, at: index + 1)
                mark(repeats)
                index = next
                continue
            }
            index += 1
        }
        return nil
    }

    /// Whether a quantifier that allows more than one repetition starts at `index` (`*`, `+`,
    /// `{n,}`, `{n,m}` with m > 1; `?` and `{0,1}` do not), and the index after it and any lazy
    /// or possessive suffix.
    private static func quantifier(_ chars: [Unicode.Scalar], at index: Int) -> (Bool, Int) {
        guard index < chars.count else { return (false, index) }
        var repeats = false
        var next = index
        switch chars[index] {
        case "*", "+":
            repeats = true
            next = index + 1
        case "?": next = index + 1
        case "{":
            guard let close = chars[index...].firstIndex(of: "}") else { return (false, index) }
            let body = String(String.UnicodeScalarView(chars[(index + 1)..<close]))
            let parts = body.split(separator: ",", omittingEmptySubsequences: false)
            guard parts.allSatisfy({ $0.allSatisfy(\.isNumber) }), !(parts.first?.isEmpty ?? true) else { return (false, index) }
            if parts.count == 1 { repeats = (Int(parts[0]) ?? 0) > 1 } else { repeats = parts[1].isEmpty || (Int(parts[1]) ?? 0) > 1 }
            next = close + 1
        default: return (false, index)
        }
        if next < chars.count, chars[next] == "?" || chars[next] == "+" { next += 1 }
        return (repeats, next)
    }

    /// The index after the character class opening at `index`.
    private static func endOfClass(_ chars: [Unicode.Scalar], from index: Int) -> Int {
        var i = index + 1
        if i < chars.count, chars[i] == "^" { i += 1 }
        if i < chars.count, chars[i] == "]" { i += 1 }
        while i < chars.count {
            if chars[i] == "\\" {
                i += 2
                continue
            }
            if chars[i] == "]" { return i + 1 }
            i += 1
        }
        return i
    }
}
