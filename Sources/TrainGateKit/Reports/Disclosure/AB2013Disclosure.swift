/// California's AB 2013 documentation (Civil Code §3111(a)): the high-level summary of the
/// datasets used to train a generative AI system, in the statute's twelve items, filled from the
/// model card and the manifests it names.
///
/// Each item restates what the inputs declare, source by source (or dataset by dataset), with
/// where it was declared. What they do not declare is a gap, and the gaps are exactly the
/// failures of the `us-ca-ab2013` pack's item rules (`CA-AB2013-a1` … `a12`) on the same
/// inputs, with the field, subject and position each names: the report and the pack cannot
/// disagree, and nothing is invented to fill a gap.
public struct AB2013Disclosure: Sendable, Equatable {
    /// The identifier of the JSON rendering's shape.
    public static let schema = "traingate.ab2013/v1"
    /// The pack whose item rules decide the gaps.
    public static let pack = "us-ca-ab2013"
    /// The statute.
    public static let statute = "California Civil Code §3111(a), added by Assembly Bill 2013 (Stats. 2024)"

    /// One declared value, with whose it is and where it was declared.
    public struct Fact: Sendable, Equatable {
        /// `source northern-records`, `dataset label-catalogue`, or nil for the whole system.
        public var subject: String?
        public var text: String
        public var location: SourceLocation?
    }

    /// What the item rule found missing or wrong, and where the answer belongs.
    public struct Gap: Sendable, Equatable {
        /// `source web-crawl`.
        public var subject: String
        /// The field that would answer it (`sources[2].origin.owner`).
        public var field: String
        /// Where it belongs (the field, or its nearest declared parent).
        public var location: SourceLocation
        /// The rule's message.
        public var message: String
        /// `CA-AB2013-a1`.
        public var rule: String
    }

    /// One of the statute's twelve items.
    public struct Item: Sendable, Equatable {
        /// 1 to 12, as §3111(a) numbers them.
        public var number: Int
        /// What the item asks for.
        public var title: String
        /// The statute's reference and how sure its wording is (`§3111(a)(10)`, `secondary sources`).
        public var reference: String
        public var facts: [Fact]
        public var gaps: [Gap]
        /// Subjects the item covers that declare nothing for it (each also has a gap).
        public var notDeclared: [String]

        /// What the item says about one subject (nil: the whole system): its declared values, if
        /// any, and its gaps.
        public struct Entry: Sendable, Equatable {
            public var subject: String?
            public var fact: Fact?
            public var gaps: [Gap]
        }

        /// The facts and gaps by subject, in the order the subjects are read.
        public var entries: [Entry] {
            var entries: [Entry] = facts.map { Entry(subject: $0.subject, fact: $0, gaps: []) }
            // Subjects that declare nothing, each with the item rule's gap (a subject without one
            // is still shown as not declared).
            entries += notDeclared.map { Entry(subject: $0, fact: nil, gaps: []) }
            for gap in gaps {
                if let index = entries.firstIndex(where: { $0.subject == gap.subject }) {
                    entries[index].gaps.append(gap)
                } else {
                    entries.append(Entry(subject: gap.subject, fact: nil, gaps: [gap]))
                }
            }
            return entries
        }

        /// `declared`, `partly_declared` or `not_declared`.
        public var status: String {
            gaps.isEmpty && notDeclared.isEmpty
                ? "declared" : facts.filter { $0.subject != nil }.isEmpty ? "not_declared" : "partly_declared"
        }
    }

    /// `model.name`.
    public var model: String
    public var asOf: ISODate
    /// The twelve items in order.
    public var items: [Item]
    /// Why the item rules did not apply, when they did not (a release before 2022, a claimed
    /// exemption with its facts, a date before the statute took effect); nil when they did.
    public var notApplicable: String?
    /// Where the documentation is posted, and since when (`us.ab2013_doc_url`, `us.ab2013_posted_date`).
    public var posting: [Fact]
    /// Every file the disclosure was made from, so a writer can refuse to overwrite one.
    public var filesRead: [String] = []

    /// Every gap, in item order.
    public var gaps: [(item: Int, gap: Gap)] { items.flatMap { item in item.gaps.map { (item.number, $0) } } }

    public static func == (a: AB2013Disclosure, b: AB2013Disclosure) -> Bool {
        a.model == b.model && a.asOf == b.asOf && a.items == b.items && a.notApplicable == b.notApplicable && a.posting == b.posting
    }
}
