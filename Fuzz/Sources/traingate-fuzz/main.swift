// One libFuzzer binary, several targets: TRAINGATE_FUZZ_TARGET names the loader that reads the
// fuzzer's bytes. Every target must turn any input into a value or a thrown error: a crash, a
// hang, a sanitizer report or an error without a location is a bug.
import Foundation

@testable import TrainGateKit

/// The loaders, by name.
enum Target: String, CaseIterable {
    /// YAML documents (one and a stream), then the TrainGate views a manifest or card would get.
    case yaml
    /// Strict JSON, then detection and the adapter its content names.
    case json
    /// Markdown with YAML front matter, then the Hugging Face card adapter.
    case markdown
    /// JSON read as each foreign format, whatever its content says.
    case croissant, spdx3, cyclonedx
    /// A policy pack: parsing, validation, pattern safety and compilation.
    case pack
    /// A manifest or card through the whole check (every built-in pack) and every reporter.
    case check
    /// A ledger (the first byte picks JSON Lines or CSV; gzip when the bytes are) read by the
    /// record rules of the ledger pack, with a suppression list, then rendered in every reporter.
    case ledger
    /// A ledger partial (as `ledger scan --partial` writes them): read, written and read again,
    /// then merged under the ledger target's manifest into findings every reporter renders.
    case partial
}

nonisolated(unsafe) var target = Target.yaml
nonisolated(unsafe) var builtInPacks: [PolicyPack] = []
let asOf = ISODate(year: 2026, month: 12, day: 4)!
let limits = LoadLimits.standard
let file = "fuzz-input"

/// libFuzzer's entry point for a program with its own `main`.
@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(
    _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

func initialize() {
    let name = ProcessInfo.processInfo.environment["TRAINGATE_FUZZ_TARGET"] ?? ""
    guard let chosen = Target(rawValue: name) else {
        FileHandle.standardError.write(
            Data("set TRAINGATE_FUZZ_TARGET to one of: \(Target.allCases.map(\.rawValue).joined(separator: ", "))\n".utf8))
        exit(2)
    }
    target = chosen
    if target == .check || target == .ledger || target == .partial {
        builtInPacks = (try? PolicyLoader.builtInPacks(environment: [:])) ?? []
        precondition(!builtInPacks.isEmpty, "the built-in packs did not load")
    }
    if target == .ledger || target == .partial {
        try? FileManager.default.createDirectory(atPath: ledgerFolder, withIntermediateDirectories: true)
        let manifest = """
            apiVersion: traingate/v1
            kind: DatasetManifest
            dataset: {id: d}
            suppression_lists: [{path: list.txt, key: subject_ref, kind: erasure}]
            sources:
              - {id: s, source_type: web_crawl, tdm_opt_out: {handling: excluded}, personal_data: {present: false}, ledger: {path: ledger.jsonl, format: jsonl}}
              - {id: t, source_type: first_party, size: {value: 10, unit: records}, ledger: {path: ledger.csv, format: csv}}
            """
        _ = FileManager.default.createFile(atPath: ledgerFolder + "/m.yaml", contents: Data(manifest.utf8))
        _ = FileManager.default.createFile(atPath: ledgerFolder + "/list.txt", contents: Data("s-1\ns-2\n".utf8))
    }
    if target == .partial {
        let setup = try? LedgerStream.setup(manifest: ledgerFolder + "/m.yaml", packs: ["ledger"], asOf: asOf)
        precondition(setup != nil, "the fuzz manifest did not load")
        partialPlan = setup!.plan
    }
}

nonisolated(unsafe) var partialPlan: LedgerPartial.Plan?

func testOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    let bytes = start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    switch target {
    case .yaml:
        if let root = try? DocumentLoader.parseYAML(bytes, file: file, limits: limits) { views(root) }
        _ = try? DocumentLoader.parseYAMLStream(bytes, file: file, limits: limits)
    case .json:
        guard let root = try? DocumentLoader.parseJSON(bytes, file: file, limits: limits) else { return 0 }
        if let format = InputFormat.detect(root), format != .traingate, format != .auto {
            adapted(try? Adapters.adapt(root, as: format))
        } else {
            views(root)
        }
    case .markdown:
        guard let document = try? DocumentLoader.parseMarkdown(bytes, file: file, limits: limits) else { return 0 }
        _ = HuggingFaceCardAdapter.looksLikeCard(document)
        adapted(try? HuggingFaceCardAdapter.adapt(document))
    case .croissant, .spdx3, .cyclonedx:
        guard let root = try? DocumentLoader.parseJSON(bytes, file: file, limits: limits) else { return 0 }
        let format: InputFormat = target == .croissant ? .croissant : target == .spdx3 ? .spdx3 : .cyclonedx
        adapted(try? Adapters.adapt(root, as: format))
    case .pack:
        _ = try? PolicyLoader.parse(String(decoding: bytes, as: UTF8.self), file: file)
    case .check:
        guard let root = try? DocumentLoader.parseYAML(bytes, file: file, limits: limits) else { return 0 }
        check(root)
    case .ledger:
        ledger(bytes)
    case .partial:
        partial(bytes)
    }
    return 0
}

let ledgerFolder = NSTemporaryDirectory() + "traingate-fuzz-ledger-\(getpid())"

/// Writes the input as both sources' ledgers (JSON Lines for one, CSV for the other, by the
/// first byte) and checks them with the ledger pack; errors must carry their location.
func ledger(_ bytes: [UInt8]) {
    guard let first = bytes.first else { return }
    let content = Data(bytes.dropFirst())
    let csv = first & 1 == 1
    _ = FileManager.default.createFile(
        atPath: ledgerFolder + "/ledger.jsonl",
        contents: csv
            ? Data("{\"item_id\":\"x\",\"source_id\":\"s\",\"content_sha256\":\"\(String(repeating: "a", count: 64))\"}\n".utf8) : content)
    _ = FileManager.default.createFile(
        atPath: ledgerFolder + "/ledger.csv",
        contents: csv ? content : Data("item_id,source_id,content_sha256\nx,t,\(String(repeating: "b", count: 64))\n".utf8))
    let inputs = ArtifactLoader.load([ledgerFolder + "/m.yaml"])
    precondition(inputs.errors.isEmpty, "the fuzz manifest did not load: \(inputs.errors)")
    do {
        let result = try LedgerCheck.run(
            inputs.bundles, packs: builtInPacks, asOf: asOf, includeAll: true, blockSize: first & 2 == 2 ? 1024 : 4 << 20)
        let report = CheckReport(
            toolVersion: trainGateVersion, asOf: asOf, failOn: .high, packs: builtInPacks,
            inputs: [CheckedFile(path: file, kind: .datasetManifest)], skipped: [], warnings: result.warnings,
            findings: result.findings, counts: result.counts, subjects: [:], bundles: inputs.bundles, ledgers: result.ledgers)
        for reporter in Reporters.all { _ = reporter.make(color: true).render(report) }
        _ = LedgerStatistics.text(result.ledgers)
        _ = LedgerStatistics.json(result.ledgers)
    } catch {
        for line in error.errors {
            precondition(line.file != nil, "a ledger error without a file: \(line.message)")
            _ = line.description
        }
    }
}

/// Reads a partial; one that reads must survive its JSON form and merge into reportable findings.
func partial(_ bytes: [UInt8]) {
    guard var read = try? LedgerPartial.read(Data(bytes), file: file) else { return }
    let again = try? LedgerPartial.read(Data(read.json().utf8), file: file)
    precondition(again == read, "a partial changed through its JSON form")
    read.plan = partialPlan!
    do {
        let result = try LedgerStream.merge(
            manifest: ledgerFolder + "/m.yaml", packs: ["ledger"], asOf: asOf, includeAll: true, partials: [(file, read)])
        let report = CheckReport(
            toolVersion: trainGateVersion, asOf: asOf, failOn: .high, packs: builtInPacks,
            inputs: [CheckedFile(path: file, kind: .datasetManifest)], skipped: [], warnings: result.warnings,
            findings: result.findings, counts: result.counts, subjects: [:], bundles: [], ledgers: result.ledgers)
        for reporter in Reporters.all { _ = reporter.make(color: true).render(report) }
    } catch {
        for line in error.errors {
            precondition(line.file != nil, "a merge error without a file: \(line.message)")
            _ = line.description
        }
    }
}

/// Reads a document as a manifest and as a card, as the loader would by its kind.
func views(_ root: Node) {
    var errors: [ArtifactError] = []
    var warnings: [Diagnostic] = []
    _ = DatasetManifest.read(root, file: file, errors: &errors, warnings: &warnings)
    _ = ModelCard.read(root, file: file, errors: &errors, warnings: &warnings)
    _ = ArtifactLoader.notV1(root)
    for error in errors { _ = error.description }
    for warning in warnings { _ = warning.description }
}

/// Reads an adapter's views like TrainGate files.
func adapted(_ adapted: AdaptedFile?) {
    guard let adapted else { return }
    if let card = adapted.card { views(card) }
    for manifest in adapted.manifests { views(manifest) }
}

/// Runs a manifest or card (without the manifests it names) through every built-in pack and
/// renders the report in every format.
func check(_ root: Node) {
    var errors: [ArtifactError] = []
    var warnings: [Diagnostic] = []
    let bundle: ArtifactBundle
    let kind: DocumentKind
    switch root["kind"]?.scalar.flatMap({ DocumentKind(rawValue: $0.text) }) {
    case .datasetManifest?:
        kind = .datasetManifest
        guard let manifest = DatasetManifest.read(root, file: file, errors: &errors, warnings: &warnings) else { return }
        bundle = ArtifactBundle(card: nil, datasets: [manifest])
    case .modelCard?:
        kind = .modelCard
        guard let card = ModelCard.read(root, file: file, errors: &errors, warnings: &warnings) else { return }
        bundle = ArtifactBundle(card: card, datasets: [])
    default: return
    }
    let result = Engine.check([bundle], packs: builtInPacks, asOf: asOf, includeAll: true)
    let report = CheckReport(
        toolVersion: trainGateVersion, asOf: asOf, failOn: .high, packs: builtInPacks,
        inputs: [CheckedFile(path: file, kind: kind)], skipped: [], warnings: warnings,
        findings: result.findings, counts: result.counts, subjects: [:], bundles: [bundle])
    for reporter in Reporters.all { _ = reporter.make(color: true).render(report) }
}

initialize()
// Warm up on the seed corpora: lazily built tables (schemas, vocabularies) live for the whole
// process, and the leak checker would report those built during a fuzzing run.
for folder in CommandLine.arguments.dropFirst() where !folder.hasPrefix("-") {
    for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
        if let data = FileManager.default.contents(atPath: folder + "/" + name) {
            _ = data.withUnsafeBytes { testOneInput($0.bindMemory(to: UInt8.self).baseAddress, $0.count) }
        }
    }
}
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(runDriver(&argc, &argv) { start, count in testOneInput(start, count) })
