/// What a rule is evaluated against: the model card, a dataset manifest or one source, with the
/// documents its cross-document paths reach.
public struct Subject: Sendable {
    public var scope: RuleScope
    /// `model:NAME`, `dataset:ID` or `dataset:ID/source:ID`.
    public var id: String
    /// The subject's node.
    public var node: Node
    /// The node's path in its file (`sources[2]`; empty for a document root).
    public var path: String
    /// What `$model`, `$dataset` and `$datasets` mean for it.
    public var context: EvaluationContext

    /// Every subject of a bundle, in order: the model, then each dataset followed by its sources.
    public static func all(in bundle: ArtifactBundle, asOf: ISODate) -> [Subject] {
        let datasets = bundle.datasets.map(\.root)
        let model = bundle.card?.root
        var subjects: [Subject] = []
        if let card = bundle.card {
            subjects.append(
                Subject(
                    scope: .model, id: "model:\(card.name)", node: card.root, path: "",
                    context: EvaluationContext(model: model, dataset: nil, datasets: datasets, asOf: asOf)))
        }
        for dataset in bundle.datasets {
            let context = EvaluationContext(model: model, dataset: dataset.root, datasets: datasets, asOf: asOf)
            subjects.append(Subject(scope: .dataset, id: "dataset:\(dataset.id)", node: dataset.root, path: "", context: context))
            for source in dataset.sources {
                var sourceContext = context
                sourceContext.source = source.node
                subjects.append(
                    Subject(
                        scope: .source, id: "dataset:\(dataset.id)/source:\(source.id)", node: source.node,
                        path: "sources[\(source.index)]", context: sourceContext))
            }
        }
        return subjects
    }
}
