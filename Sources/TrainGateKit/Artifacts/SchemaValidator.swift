/// Checks a document against its `FieldType`: wrong types, values outside a vocabulary and
/// missing required fields are errors; unknown keys are warnings with a suggestion.
///
/// Valid documents are the common case, so the field path a message names (`sources[2].access`)
/// is kept as a trail of keys and indices and rendered only when there is something to say.
struct SchemaValidator {
    private(set) var errors: [ArtifactError] = []
    private(set) var warnings: [Diagnostic] = []
    /// Every evidence reference met, with where it is written.
    private(set) var evidence: [EvidenceReference] = []
    private var trail: [Step] = []

    private enum Step {
        case key(String)
        case index(Int)
    }

    /// The current path, e.g. `sources[2].access.tos`.
    private var path: String {
        var text = ""
        for step in trail {
            switch step {
            case .key(let key): text += text.isEmpty ? key : "." + key
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }

    private func path(with key: String) -> String {
        let base = path
        return base.isEmpty ? key : base + "." + key
    }

    /// Validates a document, appending what it finds, and checks that every evidence file it
    /// names exists inside the document's folder tree; true when there are no errors.
    static func check(_ root: Node, against schema: FieldType, file: String, errors: inout [ArtifactError], warnings: inout [Diagnostic])
        -> Bool
    {
        var evidence: [String] = []
        return check(root, against: schema, file: file, errors: &errors, warnings: &warnings, evidence: &evidence)
    }

    /// As `check`, also appending the path of every evidence file the document names (as
    /// resolved from `file`; web addresses are not files), for the view to keep.
    static func check(
        _ root: Node, against schema: FieldType, file: String, errors: inout [ArtifactError], warnings: inout [Diagnostic],
        evidence: inout [String]
    ) -> Bool {
        var validator = SchemaValidator()
        validator.validate(root, as: schema)
        warnings += validator.warnings
        errors += validator.errors
        let evidenceErrors = validator.evidence.compactMap { $0.problem(relativeTo: file) }
        errors += evidenceErrors
        evidence += validator.evidence.filter { !$0.isURL }.map { Paths.resolve($0.text, relativeTo: file).display }
        return validator.errors.isEmpty && evidenceErrors.isEmpty
    }

    mutating func validate(_ node: Node, as type: FieldType) {
        if node.isNull { return }
        switch type {
        case .any: return
        case .string:
            if node.scalar == nil { typeError(node, "a string") }
        case .bool:
            if case .bool? = node.value {} else { typeError(node, "true or false") }
        case .int:
            if case .int? = node.value {} else { typeError(node, "a whole number") }
        case .number:
            switch node.value {
            case .int?: break
            case .float(let value)? where value.isFinite: break
            default: typeError(node, "a finite number")
            }
        case .date:
            if node.scalar == nil || (try? node.date()) == nil {
                typeError(node, "an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)")
            }
        case .triState:
            if case .bool? = node.value { return }
            if node.value == .string("unknown") { return }
            typeError(node, "true, false or unknown")
        case .oneOf(let allowed):
            guard let scalar = node.scalar else { return typeError(node, "one of: \(allowed.joined(separator: ", "))") }
            if !allowed.contains(scalar.text) {
                errors.append(.invalidValue(node.location, path: path, value: scalar.text, allowed: allowed))
            }
        case .evidence:
            if let scalar = node.scalar {
                evidence.append(EvidenceReference(text: scalar.text, location: node.location))
                return
            }
            if node.mapping != nil {
                validate(node, as: .object(["path": .string, "sha256": .string], required: ["path"]))
                if let path = node["path"], let text = path.scalar?.text {
                    let digest = node["sha256"].flatMap { $0.isNull ? nil : $0 }
                    evidence.append(
                        EvidenceReference(
                            text: text, location: path.location,
                            sha256: digest.flatMap { $0.scalar?.text }, sha256Location: digest?.location))
                }
            } else {
                typeError(node, "a path or URL, or {path, sha256}")
            }
        case .list(let item):
            guard let items = node.sequence else { return typeError(node, "a list") }
            for (index, element) in items.enumerated() {
                trail.append(.index(index))
                if element.isNull { typeError(element, "a value (list items cannot be null)") } else { validate(element, as: item) }
                trail.removeLast()
            }
        case .object(let fields, let required):
            guard let entries = node.mapping else { return typeError(node, "a mapping") }
            for entry in entries {
                guard let fieldType = fields[entry.key] else {
                    unknownKey(entry, known: fields.keys)
                    continue
                }
                trail.append(.key(entry.key))
                validate(entry.value, as: fieldType)
                trail.removeLast()
            }
            if required.isEmpty { return }
            for key in required.sorted() where node[key]?.isNull ?? true {
                errors.append(.missingRequired(node.location, path: path(with: key)))
            }
        }
    }

    private mutating func typeError(_ node: Node, _ expected: String) {
        errors.append(.wrongType(node.location, path: path, expected: expected, found: node.kindDescription))
    }

    /// An unknown key. A near miss of a known key (a typo, another letter case, a look-alike
    /// letter, an invisible character) is an error: it would silently switch off the rules that
    /// read the key it imitates. A genuinely foreign key is a warning. Both are printed with
    /// every character outside printable ASCII escaped, so a look-alike shows.
    private mutating func unknownKey(_ entry: MappingEntry, known: Dictionary<String, FieldType>.Keys) {
        let spelled = path(with: entry.key).visibleASCII
        if let suggestion = Suggestions.closest(to: entry.key, in: known.sorted()) {
            errors.append(
                .invalid(
                    entry.keyLocation,
                    "unknown key '\(spelled)' is a near miss of '\(suggestion)'; "
                        + "spell it '\(suggestion)' (a typo must not switch a rule off)"))
        } else {
            warnings.append(Diagnostic(location: entry.keyLocation, message: "unknown key '\(spelled)'"))
        }
    }
}
