#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// `traingate ledger scan --partial`: judges rows given as JSON lines (standard input or a file)
/// under one manifest's record rules and returns their partial aggregate. Rows name their source
/// with a first key `@source` (or all belong to `--source`), and may name the input they came
/// from with `@file`; a string may stand for any value (read as a CSV cell is). Rows are spooled
/// to a temporary file per source and read as ledger files are, on every core.
public enum LedgerStream {
    public struct Request: Sendable {
        /// The dataset manifest whose sources the rows belong to.
        public var manifest: String
        /// The source every row belongs to; nil when rows carry `@source`.
        public var source: String?
        /// `--pack` values (default: the built-in `ledger` pack).
        public var packs: [String]
        public var asOf: ISODate
        /// A file of rows (JSON Lines or, with `source`, CSV; plain or gzip); nil for standard input.
        public var input: String?
        public var threads: Int?

        public init(manifest: String, source: String? = nil, packs: [String] = [], asOf: ISODate, input: String? = nil, threads: Int? = nil)
        {
            self.manifest = manifest
            self.source = source
            self.packs = packs
            self.asOf = asOf
            self.input = input
            self.threads = threads
        }
    }

    /// The manifest, packs and lists of a scan or a merge, and the plan they make.
    struct Setup {
        var bundle: ArtifactBundle
        var rules: [Rule]
        var plan: LedgerPartial.Plan
        /// Every source of the manifest, by id, with its lists loaded.
        var sources: [String: LedgerCheck.LedgerSource]
        var order: [String]
        var files: [String]
    }

    /// Reads the rows and returns their partial, with warnings (unknown fields).
    public static func scan(_ request: Request) throws(CheckFailure) -> (partial: LedgerPartial, warnings: [Diagnostic]) {
        let setup = try self.setup(manifest: request.manifest, packs: request.packs, asOf: request.asOf)
        do throws(LedgerError) {
            let name = request.input ?? "-"
            var judged: [LedgerCheck.Judged]
            if let input = request.input, let id = request.source {
                var ledger = try source(id, in: setup)
                ledger.path = input
                ledger.file = input
                ledger.format = RowReader.Format(fileName: input) ?? .jsonl
                judged = try LedgerCheck.judge(
                    [ledger], rules: setup.rules, model: nil, asOf: request.asOf, threads: request.threads, streamed: true)
            } else {
                let spool = try Spool(input: request.input, name: name, only: request.source, setup: setup)
                defer { spool.remove() }
                var ledgers: [LedgerCheck.LedgerSource] = []
                for (ordinal, (id, path)) in spool.paths.enumerated() {
                    var ledger = setup.sources[id]!
                    ledger.path = path
                    // Named by spool while judged; then by the input, at the input's lines.
                    ledger.file = Spool.marker(ordinal)
                    ledger.format = .jsonl
                    ledger.sha256 = nil
                    ledgers.append(ledger)
                }
                do throws(LedgerError) {
                    judged = try LedgerCheck.judge(
                        ledgers, rules: setup.rules, model: nil, asOf: request.asOf, threads: request.threads, streamed: true)
                } catch {
                    throw spool.remap(error, name: name)
                }
                for index in judged.indices { spool.remap(&judged[index], ordinal: index, name: name) }
            }
            return (partial(judged, rules: setup.rules, plan: setup.plan), LedgerCheck.unknownFieldWarnings(judged))
        } catch {
            throw CheckFailure(errors: [error.checkError], warnings: [])
        }
    }

    /// The findings of merged partials on `manifest`'s sources, as `check` finds them reading the
    /// ledgers itself. Every source whose ledger the manifest names must have rows in a partial.
    static func merge(
        manifest: String, packs: [String], asOf: ISODate, includeAll: Bool, partials: [(name: String, partial: LedgerPartial)]
    ) throws(CheckFailure) -> LedgerCheck.Result {
        let setup = try self.setup(manifest: manifest, packs: packs, asOf: asOf)
        do throws(LedgerError) {
            guard let merged = try LedgerPartial.merged(partials) else {
                throw LedgerError(file: manifest, line: nil, column: nil, message: "no partials to merge")
            }
            guard merged.plan == setup.plan else {
                throw LedgerError(
                    file: partials[0].name, line: nil, column: nil,
                    message: "judged under another plan than this merge: \(setup.plan.difference(from: merged.plan))")
            }
            let known = Set(setup.order.map { setup.sources[$0]!.subject })
            if let stranger = merged.sources.keys.sorted().first(where: { !known.contains($0) }) {
                throw LedgerError(
                    file: partials[0].name, line: nil, column: nil, message: "rows of \(stranger), which the manifest does not have")
            }
            var judged: [LedgerCheck.Judged] = []
            var unknown: [Diagnostic] = []
            for id in setup.order {
                let ledger = setup.sources[id]!
                guard let part = merged.sources[ledger.subject] else {
                    if let node = ledger.source.node["ledger"], !node.isNull {
                        throw LedgerError(
                            file: node.location.file, line: node.location.line, column: node.location.column,
                            message: "no partial holds rows of source \(id), whose ledger the manifest names")
                    }
                    continue
                }
                let (plans, _, slotOfRule) = try LedgerCheck.plans(ledger, rules: setup.rules, model: nil, asOf: asOf)
                var slots: [Tally] = []
                for (index, rule) in setup.rules.enumerated() where slotOfRule[index] != nil {
                    slots.append(part.tallies[key(rule)] ?? Tally())
                }
                slots += ["$suppressed", "$foreign", "$opted_out"].map { part.tallies[$0] ?? Tally() }
                // Unknown fields warn at the manifest's ledger, naming where the partial met them.
                for (name, place) in part.unknown.sorted(by: { $0.key < $1.key }) {
                    unknown.append(
                        Diagnostic(
                            location: ledger.node.location,
                            message:
                                "unknown field '\(name.visibleASCII)' in the ledger rows (first at \(place.file.visibleASCII)\(place.line.map { ":\($0)" } ?? "")); it is not checked"
                        ))
                }
                let scan = LedgerScanResult(
                    rows: part.rows, fileBytes: part.bytes, compressed: false, formatName: "partials", slots: slots, stats: part.stats,
                    unknownFields: [], index: [], header: nil)
                judged.append(
                    LedgerCheck.Judged(
                        ledger: ledger, plans: plans, slotOfRule: slotOfRule, scan: scan, duplicates: part.tallies["$duplicate"] ?? Tally())
                )
            }
            var result = LedgerCheck.Result()
            LedgerCheck.report(judged, rules: setup.rules, includeAll: includeAll, into: &result)
            result.warnings += unknown
            result.files = setup.files.filter { $0 != manifest } + partials.map(\.name)
            return result
        } catch {
            throw CheckFailure(errors: [error.checkError], warnings: [])
        }
    }

    /// The files a scan of `manifest`'s rows reads: the manifest and its suppression lists (what a
    /// Spark driver ships to its executors).
    public static func inputs(manifest: String, packs: [String]) throws(CheckFailure) -> [String] {
        var seen: Set<String> = []
        // The date decides no file.
        return try setup(manifest: manifest, packs: packs, asOf: ISODate(year: 2000, month: 1, day: 1)!).files.filter {
            seen.insert(Paths.canonical($0)).inserted
        }
    }

    /// Reads partial files.
    public static func readPartials(_ paths: [String]) throws(CheckFailure) -> [(name: String, partial: LedgerPartial)] {
        var partials: [(name: String, partial: LedgerPartial)] = []
        var errors: [CheckError] = []
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                errors.append(CheckError("cannot read the partial", file: path, location: nil))
                continue
            }
            do throws(LedgerError) {
                partials.append((path, try LedgerPartial.read(data, file: path)))
            } catch {
                errors.append(error.checkError)
            }
        }
        if !errors.isEmpty { throw CheckFailure(errors: errors, warnings: []) }
        return partials
    }

    /// The partial of judged sources.
    static func partial(_ judged: [LedgerCheck.Judged], rules: [Rule], plan: LedgerPartial.Plan) -> LedgerPartial {
        var partial = LedgerPartial(plan: plan, sources: [:], buckets: DigestBuckets())
        for source in judged {
            let scan = source.scan
            var part = LedgerPartial.Source(rows: scan.rows, bytes: scan.fileBytes, stats: scan.stats)
            for (index, rule) in rules.enumerated() {
                if let slot = source.slotOfRule[index] { part.tallies[key(rule)] = scan.slots[slot] }
            }
            part.tallies["$suppressed"] = scan.suppressed
            part.tallies["$foreign"] = scan.foreign
            part.tallies["$opted_out"] = scan.optedOut
            part.tallies["$duplicate"] = source.duplicates
            for (name, line) in scan.unknownFields {
                part.unknown[name] =
                    source.unknownPlaces?[name]
                    ?? RecordSample(file: source.ledger.file, line: line, itemID: "", order: DigestPrefix(a: 0, b: 0))
            }
            partial.sources[source.ledger.subject] = part
            partial.buckets.formUnion(scan.buckets)
        }
        partial.parts = [SHA256Hex.of(Data(partial.json().utf8))]
        return partial
    }

    /// A row rule's key in a partial.
    static func key(_ rule: Rule) -> String { "\(rule.pack):\(rule.id)" }

    // MARK: Setup

    static func setup(manifest: String, packs selectors: [String], asOf: ISODate) throws(CheckFailure) -> Setup {
        let packs: [PolicyPack]
        do {
            packs = try PolicyLoader.select(selectors.isEmpty ? ["ledger"] : selectors)
        } catch {
            throw CheckFailure(errors: [CheckError(error)], warnings: [])
        }
        let rules = packs.flatMap { $0.rules.filter { $0.scope == .record } }
        guard !rules.isEmpty else {
            throw CheckFailure(
                errors: [CheckError("the selected policy packs hold no record rules; nothing would be checked")], warnings: [])
        }
        let inputs = ArtifactLoader.load([manifest])
        guard inputs.errors.isEmpty else { throw CheckFailure(errors: inputs.errors.map(CheckError.init), warnings: inputs.warnings) }
        guard inputs.bundles.count == 1, let bundle = inputs.bundles.first, bundle.card == nil, !bundle.datasets.isEmpty else {
            throw CheckFailure(
                errors: [CheckError("\(manifest): error: --manifest must name one dataset manifest")], warnings: inputs.warnings)
        }
        var files = inputs.files.map(\.path)
        var sources: [String: LedgerCheck.LedgerSource] = [:]
        var order: [String] = []
        var listDigests: [String] = []
        var cache: [String: SuppressionList] = [:]
        do throws(LedgerError) {
            for dataset in bundle.datasets {
                for source in dataset.sources {
                    let located = try LedgerCheck.locateStreamed(dataset, source, cache: &cache, files: &files)
                    if sources[source.id] == nil { order.append(source.id) }
                    sources[source.id] = located
                }
            }
            for list in cache.values.sorted(by: { $0.location < $1.location }) {
                listDigests.append("\(try digest(ofFile: list.file)) \(list.key.name) \(list.kind.rawValue)")
            }
            let manifestDigest = try digest(ofFile: bundle.datasets[0].file)
            let plan = LedgerPartial.Plan(
                traingate: trainGateVersion, asOf: asOf.description, manifest: manifestDigest,
                packs: packs.filter { $0.rules.contains { $0.scope == .record } }.map {
                    "\($0.name) \($0.version) \(PolicyLoader.digest(of: $0))"
                },
                lists: listDigests, duplicates: rules.contains { $0.builtin == .duplicate })
            return Setup(bundle: bundle, rules: rules, plan: plan, sources: sources, order: order, files: files)
        } catch {
            throw CheckFailure(errors: [error.checkError], warnings: inputs.warnings)
        }
    }

    static func source(_ id: String, in setup: Setup) throws(LedgerError) -> LedgerCheck.LedgerSource {
        guard let source = setup.sources[id] else {
            let hint = Suggestions.closest(to: id, in: setup.order).map { " (did you mean '\($0)'?)" } ?? ""
            throw LedgerError(
                file: setup.bundle.datasets[0].file, line: nil, column: nil,
                message: "the manifest has no source '\(id.visibleASCII)'\(hint); its sources: \(setup.order.joined(separator: ", "))")
        }
        return source
    }

    static func digest(ofFile path: String) throws(LedgerError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LedgerError(file: path, line: nil, column: nil, message: "cannot read the file")
        }
        return SHA256Hex.of(data)
    }
}

/// Rows routed by source into temporary files, each with the input line of every row.
private final class Spool {
    let folder: String
    /// Per source id in the order met: its file.
    private(set) var paths: [(id: String, path: String)] = []
    private var handles: [UnsafeMutablePointer<FILE>] = []
    private var lines: [[UInt32]] = []
    private var ordinals: [String: Int] = [:]

    init(input: String?, name: String, only: String?, setup: LedgerStream.Setup) throws(LedgerError) {
        folder = Paths.appending("traingate-rows-\(UUID().uuidString)", to: FileManager.default.temporaryDirectory.path)
        guard mkdir(folder, 0o700) == 0 else {
            throw LedgerError(
                file: folder, line: nil, column: nil, message: "cannot make a temporary folder: \(String(cString: strerror(errno)))")
        }
        do throws(LedgerError) {
            try read(input: input, name: name, only: only, setup: setup)
        } catch {
            close()
            remove()
            throw error
        }
        close()
    }

    private func read(input: String?, name: String, only: String?, setup: LedgerStream.Setup) throws(LedgerError) {
        let reader: LedgerInput
        do {
            reader = try LedgerInput(path: input ?? "/dev/stdin")
        } catch {
            throw LedgerError(file: name, line: nil, column: nil, message: error.message)
        }
        if let only { _ = try ordinal(of: only, setup: setup, line: 0, name: name) }
        var lineNumber = 0
        var failure: LedgerError?
        do {
            while failure == nil, let block = try reader.nextBlock() {
                defer { block.release() }
                LedgerInput.forEachLine(in: block.lines) { line, _ in
                    lineNumber += 1
                    if LedgerValues.trimmed(line).isEmpty { return true }
                    do throws(LedgerError) {
                        guard lineNumber <= Int(UInt32.max) else {
                            throw LedgerError(
                                file: name, line: nil, column: nil, message: "more than 4,294,967,295 lines in one input; split it")
                        }
                        let key = Spool.sourceKey(line)
                        if key.named && key.id == nil {
                            throw LedgerError(
                                file: name, line: lineNumber, column: 1,
                                message: "@source must be a source id in double quotes, without escapes")
                        }
                        let named = key.id
                        let id: String
                        switch (named, only) {
                        case (nil, nil):
                            throw LedgerError(
                                file: name, line: lineNumber, column: 1,
                                message: "the row names no source: give each row a first key \"@source\", or pass --source")
                        case (let named?, let only?) where named != only:
                            throw LedgerError(
                                file: name, line: lineNumber, column: 1,
                                message: "the row's @source '\(named.visibleASCII)' is not --source \(only)")
                        default: id = named ?? only!
                        }
                        let ordinal = try ordinal(of: id, setup: setup, line: lineNumber, name: name)
                        fwrite(line.baseAddress, 1, line.count, handles[ordinal])
                        fputc(0x0A, handles[ordinal])
                        lines[ordinal].append(UInt32(truncatingIfNeeded: lineNumber))
                    } catch {
                        failure = error
                        return false
                    }
                    return true
                }
            }
        } catch {
            throw LedgerError(file: name, line: nil, column: nil, message: error.message)
        }
        if let failure { throw failure }
        if paths.isEmpty { throw LedgerError(file: name, line: nil, column: nil, message: "no rows: the input is empty") }
    }

    private func ordinal(of id: String, setup: LedgerStream.Setup, line: Int, name: String) throws(LedgerError) -> Int {
        if let ordinal = ordinals[id] { return ordinal }
        do throws(LedgerError) {
            _ = try LedgerStream.source(id, in: setup)
        } catch {
            throw LedgerError(file: name, line: line > 0 ? line : nil, column: line > 0 ? 1 : nil, message: error.message)
        }
        let path = folder + "/\(paths.count).jsonl"
        guard let handle = fopen(path, "w") else {
            throw LedgerError(file: path, line: nil, column: nil, message: "cannot write: \(String(cString: strerror(errno)))")
        }
        ordinals[id] = paths.count
        paths.append((id, path))
        handles.append(handle)
        lines.append([])
        return paths.count - 1
    }

    private func close() {
        for handle in handles { fclose(handle) }
        handles = []
    }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }

    /// How a spool is named while its rows are judged.
    static func marker(_ ordinal: Int) -> String { "\u{1}spool \(ordinal)" }

    /// The input line of line `line` (1-based) of spool `ordinal`.
    private func inputLine(_ ordinal: Int, _ line: Int) -> Int {
        line >= 1 && line <= lines[ordinal].count ? Int(lines[ordinal][line - 1]) : line
    }

    /// An error in a spool, at the input's line.
    /// A row that names the input it came from (`@file`) is reported there, by its item id.
    func remap(_ error: LedgerError, name: String) -> LedgerError {
        var error = error
        guard let ordinal = paths.indices.first(where: { Spool.marker($0) == error.file }) else { return error }
        error.file = name
        if let line = error.line {
            error.line = inputLine(ordinal, line)
            if let row = row(line, of: ordinal), let origin = row.file, !origin.isEmpty {
                error.file = origin
                error.line = nil
                error.column = nil
                let item = row.itemID.map { "item \($0.visibleASCII): " } ?? ""
                error.message = "\(item)\(error.message) (line \(inputLine(ordinal, line)) of the rows scanned)"
            }
        }
        return error
    }

    /// Line `line` of spool `ordinal` as a JSON object, when it is one.
    private func row(_ line: Int, of ordinal: Int) -> RowOrigin? {
        guard let input = try? LedgerInput(path: paths[ordinal].path) else { return nil }
        var found: Data?
        var number = 0
        while found == nil, let block = try? input.nextBlock() {
            defer { block.release() }
            LedgerInput.forEachLine(in: block.lines) { text, _ in
                number += 1
                if number == line { found = Data(buffer: text) }
                return number < line
            }
        }
        return found.flatMap { try? JSONDecoder().decode(RowOrigin.self, from: $0) }
    }

    /// What a spooled row says of where it came from; a field that is not a string reads as absent.
    private struct RowOrigin: Decodable {
        var file: String?
        var itemID: String?

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Keys.self)
            file = try? container.decode(String.self, forKey: .file)
            itemID = try? container.decode(String.self, forKey: .itemID)
        }

        enum Keys: String, CodingKey {
            case file = "@file"
            case itemID = "item_id"
        }
    }

    /// A judged spool's samples and unknown fields at the input's lines.
    func remap(_ judged: inout LedgerCheck.Judged, ordinal: Int, name: String) {
        let marker = Spool.marker(ordinal)
        func fix(_ samples: inout [RecordSample]) {
            for index in samples.indices where samples[index].file == marker {
                samples[index].file = name
                samples[index].line = samples[index].line.map { inputLine(ordinal, $0) }
            }
        }
        for slot in judged.scan.slots.indices { fix(&judged.scan.slots[slot].samples) }
        fix(&judged.duplicates.samples)
        // An unknown field is placed at its row's `@file`, else at the input's line.
        var places: [String: RecordSample] = [:]
        for (field, line) in judged.scan.unknownFields {
            let origin = row(line, of: ordinal)?.file.flatMap { $0.isEmpty ? nil : $0 }
            places[field] = RecordSample(
                file: origin ?? name, line: origin == nil ? inputLine(ordinal, line) : nil, itemID: "", order: DigestPrefix(a: 0, b: 0))
        }
        judged.unknownPlaces = places
        judged.scan.unknownFields = judged.scan.unknownFields.map { ($0.name, inputLine(ordinal, $0.line)) }
        judged.ledger.file = name
    }

    /// A row's first key when it is `@source`: `{"@source":"ID",…`, blanks allowed. `named` says
    /// the key is there, `id` its value (nil when it is not a plain string).
    static func sourceKey(_ line: UnsafeBufferPointer<UInt8>) -> (named: Bool, id: String?) {
        var index = 0
        func blanks() { while index < line.count, line[index] == 0x20 || line[index] == 0x09 { index += 1 } }
        func expect(_ byte: UInt8) -> Bool {
            guard index < line.count, line[index] == byte else { return false }
            index += 1
            return true
        }
        blanks()
        guard expect(UInt8(ascii: "{")) else { return (false, nil) }
        blanks()
        let key = Array("\"@source\"".utf8)
        guard index + key.count <= line.count, Array(line[index..<index + key.count]) == key else { return (false, nil) }
        index += key.count
        blanks()
        guard expect(UInt8(ascii: ":")) else { return (true, nil) }
        blanks()
        guard expect(UInt8(ascii: "\"")) else { return (true, nil) }
        let start = index
        while index < line.count, line[index] != UInt8(ascii: "\""), line[index] != UInt8(ascii: "\\") { index += 1 }
        guard index < line.count, line[index] == UInt8(ascii: "\"") else { return (true, nil) }
        return (true, String(decoding: line[start..<index], as: UTF8.self))
    }
}
