/// Runs every rule's worked examples: a passing example must not fail (it passes, or the rule
/// does not apply to it), and a failing example must fail. A rule without both kinds of example
/// fails the test, so packs cannot rot.
public enum PackTester {
    /// The outcome of one example, or of a rule's missing examples.
    public struct Result: Sendable, Equatable {
        public enum Kind: String, Sendable { case pass, fail }

        public var pack: String
        public var ruleID: String
        /// Which list the example is in; nil for "the rule has no examples of a kind".
        public var kind: Kind?
        /// 1-based position in its list.
        public var index: Int
        public var location: SourceLocation
        /// Whether the example behaved as its list says.
        public var ok: Bool
        /// What went wrong, for a failed result.
        public var problem: String?
    }

    /// Runs every example of every rule. Rules are judged as of `asOf`, or as of their
    /// `effective` date when that is later, so examples test the rule's logic, not the calendar.
    /// With `only`, runs the examples of that rule alone, still judged with its whole pack (a
    /// record rule such as REC-DUPLICATE depends on the pack's other record rules).
    public static func run(_ packs: [PolicyPack], asOf: ISODate, only: String? = nil) -> [Result] {
        var results: [Result] = []
        for pack in packs {
            for rule in pack.rules where only == nil || rule.id == only {
                if let problem = rule.examplesProblem {
                    results.append(
                        Result(
                            pack: pack.name, ruleID: rule.id, kind: nil, index: 0, location: rule.location, ok: false,
                            problem: "the examples of rule \(rule.id) cannot be read: \(problem)"))
                    continue
                }
                for kind in [Result.Kind.pass, .fail] {
                    let examples = kind == .pass ? rule.examples.pass : rule.examples.fail
                    if examples.isEmpty {
                        results.append(
                            Result(
                                pack: pack.name, ruleID: rule.id, kind: nil, index: 0, location: rule.location, ok: false,
                                problem: "rule \(rule.id) has no \(kind.rawValue)ing example"))
                    }
                    for (offset, example) in examples.enumerated() {
                        results.append(check(example, kind: kind, index: offset + 1, rule: rule, pack: pack, asOf: asOf))
                    }
                }
            }
        }
        return results
    }

    static func check(_ example: Node, kind: Result.Kind, index: Int, rule: Rule, pack: PolicyPack, asOf: ISODate) -> Result {
        var judged = rule.effective.map { max($0.lowerBound, asOf) } ?? asOf
        // An example may fix its own as-of date (`$as_of`), to show a transitional provision.
        if let date = try? example["$as_of"]?.date() { judged = date.lowerBound }
        let status: FindingStatus
        let finding: Finding?
        if rule.scope == .record {
            switch RecordExamples.status(of: rule, in: pack, on: example, asOf: ISODate(dayNumber: Int64(judged.dayNumber))) {
            case .success(let outcome): (status, finding) = outcome
            case .failure(let problem):
                return Result(
                    pack: pack.name, ruleID: rule.id, kind: kind, index: index, location: example.location, ok: false,
                    problem: "\(kind.rawValue) example \(index) of \(rule.id) cannot be read: \(problem.message)")
            }
        } else {
            (status, finding) = Engine.evaluate(rule, on: subject(for: example, rule: rule, asOf: judged), includeAll: true)
        }
        let ok = kind == .pass ? [.pass, .notApplicable, .notInForce].contains(status) : status == .fail
        var problem: String?
        if !ok {
            let detail =
                finding.flatMap { f in
                    f.expected.map { "; at \(f.path.isEmpty ? "the subject" : f.path) expected \($0), found \(f.found ?? "missing")" }
                } ?? ""
            problem = "\(kind.rawValue) example \(index) of \(rule.id) came out \(status.rawValue.replacingUnderscores)\(detail)"
        }
        return Result(pack: pack.name, ruleID: rule.id, kind: kind, index: index, location: example.location, ok: ok, problem: problem)
    }

    /// An example's subject and the documents its cross-document paths read.
    static func subject(for example: Node, rule: Rule, asOf: ISODate) -> Subject {
        let node = example["$subject"] ?? example
        var model = example["$model"]
        var dataset = example["$dataset"]
        switch rule.scope {
        case .model: model = model ?? node
        case .dataset: dataset = dataset ?? node
        case .source, .record: break
        }
        let datasets = example["$datasets"]?.sequence ?? dataset.map { [$0] } ?? []
        return Subject(
            scope: rule.scope, id: "example", node: node, path: "",
            context: EvaluationContext(model: model, dataset: dataset, datasets: datasets, asOf: asOf))
    }
}

extension String {
    fileprivate var replacingUnderscores: String { String(map { $0 == "_" ? " " : $0 }) }
}
