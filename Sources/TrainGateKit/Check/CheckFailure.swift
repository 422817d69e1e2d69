/// One reason a check could not run: where, when it is in a file, and what.
public struct CheckError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file it is in; nil for a problem with no file (no inputs found, an unknown pack name).
    public var file: String?
    /// Its position in `file`, when it has one.
    public var location: SourceLocation?
    /// What is wrong, without the location.
    public var message: String

    /// An error at `location` (or in no file).
    public init(_ message: String, at location: SourceLocation? = nil) {
        self.init(message, file: location?.file, location: location)
    }

    /// An error in `file`, at `location` within it when known.
    public init(_ message: String, file: String?, location: SourceLocation?) {
        self.message = message
        self.file = file
        self.location = location
    }

    /// An input, waiver or config error.
    public init(_ error: ArtifactError) {
        if case .document(let document) = error {
            self.init(document.message, file: document.path, location: document.location)
        } else {
            self.init(error.message, at: error.location)
        }
    }

    /// A policy pack error.
    public init(_ error: PolicyError) {
        if case .document(let document) = error {
            self.init(ArtifactError.document(document))
        } else {
            self.init(error.message, at: error.location)
        }
    }

    /// One compiler-style line: `path:line:col: error: message`, `path: error: message`, or
    /// `error: message`.
    public var description: String {
        if let location { return "\(location): error: \(message)" }
        if let file { return "\(file): error: \(message)" }
        return "error: \(message)"
    }
}

/// Why a check could not run: the input, pack, waiver or config errors found — the first
/// `maxErrors` of them, then one line counting the rest, so a file of a hundred thousand broken
/// entries gives a screenful, not a hundred thousand lines.
public struct CheckFailure: Error, Sendable {
    public var errors: [CheckError]
    public var warnings: [Diagnostic]

    /// The most errors listed.
    public static let maxErrors = 100

    public init(errors: [CheckError], warnings: [Diagnostic] = []) {
        if errors.count > Self.maxErrors {
            let more = errors.count - Self.maxErrors
            self.errors =
                Array(errors.prefix(Self.maxErrors))
                + [CheckError("\(more) more error\(more == 1 ? "" : "s") not shown; fix the ones above first")]
        } else {
            self.errors = errors
        }
        self.warnings = warnings
    }
}

/// A run that could not check, as the reporters render it: a machine-readable report still
/// says the run failed and why, so a CI dashboard shows an error instead of nothing (or a
/// report left from an earlier run).
public struct FailedCheck: Sendable {
    public var toolVersion: String
    public var errors: [CheckError]
    public var warnings: [Diagnostic]

    public init(toolVersion: String = trainGateVersion, errors: [CheckError], warnings: [Diagnostic] = []) {
        self.toolVersion = toolVersion
        self.errors = errors
        self.warnings = warnings
    }

    /// `1 error` or `3 errors`.
    public var errorCount: String { errors.count == 1 ? "1 error" : "\(errors.count) errors" }
}
