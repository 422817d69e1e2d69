/// Everything that can go wrong reading an input file into Nodes, or reading a Node as a type.
///
/// Each case knows its file and, where it has one, its position; `description` is one
/// compiler-style line, `path:line:col: error: message`, with any second location (a
/// duplicate key's first definition, libyaml's context) given as `line:col` in the message.
public enum DocumentError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No file or folder at the path.
    case fileNotFound(path: String)
    /// The path names a directory, device, FIFO or socket rather than a regular file.
    case notARegularFile(path: String, kind: String)
    /// The file exists but could not be opened or read.
    case unreadable(path: String, reason: String)
    /// The file is larger than `LoadLimits.maxFileBytes`.
    case fileTooLarge(path: String, bytes: Int, limit: Int)
    /// The file has no bytes at all.
    case emptyFile(path: String)
    /// The file holds a NUL byte, so it is binary, not text.
    case binaryFile(SourceLocation)
    /// The bytes are not valid UTF-8 (or UTF-16 with a byte-order mark).
    case invalidEncoding(SourceLocation, detail: String)
    /// libyaml rejected the text; `context` is what it was parsing, and where that began.
    case syntax(SourceLocation, problem: String, context: String?, contextLocation: SourceLocation?)
    /// The file holds only comments, directives or whitespace.
    case noDocument(path: String)
    /// A second document (`---`) where exactly one was expected.
    case multipleDocuments(SourceLocation, first: SourceLocation)
    /// A mapping names the same key twice.
    case duplicateKey(String, SourceLocation, first: SourceLocation)
    /// Sequences and mappings nest deeper than `LoadLimits.maxDepth`.
    case tooDeep(SourceLocation, limit: Int)
    /// A scalar is longer than `LoadLimits.maxScalarBytes`.
    case scalarTooLarge(SourceLocation, bytes: Int, limit: Int)
    /// Aliases would expand the document past its node budget.
    case aliasBudgetExceeded(SourceLocation, nodes: Int, limit: Int)
    /// An alias names an anchor that was not defined before it.
    case undefinedAlias(String, SourceLocation)
    /// A YAML 1.1 merge key (`<<`), which TrainGate rejects rather than half-support.
    case mergeKey(SourceLocation)
    /// A mapping key that is a sequence or a mapping.
    case nonScalarKey(SourceLocation)
    /// A tag outside the YAML 1.2 core schema (`!!binary`, `!custom`, …).
    case unknownTag(String, SourceLocation)
    /// A core-schema tag on a node it cannot describe (`!!int abc`, `!!map [1]`).
    case tagMismatch(String, SourceLocation, found: String)
    /// A comment in a JSON file (`//`, `/* */` or `#`).
    case jsonComment(SourceLocation)
    /// YAML syntax that JSON does not allow, in a `.json` file.
    case notJSON(SourceLocation, reason: String)
    /// Markdown front matter opened with `---` but never closed by `---` or `...`.
    case frontMatterNotClosed(SourceLocation)
    /// A node read as one type holds another.
    case typeMismatch(SourceLocation, expected: String, found: String)
    /// A scalar of the right type with a value that is out of range or malformed.
    case invalidValue(SourceLocation, reason: String)

    /// The file the error is about.
    public var path: String {
        switch self {
        case .fileNotFound(let path), .notARegularFile(let path, _), .unreadable(let path, _),
            .fileTooLarge(let path, _, _), .emptyFile(let path), .noDocument(let path):
            return path
        default:
            return location?.file ?? ""
        }
    }

    /// Where the error is, when a position is known.
    public var location: SourceLocation? {
        switch self {
        case .fileNotFound, .notARegularFile, .unreadable, .fileTooLarge, .emptyFile, .noDocument:
            return nil
        case .binaryFile(let l), .invalidEncoding(let l, _), .syntax(let l, _, _, _),
            .multipleDocuments(let l, _), .duplicateKey(_, let l, _), .tooDeep(let l, _),
            .scalarTooLarge(let l, _, _), .aliasBudgetExceeded(let l, _, _),
            .undefinedAlias(_, let l), .mergeKey(let l), .nonScalarKey(let l),
            .unknownTag(_, let l), .tagMismatch(_, let l, _), .jsonComment(let l),
            .notJSON(let l, _), .frontMatterNotClosed(let l), .typeMismatch(let l, _, _),
            .invalidValue(let l, _):
            return l
        }
    }

    /// The message without the location prefix, lower-case like a compiler's.
    public var message: String {
        switch self {
        case .fileNotFound: return "no such file or directory"
        case .notARegularFile(_, let kind): return "is a \(kind), not a regular file"
        case .unreadable(_, let reason): return "cannot read file: \(reason)"
        case .fileTooLarge(_, let bytes, let limit):
            return "file is \(bytes) bytes, over the limit of \(limit) bytes"
        case .emptyFile: return "file is empty"
        case .binaryFile: return "binary file: NUL byte found; expected UTF-8 text"
        case .invalidEncoding(_, let detail): return "invalid encoding: \(detail)"
        case .syntax(_, let problem, let context, let contextLocation):
            guard let context else { return "syntax error: \(problem)" }
            let at = contextLocation.map { " at \($0.position)" } ?? ""
            return "syntax error: \(problem) (\(context)\(at))"
        case .noDocument: return "file holds no document, only comments or whitespace"
        case .multipleDocuments(_, let first):
            return "a second document starts here (the first began at \(first.position)); expected exactly one"
        case .duplicateKey(let key, _, let first):
            return "duplicate key '\(key)' (first defined at \(first.position))"
        case .tooDeep(_, let limit): return "nesting is deeper than the limit of \(limit) levels"
        case .scalarTooLarge(_, let bytes, let limit):
            return "scalar is \(bytes) bytes, over the limit of \(limit) bytes"
        case .aliasBudgetExceeded(_, let nodes, let limit):
            return "aliases expand the document to more than \(limit) nodes (reached \(nodes)); refusing a possible alias bomb"
        case .undefinedAlias(let name, _): return "alias '*\(name)' refers to an undefined anchor"
        case .mergeKey:
            return "merge keys ('<<') are YAML 1.1 and not supported; write the keys out, or quote '<<' to use it as a plain key"
        case .nonScalarKey: return "mapping keys must be scalars, not sequences or mappings"
        case .unknownTag(let tag, _):
            return
                "unsupported tag '\(tag)'; only the YAML 1.2 core schema tags (!!str, !!int, !!float, !!bool, !!null, !!seq, !!map) are allowed"
        case .tagMismatch(let tag, _, let found): return "tag '!!\(tag)' does not fit \(found)"
        case .jsonComment: return "comments are not allowed in JSON"
        case .notJSON(_, let reason): return "not valid JSON: \(reason)"
        case .frontMatterNotClosed:
            return "front matter opened with '---' is never closed by a '---' or '...' line"
        case .typeMismatch(_, let expected, let found): return "expected \(expected), found \(found)"
        case .invalidValue(_, let reason): return reason
        }
    }

    /// `path:line:col: error: message`, or `path: error: message` without a position.
    public var description: String {
        if let location { return "\(location): error: \(message)" }
        return "\(path): error: \(message)"
    }
}
