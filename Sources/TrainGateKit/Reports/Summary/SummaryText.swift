/// Words the summary renderers share: names of modalities and source types, the verdict line.
enum SummaryText {
    static let notDeclared = "Not declared"
    /// What an optional item (one no rule requires) shows when the inputs say nothing.
    static let noneOptional = "None declared (optional)"
    static let templateName = "AI Office's Template for the Public Summary of Training Content"

    static func modality(_ name: String) -> String { name.prefix(1).uppercased() + name.dropFirst() }

    static func sourceType(_ name: String) -> String {
        switch name {
        case "public_dataset": return "Public datasets (2.1)"
        case "licensed_rightsholder": return "Licensed from rightsholders (2.2.1)"
        case "private_third_party": return "Other private third-party data (2.2.2)"
        case "web_crawl": return "Crawled by the provider (2.3)"
        case "user_data_model_interaction": return "User interactions with the model (2.4)"
        case "user_data_other_service": return "User data from other services (2.4)"
        case "synthetic": return "Synthetic (2.5)"
        case "first_party": return "Created by the provider (2.6)"
        case "public_domain": return "Public domain (2.6)"
        default: return "Other (2.6)"
        }
    }

    static func verdict(_ verdict: TrainingSummary.Verdict, asOf: ISODate) -> String {
        let outcome = verdict.passed ? "PASS" : "FAIL"
        let failing = verdict.failing == 1 ? "1 failing finding" : "\(verdict.failing) failing findings"
        return "\(outcome): \(failing) of \(verdict.failOn.rawValue) severity or above (\(verdict.failed) failed in all); "
            + "checked with TrainGate's default policy packs as of \(asOf)"
    }

    /// The id in a subject (`source northern-records` → `northern-records`).
    static func subjectID(_ subject: String) -> String {
        subject.firstIndex(of: " ").map { String(subject[subject.index(after: $0)...]) } ?? subject
    }

    /// What an item shows for its gaps: "Not declared" alone when nothing answers it and one
    /// subject is missing it, else one line per subject missing it; for an item neither
    /// answered nor missing anything (an optional item left empty), "None declared (optional)".
    /// Whether an item's answer is a plain list of values (no sources named, nothing missing),
    /// shown on one line separated by commas.
    static func isPlainList(_ item: TrainingSummary.Item) -> Bool {
        item.facts.count > 1 && item.missing.isEmpty && item.facts.allSatisfy { $0.subject == nil && $0.url == nil }
    }

    static func notDeclaredLines(_ item: TrainingSummary.Item) -> [String] {
        if item.facts.isEmpty && item.missing.isEmpty { return [noneOptional] }
        if item.facts.isEmpty && item.missing.count == 1 { return [notDeclared] }
        var seen = Set<String>()
        return item.missing.filter { seen.insert($0.subject).inserted }.map { "\(notDeclared) for \($0.subject)" }
    }
}
