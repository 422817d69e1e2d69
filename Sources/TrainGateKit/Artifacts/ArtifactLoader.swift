import Foundation

/// Loads the inputs of a check: files and folders into model cards and dataset manifests, each
/// card with the manifests it names.
public enum ArtifactLoader {
    /// What loading found.
    public struct Inputs: Sendable {
        /// Cards with their datasets, then one bundle of manifests that no card names.
        public var bundles: [ArtifactBundle]
        /// Every TrainGate file read, with its kind, in the order read.
        public var files: [(path: String, kind: String)]
        /// Files in named folders that are not TrainGate inputs (other YAML/JSON, policy packs, Markdown).
        public var skipped: [String]
        /// Warnings (unknown keys).
        public var warnings: [Diagnostic]
        /// Everything that keeps the inputs from being checked; non-empty means exit 2.
        public var errors: [ArtifactError]
    }

    /// The kinds `check` reads.
    static let checkedKinds = ["DatasetManifest", "ModelCard"]
    static let otherKinds = ["PolicyPack", "WaiverSet", "Config"]

    private enum Loaded {
        case manifest(DatasetManifest)
        case card(ModelCard)
        case skipped
        case failed
    }

    /// Loads `paths`. Files named explicitly must be TrainGate cards or manifests; files found in
    /// folders that are not are skipped and counted.
    public static func load(_ paths: [String], limits: LoadLimits = .standard) -> Inputs {
        var inputs = Inputs(bundles: [], files: [], skipped: [], warnings: [], errors: [])
        let explicit = Set(paths)
        let expansion = InputFiles.expand(paths)
        var manifests: [String: DatasetManifest] = [:]  // by canonical path
        var manifestOrder: [String] = []
        var cards: [ModelCard] = []
        for file in expansion.files {
            let isExplicit = explicit.contains(file)
            if InputSyntax(path: file) == .markdown && !isExplicit {
                inputs.skipped.append(file)
                continue
            }
            switch loadFile(file, explicit: isExplicit, limits: limits, into: &inputs) {
            case .manifest(let manifest):
                let key = canonical(file)
                if manifests[key] == nil { manifestOrder.append(key) }
                manifests[key] = manifest
            case .card(let card): cards.append(card)
            case .skipped: inputs.skipped.append(file)
            case .failed: break
            }
        }
        inputs.skipped += expansion.skipped
        var claimed = Set<String>()
        for card in cards {
            var datasets: [DatasetManifest] = []
            for reference in card.datasets {
                guard let (key, manifest) = resolve(reference, of: card, known: manifests, limits: limits, into: &inputs) else { continue }
                if manifests[key] == nil { manifests[key] = manifest }
                claimed.insert(key)
                datasets.append(manifest)
            }
            checkUniqueIDs(datasets, into: &inputs)
            inputs.bundles.append(ArtifactBundle(card: card, datasets: datasets))
        }
        let standalone = manifestOrder.filter { !claimed.contains($0) }.compactMap { manifests[$0] }
        if !standalone.isEmpty {
            checkUniqueIDs(standalone, into: &inputs)
            inputs.bundles.append(ArtifactBundle(card: nil, datasets: standalone))
        }
        return inputs
    }

    private static func loadFile(_ file: String, explicit: Bool, limits: LoadLimits, into inputs: inout Inputs) -> Loaded {
        let root: Node
        do {
            root = InputSyntax(path: file) == .json
                ? try DocumentLoader.loadJSON(file: file, limits: limits)
                : try DocumentLoader.loadYAML(file: file, limits: limits)
        } catch {
            inputs.errors.append(.document(error))
            return .failed
        }
        let api = root["apiVersion"]?.scalar?.text, kind = root["kind"]?.scalar?.text ?? ""
        guard api == "traingate/v1" else {
            if explicit {
                inputs.errors.append(.notCheckable(root.location, reason: "not a TrainGate file: expected 'apiVersion: traingate/v1'"))
                return .failed
            }
            return .skipped
        }
        switch kind {
        case "DatasetManifest":
            guard let manifest = DatasetManifest.read(root, file: file, errors: &inputs.errors, warnings: &inputs.warnings) else { return .failed }
            inputs.files.append((file, kind))
            return .manifest(manifest)
        case "ModelCard":
            guard let card = ModelCard.read(root, file: file, errors: &inputs.errors, warnings: &inputs.warnings) else { return .failed }
            inputs.files.append((file, kind))
            return .card(card)
        case _ where otherKinds.contains(kind):
            if explicit {
                let hint = kind == "PolicyPack" ? "; pass policy packs with --pack" : kind == "WaiverSet" ? "; pass waivers with --waivers" : ""
                inputs.errors.append(.notCheckable(root["kind"]!.location, reason: "a \(kind) is not a check input\(hint)"))
                return .failed
            }
            return .skipped
        default:
            let hint = Suggestions.closest(to: kind, in: checkedKinds + otherKinds).map { "; did you mean '\($0)'?" } ?? ""
            inputs.errors.append(.notCheckable(root["kind"]?.location ?? root.location, reason: "unknown kind '\(kind)'\(hint)"))
            return .failed
        }
    }

    /// Finds and loads the manifest a card names, relative to the card and inside its folder.
    private static func resolve(
        _ reference: ModelCard.DatasetReference, of card: ModelCard, known: [String: DatasetManifest],
        limits: LoadLimits, into inputs: inout Inputs
    ) -> (String, DatasetManifest)? {
        let cardFolder = (card.file as NSString).deletingLastPathComponent
        let display = reference.path.hasPrefix("/") || cardFolder.isEmpty ? reference.path : cardFolder + "/" + reference.path
        let folderKey = canonical(cardFolder.isEmpty ? "." : cardFolder)
        let key = canonical(display)
        guard key.hasPrefix(folderKey.hasSuffix("/") ? folderKey : folderKey + "/") else {
            inputs.errors.append(.manifestOutsideFolder(reference.location, path: reference.path))
            return nil
        }
        if let manifest = known[key] { return (key, manifest) }
        guard FileManager.default.fileExists(atPath: display) else {
            inputs.errors.append(.manifestNotFound(reference.location, path: reference.path))
            return nil
        }
        var probe = inputs
        probe.errors = []
        switch loadFile(display, explicit: true, limits: limits, into: &probe) {
        case .manifest(let manifest):
            inputs = probe
            return (key, manifest)
        case .card:
            inputs.errors.append(.notAManifest(reference.location, path: reference.path, found: "a ModelCard"))
        case .skipped, .failed:
            if probe.errors.contains(where: { if case .notCheckable = $0 { return true } else { return false } }) {
                inputs.errors.append(.notAManifest(reference.location, path: reference.path, found: "another kind of file"))
            } else {
                inputs.errors += probe.errors
                inputs.warnings = probe.warnings
            }
        }
        return nil
    }

    private static func checkUniqueIDs(_ datasets: [DatasetManifest], into inputs: inout Inputs) {
        var seen: [String: SourceLocation] = [:]
        for dataset in datasets {
            let location = dataset.root["dataset"]?["id"]?.location ?? dataset.root.location
            if let first = seen[dataset.id] { inputs.errors.append(.duplicateID(dataset.id, location, first: first)) }
            seen[dataset.id] = location
        }
    }

    /// An absolute path with `.`, `..` and symbolic links resolved, for identity and containment.
    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
