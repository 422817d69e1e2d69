/// The AI Office's *public summary of training content* (AI Act Art. 53(1)(d)) for one model,
/// filled from its model card and the manifests the card names.
///
/// The summary only restates what the inputs declare. Every item the inputs cannot answer
/// carries the fields that would answer it (`missing`), and those are the summary's gaps.
/// Renderers turn it into Markdown, HTML or JSON; none of them re-reads a file.
public struct TrainingSummary: Sendable, Equatable {
    /// The identifier of the JSON rendering's shape; bumped when the shape changes.
    public static let schema = "traingate.summary/v1"
    /// The template the sections follow.
    public static let template = "AI Office, Template for the Public Summary of Training Content (annex to C(2025) 5235, 24 July 2025)"

    /// One declared value, with where it was declared.
    public struct Fact: Sendable, Equatable {
        /// The value as text.
        public var text: String
        /// A link the value names (an http or https URL), if any.
        public var url: String?
        /// What the value belongs to when a section gathers several sources (`source northern-records`).
        public var subject: String?
        /// Where it was declared; nil for answers derived from several declarations (`Yes`, a size bin).
        public var location: SourceLocation?

        /// Creates a fact.
        public init(_ text: String, url: String? = nil, subject: String? = nil, at location: SourceLocation? = nil) {
            self.text = text
            self.url = url
            self.subject = subject
            self.location = location
        }
    }

    /// A field the inputs do not declare, and where it would go.
    public struct Missing: Sendable, Equatable {
        /// The field that would answer the item, as a path in its file (`crawl.top_domains`).
        public var field: String
        /// The card or source that lacks it (`model aria-music-gen`, `source web-crawl`).
        public var subject: String
        /// The mapping the field belongs in (the nearest declared parent).
        public var location: SourceLocation
    }

    /// One question of the template.
    public struct Item: Sendable, Equatable {
        /// A stable key within its section, for JSON (`crawler_names`).
        public var key: String
        /// The question, in words.
        public var label: String
        /// What the inputs declare.
        public var facts: [Fact]
        /// The fields that would complete the answer; non-empty means a gap.
        public var missing: [Missing]

        /// Whether nothing answers the item.
        public var isNotDeclared: Bool { facts.isEmpty && !missing.isEmpty }
    }

    /// One numbered section of the template.
    public struct Section: Sendable, Equatable {
        /// The template's number (`2.2.1`).
        public var number: String
        /// The template's heading.
        public var title: String
        /// The questions, in the template's order.
        public var items: [Item]
    }

    /// An item the inputs cannot fully answer, with the field that would.
    public struct Gap: Sendable, Equatable {
        /// The template's section number.
        public var section: String
        /// The item's question.
        public var item: String
        /// The field that would answer it, and where.
        public var missing: Missing
    }

    /// The outcome of `check` on the same inputs with the default packs.
    public struct Verdict: Sendable, Equatable {
        /// Whether no failing finding is at or above the threshold.
        public var passed: Bool
        /// The threshold.
        public var failOn: FailOn
        /// Failing findings at or above the threshold.
        public var failing: Int
        /// Failing findings in all.
        public var failed: Int
        /// The packs evaluated.
        public var packs: [String]
    }

    /// `model.name`.
    public var model: String
    /// The date the summary and its check are judged as of.
    public var asOf: ISODate
    /// The sections, in the template's order (2.0 first).
    public var sections: [Section]
    /// Sources counted per modality (a source of two modalities counts in both), in the template's order.
    public var sourcesByModality: [(name: String, count: Int)]
    /// Sources counted per source type, in the order of the template's sections.
    public var sourcesByType: [(name: String, count: Int)]
    /// The check verdict, if a check was run.
    public var verdict: Verdict?
    /// Every file the summary was made from — card, manifests, evidence, packs — so a writer can
    /// refuse to overwrite one. Empty when the summary was built without `load`.
    public var filesRead: [String] = []

    /// Every missing field, in section order.
    public var gaps: [Gap] {
        sections.flatMap { section in
            section.items.flatMap { item in item.missing.map { Gap(section: section.number, item: item.label, missing: $0) } }
        }
    }

    /// Equal when every section, the verdict and the data mix are.
    public static func == (lhs: TrainingSummary, rhs: TrainingSummary) -> Bool {
        lhs.model == rhs.model && lhs.asOf == rhs.asOf && lhs.sections == rhs.sections && lhs.verdict == rhs.verdict
            && lhs.sourcesByModality.map(\.name) == rhs.sourcesByModality.map(\.name)
            && lhs.sourcesByModality.map(\.count) == rhs.sourcesByModality.map(\.count)
            && lhs.sourcesByType.map(\.name) == rhs.sourcesByType.map(\.name)
            && lhs.sourcesByType.map(\.count) == rhs.sourcesByType.map(\.count)
    }
}
