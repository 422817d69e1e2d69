import Testing

@testable import TrainGateKit

/// Evaluates a condition written in YAML against a subject written in YAML.
func truth(
    _ condition: String, on subject: String, model: String? = nil, dataset: String? = nil,
    datasets: [String] = [], asOf: String = "2026-11-22"
) throws -> Truth {
    let parsed = try ConditionParser.parse(DocumentLoader.parseYAML(condition.bytes, file: "rule.yaml"))
    func node(_ text: String) throws -> Node { try DocumentLoader.parseYAML(text.bytes, file: "subject.yaml") }
    let context = EvaluationContext(
        model: try model.map(node), dataset: try dataset.map(node),
        datasets: try datasets.map(node), asOf: ISODate(parsing: asOf)!)
    let root = try node(subject)
    let fast = Evaluator(context: context, subject: Position(node: root, path: nil), explain: false).evaluate(parsed)
    let explained = Evaluator(context: context, subject: Position(node: root, path: ""), explain: true).evaluate(parsed)
    // The fast path and the explaining path must never disagree.
    #expect(fast.truth == explained.truth, "fast and explained evaluation disagree on \(condition)")
    #expect(explained.detail != nil, "no detail for \(condition)")
    return fast.truth
}

struct Case: Sendable, CustomTestStringConvertible {
    let condition: String
    let subject: String
    let expected: Truth
    init(_ condition: String, _ subject: String, _ expected: Truth) {
        self.condition = condition
        self.subject = subject
        self.expected = expected
    }
    var testDescription: String { "\(condition) on \(subject)" }
}

@Suite("Rule language: leaf operators")
struct OperatorTests {
    static let cases: [Case] = [
        // exists: declared and not null.
        Case("{path: a, exists: true}", "{a: 1}", .pass),
        Case("{path: a, exists: true}", "{b: 1}", .missing),
        Case("{path: a, exists: true}", "{a: null}", .missing),
        Case("{path: a, exists: true}", "{a: false}", .pass),
        Case("{path: a, exists: false}", "{b: 1}", .pass),
        Case("{path: a, exists: false}", "{a: 1}", .violation),
        Case("{path: a.b.c, exists: true}", "{a: {b: {}}}", .missing),
        // equals / not_equals: same core type; numbers compare as numbers.
        Case("{path: a, equals: true}", "{a: true}", .pass),
        Case("{path: a, equals: true}", "{a: \"true\"}", .violation),
        Case("{path: a, equals: true}", "{a: yes}", .violation),
        Case("{path: a, equals: 1}", "{a: 1.0}", .pass),
        Case("{path: a, equals: NO}", "{a: NO}", .pass),
        Case("{path: a, equals: web_crawl}", "{b: 1}", .missing),
        Case("{path: a, equals: [x, y]}", "{a: [x, y]}", .pass),
        Case("{path: a, equals: [x, y]}", "{a: [y, x]}", .violation),
        Case("{path: a, not_equals: true}", "{a: false}", .pass),
        Case("{path: a, not_equals: true}", "{a: true}", .violation),
        Case("{path: a, not_equals: true}", "{}", .missing),
        // in / not_in.
        Case("{path: a, in: [x, y]}", "{a: y}", .pass),
        Case("{path: a, in: [x, y]}", "{a: z}", .violation),
        Case("{path: a, in: [true, unknown]}", "{a: unknown}", .pass),
        Case("{path: a, not_in: [x, y]}", "{a: z}", .pass),
        Case("{path: a, not_in: [x, y]}", "{a: x}", .violation),
        // matches searches; anchors make it whole-value.
        Case("{path: a, matches: 'BY'}", "{a: CC-BY-4.0}", .pass),
        Case("{path: a, matches: '^BY'}", "{a: CC-BY-4.0}", .violation),
        Case("{path: a, matches: '^https://'}", "{a: 'http://x'}", .violation),
        Case("{path: a, matches: 'x'}", "{a: [x]}", .violation),
        // min / max on numbers.
        Case("{path: a, min: 1e23}", "{a: 3.1e23}", .pass),
        Case("{path: a, min: 10}", "{a: 10}", .pass),
        Case("{path: a, min: 10}", "{a: 9}", .violation),
        Case("{path: a, max: 0}", "{a: 0}", .pass),
        Case("{path: a, max: 0}", "{a: 3}", .violation),
        Case("{path: a, min: 1}", "{a: ten}", .violation),
        // before / after compare periods: a partial date stands for its whole period.
        Case("{path: d, before: 2025-08-02}", "{d: 2025-08-01}", .pass),
        Case("{path: d, before: 2025-08-02}", "{d: 2025-08-02}", .violation),
        Case("{path: d, before: 2025-08-02}", "{d: 2025-08}", .violation),
        Case("{path: d, before: 2025-08}", "{d: 2025-07-31}", .pass),
        Case("{path: d, after: 2025-06}", "{d: 2025-06-30}", .violation),
        Case("{path: d, after: 2025-06}", "{d: 2025-07-01}", .pass),
        Case("{path: d, before: today}", "{d: 2026-11-21}", .pass),
        Case("{path: d, before: today}", "{d: 2026-11-22}", .violation),
        Case("{path: d, after: today}", "{d: 2027}", .pass),
        Case("{path: d, before: 2025}", "{d: soon}", .violation),
        // nonempty: non-blank text, non-empty list or mapping.
        Case("{path: a, nonempty: true}", "{a: x}", .pass),
        Case("{path: a, nonempty: true}", "{a: '  '}", .violation),
        Case("{path: a, nonempty: true}", "{a: []}", .violation),
        Case("{path: a, nonempty: true}", "{a: {}}", .violation),
        Case("{path: a, nonempty: true}", "{a: [x]}", .pass),
        Case("{path: a, nonempty: true}", "{}", .missing),
        // contains / subset_of / superset_of work on lists.
        Case("{path: a, contains: audio}", "{a: [text, audio]}", .pass),
        Case("{path: a, contains: audio}", "{a: [text]}", .violation),
        Case("{path: a, contains: audio}", "{a: audio}", .violation),
        Case("{path: a, subset_of: [text, audio]}", "{a: [audio]}", .pass),
        Case("{path: a, subset_of: [text, audio]}", "{a: [audio, video]}", .violation),
        Case("{path: a, subset_of: [text]}", "{a: []}", .pass),
        Case("{path: a, superset_of: [robots_txt, tdmrep]}", "{a: [tdmrep, ai_txt, robots_txt]}", .pass),
        Case("{path: a, superset_of: [robots_txt, tdmrep]}", "{a: [robots_txt]}", .violation),
        // A value may be another field.
        Case("{path: a, equals: {path: b}}", "{a: 3, b: 3}", .pass),
        Case("{path: a, equals: {path: b}}", "{a: 3, b: 4}", .violation),
        Case("{path: a, equals: {path: b}}", "{a: 3}", .missing),
        Case("{path: end, before: {path: limit}}", "{end: 2025-05, limit: 2025-06-01}", .pass),
        Case("{path: n, max: {path: m}}", "{n: 5, m: 4}", .violation),
        // days_after: a window of days after another date; partial dates must fit whole.
        Case("{path: n, days_after: {date: {path: t}, min: 0, max: 14}}", "{n: 2026-01-24, t: 2026-01-10}", .pass),
        Case("{path: n, days_after: {date: {path: t}, min: 0, max: 14}}", "{n: 2026-01-25, t: 2026-01-10}", .violation),
        Case("{path: n, days_after: {date: {path: t}, min: 0, max: 14}}", "{n: 2026-01-09, t: 2026-01-10}", .violation),
        Case("{path: n, days_after: {date: {path: t}, min: 0, max: 14}}", "{n: 2026-01, t: 2026-01-10}", .violation),
        Case("{path: n, days_after: {date: {path: t}, max: 14}}", "{n: 2026-01-20}", .missing),
        Case("{path: n, days_after: {date: {path: t}, max: 14}}", "{t: 2026-01-20}", .missing),
        Case("{path: n, days_after: {date: 2024-02-28, max: 2}}", "{n: 2024-03-01}", .pass),
        Case("{path: n, days_after: {date: 2025-02-28, max: 0}}", "{n: 2025-03-01}", .violation),
        Case("{path: d, days_after: {date: today, min: -183}}", "{d: 2026-05-23}", .pass),
        Case("{path: d, days_after: {date: today, min: -183}}", "{d: 2026-05-22}", .violation),
        Case("{path: d, days_after: {date: today, min: -183}}", "{d: later}", .violation),
    ]

    @Test("each operator has one meaning", arguments: cases)
    func operators(_ c: Case) throws {
        #expect(try truth(c.condition, on: c.subject) == c.expected)
    }
}

@Suite("Rule language: composites and quantifiers")
struct CompositeTests {
    static let cases: [Case] = [
        // Kleene logic: a violation outweighs a missing field in `all`; a pass outweighs it in `any`.
        Case("{all: [{path: a, equals: 1}, {path: b, equals: 2}]}", "{a: 1, b: 2}", .pass),
        Case("{all: [{path: a, equals: 1}, {path: b, equals: 2}]}", "{a: 1}", .missing),
        Case("{all: [{path: a, equals: 1}, {path: b, equals: 2}]}", "{a: 0}", .violation),
        Case("{any: [{path: a, equals: 1}, {path: b, equals: 2}]}", "{b: 2}", .pass),
        Case("{any: [{path: a, equals: 1}, {path: b, equals: 2}]}", "{a: 0}", .missing),
        Case("{any: [{path: a, equals: 1}, {path: b, equals: 2}]}", "{a: 0, b: 0}", .violation),
        // `not` never turns an undeclared field into a pass.
        Case("{not: {path: a, equals: true}}", "{a: false}", .pass),
        Case("{not: {path: a, equals: true}}", "{a: true}", .violation),
        Case("{not: {path: a, equals: true}}", "{}", .missing),
        // Absence is tested with `exists: false`; `not` of an undeclared field stays missing.
        Case("{not: {path: a, exists: true}}", "{}", .missing),
        // each: every item; an empty list holds vacuously; a missing list is missing.
        Case("{each: s, require: {path: ok, equals: true}}", "{s: [{ok: true}, {ok: true}]}", .pass),
        Case("{each: s, require: {path: ok, equals: true}}", "{s: [{ok: true}, {ok: false}]}", .violation),
        Case("{each: s, require: {path: ok, equals: true}}", "{s: [{ok: true}, {}]}", .missing),
        Case("{each: s, require: {path: ok, equals: true}}", "{s: [{}, {ok: false}]}", .violation),
        Case("{each: s, require: {path: ok, equals: true}}", "{s: []}", .pass),
        Case("{each: s, require: {path: ok, equals: true}}", "{}", .missing),
        Case("{each: s, require: {path: ok, equals: true}}", "{s: notalist}", .violation),
        // some: at least one item; empty is a violation.
        Case("{some: s, require: {path: ok, equals: true}}", "{s: [{ok: false}, {ok: true}]}", .pass),
        Case("{some: s, require: {path: ok, equals: true}}", "{s: [{ok: false}]}", .violation),
        Case("{some: s, require: {path: ok, equals: true}}", "{s: [{ok: false}, {}]}", .missing),
        Case("{some: s, require: {path: ok, equals: true}}", "{s: []}", .violation),
        // none: no item.
        Case("{none: s, require: {path: bad, equals: true}}", "{s: [{bad: false}]}", .pass),
        Case("{none: s, require: {path: bad, equals: true}}", "{s: [{bad: false}, {bad: true}]}", .violation),
        Case("{none: s, require: {path: bad, equals: true}}", "{s: [{bad: false}, {}]}", .missing),
        Case("{none: s, require: {path: bad, equals: true}}", "{s: []}", .pass),
        // count: bounds over items matching `where`; undecided items make it missing only if they could matter.
        Case("{count: s, min: 2}", "{s: [a, b]}", .pass),
        Case("{count: s, max: 1}", "{s: [a, b]}", .violation),
        Case("{count: s, where: {path: p, equals: true}, max: 0}", "{s: [{p: false}, {p: false}]}", .pass),
        Case("{count: s, where: {path: p, equals: true}, max: 0}", "{s: [{p: false}, {p: true}]}", .violation),
        Case("{count: s, where: {path: p, equals: true}, max: 0}", "{s: [{p: false}, {}]}", .missing),
        Case("{count: s, where: {path: p, equals: true}, min: 1}", "{s: [{p: true}, {}]}", .pass),
        Case("{count: s, where: {path: p, equals: true}, min: 2, max: 3}", "{s: [{p: true}, {}, {}, {}]}", .missing),
        Case("{count: s, where: {path: p, equals: true}, max: 1}", "{s: [{p: true}, {p: true}, {}]}", .violation),
        // [*] fans out inside a path.
        Case(
            "{each: 'sources[*].modalities', require: {path: x, exists: false}}", "{sources: [{modalities: [{}]}, {modalities: [{}, {}]}]}",
            .pass),
        Case("{count: 'sources[*].modalities', max: 2}", "{sources: [{modalities: [a]}, {modalities: [b, c]}]}", .violation),
    ]

    @Test("composites and quantifiers follow three-valued logic", arguments: cases)
    func composites(_ c: Case) throws {
        #expect(try truth(c.condition, on: c.subject) == c.expected)
    }
}

@Suite("Rule language: cross-document paths")
struct CrossDocumentTests {
    let model = "{classification: {gpai: true}, transparency: {copyright_policy: {tdm_opt_out_protocols: [robots_txt, tdmrep]}}}"
    let datasets = [
        "{dataset: {id: a}, sources: [{id: s1, personal_data: {present: false}}]}",
        "{dataset: {id: b}, sources: [{id: s2, personal_data: {present: true}}, {id: s3}]}",
    ]

    @Test func modelPaths() throws {
        #expect(try truth("{path: $model.classification.gpai, equals: true}", on: "{id: s}", model: model) == .pass)
        #expect(try truth("{path: $model.classification.gpai, equals: true}", on: "{id: s}") == .missing)
        #expect(
            try truth(
                "{path: tdm_opt_out.protocols, subset_of: {path: $model.transparency.copyright_policy.tdm_opt_out_protocols}}",
                on: "{tdm_opt_out: {protocols: [robots_txt, ai_txt]}}", model: model) == .violation)
    }

    @Test func datasetPaths() throws {
        #expect(
            try truth("{path: $dataset.records.dpia_ref, exists: true}", on: "{id: s}", dataset: "{records: {dpia_ref: d.pdf}}") == .pass)
        #expect(try truth("{path: $dataset.records.dpia_ref, exists: true}", on: "{id: s}", dataset: "{records: {}}") == .missing)
    }

    @Test func everyDataset() throws {
        #expect(try truth("{count: $datasets, min: 2}", on: "{}", datasets: datasets) == .pass)
        #expect(try truth("{each: '$datasets[*]', require: {path: dataset.id, exists: true}}", on: "{}", datasets: datasets) == .pass)
        #expect(try truth("{count: '$datasets[*].sources', max: 2}", on: "{}", datasets: datasets) == .violation)
        #expect(
            try truth("{some: '$datasets[*].sources', require: {path: personal_data.present, equals: true}}", on: "{}", datasets: datasets)
                == .pass)
        #expect(
            try truth("{each: '$datasets[*].sources', require: {path: personal_data.present, equals: false}}", on: "{}", datasets: datasets)
                == .violation)
        #expect(try truth("{each: $datasets, require: {path: dataset.id, exists: true}}", on: "{}", datasets: []) == .pass)
    }
}
