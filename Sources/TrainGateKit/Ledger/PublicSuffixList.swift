import Foundation

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
            let rule = line.trimmingCharacters(in: .whitespaces).lowercased()
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

    /// How many labels of `labels` the public suffix covers.
    private static func publicSuffixLength(_ labels: [Substring]) -> Int {
        let rules = rules
        var longest = 1  // the implicit `*` rule
        for length in 1...labels.count {
            let candidate = labels.suffix(length).joined(separator: ".")
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
