#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A policy pack: rules as data, loaded from a `kind: PolicyPack` file.
public struct PolicyPack: Sendable {
    /// The pack's name, used by `--pack NAME` (`eu-copyright`).
    public var name: String
    /// A one-line title.
    public var title: String
    /// The pack's version (semantic versioning).
    public var version: String
    /// The jurisdiction whose law it encodes (`EU`, `US-CA`).
    public var jurisdiction: String
    /// The date of the consolidated legal texts the pack encodes.
    public var sourcesAsOf: ISODate
    /// Whether the pack runs only when asked for by name.
    public var optIn: Bool
    /// A longer description, if any.
    public var description: String?
    /// The rules, in file order.
    public var rules: [Rule]
    /// The file the pack was loaded from (`policies/NAME.yaml` for built-in packs).
    public var file: String
}

/// How severe a failing rule is; ordered from `info` (least) to `critical`.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    case info, low, medium, high, critical

    private var rank: Int { Severity.allCases.firstIndex(of: self)! }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// What a rule is evaluated against.
public enum RuleScope: String, Sendable, Codable, CaseIterable {
    /// Once per model card.
    case model
    /// Once per dataset manifest.
    case dataset
    /// Once per source of every dataset manifest.
    case source
    /// Over every row of a source's ledger: one finding per rule and source, with counts.
    case record
}

/// The record checks that are not a condition on one row (`builtin:` in a record rule).
public enum RecordBuiltin: String, Sendable, CaseIterable {
    /// The row's key matches an entry of a suppression list.
    case suppressed
    /// The row fails no record rule but shares its content digest with a row that does.
    case duplicate
    /// The ledger contradicts what the manifest declares about the source.
    case declared
    /// The row is malformed for the row schema; this stops the check, so the rule never fails.
    case schema
}

/// How many failing rows a record rule accepts before it fails (default: none).
public enum Tolerance: Sendable, Equatable {
    case maxCount(Int)
    case maxShare(Double)

    /// Whether `failing` of `total` rows is within the tolerance.
    public func accepts(_ failing: Int, of total: Int) -> Bool {
        switch self {
        case .maxCount(let limit): return failing <= limit
        case .maxShare(let share): return total > 0 && Double(failing) <= share * Double(total)
        }
    }

    public var description: String {
        switch self {
        case .maxCount(let limit): return "at most \(limit) rows"
        case .maxShare(let share): return "at most \(share * 100) % of rows"
        }
    }
}

/// How well the legal fact behind a rule is established (the catalogue's evidence markers).
public enum Confidence: String, Sendable, Codable, CaseIterable {
    /// Checked against the legal text, verbatim.
    case verbatim
    /// Taken from a reliable secondary source.
    case secondary
    /// Not verified; such rules stay `info` or `low`.
    case unverified
}

/// A reference to the law a rule encodes.
public struct Citation: Sendable, Codable, Equatable {
    /// The instrument: `Regulation (EU) 2024/1689 (AI Act)`.
    public var instrument: String
    /// The provision: `Art. 53(1)(c)`.
    public var ref: String
    /// The official text's URL, if given.
    public var url: String?
}

/// One rule of a pack.
public struct Rule: Sendable {
    public var id: String
    public var title: String
    public var severity: Severity
    public var scope: RuleScope
    /// The date from which the rule applies; before `--as-of` reaches it, the rule is `not_in_force`.
    public var effective: ISODate?
    /// Later dates for subjects a transitional provision covers (AI Act Art. 111: legacy models
    /// and systems): the first whose condition holds on the subject replaces `effective`.
    public var transitional: [Transition] = []
    public var citations: [Citation]
    /// When the rule applies; nil means always.
    public var when: Condition?
    /// What must hold when the rule applies.
    public var require: Condition
    public var message: MessageTemplate
    public var remediation: String
    /// What the rule checks, in words (for `traingate explain`).
    public var description: String?
    public var confidence: Confidence?
    /// Where the rule is defined.
    public var location: SourceLocation
    /// The name of the pack that holds the rule.
    public var pack: String
    /// Record rules: a check that is not a condition on one row (`require` is then empty).
    public var builtin: RecordBuiltin? = nil
    /// Record rules: how many failing rows are accepted.
    public var tolerance: Tolerance? = nil
    /// Record rules: the row fields whose values a finding counts failing rows by.
    public var breakdown: [LedgerField] = []
    /// The worked examples, or where to read them from a compiled pack when first asked for.
    var examplesSource = DeferredExamples(RuleExamples(pass: [], fail: []))

    /// Subjects the rule must pass and fail (`traingate packs test`).
    public var examples: RuleExamples {
        get { examplesSource.value }
        set { examplesSource = DeferredExamples(newValue) }
    }

    /// Why the examples could not be read from a damaged compiled image (they are then empty).
    var examplesProblem: String? { examplesSource.problem }

    /// Reads the examples from a compiled pack image only when they are first asked for.
    mutating func deferExamples(_ image: PackImage.Loaded, _ range: Range<Int>, fileID: UInt32, strings: [String]) {
        examplesSource = DeferredExamples(loading: { () -> Result<RuleExamples, PackImage.Malformed> in
            Result { () throws(PackImage.Malformed) in try PackImage.examples(image.bytes, range, fileID: fileID, strings: strings) }
        })
    }
}

/// A rule's examples, read once on first use.
final class DeferredExamples: @unchecked Sendable {
    private let lock = Lock()
    private var loaded: Result<RuleExamples, PackImage.Malformed>?
    private let load: (@Sendable () -> Result<RuleExamples, PackImage.Malformed>)?

    init(_ examples: RuleExamples) {
        loaded = .success(examples)
        load = nil
    }

    init(loading: @escaping @Sendable () -> Result<RuleExamples, PackImage.Malformed>) { load = loading }

    private var result: Result<RuleExamples, PackImage.Malformed> {
        lock.lock()
        defer { lock.unlock() }
        if let loaded { return loaded }
        let result = load?() ?? .success(RuleExamples(pass: [], fail: []))
        loaded = result
        return result
    }

    var value: RuleExamples { (try? result.get()) ?? RuleExamples(pass: [], fail: []) }

    var problem: String? {
        if case .failure(let error) = result { return error.description }
        return nil
    }
}

/// A transitional provision: subjects for which `when` holds are judged only from `effective`.
public struct Transition: Sendable {
    /// Which subjects the provision covers (e.g. a model placed on the market before a date).
    public var when: Condition
    /// The date from which the rule applies to them.
    public var effective: ISODate
    /// The provision, in words (`Art. 111(3) AI Act`), for `explain` and the not-in-force finding.
    public var ref: String
}

/// A rule's worked examples: each is a subject (a mapping), optionally with the documents its
/// cross-document paths read, written as `{$subject: {…}, $model: {…}, $dataset: {…}, $datasets: […]}`.
public struct RuleExamples: Sendable {
    public var pass: [Node]
    public var fail: [Node]
}
