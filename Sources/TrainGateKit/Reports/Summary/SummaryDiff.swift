/// What changed between two versions of a model's public summary of training content, by the
/// template's sections, and whether the change is material — a new source category or
/// modality, a size bin that changed, new crawled domains among the top ones, a new use of user
/// data — so a new version of the summary is due (the AI Office asks for the summary to be kept
/// up to date). The new card's own `transparency.training_summary.version` says whether one was made,
/// and its `last_update` whether that version is dated after the old one and within the six-month
/// cadence (rule TPL-0-UPDATE of the `eu-training-summary` pack).
public struct SummaryDiff: Sendable, Equatable {
    public static let schema = "traingate.summary-diff/v1"

    /// One item of the template whose declared values differ.
    public struct Change: Sendable, Equatable {
        /// The template's section number (`2.3`).
        public var section: String
        /// The item's stable key (`top_domains`).
        public var key: String
        /// The item's question, where it has one.
        public var label: String
        public var added: [String]
        public var removed: [String]
    }

    public var oldModel: String
    public var newModel: String
    public var changes: [Change]
    /// Why the change is material, one reason a line; empty when it is not.
    public var material: [String]
    /// `transparency.training_summary.version` and `last_update` of each card.
    public var oldVersion: String?
    public var newVersion: String?
    public var oldUpdate: String?
    public var newUpdate: String?

    /// Why a new version of the summary is due, one reason a line: a material change while the new
    /// card still declares the old version, a new version not dated after the old one, or a last
    /// update older than the six-month cadence of a model trained continuously. Empty when none
    /// is due.
    public var due: [String]

    /// Whether a new version of the summary is due.
    public var newVersionDue: Bool { !due.isEmpty }

    /// The difference from `old` to `new`; `oldCard` and `newCard` are the cards' documents.
    /// `overdue` is the message of the new card's failing TPL-0-UPDATE finding, if any: the rule
    /// decides the cadence (whom it applies to, and from when), not this comparison.
    public init(old: TrainingSummary, new: TrainingSummary, oldCard: Node, newCard: Node, overdue: String? = nil) {
        oldModel = old.model
        newModel = new.model
        func facts(_ summary: TrainingSummary) -> [String: (label: String, facts: [String], raw: [TrainingSummary.Fact])] {
            var items: [String: (label: String, facts: [String], raw: [TrainingSummary.Fact])] = [:]
            for section in summary.sections {
                for item in section.items {
                    let texts = item.facts.map { fact in (fact.subject.map { "\($0): " } ?? "") + fact.text }
                    let key = "\(section.number) \(item.key)"
                    items[key, default: (item.label, [], [])].facts += texts
                    items[key, default: (item.label, [], [])].raw += item.facts
                }
            }
            return items
        }
        let before = facts(old)
        let after = facts(new)
        let order = (new.sections + old.sections).flatMap { section in section.items.map { "\(section.number) \($0.key)" } }
        var seen = Set<String>()
        changes = order.filter { seen.insert($0).inserted }.compactMap { key in
            let was = before[key]?.facts ?? []
            let now = after[key]?.facts ?? []
            let added = now.filter { !was.contains($0) }
            let removed = was.filter { !now.contains($0) }
            guard !added.isEmpty || !removed.isEmpty else { return nil }
            let parts = key.split(separator: " ", maxSplits: 1).map(String.init)
            let label = after[key]?.label ?? before[key]?.label ?? ""
            return Change(section: parts[0], key: parts[1], label: label, added: added, removed: removed)
        }
        var material: [String] = []
        let oldTypes = Set(old.sourcesByType.filter { $0.count > 0 }.map(\.name))
        for type in new.sourcesByType where type.count > 0 && !oldTypes.contains(type.name) {
            material.append("new source category: \(SummaryText.sourceType(type.name))")
        }
        let oldModalities = Set(old.sourcesByModality.filter { $0.count > 0 }.map(\.name))
        for modality in new.sourcesByModality where modality.count > 0 && !oldModalities.contains(modality.name) {
            material.append("new modality: \(SummaryText.modality(modality.name))")
        }
        // A size fact starts with its bin: "10,000 – 1 million hours (44,000 hours declared by 2 sources)".
        func bins(_ facts: [String]) -> [String] { facts.map { String($0.split(separator: " (", maxSplits: 1).first ?? "") } }
        for change in changes where change.section == "1.3" && change.key.hasPrefix("size_") {
            let was = bins(before["1.3 \(change.key)"]?.facts ?? [])
            let now = bins(after["1.3 \(change.key)"]?.facts ?? [])
            if was != now {
                material.append(
                    "\(change.label.lowercased()): \(was.isEmpty ? "none" : was.joined(separator: ", ")) → \(now.isEmpty ? "none" : now.joined(separator: ", "))"
                )
            }
        }
        // A domains fact is the list, then, when it comes from a ledger, its totals in brackets:
        // "a.example, b.example (the top 10 % of 1,234 domains by size, …)".
        func domains(_ facts: [TrainingSummary.Fact]) -> Set<String> {
            Set(
                facts.flatMap { fact in
                    (fact.text.split(separator: " (", maxSplits: 1).first ?? "").split(separator: ",").map {
                        String($0).trimmingWhitespace()
                    }
                }.filter { !$0.isEmpty && !$0.contains(" ") })
        }
        let newDomains = domains(after["2.3 top_domains"]?.raw ?? []).subtracting(domains(before["2.3 top_domains"]?.raw ?? []))
        if !newDomains.isEmpty { material.append("new crawled domains among the top ones: \(newDomains.sorted().joined(separator: ", "))") }
        // User data: a kind of use that was "No" and is now "Yes", or a user-data source not there before.
        for key in ["model_interactions", "other_services"] {
            if before["2.4 \(key)"]?.facts == ["No"], after["2.4 \(key)"]?.facts == ["Yes"] {
                material.append("user data now used: \((after["2.4 \(key)"]?.label ?? key).lowercased())")
            }
        }
        func userSources(_ items: [String: (label: String, facts: [String], raw: [TrainingSummary.Fact])]) -> Set<String> {
            Set(items.filter { $0.key.hasPrefix("2.4 ") }.flatMap { $0.value.raw.compactMap(\.subject) })
        }
        for subject in userSources(after).subtracting(userSources(before)).sorted() {
            material.append("new user-data source: \(subject)")
        }
        self.material = material
        func value(_ card: Node, _ key: String) -> String? {
            SummaryInputs.node(card, "transparency.training_summary.\(key)").flatMap(SummaryInputs.text)
        }
        oldVersion = value(oldCard, "version")
        newVersion = value(newCard, "version")
        oldUpdate = value(oldCard, "last_update")
        newUpdate = value(newCard, "last_update")
        var due: [String] = []
        if !material.isEmpty && oldVersion == newVersion {
            due.append("the change is material and the card still declares \(newVersion.map { "version \($0)" } ?? "no summary version")")
        }
        if let oldVersion, newVersion == nil {
            due.append("the new card declares no summary version (the old one declares \(oldVersion))")
        } else if let newVersion, oldVersion != newVersion {
            let old = oldVersion.map { "version \($0)" } ?? "the old card"
            if let newUpdate {
                if let oldUpdate, !Self.isAfter(newUpdate, oldUpdate) {
                    due.append(
                        "the new version \(newVersion) must be dated after \(old): its last update is \(newUpdate), \(old)'s \(oldUpdate)")
                }
            } else {
                due.append("the new version \(newVersion) has no last-update date")
            }
        }
        if let overdue { due.append(overdue) }
        self.due = due
    }

    /// Whether `later` is certainly after `earlier` (`ISODate.isAfter`); a date that does not
    /// parse is never after.
    static func isAfter(_ later: String, _ earlier: String) -> Bool {
        guard let later = ISODate(parsing: later), let earlier = ISODate(parsing: earlier) else { return false }
        return later.isAfter(earlier)
    }

    /// The verdict in one line.
    public var verdict: String {
        if !material.isEmpty && oldVersion == newVersion {
            return
                "material change: a new version of the summary is due (the card still declares \(newVersion.map { "version \($0)" } ?? "no summary version"))"
        }
        if newVersionDue { return "a new version of the summary is due: \(due[0])" }
        if material.isEmpty { return changes.isEmpty ? "no change to the summary" : "changes, none of them material for the summary" }
        return
            "material change, and the card declares a new summary version (\(oldVersion ?? "not declared") → \(newVersion ?? "not declared"))"
    }
}
