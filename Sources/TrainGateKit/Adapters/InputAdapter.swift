/// What an adapter read from a file in another format: a TrainGate model card and dataset
/// manifests as located Node trees (every value at the place it was read from), and notes on
/// what the file only hints at.
public struct AdaptedFile: Sendable {
    /// The format the file was read as.
    public var format: InputFormat
    /// The model card view (`apiVersion: traingate/v1`, `kind: ModelCard`), if the file describes a model.
    public var card: Node?
    /// One manifest view per dataset the file describes, in file order.
    public var manifests: [Node]
    /// Prose that hints at what the law asks (never a declaration), and values the format
    /// holds that TrainGate cannot use; each located in the original file.
    public var notes: [Diagnostic]

    /// Whether the file described nothing TrainGate can check.
    public var isEmpty: Bool { card == nil && manifests.isEmpty }
}

/// A reader of one foreign format into TrainGate's views: a Hugging Face card, a Croissant
/// file. Adding a format is one type conforming to this, one line in `Adapters.all`, and
/// fixtures.
public protocol InputAdapter: Sendable {
    /// The format it reads; its `rawValue` is the `--input-format` name.
    static var format: InputFormat { get }
    /// How the format is named in messages: `Croissant`, `Hugging Face card`.
    static var title: String { get }
    /// The syntax its files are written in (JSON or Markdown).
    static var syntax: InputSyntax { get }
    /// Whether a document is in this format, judged by its content.
    static func detects(_ document: SourceDocument) -> Bool
    /// Reads a document of this format. Throws a located error for a document that is not one
    /// (when the format was named) or holds a value of the wrong type.
    static func adapt(_ document: SourceDocument) throws(ArtifactError) -> AdaptedFile
}

/// An adapter of a JSON format: it detects and reads a JSON object.
protocol JSONInputAdapter: InputAdapter {
    /// Whether a JSON object is in this format.
    static func detects(root: Node) -> Bool
    /// Reads a JSON object of this format.
    static func adapt(_ root: Node) throws(ArtifactError) -> AdaptedFile
}

extension JSONInputAdapter {
    static var syntax: InputSyntax { .json }

    static func detects(_ document: SourceDocument) -> Bool {
        guard case .tree(let root) = document else { return false }
        return detects(root: root)
    }

    static func adapt(_ document: SourceDocument) throws(ArtifactError) -> AdaptedFile {
        switch document {
        case .markdown(let markdown):
            throw .notCheckable(SourceLocation(file: markdown.file, line: 1, column: 1), reason: "a \(title) document is a JSON object")
        case .tree(let root) where root.mapping == nil:
            throw .notCheckable(root.location, reason: "a \(title) document is a JSON object, found \(root.kindDescription)")
        case .tree(let root):
            return try adapt(root)
        }
    }
}

/// A parsed input file: a YAML or JSON tree, or Markdown with its front matter.
public enum SourceDocument: Sendable {
    case tree(Node)
    case markdown(MarkdownDocument)
}

/// The adapters, one per format, in `--input-format` order.
public enum Adapters {
    /// The registry.
    public static let all: [any InputAdapter.Type] = [
        HuggingFaceCardAdapter.self, CroissantAdapter.self, SPDX3Adapter.self, CycloneDXAdapter.self,
    ]

    /// Reads `file` as `format` (or as what its content says, for `.auto`): a document in no
    /// other format TrainGate reads comes back as `.native`, for the caller to judge. Throws a
    /// located error for a file that cannot be read, is malformed, or has a value of the wrong type.
    public static func load(file: String, format: InputFormat = .auto, limits: LoadLimits = .standard) throws(ArtifactError)
        -> AdaptedOrNative
    {
        try load(bytes: read(file, limits: limits), file: file, format: format, limits: limits)
    }

    /// The bytes of `file`, read the way every loader reads them (`SourceText.read`).
    static func read(_ file: String, limits: LoadLimits) throws(ArtifactError) -> [UInt8] {
        do { return try SourceText.read(file, limits: limits) } catch { throw .document(error) }
    }

    /// `load(file:format:limits:)` on bytes already read from `file`.
    static func load(bytes: [UInt8], file: String, format: InputFormat = .auto, limits: LoadLimits = .standard) throws(ArtifactError)
        -> AdaptedOrNative
    {
        let syntax = format.adapter?.syntax ?? InputSyntax(path: file)
        let forced = format.adapter
        do {
            if syntax == .markdown {
                let document = try DocumentLoader.parseMarkdown(bytes, file: file, limits: limits)
                if format == .auto, let root = document.frontMatter, InputFormat.detect(root) == .traingate { return .native(root) }
                if let forced { return .adapted(try forced.adapt(.markdown(document))) }
                // Detection by content: Markdown that no adapter recognises is no card, whatever its name.
                guard let adapter = all.first(where: { $0.syntax == .markdown && $0.detects(.markdown(document)) }) else {
                    return .native(document.frontMatter ?? Node(.mapping([]), at: SourceLocation(file: file, line: 1, column: 1)))
                }
                return .adapted(try adapter.adapt(.markdown(document)))
            }
            let root =
                syntax == .json
                ? try DocumentLoader.parseJSON(bytes, file: file, limits: limits)
                : try DocumentLoader.parseYAML(bytes, file: file, limits: limits)
            let detected = format == .auto ? InputFormat.detect(root) : format
            guard let adapter = detected?.adapter else { return .native(root) }
            return .adapted(try adapter.adapt(.tree(root)))
        } catch let error as DocumentError {
            throw .document(error)
        } catch let error as ArtifactError {
            throw error
        } catch {
            preconditionFailure("unexpected error \(error)")
        }
    }

    /// Reads a parsed JSON document as `format`.
    static func adapt(_ root: Node, as format: InputFormat) throws(ArtifactError) -> AdaptedFile {
        guard let adapter = format.adapter else { preconditionFailure("not an adapter format: \(format)") }
        return try adapter.adapt(.tree(root))
    }
}

/// A file read by `Adapters.load`: TrainGate's own document, or a foreign one adapted.
public enum AdaptedOrNative: Sendable {
    case native(Node)
    case adapted(AdaptedFile)
}

/// The root of a TrainGate view an adapter builds.
extension Draft {
    static func view(kind: DocumentKind, at location: SourceLocation) -> Draft {
        var draft = Draft(at: location)
        draft.set("apiVersion", .plain("traingate/v1", at: location))
        draft.set("kind", .plain(kind.rawValue, at: location))
        return draft
    }
}
