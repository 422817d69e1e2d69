/// Everything that makes a policy pack unusable: each is located in the pack file, and any of
/// them stops a check with exit code 2 rather than run with a broken rule.
public enum PolicyError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The pack file could not be read or parsed.
    case document(DocumentError)
    /// The file is not `apiVersion: traingate/v1`, `kind: PolicyPack`.
    case notAPack(SourceLocation, found: String)
    /// A required key is absent.
    case missingKey(SourceLocation, key: String, context: String)
    /// A key that packs do not have (packs are strict: an ignored key would change a rule's meaning).
    case unknownKey(SourceLocation, key: String, suggestion: String?)
    /// A value of the wrong shape or type.
    case wrongType(SourceLocation, key: String, expected: String, found: String)
    /// A value outside a closed set.
    case invalidValue(SourceLocation, key: String, value: String, allowed: [String])
    /// A condition key that is not an operator, composite or quantifier.
    case unknownOperator(SourceLocation, name: String, suggestion: String?)
    /// A leaf with zero operators or more than one.
    case operatorCount(SourceLocation, found: [String])
    /// A path that does not parse, or names many nodes where one is needed.
    case invalidPath(SourceLocation, path: String, reason: String)
    /// A regular expression that does not compile.
    case invalidRegex(SourceLocation, pattern: String, reason: String)
    /// A date that is not ISO 8601 `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    case invalidDate(SourceLocation, text: String)
    /// A record rule whose condition cannot run on ledger rows (an unknown row field, an
    /// operator or value that does not suit the field).
    case invalidRecordRule(SourceLocation, reason: String)
    /// A message template with a syntax error.
    case invalidTemplate(SourceLocation, reason: String)
    /// Two rules share an id, in one pack or across packs.
    case duplicateRuleID(String, SourceLocation, first: SourceLocation)
    /// Two packs share a name.
    case duplicatePackName(String, SourceLocation, first: SourceLocation)
    /// `--pack NAME` names no built-in pack.
    case unknownPack(String, suggestion: String?)
    /// `TRAINGATE_POLICIES` names something that is not a folder.
    case overrideFolder(String)
    /// The built-in packs compiled into the program cannot be read (a damaged build).
    case compiledImage(String)
    /// No built-in packs: none registered, and none in the package's `policies/` folder.
    case noBuiltInPacks(String)

    public var location: SourceLocation? {
        switch self {
        case .document(let error): return error.location
        case .unknownPack, .overrideFolder, .compiledImage, .noBuiltInPacks: return nil
        case .notAPack(let l, _), .missingKey(let l, _, _), .unknownKey(let l, _, _), .wrongType(let l, _, _, _),
            .invalidValue(let l, _, _, _), .unknownOperator(let l, _, _), .operatorCount(let l, _),
            .invalidPath(let l, _, _), .invalidRegex(let l, _, _), .invalidDate(let l, _), .invalidTemplate(let l, _),
            .invalidRecordRule(let l, _),
            .duplicateRuleID(_, let l, _), .duplicatePackName(_, let l, _):
            return l
        }
    }

    public var message: String {
        func suggest(_ s: String?) -> String { s.map { "; did you mean '\($0)'?" } ?? "" }
        switch self {
        case .document(let error): return error.message
        case .notAPack(_, let found): return "not a policy pack: expected 'apiVersion: traingate/v1' and 'kind: PolicyPack', found \(found)"
        case .missingKey(_, let key, let context): return "missing required key '\(key)' in \(context)"
        case .unknownKey(_, let key, let suggestion): return "unknown key '\(key)'\(suggest(suggestion))"
        case .wrongType(_, let key, let expected, let found): return "'\(key)' must be \(expected), found \(found)"
        case .invalidValue(_, let key, let value, let allowed):
            return
                "'\(value)' is not a valid \(key); expected one of: \(allowed.joined(separator: ", "))\(suggest(Suggestions.closest(to: value, in: allowed)))"
        case .unknownOperator(_, let name, let suggestion):
            return "unknown operator '\(name)'\(suggest(suggestion))"
        case .operatorCount(_, let found):
            return found.isEmpty
                ? "condition has no operator; a leaf needs 'path' and exactly one operator"
                : "condition has \(found.count) operators (\(found.joined(separator: ", "))); a leaf takes exactly one"
        case .invalidPath(_, let path, let reason): return "invalid path '\(path)': \(reason)"
        case .invalidRegex(_, let pattern, let reason): return "invalid regular expression '\(pattern)': \(reason)"
        case .invalidDate(_, let text): return "'\(text)' is not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)"
        case .invalidRecordRule(_, let reason): return "record rule: \(reason)"
        case .invalidTemplate(_, let reason): return "invalid message template: \(reason)"
        case .duplicateRuleID(let id, _, let first): return "duplicate rule id '\(id)' (first defined at \(first))"
        case .duplicatePackName(let name, _, let first): return "duplicate pack name '\(name)' (first defined at \(first))"
        case .unknownPack(let name, let suggestion):
            return "no built-in pack named '\(name)'\(suggest(suggestion)); see 'traingate packs list'"
        case .overrideFolder(let folder): return "\(overrideVariableName)=\(folder) is not a folder of policy packs"
        case .noBuiltInPacks(let origin): return "no built-in policy packs in \(origin); rebuild traingate from a checkout with policies/"
        case .compiledImage(let reason): return "the built-in packs compiled into this program cannot be read (\(reason)); rebuild it"
        }
    }

    /// One compiler-style line.
    public var description: String {
        if case .document(let error) = self { return error.description }
        if case .unknownPack = self { return "error: " + message }
        if case .overrideFolder = self { return "error: " + message }
        if case .compiledImage = self { return "error: " + message }
        if case .noBuiltInPacks = self { return "error: " + message }
        return "\(location!): error: \(message)"
    }
}

private let overrideVariableName = PolicyLoader.overrideVariable
