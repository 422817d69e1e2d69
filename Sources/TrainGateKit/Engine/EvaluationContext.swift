/// The documents a subject's cross-document paths reach, and the date rules are judged at.
public struct EvaluationContext: Sendable {
    /// The bundle's model card, if any (`$model`).
    public var model: Node?
    /// The subject's dataset manifest (`$dataset`); for a dataset subject, the subject itself.
    public var dataset: Node?
    /// Every dataset of the bundle (`$datasets`).
    public var datasets: [Node]
    /// The date `today` means, and against which `effective` dates are compared.
    public var asOf: ISODate
    /// The subject's source (`$source`): a source subject itself, or the source whose ledger a
    /// record rule reads.
    public var source: Node?

    public init(model: Node?, dataset: Node?, datasets: [Node], asOf: ISODate, source: Node? = nil) {
        self.model = model
        self.dataset = dataset
        self.datasets = datasets
        self.asOf = asOf
        self.source = source
    }
}

/// The outcome of a condition under three-valued logic.
public enum Truth: Sendable, Equatable {
    /// It holds.
    case pass
    /// A field it reads is declared, with a value that makes it fail.
    case violation
    /// A field it needs is not declared (absent or null), so it cannot hold.
    case missing
}

/// Why a condition came out as it did: the leaf that decided it.
public struct Detail: Sendable, Equatable {
    /// The field's path in its document (`sources[2].access.tpm_circumvented`; `$model.…` for the card).
    public var path: String
    /// What the leaf wanted, in words (`equals false`).
    public var expected: String
    /// What was there (`true`, `missing`).
    public var found: String
    /// The field's location, or its nearest declared parent's when it is missing.
    public var location: SourceLocation
}

/// A condition's truth and, when asked for, the detail behind it.
struct Outcome {
    var truth: Truth
    var detail: Detail?
}
