@testable import TrainGateKit

/// Follows a field path through an exported JSON Schema (the JSON, not the Swift field types):
/// through `properties`, `items`, `$ref` and the branches of `anyOf`/`oneOf`.
struct SchemaWalk {
    typealias JSON = JSONSchemaValidator.JSON

    let schema: JSONSchemaValidator

    /// What is wrong with the path in this schema: a step the schema does not have, or a key
    /// whose schema has no description; nil when every step is there and described.
    func problem(with path: ReadPath) -> String? {
        var candidates = [schema.root]
        for (index, step) in path.steps.enumerated() {
            let expanded = candidates.flatMap(expand)
            // An open schema (`{}`, TrainGate's free-form fields) admits anything below it.
            if expanded.contains(where: isOpen) { return nil }
            let prefix = ReadPath(kind: path.kind, steps: Array(path.steps[...index]))
            switch step {
            case .key(let key):
                candidates = expanded.compactMap {
                    member("properties", of: $0).flatMap { properties in
                        if case .object(let schemas) = properties { return schemas[key] } else { return nil }
                    }
                }
                if candidates.isEmpty { return "\(prefix): not in the schema" }
                if !candidates.contains(where: { member("description", of: $0) != nil }) { return "\(prefix): no description" }
            case .items:
                candidates = expanded.compactMap { member("items", of: $0) }
                if candidates.isEmpty { return "\(prefix): not a list in the schema" }
            }
        }
        return nil
    }

    private func member(_ keyword: String, of schema: JSON) -> JSON? {
        guard case .object(let members) = schema else { return nil }
        return members[keyword]
    }

    /// The schema with references resolved and `anyOf`/`oneOf` branches spread out.
    private func expand(_ schema: JSON) -> [JSON] {
        var result = [schema]
        if case .string(let reference)? = member("$ref", of: schema), let target = self.schema.resolve(reference) {
            result += expand(target)
        }
        for keyword in ["anyOf", "oneOf"] {
            if case .array(let branches)? = member(keyword, of: schema) { result += branches.flatMap(expand) }
        }
        return result
    }

    private func isOpen(_ schema: JSON) -> Bool {
        if case .bool(true) = schema { return true }
        guard case .object(let members) = schema else { return false }
        return members.keys.allSatisfy(JSONSchemaValidator.annotations.contains)
    }
}
