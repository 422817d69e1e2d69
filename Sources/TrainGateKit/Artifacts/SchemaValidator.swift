/// Checks a document against its `FieldType`: wrong types, values outside a vocabulary and
/// missing required fields are errors; unknown keys are warnings with a suggestion.
struct SchemaValidator {
    private(set) var errors: [ArtifactError] = []
    private(set) var warnings: [Diagnostic] = []

    mutating func validate(_ node: Node, as type: FieldType, path: String) {
        if node.isNull { return }
        switch type {
        case .any: return
        case .string:
            if node.scalar == nil { typeError(node, path, "a string") }
        case .bool:
            if case .bool? = node.value {} else { typeError(node, path, "true or false") }
        case .int:
            if case .int? = node.value {} else { typeError(node, path, "a whole number") }
        case .number:
            switch node.value {
            case .int?, .float?: break
            default: typeError(node, path, "a number")
            }
        case .date:
            if node.scalar == nil || (try? node.date()) == nil {
                typeError(node, path, "an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)")
            }
        case .triState:
            if case .bool? = node.value { return }
            if node.value == .string("unknown") { return }
            typeError(node, path, "true, false or unknown")
        case .oneOf(let allowed):
            guard let scalar = node.scalar else { return typeError(node, path, "one of: \(allowed.joined(separator: ", "))") }
            if !allowed.contains(scalar.text) {
                errors.append(.invalidValue(node.location, path: path, value: scalar.text, allowed: allowed))
            }
        case .evidence:
            if node.scalar != nil { return }
            if node.mapping != nil { validate(node, as: .object(["path": .string, "sha256": .string], required: ["path"]), path: path) } else {
                typeError(node, path, "a path or URL, or {path, sha256}")
            }
        case .list(let item):
            guard let items = node.sequence else { return typeError(node, path, "a list") }
            for (index, element) in items.enumerated() { validate(element, as: item, path: "\(path)[\(index)]") }
        case .object(let fields, let required):
            guard let entries = node.mapping else { return typeError(node, path, "a mapping") }
            let prefix = path.isEmpty ? "" : path + "."
            for entry in entries {
                guard let fieldType = fields[entry.key] else {
                    let hint = Suggestions.closest(to: entry.key, in: fields.keys).map { "; did you mean '\($0)'?" } ?? ""
                    warnings.append(Diagnostic(location: entry.keyLocation, message: "unknown key '\(prefix)\(entry.key)'\(hint)"))
                    continue
                }
                validate(entry.value, as: fieldType, path: prefix + entry.key)
            }
            for key in required.sorted() where node[key] == nil || node[key]!.isNull {
                errors.append(.missingRequired(node.location, path: prefix + key))
            }
        }
    }

    private mutating func typeError(_ node: Node, _ path: String, _ expected: String) {
        errors.append(.wrongType(node.location, path: path, expected: expected, found: node.kindDescription))
    }
}
