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

/// The adapters, one per format.
public enum Adapters {
    /// Reads `file` as `format` (or as what its content says, for `.auto`): a document in no
    /// other format TrainGate reads comes back as `.native`, for the caller to judge. Throws a
    /// located error for a file that cannot be read, is malformed, or has a value of the wrong type.
    public static func load(file: String, format: InputFormat = .auto, limits: LoadLimits = .standard) throws(ArtifactError) -> AdaptedOrNative {
        let syntax = InputSyntax(path: file)
        do {
            if format == .huggingface || (format == .auto && syntax == .markdown) {
                let document = try DocumentLoader.loadMarkdown(file: file, limits: limits)
                if format == .auto, let root = document.frontMatter, InputFormat.detect(root) == .traingate { return .native(root) }
                // Detection by content: Markdown that is not card-shaped (no card metadata, no card
                // headings) is no card, whatever its name.
                if !HuggingFaceCardAdapter.looksLikeCard(document) {
                    guard format == .auto else {
                        throw ArtifactError.notCheckable(SourceLocation(file: file, line: 1, column: 1), reason:
                            "not a Hugging Face card: no card metadata in front matter and no model or dataset card headings")
                    }
                    return .native(document.frontMatter ?? Node(.mapping([]), at: SourceLocation(file: file, line: 1, column: 1)))
                }
                return .adapted(try HuggingFaceCardAdapter.adapt(document))
            }
            let json = syntax == .json || [.croissant, .spdx3, .cyclonedx].contains(format)
            let root = json ? try DocumentLoader.loadJSON(file: file, limits: limits) : try DocumentLoader.loadYAML(file: file, limits: limits)
            let detected = format == .auto ? InputFormat.detect(root) : format
            switch detected {
            case nil, .traingate?, .auto?: return .native(root)
            case let other?: return .adapted(try adapt(root, as: other))
            }
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
        guard root.mapping != nil else {
            throw .notCheckable(root.location, reason: "a \(format.title) document is a JSON object, found \(root.kindDescription)")
        }
        switch format {
        case .croissant: return try CroissantAdapter.adapt(root)
        case .spdx3: return try SPDX3Adapter.adapt(root)
        case .cyclonedx: return try CycloneDXAdapter.adapt(root)
        case .huggingface:
            throw .notCheckable(root.location, reason: "a Hugging Face card is a Markdown file (README.md) with YAML front matter")
        case .auto, .traingate: preconditionFailure("not an adapter format")
        }
    }
}

/// A file read by `Adapters.load`: TrainGate's own document, or a foreign one adapted.
public enum AdaptedOrNative: Sendable {
    case native(Node)
    case adapted(AdaptedFile)
}

/// The root of a TrainGate view an adapter builds.
extension Draft {
    static func view(kind: String, at location: SourceLocation) -> Draft {
        var draft = Draft(at: location)
        draft.set("apiVersion", .plain("traingate/v1", at: location))
        draft.set("kind", .plain(kind, at: location))
        return draft
    }
}
