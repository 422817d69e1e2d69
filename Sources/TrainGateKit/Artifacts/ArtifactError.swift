/// Everything that keeps a manifest or model card from being checked. Each is located, and
/// each makes `traingate check` exit 2: TrainGate never checks half a file.
public enum ArtifactError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be read or parsed.
    case document(DocumentError)
    /// A file named explicitly is not a TrainGate file of a kind `check` reads.
    case notCheckable(SourceLocation, reason: String)
    /// A field of the wrong type.
    case wrongType(SourceLocation, path: String, expected: String, found: String)
    /// A value outside the field's closed vocabulary.
    case invalidValue(SourceLocation, path: String, value: String, allowed: [String])
    /// A required field is absent or null.
    case missingRequired(SourceLocation, path: String)
    /// A model card names a manifest that does not exist.
    case manifestNotFound(SourceLocation, path: String)
    /// A model card names a manifest outside its own folder tree.
    case manifestOutsideFolder(SourceLocation, path: String)
    /// A model card names a file that is not a dataset manifest.
    case notAManifest(SourceLocation, path: String, found: String)
    /// An evidence reference names a file that does not exist.
    case evidenceNotFound(SourceLocation, path: String)
    /// An evidence file's SHA-256 differs from the digest declared with it.
    case evidenceDigestMismatch(SourceLocation, path: String, expected: String, actual: String)
    /// An evidence reference names a file outside the folder of the file that names it.
    case evidenceOutsideFolder(SourceLocation, path: String)
    /// Two manifests declare the same dataset id, or a manifest the same source id twice.
    case duplicateID(String, SourceLocation, first: SourceLocation)
    /// A value that is well-typed but breaks a rule of its file kind (a waiver that outlives the
    /// maximum lifetime, a config naming an unknown report format).
    case invalid(SourceLocation, String)

    public var location: SourceLocation? {
        switch self {
        case .document(let error): return error.location
        case .notCheckable(let l, _), .wrongType(let l, _, _, _), .invalidValue(let l, _, _, _), .missingRequired(let l, _),
            .manifestNotFound(let l, _), .manifestOutsideFolder(let l, _), .notAManifest(let l, _, _), .duplicateID(_, let l, _),
            .evidenceNotFound(let l, _), .evidenceOutsideFolder(let l, _), .evidenceDigestMismatch(let l, _, _, _),
            .invalid(let l, _):
            return l
        }
    }

    public var message: String {
        switch self {
        case .document(let error): return error.message
        case .notCheckable(_, let reason), .invalid(_, let reason): return reason
        case .wrongType(_, let path, let expected, let found): return "'\(path)' must be \(expected), found \(found)"
        case .invalidValue(_, let path, let value, let allowed):
            let hint = Suggestions.closest(to: value, in: allowed).map { "; did you mean '\($0)'?" } ?? ""
            return "'\(value)' is not a valid value for '\(path)'; expected one of: \(allowed.joined(separator: ", "))\(hint)"
        case .missingRequired(_, let path): return "missing required field '\(path)'"
        case .manifestNotFound(_, let path): return "dataset manifest '\(path)' not found"
        case .manifestOutsideFolder(_, let path):
            return "dataset manifest '\(path)' is outside the model card's folder; manifests must live in or below it"
        case .notAManifest(_, let path, let found): return "'\(path)' is not a dataset manifest (found \(found))"
        case .duplicateID(let id, _, let first): return "duplicate id '\(id)' (first declared at \(first))"
        case .evidenceNotFound(_, let path): return "evidence file '\(path)' not found"
        case .evidenceDigestMismatch(_, let path, let expected, let actual):
            return "evidence file '\(path)' has SHA-256 \(actual), not the declared \(expected)"
        case .evidenceOutsideFolder(_, let path):
            return "evidence file '\(path)' is outside the folder of the file that names it; evidence must live in or below it"
        }
    }

    /// One compiler-style line.
    public var description: String {
        if case .document(let error) = self { return error.description }
        return "\(location!): error: \(message)"
    }
}

/// A problem that does not stop a check: an unknown key, a file skipped.
public struct Diagnostic: Sendable, Equatable, Codable, CustomStringConvertible {
    /// Where it is.
    public var location: SourceLocation
    /// What it says.
    public var message: String

    public var description: String { "\(location): warning: \(message)" }
}

extension ArtifactError {
    /// Why `root` is not a `traingate/v1` file of `kind`, or nil when it is.
    static func kindProblem(_ root: Node, expected kind: DocumentKind) -> ArtifactError? {
        guard root.mapping != nil else {
            return .notCheckable(root.location, reason: "expected a mapping with 'apiVersion: traingate/v1' and 'kind: \(kind)'")
        }
        let api = root["apiVersion"]?.scalar?.text
        let found = root["kind"]?.scalar?.text
        if api != "traingate/v1" {
            return .notCheckable(
                root["apiVersion"]?.location ?? root.location,
                reason: api.map { "unsupported apiVersion '\($0)'; this TrainGate reads traingate/v1" }
                    ?? "not a TrainGate file: expected 'apiVersion: traingate/v1'")
        }
        if found != kind.rawValue {
            return .notCheckable(
                root["kind"]?.location ?? root.location,
                reason: "expected 'kind: \(kind)', found \(found.map { "'\($0)'" } ?? "none")")
        }
        return nil
    }
}
