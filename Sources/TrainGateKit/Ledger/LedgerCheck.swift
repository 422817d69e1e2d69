#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Runs the record rules of the selected packs on every ledger the bundles' manifests name: one
/// finding per rule and source, with counts, samples and breakdowns; `REC-DUPLICATE` across all
/// ledgers of a bundle; `REC-DECLARED` where a ledger contradicts its manifest. A malformed row,
/// list or file stops the check (exit 2) with its location; nothing is skipped.
public enum LedgerCheck {
    public struct Result: Sendable {
        public var findings: [Finding] = []
        public var counts: [FindingStatus: Int] = [:]
        public var ledgers: [LedgerReport] = []
        public var warnings: [Diagnostic] = []
        /// The ledgers and lists read, for `filesRead`.
        public var files: [String] = []
    }

    /// A source's ledger and lists, as the manifest names them.
    struct LedgerSource {
        var dataset: DatasetManifest
        var source: DatasetManifest.Source
        var subject: String
        var node: Node
        var path: String
        var file: String
        var format: RowReader.Format
        var sha256: String?
        var lists: [SuppressionList]
        /// Rows given in memory instead of a file (a rule's worked examples).
        var memoryRows: [LedgerRow]? = nil
    }

    /// Whether any bundle names a ledger (so `check` knows ledgers are present).
    public static func hasLedgers(_ bundles: [ArtifactBundle]) -> Bool {
        bundles.contains { $0.datasets.contains(where: hasLedgers) }
    }

    /// Whether any source of `dataset` names a ledger.
    static func hasLedgers(_ dataset: DatasetManifest) -> Bool {
        dataset.sources.contains { $0.node["ledger"].map { !$0.isNull } ?? false }
    }

    /// With `statistics`, the ledgers are read for their aggregates even when no record rule runs.
    public static func run(
        _ bundles: [ArtifactBundle], packs: [PolicyPack], asOf: ISODate, includeAll: Bool, threads: Int? = nil, statistics: Bool = false,
        blockSize: Int = 4 << 20
    ) throws(CheckFailure) -> Result {
        let rules = packs.flatMap { $0.rules.filter { $0.scope == .record } }
        var result = Result()
        guard !rules.isEmpty || statistics else { return result }
        var errors: [CheckError] = []
        var listCache: [String: SuppressionList] = [:]
        for bundle in bundles {
            var sources: [LedgerSource] = []
            for dataset in bundle.datasets {
                for source in dataset.sources {
                    guard let ledger = source.node["ledger"], !ledger.isNull else { continue }
                    do throws(LedgerError) {
                        sources.append(try locate(dataset, source, ledger, cache: &listCache, files: &result.files))
                    } catch {
                        errors.append(error.checkError)
                    }
                }
            }
            guard errors.isEmpty, !sources.isEmpty else { continue }
            do throws(LedgerError) {
                try check(
                    sources, rules: rules, model: bundle.card?.root, asOf: asOf, includeAll: includeAll, threads: threads, into: &result)
            } catch {
                errors.append(error.checkError)
            }
        }
        if !errors.isEmpty { throw CheckFailure(errors: errors, warnings: result.warnings) }
        return result
    }

    // MARK: Locating files

    private static func locate(
        _ dataset: DatasetManifest, _ source: DatasetManifest.Source, _ ledger: Node, cache: inout [String: SuppressionList],
        files: inout [String]
    ) throws(LedgerError) -> LedgerSource {
        let pathNode = ledger["path"]!
        let written = pathNode.scalar?.text ?? ""
        let (path, file) = try resolve(written, in: dataset.file, at: pathNode.location, what: "ledger")
        files.append(path)
        guard let format = (ledger["format"]?.scalar?.text).flatMap(RowReader.Format.init(rawValue:)) ?? RowReader.Format(fileName: written)
        else {
            throw located(
                pathNode.location,
                "the ledger's format is not declared and its name does not end in .jsonl or .csv; add format: jsonl or format: csv")
        }
        var lists: [SuppressionList] = []
        for entry in (dataset.root["suppression_lists"]?.sequence ?? []) + (source.node["suppression_lists"]?.sequence ?? []) {
            lists.append(try list(entry, in: dataset.file, cache: &cache, files: &files))
        }
        return LedgerSource(
            dataset: dataset, source: source, subject: "dataset:\(dataset.id)/source:\(source.id)", node: ledger, path: path, file: file,
            format: format, sha256: ledger["sha256"]?.scalar?.text, lists: lists)
    }

    /// A source as rows streamed to `ledger scan` or merged from partials see it: its lists
    /// loaded, its ledger (if the manifest names one) only a place to report.
    static func locateStreamed(
        _ dataset: DatasetManifest, _ source: DatasetManifest.Source, cache: inout [String: SuppressionList], files: inout [String]
    ) throws(LedgerError) -> LedgerSource {
        var lists: [SuppressionList] = []
        for entry in (dataset.root["suppression_lists"]?.sequence ?? []) + (source.node["suppression_lists"]?.sequence ?? []) {
            lists.append(try list(entry, in: dataset.file, cache: &cache, files: &files))
        }
        let ledger = source.node["ledger"].flatMap { $0.isNull ? nil : $0 }
        let written = ledger?["path"]?.scalar?.text
        let file = written.map { Paths.resolve($0, relativeTo: dataset.file).0 } ?? dataset.file
        return LedgerSource(
            dataset: dataset, source: source, subject: "dataset:\(dataset.id)/source:\(source.id)", node: ledger ?? source.node, path: "",
            file: file, format: .jsonl, sha256: nil, lists: lists)
    }

    private static func list(_ entry: Node, in manifest: String, cache: inout [String: SuppressionList], files: inout [String])
        throws(LedgerError) -> SuppressionList
    {
        let pathNode = entry["path"]!
        let keyNode = entry["key"]!
        let keyName = keyNode.scalar?.text ?? ""
        guard let key = LedgerField.named(keyName), SuppressionList.canKey(key) else {
            let fields = LedgerField.stored.filter(SuppressionList.canKey).map(\.name)
            let hint = Suggestions.closest(to: keyName, in: fields).map { " (did you mean '\($0)'?)" } ?? ""
            throw located(
                keyNode.location,
                "key: '\(keyName.visibleASCII)' is not a row field a list can be keyed on\(hint): \(fields.joined(separator: ", "))")
        }
        let kind = SuppressionList.Kind(rawValue: entry["kind"]?.scalar?.text ?? "")!
        let format = (entry["format"]?.scalar?.text).flatMap(SuppressionList.Format.init(rawValue:))
        let (path, file) = try resolve(pathNode.scalar?.text ?? "", in: manifest, at: pathNode.location, what: "suppression list")
        let cacheKey = "\(Paths.canonical(path))\u{0}\(key.name)\u{0}\(kind.rawValue)\u{0}\(format?.rawValue ?? "")"
        if let cached = cache[cacheKey] { return cached }
        files.append(path)
        let loaded = try SuppressionList.load(
            path: path, file: file, key: key, kind: kind, format: format, expectedSHA256: entry["sha256"]?.scalar?.text,
            location: entry.location)
        cache[cacheKey] = loaded
        return loaded
    }

    /// The path to open and the path to report for a file a manifest names; it must exist inside
    /// the manifest's folder tree.
    private static func resolve(_ written: String, in manifest: String, at location: SourceLocation, what: String)
        throws(LedgerError) -> (String, String)
    {
        let (path, _, inside) = Paths.resolve(written, relativeTo: manifest)
        guard !written.isEmpty, inside else {
            throw located(location, "the \(what) '\(written.visibleASCII)' is outside the manifest's folder tree")
        }
        guard Paths.kind(of: path) == .file else {
            throw located(location, "the \(what) '\(written.visibleASCII)' does not exist")
        }
        return (path, path)
    }

    private static func located(_ location: SourceLocation, _ message: String) -> LedgerError {
        LedgerError(file: location.file, line: location.line, column: location.column, message: message)
    }

    // MARK: Checking

    /// The plan of one rule on one source: not in force, not applicable, or its compiled parts.
    enum Applicability {
        case notInForce
        case notApplicable
        case row(LedgerPlan.RowRule)
        case builtin(RecordBuiltin)
    }

    /// One source's rows judged: its rules' plans and what reading its rows found.
    struct Judged {
        var ledger: LedgerSource
        var plans: [Applicability]
        /// Each rule's tally slot, for row rules.
        var slotOfRule: [Int?]
        var scan: LedgerScanResult
        var duplicates = Tally()
        /// Streamed rows: where each unknown field was first met.
        var unknownPlaces: [String: RecordSample]? = nil
    }

    static func check(
        _ sources: [LedgerSource], rules: [Rule], model: Node?, asOf: ISODate, includeAll: Bool, threads: Int?,
        blockSize: Int = LedgerInput.defaultBlockSize, into result: inout Result
    ) throws(LedgerError) {
        let judged = try judge(sources, rules: rules, model: model, asOf: asOf, threads: threads, blockSize: blockSize)
        report(judged, rules: rules, includeAll: includeAll, into: &result)
    }

    /// Each rule's plan on `ledger`'s source, and the row rules among them.
    static func plans(_ ledger: LedgerSource, rules: [Rule], model: Node?, asOf: ISODate) throws(LedgerError) -> (
        [Applicability], [LedgerPlan.RowRule], [Int?]
    ) {
        let context = EvaluationContext(model: model, dataset: ledger.dataset.root, datasets: [], asOf: asOf, source: ledger.source.node)
        let evaluator = Evaluator(context: context, subject: Position(node: ledger.source.node, path: nil), explain: false)
        let fold: (Condition) -> Truth = { evaluator.evaluate($0).truth }
        var plans: [Applicability] = []
        var rowRules: [LedgerPlan.RowRule] = []
        var slotOfRule: [Int?] = []
        for rule in rules {
            let applicability = try applicability(rule, asOf: asOf, fold: fold)
            plans.append(applicability)
            if case .row(let rowRule) = applicability {
                slotOfRule.append(rowRules.count)
                rowRules.append(rowRule)
            } else {
                slotOfRule.append(nil)
            }
        }
        return (plans, rowRules, slotOfRule)
    }

    /// Reads and judges every source's rows, and counts the copies of failing rows across them.
    static func judge(
        _ sources: [LedgerSource], rules: [Rule], model: Node?, asOf: ISODate, threads: Int?, blockSize: Int = LedgerInput.defaultBlockSize,
        streamed: Bool = false
    ) throws(LedgerError) -> [Judged] {
        let asOfDay = Int64(asOf.lowerBound.dayNumber)
        var judged: [Judged] = []
        var index: [IndexChunk] = []
        for (ordinal, ledger) in sources.enumerated() {
            let (plans, rowRules, slotOfRule) = try plans(ledger, rules: rules, model: model, asOf: asOf)
            var plan = LedgerPlan(
                rules: rowRules, lists: ledger.lists, asOfDay: asOfDay, sourceID: ledger.source.id, format: ledger.format,
                streamed: streamed)
            plan.file = ledger.file
            var scan: LedgerScanResult
            if let rows = ledger.memoryRows {
                scan = try LedgerScanner.scan(rows: rows, file: ledger.file, plan: plan, ordinal: ordinal)
            } else {
                scan = try LedgerScanner.scan(
                    path: ledger.path, file: ledger.file, plan: plan, ordinal: ordinal, expectedSHA256: ledger.sha256, threads: threads,
                    blockSize: blockSize)
            }
            index.append(contentsOf: scan.index)
            scan.index = []
            judged.append(Judged(ledger: ledger, plans: plans, slotOfRule: slotOfRule, scan: scan))
        }
        let duplicates = try duplicates(index, sources: sources, scans: judged.map(\.scan), streamed: streamed)
        for ordinal in judged.indices { judged[ordinal].duplicates = duplicates[ordinal] }
        return judged
    }

    /// One warning per unknown field and ledger, at the line it was first met.
    static func unknownFieldWarnings(_ judged: [Judged]) -> [Diagnostic] {
        judged.flatMap { source in
            source.scan.unknownFields.map { name, line in
                let hint = Suggestions.closest(to: name, in: LedgerField.stored.map(\.name)).map { " (did you mean '\($0)'?)" } ?? ""
                return Diagnostic(
                    location: SourceLocation(file: source.ledger.file, line: max(line, 1), column: 1),
                    message: "unknown field '\(name.visibleASCII)'\(hint) in the ledger; it is not checked (reported once per file)")
            }
        }
    }

    /// The findings, counts, warnings and aggregates of judged sources.
    static func report(_ judged: [Judged], rules: [Rule], includeAll: Bool, into result: inout Result) {
        result.warnings += unknownFieldWarnings(judged)
        for source in judged {
            let (ledger, scan) = (source.ledger, source.scan)
            result.ledgers.append(
                LedgerReport(
                    subject: ledger.subject, file: ledger.file, format: scan.formatName ?? (ledger.format == .csv ? "csv" : "jsonl"),
                    compressed: scan.compressed, fileBytes: scan.fileBytes, stats: scan.stats))
        }
        for source in judged {
            let (ledger, scan) = (source.ledger, source.scan)
            for (ruleIndex, rule) in rules.enumerated() {
                var findings: [(FindingStatus, Finding?)] = []
                switch source.plans[ruleIndex] {
                case .notInForce: findings = [(.notInForce, nil)]
                case .notApplicable: findings = [(.notApplicable, nil)]
                case .row:
                    let tally = scan.slots[source.slotOfRule[ruleIndex]!]
                    findings = [finding(rule, ledger, tally: tally, total: scan.rows)]
                case .builtin(.suppressed):
                    findings =
                        ledger.lists.isEmpty
                        ? [(.notApplicable, nil)] : [finding(rule, ledger, tally: scan.suppressed, total: scan.rows)]
                case .builtin(.duplicate):
                    findings = [finding(rule, ledger, tally: source.duplicates, total: scan.rows)]
                case .builtin(.schema):
                    findings = [finding(rule, ledger, tally: Tally(), total: scan.rows)]
                case .builtin(.declared):
                    findings = declared(rule, ledger, scan: scan)
                }
                for (status, made) in findings {
                    result.counts[status, default: 0] += 1
                    guard status == .fail || includeAll else { continue }
                    result.findings.append(made ?? base(rule, ledger, status))
                }
            }
        }
    }

    private static func applicability(_ rule: Rule, asOf: ISODate, fold: @escaping (Condition) -> Truth) throws(LedgerError)
        -> Applicability
    {
        if let effective = rule.effective, asOf.lowerBound < effective.lowerBound { return .notInForce }
        do throws(RecordConditionCompiler.Problem) {
            var when: RecordCondition?
            if let condition = rule.when {
                let compiled = try RecordConditionCompiler.compile(condition, fold: fold)
                if case .constant(let truth) = compiled {
                    guard truth == .pass else { return .notApplicable }
                } else {
                    when = compiled
                }
            }
            if let builtin = rule.builtin { return .builtin(builtin) }
            let require = try RecordConditionCompiler.compile(rule.require, fold: fold)
            return .row(LedgerPlan.RowRule(when: when, require: require, breakdown: rule.breakdown))
        } catch {
            throw located(error.location, "record rule \(rule.id): \(error.message)")
        }
    }

    /// `REC-DUPLICATE`: rows that fail nothing themselves but share their content digest with a
    /// row (in any ledger of the bundle) that does. The samples are the first in sample order:
    /// every row at or below the tenth smallest digest key (ties included) is read back from its
    /// file for its item id, and the ten first by key and item id are kept.
    private static func duplicates(_ index: [IndexChunk], sources: [LedgerSource], scans: [LedgerScanResult], streamed: Bool)
        throws(LedgerError)
        -> [Tally]
    {
        var tallies = [Tally](repeating: Tally(), count: sources.count)
        var failing = PrefixSet()
        for chunk in index {
            for entry in chunk.entries where entry.failed { failing.insert(entry.prefix) }
        }
        guard !failing.isEmpty else { return tallies }
        let limit = LedgerScanner.sampleLimit
        // Chunks are looked up on every core: each one's count and smallest keys.
        let found = Parallel.map(index) { [failing] chunk -> (count: Int, smallest: [DigestPrefix]) in
            var count = 0
            var smallest: [DigestPrefix] = []
            for entry in chunk.entries where !entry.failed && failing.contains(entry.prefix) {
                count += 1
                smallest.keepSmallest(entry.prefix, limit: limit, by: <)
            }
            return (count, smallest)
        }
        var smallest = [[DigestPrefix]](repeating: [], count: sources.count)
        for (chunk, result) in zip(index, found) {
            tallies[chunk.ledger].failing += result.count
            for key in result.smallest { smallest[chunk.ledger].keepSmallest(key, limit: limit, by: <) }
        }
        let bounds = smallest.map(\.last)
        let candidates = Parallel.map(index) { [failing] chunk -> [(line: Int, order: DigestPrefix)] in
            guard let bound = bounds[chunk.ledger] else { return [] }
            return chunk.entries.compactMap { entry in
                !entry.failed && entry.prefix <= bound && failing.contains(entry.prefix)
                    ? (chunk.lineBase + entry.line + 1, entry.prefix) : nil
            }
        }
        var wanted = [[(line: Int, order: DigestPrefix)]](repeating: [], count: sources.count)
        for (chunk, rows) in zip(index, candidates) { wanted[chunk.ledger] += rows }
        for (ordinal, rows) in wanted.enumerated() where !rows.isEmpty {
            let source = sources[ordinal]
            var items: [Int: (item: String, file: String?)] = [:]
            if let memory = source.memoryRows {
                for row in rows { items[row.line] = (memory[row.line - 1].string(.itemID) ?? "", nil) }
            } else {
                let chunks = index.filter { $0.ledger == ordinal }.map { (lineBase: $0.lineBase, offset: $0.byteOffset) }
                items = try LedgerScanner.items(
                    at: rows.map(\.line), path: source.path, file: source.file, format: source.format, header: scans[ordinal].header,
                    chunks: chunks, streamed: streamed)
            }
            let samples = rows.map { row in
                let found = items[row.line]
                return RecordSample(
                    file: found?.file ?? source.file, line: found?.file == nil ? row.line : nil, itemID: found?.item ?? "", order: row.order
                )
            }
            tallies[ordinal].samples = Array(samples.sorted(by: RecordSample.precedes).prefix(limit))
        }
        return tallies
    }

    // MARK: Findings

    private static func base(_ rule: Rule, _ ledger: LedgerSource, _ status: FindingStatus) -> Finding {
        let subject = Subject(
            scope: .source, id: ledger.subject, node: ledger.source.node, path: "sources[\(ledger.source.index)]",
            context: EvaluationContext(
                model: nil, dataset: ledger.dataset.root, datasets: [], asOf: ISODate(year: 2000)!, source: ledger.source.node))
        return Finding(
            ruleID: rule.id, title: rule.title, pack: rule.pack, severity: rule.severity, status: status, reason: nil,
            subject: ledger.subject, location: ledger.node.location, path: "sources[\(ledger.source.index)].ledger", expected: nil,
            found: nil, message: status == .fail ? MessageRenderer.render(rule.message, subject: subject) : rule.title,
            remediation: rule.remediation, citations: rule.citations)
    }

    private static func finding(_ rule: Rule, _ ledger: LedgerSource, tally: Tally, total: Int) -> (FindingStatus, Finding?) {
        let passes = tally.failing == 0 || (rule.tolerance?.accepts(tally.failing, of: total) ?? false)
        let status: FindingStatus = passes ? .pass : .fail
        var finding = base(rule, ledger, status)
        let counts = RecordCounts(
            failing: tally.failing, total: total, tolerance: rule.tolerance, samples: tally.samples, breakdown: tally.breakdown)
        finding.records = counts
        finding.expected = rule.tolerance.map { "\($0.description) failing" } ?? "no failing row"
        finding.found = "\(tally.failing.grouped) failing row\(tally.failing == 1 ? "" : "s") of \(total.grouped) (\(counts.percent))"
        if status == .fail {
            finding.reason = .violation
            finding.message = "\(counts.summary): \(finding.message)"
        }
        return (status, finding)
    }

    /// `REC-DECLARED`: one finding per claim of the manifest the ledger contradicts, located at
    /// the claim.
    private static func declared(
        _ rule: Rule, _ ledger: LedgerSource, scan: LedgerScanResult
    ) -> [(FindingStatus, Finding?)] {
        let source = ledger.source.node
        let prefix = "sources[\(ledger.source.index)]"
        var contradictions: [(node: Node, path: String, expected: String, found: String, message: String, tally: Tally?)] = []
        // Opt-outs declared excluded, but rows failing REC-OPTOUT remain.
        if let handling = source["tdm_opt_out"]?["handling"], handling.scalar?.text == "excluded", scan.optedOut.failing > 0 {
            let tally = scan.optedOut
            contradictions.append(
                (
                    handling, "\(prefix).tdm_opt_out.handling", "no row with an opt-out (handling: excluded)",
                    "\(tally.failing.grouped) rows with an opt-out and no licence",
                    "the manifest says opt-outs are excluded, but \(tally.failing.grouped) of \(scan.rows.grouped) ledger rows carry one",
                    tally
                ))
        }
        // No personal data declared, but rows say they hold some.
        if let present = source["personal_data"]?["present"], present.scalar?.text == "false", scan.stats.personalDataRows > 0 {
            contradictions.append(
                (
                    present, "\(prefix).personal_data.present", "no row with personal_data: true",
                    "\(scan.stats.personalDataRows.grouped) rows",
                    "the manifest says the source holds no personal data, but \(scan.stats.personalDataRows.grouped) ledger rows say they do",
                    nil
                ))
        }
        // The declared size differs from the ledger's sum by more than 10 %.
        if let size = source["size"], let valueNode = size["value"], let declared = Double(valueNode.scalar?.text ?? ""),
            let unit = size["unit"]?.scalar?.text
        {
            var measured: Int?
            switch unit {
            case "bytes" where scan.stats.rowsWithSize == scan.rows: measured = scan.stats.totals.bytes
            case "tokens" where scan.stats.rowsWithTokens == scan.rows: measured = scan.stats.totals.tokens
            case "records", "files": measured = scan.rows
            case "images": measured = scan.stats.modalities["image"]?.rows ?? 0
            default: measured = nil
            }
            if let measured, abs(declared - Double(measured)) > 0.1 * Double(max(measured, 1)) {
                contradictions.append(
                    (
                        valueNode, "\(prefix).size.value", "within 10 % of the ledger's \(measured.grouped) \(unit)",
                        valueNode.scalar?.text ?? "",
                        "the manifest declares \(valueNode.scalar?.text ?? "") \(unit), the ledger sums to \(measured.grouped)", nil
                    ))
            }
        }
        // Rows of another source in this source's ledger.
        let foreign = scan.foreign
        if foreign.failing > 0 {
            contradictions.append(
                (
                    ledger.node, "\(prefix).ledger", "every row with source_id \(ledger.source.id)",
                    "\(foreign.failing.grouped) rows of other sources",
                    "\(foreign.failing.grouped) ledger rows name another source_id than \(ledger.source.id)", foreign
                ))
        }
        guard !contradictions.isEmpty else {
            var finding = base(rule, ledger, .pass)
            finding.records = RecordCounts(failing: 0, total: scan.rows, tolerance: nil, samples: [], breakdown: [:])
            return [(.pass, finding)]
        }
        return contradictions.map { contradiction in
            var finding = base(rule, ledger, .fail)
            finding.reason = .violation
            finding.location = contradiction.node.location
            finding.path = contradiction.path
            finding.expected = contradiction.expected
            finding.found = contradiction.found
            finding.message = "\(contradiction.message): \(finding.message)"
            if let tally = contradiction.tally {
                finding.records = RecordCounts(
                    failing: tally.failing, total: scan.rows, tolerance: nil, samples: tally.samples, breakdown: tally.breakdown)
            }
            return (.fail, finding)
        }
    }
}

extension LedgerScanner {
    /// The item ids at `lines` (1-based, file lines) of a ledger, read again from the file: in a
    /// mapped file from the blocks that hold them (`chunks`: each block's line base and offset, in
    /// file order), else from the start.
    static func items(
        at lines: [Int], path: String, file: String, format: RowReader.Format, header: RowReader.CSVHeader?,
        chunks: [(lineBase: Int, offset: Int)] = [], streamed: Bool = false
    ) throws(LedgerError) -> [Int: (item: String, file: String?)] {
        let wanted = Set(lines)
        guard let last = lines.max() else { return [:] }
        var found: [Int: (item: String, file: String?)] = [:]
        var reader = RowReader(format: format, header: header, streamed: streamed)
        var row = LedgerRow()
        /// Reads lines from `block` (whose first line is file line `start + 1`) up to `stop`.
        func read(_ block: UnsafeBufferPointer<UInt8>, after start: Int, upTo stop: Int) -> Int {
            LedgerInput.forEachLine(in: block) { line, number in
                let lineNumber = start + number + 1
                if wanted.contains(lineNumber), (try? reader.read(line, into: &row, lineNumber: 0)) != nil {
                    found[lineNumber] = (row.string(.itemID) ?? "", reader.originText)
                }
                return lineNumber < stop
            }
        }
        do {
            let input = try LedgerInput(path: path)
            if let mapped = input.mappedBytes, !chunks.isEmpty, chunks.allSatisfy({ $0.offset >= 0 }) {
                // Each wanted line's block, then its lines up to the last wanted one there.
                var byChunk: [Int: Int] = [:]
                for line in wanted {
                    var low = 0
                    var high = chunks.count - 1
                    while low < high {
                        let middle = (low + high + 1) / 2
                        if chunks[middle].lineBase < line { low = middle } else { high = middle - 1 }
                    }
                    byChunk[low] = max(byChunk[low] ?? 0, line)
                }
                for (chunk, stop) in byChunk {
                    let start = chunks[chunk].offset
                    guard start <= mapped.count else { continue }
                    _ = read(UnsafeBufferPointer(rebasing: mapped[start...]), after: chunks[chunk].lineBase, upTo: stop)
                }
                return found
            }
            var base = 0
            while base < last, let block = try input.nextBlock() {
                defer { block.release() }
                base += read(block.lines, after: base, upTo: last)
            }
        } catch {
            throw LedgerError(file: file, line: nil, column: nil, message: "ledger \(error.message)")
        }
        return found
    }
}
