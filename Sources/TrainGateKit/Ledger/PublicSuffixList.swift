#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// RFC 3492 Punycode decoding (the part after `xn--` of an IDNA label).
enum Punycode {
    static func decode(_ input: Substring) -> String? {
        let base = 36
        let tMin = 1
        let tMax = 26
        let skew = 38
        let damp = 700
        var output: [Unicode.Scalar] = []
        var rest = input[...]
        if let delimiter = input.lastIndex(of: "-") {
            for character in input[..<delimiter] {
                guard let scalar = character.unicodeScalars.first, scalar.isASCII else { return nil }
                output.append(scalar)
            }
            rest = input[input.index(after: delimiter)...]
        }
        var n = 128
        var i = 0
        var bias = 72
        var iterator = rest.unicodeScalars.makeIterator()
        func digit(_ scalar: Unicode.Scalar) -> Int? {
            switch scalar.value {
            case 0x30...0x39: return Int(scalar.value) - 0x30 + 26
            case 0x41...0x5A: return Int(scalar.value) - 0x41
            case 0x61...0x7A: return Int(scalar.value) - 0x61
            default: return nil
            }
        }
        while let first = iterator.next() {
            let oldI = i
            var w = 1
            var k = base
            var scalar: Unicode.Scalar? = first
            while true {
                guard let current = scalar, let d = digit(current) else { return nil }
                guard d <= (Int.max - i) / w else { return nil }
                i += d * w
                let t = k <= bias ? tMin : k >= bias + tMax ? tMax : k - bias
                if d < t { break }
                guard w <= Int.max / (base - t) else { return nil }
                w *= base - t
                k += base
                scalar = iterator.next()
            }
            let count = output.count + 1
            var delta = oldI == 0 ? (i - oldI) / damp : (i - oldI) / 2
            delta += delta / count
            var k2 = 0
            while delta > ((base - tMin) * tMax) / 2 {
                delta /= base - tMin
                k2 += base
            }
            bias = k2 + (base - tMin + 1) * delta / (delta + skew)
            guard i / count <= Int.max - n else { return nil }
            n += i / count
            i %= count
            guard let decoded = Unicode.Scalar(UInt32(clamping: n)) else { return nil }
            output.insert(decoded, at: i)
            i += 1
        }
        var text = ""
        text.unicodeScalars.append(contentsOf: output)
        return text
    }
}

/// Registrable domains (eTLD+1) by the Public Suffix List's algorithm
/// (https://publicsuffix.org/list/): the longest matching rule wins, `*` matches one label, an
/// exception (`!`) rule wins over the rules it excepts, and an unlisted TLD is a public suffix of
/// one label. The list is compiled in (`PublicSuffixList+Rules.swift`), so domains never depend
/// on the network or on what the machine has installed.
public enum PublicSuffixList {
    private struct Rules: Sendable {
        var normal: Set<String> = []
        var wildcard: Set<String> = []
        var exception: Set<String> = []
    }

    private static let rules: Rules = {
        var rules = Rules()
        for line in rulesText.split(separator: "\n") {
            let rule = line.trimming(.whitespace).lowercased()
            if rule.hasPrefix("!") {
                rules.exception.insert(String(rule.dropFirst()))
            } else if rule.hasPrefix("*.") {
                rules.wildcard.insert(String(rule.dropFirst(2)))
            } else if !rule.isEmpty {
                rules.normal.insert(rule)
            }
        }
        return rules
    }()

    /// The registrable domain of `host` (lower-cased, a trailing dot removed), or nil when the host
    /// is empty, malformed (an empty label) or itself a public suffix.
    public static func registrableDomain(_ host: String) -> String? {
        var host = host.lowercased()
        if host.hasSuffix(".") { host.removeLast() }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard !labels.isEmpty, !labels.contains(where: \.isEmpty) else { return nil }
        let suffixLength = publicSuffixLength(labels)
        guard labels.count > suffixLength else { return nil }
        return labels.suffix(suffixLength + 1).joined(separator: ".")
    }

    /// How many labels of `labels` the public suffix covers. Labels in ASCII-compatible form
    /// (`xn--…`) are matched in Unicode, the form the list is written in.
    private static func publicSuffixLength(_ labels: [Substring]) -> Int {
        let rules = rules
        let unicode = labels.map { label -> Substring in
            guard label.hasPrefix("xn--"), let decoded = Punycode.decode(label.dropFirst(4)) else { return label }
            return decoded[...]
        }
        var longest = 1  // the implicit `*` rule
        for length in 1...labels.count {
            let candidate = unicode.suffix(length).joined(separator: ".")
            if rules.exception.contains(candidate) { return length - 1 }
            if rules.normal.contains(candidate) { longest = max(longest, length) }
            if length < labels.count, rules.wildcard.contains(candidate) { longest = max(longest, length + 1) }
        }
        return longest
    }

    /// The host of an absolute `http` or `https` URL (without user information or port), or nil.
    static func host(ofURL url: UnsafeBufferPointer<UInt8>) -> Substring? {
        let text = String(decoding: url, as: UTF8.self)
        let lower = text.lowercased()
        let schemeLength: Int
        if lower.hasPrefix("https://") {
            schemeLength = 8
        } else if lower.hasPrefix("http://") {
            schemeLength = 7
        } else {
            return nil
        }
        var authority = text.dropFirst(schemeLength).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        if authority.hasPrefix("[") {
            // An IPv6 literal is its own domain.
            guard let close = authority.firstIndex(of: "]") else { return nil }
            return authority[...close]
        }
        if let colon = authority.firstIndex(of: ":") { authority = authority[..<colon] }
        guard !authority.isEmpty, !authority.contains(where: { $0 == " " || $0 == "\t" }) else { return nil }
        return authority
    }

    /// The domain a row's `url` gives: its registrable domain, or the host itself for an IP
    /// address or a host that is a public suffix.
    static func domain(ofURL url: UnsafeBufferPointer<UInt8>) -> String? {
        guard let host = host(ofURL: url) else { return nil }
        if host.hasPrefix("[") || host.allSatisfy({ $0.isNumber || $0 == "." }) { return String(host) }
        return registrableDomain(String(host)) ?? String(host).lowercased()
    }
}
