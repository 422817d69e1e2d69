/// A record rule's worked examples, judged by the same code that reads ledgers, on rows held in
/// memory. An example is one row (a mapping of row fields), or for a rule that looks beyond one
/// row a small ledger: `{$rows: [row…], $suppression: [{key, kind, values: […]}]}`; either may
/// give the manifest source (`$source`), its dataset (`$dataset`) and the card (`$model`).
/// `item_id`, `source_id` (the source's `id`) and `content_sha256` get stand-ins when an example
/// leaves them out.
enum RecordExamples {
    /// The rule's status on the example, or why the example cannot be read.
    static func status(of rule: Rule, in pack: PolicyPack, on example: Node, asOf: ISODate) -> Result<(FindingStatus, Finding?), RowProblem>
    {
        let outcome = judge(rule, in: pack, on: example, asOf: asOf)
        // A row that cannot be read stops a check: that is how REC-SCHEMA fails.
        if rule.builtin == .schema, case .failure = outcome { return .success((.fail, nil)) }
        return outcome
    }

    private static func judge(_ rule: Rule, in pack: PolicyPack, on example: Node, asOf: ISODate) -> Result<
        (FindingStatus, Finding?), RowProblem
    > {
        let emptyMapping = Node(.mapping([]), at: example.location)
        let sourceNode = example["$source"] ?? emptyMapping
        let sourceID = sourceNode["id"]?.scalar?.text ?? "example"
        var rows: [LedgerRow] = []
        let rowNodes = example["$rows"]?.sequence ?? [example["$subject"] ?? example]
        for (index, node) in rowNodes.enumerated() {
            switch row(node, index: index, sourceID: sourceID) {
            case .success(let row): rows.append(row)
            case .failure(let problem): return .failure(problem)
            }
        }
        var lists: [SuppressionList] = []
        for entry in example["$suppression"]?.sequence ?? [] {
            guard let key = (entry["key"]?.scalar?.text).flatMap(LedgerField.named), SuppressionList.canKey(key),
                let kind = (entry["kind"]?.scalar?.text).flatMap(SuppressionList.Kind.init(rawValue:))
            else { return .failure(RowProblem(column: nil, message: "$suppression entries need a row-field key and a kind")) }
            let list = SuppressionList(file: "example-list", key: key, kind: kind, location: entry.location)
            for value in entry["values"]?.sequence ?? [] {
                var text = value.scalar?.text ?? ""
                var problem: RowProblem?
                text.withUTF8 { bytes in
                    do throws(RowProblem) { try list.add(bytes) } catch { problem = error }
                }
                if let problem { return .failure(problem) }
            }
            lists.append(list)
        }
        let dataset = DatasetManifest(
            file: "example", root: example["$dataset"] ?? emptyMapping, id: "example",
            sources: [DatasetManifest.Source(id: sourceID, node: sourceNode, index: 0)])
        let source = LedgerCheck.LedgerSource(
            dataset: dataset, source: dataset.sources[0], subject: "example", node: sourceNode, path: "example", file: "example",
            format: .jsonl, sha256: nil, lists: lists, memoryRows: rows)
        var result = LedgerCheck.Result()
        do throws(LedgerError) {
            try LedgerCheck.check(
                [source], rules: pack.rules.filter { $0.scope == .record }, model: example["$model"], asOf: asOf, includeAll: true,
                threads: 1, into: &result)
        } catch {
            return .failure(RowProblem(column: nil, message: error.message))
        }
        let findings = result.findings.filter { $0.ruleID == rule.id }
        if let failing = findings.first(where: { $0.status == .fail }) { return .success((.fail, failing)) }
        return .success((findings.first?.status ?? .notApplicable, findings.first))
    }

    /// A row from an example mapping; each value is read as a CSV cell is (lists joined by `;`).
    private static func row(_ node: Node, index: Int, sourceID: String) -> Result<LedgerRow, RowProblem> {
        var row = LedgerRow()
        guard let entries = node.mapping else { return .failure(RowProblem(column: nil, message: "an example row must be a mapping")) }
        do throws(RowProblem) {
            for entry in entries where !entry.key.hasPrefix("$") {
                guard let field = LedgerField.named(entry.key), field != .optouts else {
                    throw RowProblem(column: nil, message: "'\(entry.key)' is not a row field")
                }
                if entry.value.isNull { continue }
                var text: String
                if let items = entry.value.sequence {
                    text = items.compactMap { $0.scalar?.text }.joined(separator: ";")
                } else {
                    text = entry.value.scalar?.text ?? ""
                }
                try LedgerValues.store(text: text, as: field, in: &row)
            }
            var defaults: [(LedgerField, String)] = [(.itemID, "example-\(index + 1)"), (.sourceID, sourceID)]
            defaults.append((.contentSHA256, String(repeating: "0", count: 63) + String(index % 10)))
            for (field, value) in defaults where !row.has(field) { try LedgerValues.store(text: value, as: field, in: &row) }
        } catch {
            return .failure(error)
        }
        return .success(row)
    }
}
