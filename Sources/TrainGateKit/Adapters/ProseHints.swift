#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Prose that hints at consent — "all raters signed a consent form", "speakers donated their
/// voice" — quoted back as a note with its line, so an auditor can follow it up. A hint never
/// declares anything and never passes a rule.
enum ProseHints {
    static let words = ["consent", "opt-in", "opted in", "opt in", "donated", "agreed to", "permission"]

    /// One note per text that mentions consent, quoting the sentence around the first mention.
    static func scan(_ texts: [Node], format: InputFormat) -> [Diagnostic] {
        texts.compactMap { node in
            guard let text = node.scalar?.text else { return nil }
            return hint(in: text, at: node.location, format: format)
        }
    }

    /// The note for one text, if it mentions consent.
    static func hint(in text: String, at location: SourceLocation, format: InputFormat) -> Diagnostic? {
        let lower = text.lowercased()
        guard let word = words.first(where: { lower.contains($0) }), let range = lower.firstRange(of: word) else { return nil }
        let offset = lower.distance(from: lower.startIndex, to: range.lowerBound)
        let characters = Array(text)
        var start = offset
        var end = offset
        while start > 0 && !".!?\n".contains(characters[start - 1]) && offset - start < 160 { start -= 1 }
        while end < characters.count && !".!?\n".contains(characters[end]) && end - offset < 200 { end += 1 }
        let sentence = String(characters[start..<min(end + 1, characters.count)]).trimmingWhitespace()
        return Diagnostic(
            location: location,
            message:
                "the \(format.title) prose mentions consent (\"\(sentence)\"); prose is a hint, not a declaration: "
                + "declare sources[].personal_data.lawful_basis and .consent in a TrainGate manifest")
    }
}
