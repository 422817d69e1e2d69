/// The training-content summary as JSON for other tools: sections keyed by the template's
/// numbers, keys sorted, a versioned `schema` id, and each declared value with its location.
public enum SummaryJSONRenderer {
    /// Renders `summary`, byte-stable for the same inputs.
    public static func render(_ summary: TrainingSummary) -> String {
        var document: [String: JSONValue] = [
            "schema": .string(TrainingSummary.schema),
            "template": .string(TrainingSummary.template),
            "model": .string(summary.model),
            "as_of": .string(summary.asOf.description),
            "sections": .object(Dictionary(uniqueKeysWithValues: summary.sections.map { ($0.number, section($0)) })),
            "gaps": .array(
                summary.gaps.map { gap in
                    .object(["section": .string(gap.section), "item": .string(gap.item)].merging(missing(gap.missing)) { $1 })
                }),
            "data_mix": [
                "sources_by_modality": .object(
                    Dictionary(uniqueKeysWithValues: summary.sourcesByModality.map { ($0.name, .int($0.count)) })),
                "sources_by_type": .object(Dictionary(uniqueKeysWithValues: summary.sourcesByType.map { ($0.name, .int($0.count)) })),
            ],
        ]
        if let verdict = summary.verdict {
            document["check"] = [
                "verdict": .string(verdict.passed ? "pass" : "fail"), "fail_on": .string(verdict.failOn.rawValue),
                "failing": .int(verdict.failing), "failed": .int(verdict.failed), "packs": .strings(verdict.packs),
            ]
        }
        return JSONValue.object(document).rendered
    }

    private static func section(_ section: TrainingSummary.Section) -> JSONValue {
        ["title": .string(section.title), "items": .array(section.items.map(item))]
    }

    private static func item(_ item: TrainingSummary.Item) -> JSONValue {
        .object([
            "key": .string(item.key), "question": .string(item.label),
            "status": .string(item.missing.isEmpty ? "declared" : item.facts.isEmpty ? "not_declared" : "partly_declared"),
            "values": .array(item.facts.map(fact)),
            "missing": .array(item.missing.map { .object(missing($0)) }),
        ])
    }

    private static func fact(_ fact: TrainingSummary.Fact) -> JSONValue {
        var value: [String: JSONValue] = ["text": .string(fact.text)]
        if let url = fact.url { value["url"] = .string(url) }
        if let subject = fact.subject { value["subject"] = .string(subject) }
        if let location = fact.location { value["location"] = .string(location.description) }
        return .object(value)
    }

    private static func missing(_ missing: TrainingSummary.Missing) -> [String: JSONValue] {
        ["field": .string(missing.field), "subject": .string(missing.subject), "location": .string(missing.location.description)]
    }
}
