#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Loads the inputs of a check: files and folders into model cards and dataset manifests, each
/// card with the manifests it names. Files are read in parallel; results are merged in file
/// order, so the outcome does not depend on timing.
public enum ArtifactLoader {
    /// What loading found.
    public struct Inputs: Sendable {
        /// One bundle per model card (with the manifests it names), then one per manifest that
        /// no card names.
        public var bundles: [ArtifactBundle]
        /// Every TrainGate file read, with its kind, in the order read.
        public var files: [CheckedFile]
        /// Files in named folders that are not TrainGate inputs (other YAML/JSON, policy packs, Markdown).
        public var skipped: [String]
        /// Warnings (unknown keys).
        public var warnings: [Diagnostic]
        /// Everything that keeps the inputs from being checked; non-empty means exit 2.
        public var errors: [ArtifactError]
        /// The bytes of every card and manifest read, by path, when a load was asked to keep them
        /// (`keepTexts`): what a report quotes around a finding's line without reading the file again.
        public var texts: [String: [UInt8]] = [:]
    }

    /// The kinds `check` reads.
    static let checkedKinds = DocumentKind.checked.map(\.rawValue)
    static let otherKinds = DocumentKind.allCases.filter { !DocumentKind.checked.contains($0) }.map(\.rawValue)

    /// What reading one file gave.
    struct FileOutcome: Sendable {
        enum Loaded: Sendable {
            case manifest(DatasetManifest)
            case card(ModelCard)
            /// A file in another format: a card (with the datasets it was trained on, when the
            /// same file describes them) or datasets alone.
            case adapted(card: ModelCard?, manifests: [DatasetManifest])
            case skipped
            case failed
        }

        var loaded: Loaded
        var errors: [ArtifactError] = []
        var warnings: [Diagnostic] = []
        /// The file's bytes, when the load keeps texts and the file was read.
        var text: [UInt8]? = nil

        /// The one manifest read, when the file is one (a TrainGate manifest, or a file in
        /// another format describing one dataset and no model).
        var manifest: DatasetManifest? {
            switch loaded {
            case .manifest(let manifest): manifest
            case .adapted(nil, let datasets) where datasets.count == 1: datasets[0]
            default: nil
            }
        }

        /// Changes the one manifest read, if there is one; nil when there is none.
        private mutating func changeManifest<R>(_ change: (inout DatasetManifest) -> R) -> R? {
            guard var manifest else { return nil }
            let result = change(&manifest)
            if case .manifest = loaded { loaded = .manifest(manifest) } else { loaded = .adapted(card: nil, manifests: [manifest]) }
            return result
        }

        /// Checks the manifest read, if it is one, with `check`, and trims it unless it names a
        /// ledger; nil for anything else.
        mutating func checkEarly<Result>(_ check: (DatasetManifest) -> Result) -> Result? {
            guard errors.isEmpty else { return nil }
            return changeManifest { manifest in
                let result = check(manifest)
                if !LedgerCheck.hasLedgers(manifest) { manifest.trim() }
                return result
            }
        }

        /// Numbers the manifest checked early (its `readIndex`).
        mutating func number(_ index: Int) { changeManifest { $0.readIndex = index } }
    }

    /// Loads `paths`. Files named explicitly must be TrainGate cards or manifests; files found in
    /// folders that are not are skipped and counted. With `skipOtherFiles`, files named
    /// explicitly are treated like files found in folders (for hooks that pass every changed file).
    /// `format` reads every file named or found as that format instead of deciding by content.
    /// With `keepTexts`, the bytes of every card and manifest read are kept in `Inputs.texts`.
    public static func load(
        _ paths: [String], skipOtherFiles: Bool = false, format: InputFormat = .auto, limits: LoadLimits = .standard,
        keepTexts: Bool = false
    ) -> Inputs {
        load(
            paths, skipOtherFiles: skipOtherFiles, format: format, limits: limits, keepTexts: keepTexts,
            streaming: Streaming<Int>?.none)
    }

    /// Checking manifests as they are read. `check` runs on the thread that read the manifest,
    /// right after reading it (while its document is still in the processor's cache); the
    /// manifest is then trimmed (`DatasetManifest.trim()`) unless it names a ledger, so a check
    /// of thousands of manifests never holds their documents. `take` is given each chunk's
    /// results on the calling thread, in file order — the result of the manifest whose
    /// `readIndex` is `i` is the `i`th given, counting across calls — with the number of files
    /// still to read. A card that names a trimmed manifest gets it read again, whole, and
    /// checked again with the card. Inputs of at most `above` files are read whole and nothing
    /// is checked early: their documents take little memory, and a folder holding a card and
    /// its manifests is then read and checked once.
    public struct Streaming<Result: Sendable> {
        public var check: @Sendable (DatasetManifest) -> Result
        public var take: (_ results: [Result], _ filesLeft: Int) -> Void
        public var above: Int

        public init(
            above: Int = ArtifactLoader.visitChunk, check: @escaping @Sendable (DatasetManifest) -> Result,
            take: @escaping ([Result], Int) -> Void
        ) {
            self.check = check
            self.take = take
            self.above = above
        }
    }

    /// `load`, checking manifests as they are read.
    public static func load<Result: Sendable>(
        _ paths: [String], skipOtherFiles: Bool = false, format: InputFormat = .auto, limits: LoadLimits = .standard,
        keepTexts: Bool = false, streaming: Streaming<Result>?
    ) -> Inputs {
        var inputs = Inputs(bundles: [], files: [], skipped: [], warnings: [], errors: [])
        let explicit = skipOtherFiles ? [] : Set(paths)
        let expansion = InputFiles.expand(paths)
        // Markdown found in folders is skipped (any README.md would be taken for a card); named explicitly, or with
        // --input-format huggingface, it is read as a Hugging Face card.
        var candidates: [String] = []
        for file in expansion.files {
            if explicit.contains(file) || InputSyntax(path: file) != .markdown || format == .huggingface {
                candidates.append(file)
            } else {
                inputs.skipped.append(file)
            }
        }
        var loadedManifests: [DatasetManifest] = []
        var cards: [ModelCard] = []
        var failed: [String] = []
        var adaptedBundles: [ArtifactBundle] = []
        let streaming = streaming.flatMap { candidates.count > $0.above ? $0 : nil }
        let chunk = streaming == nil ? max(candidates.count, 1) : visitChunk
        let read = { @Sendable (file: String) in
            loadFile(
                file, explicit: explicit.contains(file), limits: limits,
                format: explicit.contains(file) || format.fits(file) ? format : .auto, keepText: keepTexts)
        }
        let check = streaming?.check
        var taken = 0
        for start in stride(from: 0, to: candidates.count, by: chunk) {
            let part = Array(candidates[start..<min(start + chunk, candidates.count)])
            var outcomes = Parallel.map(part) { file in
                var outcome = read(file)
                guard let check else { return (outcome, Result?.none) }
                let result = outcome.checkEarly(check)
                return (outcome, result)
            }
            var results: [Result] = []
            for index in outcomes.indices {
                guard let result = outcomes[index].1 else { continue }
                outcomes[index].0.number(taken + results.count)
                results.append(result)
            }
            gather(
                zip(part, outcomes.map(\.0)), into: &inputs, manifests: &loadedManifests, cards: &cards, failed: &failed,
                adapted: &adaptedBundles)
            guard let streaming, !results.isEmpty else { continue }
            taken += results.count
            streaming.take(results, candidates.count - start - part.count)
        }
        inputs.skipped += expansion.skipped
        attach(
            cards, manifests: loadedManifests, adapted: adaptedBundles, failed: failed, limits: limits, keepTexts: keepTexts,
            reread: read, into: &inputs)
        return inputs
    }

    /// How many files a streaming load reads before handing their results over: enough to keep
    /// every core busy, few enough that what is held between hand-overs stays small.
    public static let visitChunk = 128

    /// Sorts what reading a chunk of files gave into cards, manifests and adapted bundles.
    private static func gather(
        _ outcomes: Zip2Sequence<[String], [FileOutcome]>, into inputs: inout Inputs, manifests loadedManifests: inout [DatasetManifest],
        cards: inout [ModelCard], failed: inout [String], adapted adaptedBundles: inout [ArtifactBundle]
    ) {
        for (file, outcome) in outcomes {
            if case .failed = outcome.loaded { failed.append(file) }
            if let text = outcome.text { inputs.texts[file] = text }
            inputs.errors += outcome.errors
            inputs.warnings += outcome.warnings
            switch outcome.loaded {
            case .manifest(let manifest):
                inputs.files.append(CheckedFile(path: file, kind: .datasetManifest))
                loadedManifests.append(manifest)
            case .card(let card):
                inputs.files.append(CheckedFile(path: file, kind: .modelCard))
                cards.append(card)
            case .adapted(let card?, let datasets):
                inputs.files.append(CheckedFile(path: file, kind: .modelCard))
                adaptedBundles.append(ArtifactBundle(card: card, datasets: datasets))
            case .adapted(nil, let datasets) where datasets.count == 1:
                // One dataset in a file: like a manifest, so a card that names the file claims it.
                inputs.files.append(CheckedFile(path: file, kind: .datasetManifest))
                loadedManifests.append(datasets[0])
            case .adapted(nil, let datasets):
                inputs.files.append(CheckedFile(path: file, kind: .datasetManifest))
                adaptedBundles += datasets.map { ArtifactBundle(card: nil, datasets: [$0]) }
            case .skipped: inputs.skipped.append(file)
            case .failed: break
            }
        }
    }

    /// Gives each card the manifests it names and makes bundles: one per card, one per manifest
    /// no card names, then the adapted files' bundles.
    private static func attach(
        _ cards: [ModelCard], manifests loadedManifests: [DatasetManifest], adapted adaptedBundles: [ArtifactBundle], failed: [String],
        limits: LoadLimits, keepTexts: Bool, reread: (String) -> FileOutcome, into inputs: inout Inputs
    ) {
        // Canonical paths matter only for matching a card's references with files already read;
        // without cards, resolving every path would be wasted system calls.
        let keys = (cards.isEmpty ? loadedManifests.map(\.file) : loadedManifests.map { Paths.canonical($0.file) }).map { Array($0.utf8) }
        var manifests: [[UInt8]: DatasetManifest] = [:]
        var manifestOrder: [[UInt8]] = []
        for (key, manifest) in zip(keys, loadedManifests) where manifests[key] == nil {
            manifests[key] = manifest
            manifestOrder.append(key)
        }
        var claimed = Set<[UInt8]>()
        // Files that already failed (and reported why) are not loaded and reported again when a card names them.
        let alreadyFailed = cards.isEmpty ? [] : Set(failed.map { Array(Paths.canonical($0).utf8) })
        for card in cards {
            var datasets: [DatasetManifest] = []
            var named: [[UInt8]: SourceLocation] = [:]
            for reference in card.datasets {
                let target = Paths.resolve(reference.path, relativeTo: card.file)
                // A card that names one manifest twice is wrong at its own second line.
                if let first = named[Array(target.canonical.utf8)] {
                    inputs.errors.append(
                        .invalid(reference.location, "manifest '\(reference.path.visibleASCII)' is named twice (first at \(first))"))
                    continue
                }
                named[Array(target.canonical.utf8)] = reference.location
                if alreadyFailed.contains(Array(target.canonical.utf8)) { continue }
                guard
                    let (key, manifest) = load(
                        reference, at: target, known: manifests, limits: limits, keepText: keepTexts, reread: reread, into: &inputs)
                else { continue }
                if manifests[key] == nil {
                    manifests[key] = manifest
                    inputs.files.append(CheckedFile(path: manifest.file, kind: .datasetManifest))
                }
                claimed.insert(key)
                datasets.append(manifest)
            }
            checkUniqueIDs(datasets, into: &inputs)
            inputs.bundles.append(ArtifactBundle(card: card, datasets: datasets))
        }
        // Manifests no card names are bundles of their own, but their findings share one subject
        // namespace (dataset:ID/…), so two of them may not share an id either.
        var standalone: [DatasetManifest] = []
        for key in manifestOrder where !claimed.contains(key) {
            standalone.append(manifests[key]!)
            inputs.bundles.append(ArtifactBundle(card: nil, datasets: [manifests[key]!]))
        }
        checkUniqueIDs(standalone, into: &inputs)
        for bundle in adaptedBundles { checkUniqueIDs(bundle.datasets, into: &inputs) }
        inputs.bundles += adaptedBundles
    }

    static func loadFile(
        _ file: String, explicit: Bool, limits: LoadLimits, format: InputFormat = .auto, keepText: Bool = false
    ) -> FileOutcome {
        var outcome = readFile(file, explicit: explicit, limits: limits, format: format)
        if keepText, let bytes = outcome.text {
            switch outcome.loaded {
            case .skipped, .failed: outcome.text = nil
            case .manifest, .card, .adapted: outcome.text = bytes
            }
        } else {
            outcome.text = nil
        }
        return outcome
    }

    /// Reads one file; its bytes are in the outcome's `text`, for the caller to keep or drop.
    private static func readFile(_ file: String, explicit: Bool, limits: LoadLimits, format: InputFormat) -> FileOutcome {
        let root: Node
        let bytes: [UInt8]
        do {
            bytes = try Adapters.read(file, limits: limits)
            switch try Adapters.load(bytes: bytes, file: file, format: format, limits: limits) {
            case .native(let native): root = native
            case .adapted(let adapted):
                var outcome = read(adapted, file: file, explicit: explicit)
                outcome.text = bytes
                return outcome
            }
        } catch {
            return FileOutcome(loaded: .failed, errors: [error])
        }
        var outcome = FileOutcome(loaded: .failed, text: bytes)
        let api = root["apiVersion"]?.scalar?.text
        let kind = root["kind"]?.scalar?.text ?? ""
        guard api == "traingate/v1" else {
            if let (location, reason) = notV1(root) {
                outcome.errors.append(.notCheckable(location, reason: reason))
                return outcome
            }
            guard explicit else { return FileOutcome(loaded: .skipped) }
            outcome.errors.append(.notCheckable(root.location, reason: "not a TrainGate file: expected 'apiVersion: traingate/v1'"))
            return outcome
        }
        switch DocumentKind(rawValue: kind) {
        case .datasetManifest?:
            if let manifest = DatasetManifest.read(root, file: file, errors: &outcome.errors, warnings: &outcome.warnings) {
                outcome.loaded = .manifest(manifest)
            }
        case .modelCard?:
            if let card = ModelCard.read(root, file: file, errors: &outcome.errors, warnings: &outcome.warnings) {
                outcome.loaded = .card(card)
            }
        case let other?:
            guard explicit else { return FileOutcome(loaded: .skipped) }
            let hint = other == .policyPack ? "; pass policy packs with --pack" : other == .waiverSet ? "; pass waivers with --waivers" : ""
            outcome.errors.append(.notCheckable(root["kind"]!.location, reason: "a \(kind) is not a check input\(hint)"))
        case nil:
            let hint = Suggestions.closest(to: kind, in: checkedKinds + otherKinds).map { "; did you mean '\($0)'?" } ?? ""
            outcome.errors.append(.notCheckable(root["kind"]?.location ?? root.location, reason: "unknown kind '\(kind)'\(hint)"))
        }
        return outcome
    }

    /// Why a document without `apiVersion: traingate/v1` is still an error wherever it is found,
    /// never "another file": a TrainGate file of another version, or one that looks like
    /// TrainGate's (skipping a manifest for a typo in its first line would pass the check without
    /// it). Nil for `traingate/v1` files and genuinely foreign ones; `check` and `lint` both ask.
    static func notV1(_ root: Node) -> (SourceLocation, String)? {
        let api = root["apiVersion"]?.scalar?.text
        if let api, api.hasPrefix("traingate/") {
            return api == "traingate/v1"
                ? nil : (root["apiVersion"]!.location, "unsupported apiVersion '\(api.visibleASCII)'; this TrainGate reads traingate/v1")
        }
        return lookalike(root, api: api, kind: root["kind"]?.scalar?.text ?? "")
    }

    /// Why a file without `apiVersion: traingate/v1` still looks like a TrainGate file: a
    /// near-miss apiVersion value (`TrainGate/v1`, `traingate/v01`), a near-miss key for it
    /// (`apiversion`, `api_version`), or a check kind (`kind: DatasetManifest`, or a near miss of
    /// one) with no apiVersion. Nil for a genuinely foreign file.
    private static func lookalike(_ root: Node, api: String?, kind: String) -> (SourceLocation, String)? {
        let expected = "traingate/v1"
        if let api, let node = root["apiVersion"], Suggestions.closest(to: api, in: [expected]) != nil {
            return (
                node.location,
                "apiVersion '\(api.visibleASCII)' is not '\(expected)'; a TrainGate file starts with 'apiVersion: \(expected)'"
            )
        }
        for entry in root.mapping ?? [] where entry.key != "apiVersion" {
            if Suggestions.closest(to: entry.key, in: ["apiVersion"]) != nil || entry.key.lowercased() == "api_version" {
                return (
                    entry.keyLocation,
                    "unknown key '\(entry.key.visibleASCII)'; did you mean 'apiVersion'? a TrainGate file starts with 'apiVersion: \(expected)'"
                )
            }
        }
        let kindLike = checkedKinds.contains(kind) || (!kind.isEmpty && Suggestions.closest(to: kind, in: checkedKinds) != nil)
        if kindLike, let node = root["kind"] {
            let found = api.map { "apiVersion '\($0.visibleASCII)'" } ?? "no apiVersion"
            return (node.location, "kind '\(kind.visibleASCII)' with \(found): a TrainGate file starts with 'apiVersion: \(expected)'")
        }
        return nil
    }

    /// Reads an adapted file's views like TrainGate files of their kinds.
    private static func read(_ adapted: AdaptedFile, file: String, explicit: Bool) -> FileOutcome {
        var outcome = FileOutcome(loaded: .failed)
        outcome.warnings = adapted.notes
        if adapted.isEmpty {
            guard explicit else { return FileOutcome(loaded: .skipped) }
            outcome.errors.append(
                .notCheckable(
                    SourceLocation(file: file, line: 1, column: 1),
                    reason: "this \(adapted.format.title) file describes no model and no dataset"))
            return outcome
        }
        let card = adapted.card.flatMap { ModelCard.read($0, file: file, errors: &outcome.errors, warnings: &outcome.warnings) }
        let manifests = adapted.manifests.compactMap {
            DatasetManifest.read($0, file: file, errors: &outcome.errors, warnings: &outcome.warnings)
        }
        if outcome.errors.isEmpty { outcome.loaded = .adapted(card: card, manifests: manifests) }
        return outcome
    }

    /// Loads the manifest a card names, at its already-resolved location inside the card's folder.
    private static func load(
        _ reference: ModelCard.DatasetReference, at target: (display: String, canonical: String, inside: Bool),
        known: [[UInt8]: DatasetManifest], limits: LoadLimits, keepText: Bool, reread: (String) -> FileOutcome,
        into inputs: inout Inputs
    ) -> ([UInt8], DatasetManifest)? {
        let (display, canonicalPath, inside) = target
        let key = Array(canonicalPath.utf8)
        guard inside else {
            inputs.errors.append(.manifestOutsideFolder(reference.location, path: reference.path))
            return nil
        }
        if let manifest = known[key] {
            guard manifest.trimmed else { return (key, manifest) }
            // Checked alone and dropped as it was read: read it again, the same way, whole (its
            // warnings were reported the first time).
            let outcome = reread(manifest.file)
            if let whole = outcome.manifest { return (key, whole) }
            inputs.errors +=
                outcome.errors.isEmpty
                ? [.notAManifest(reference.location, path: reference.path, found: "another kind of file when read again")]
                : outcome.errors
            return nil
        }
        guard FileManager.default.fileExists(atPath: display) else {
            inputs.errors.append(.manifestNotFound(reference.location, path: reference.path))
            return nil
        }
        let outcome = loadFile(display, explicit: true, limits: limits, keepText: keepText)
        if let manifest = outcome.manifest {
            inputs.warnings += outcome.warnings
            if let text = outcome.text { inputs.texts[display] = text }
            return (key, manifest)
        }
        switch outcome.loaded {
        case .manifest: break  // taken above
        case .card, .adapted(_?, _):
            inputs.errors.append(.notAManifest(reference.location, path: reference.path, found: "a ModelCard"))
        case .adapted(nil, let datasets):
            inputs.errors.append(
                .notAManifest(
                    reference.location, path: reference.path,
                    found: "a file describing \(datasets.count) datasets; a card names one manifest per dataset"))
        case .skipped, .failed:
            if outcome.errors.contains(where: { if case .notCheckable = $0 { return true } else { return false } }) {
                inputs.errors.append(.notAManifest(reference.location, path: reference.path, found: "another kind of file"))
            } else {
                inputs.errors += outcome.errors
                inputs.warnings += outcome.warnings
            }
        }
        return nil
    }

    private static func checkUniqueIDs(_ datasets: [DatasetManifest], into inputs: inout Inputs) {
        var seen: [String: SourceLocation] = [:]
        for dataset in datasets {
            let location = dataset.idLocation ?? dataset.root.location
            if let first = seen[dataset.id] { inputs.errors.append(.duplicateID(dataset.id, location, first: first)) }
            seen[dataset.id] = location
        }
    }
}
