/// The JSON Schema of `kind: PolicyPack`, written out key by key so that a test can hold it to
/// what `PackParser` and `ConditionParser` accept: a key added to a parser's key list without a
/// schema entry fails that test. Enumerations come from the Swift enums themselves.
///
/// Packs are read strictly, so every mapping is closed (`additionalProperties: false`), as for
/// the artifact schemas. Scalars read as text accept strings, numbers and booleans (see
/// `FieldSchemaConverter`); paths must be strings.
extension JSONSchemaExport {
    static var policyPack: JSONValue {
        [
            "$schema": .string(draft),
            "title": "TrainGate policy pack",
            "description": .string(packSummary),
            "type": "object",
            "properties": [
                "apiVersion": ["const": "traingate/v1", "description": "The TrainGate file format version."],
                "kind": ["const": .string(DocumentKind.policyPack.rawValue), "description": "The kind of TrainGate file."],
                "metadata": reference("metadata", "What the pack is: its name, version, jurisdiction and the date of the law it encodes."),
                "rules": ["type": "array", "items": ["$ref": "#/$defs/rule"], "description": "The pack's rules."],
            ],
            "required": ["apiVersion", "kind", "metadata", "rules"],
            "additionalProperties": false,
            "$defs": .object(packDefinitions.merging(conditionDefinitions) { first, _ in first }),
        ]
    }

    static let packSummary = """
        Rules as data: each rule carries the law it encodes, when it applies and what must then hold, written in \
        TrainGate's condition language. The schema checks the pack's shape; traingate packs lint also checks message \
        templates, regular expressions, calendar dates and duplicate rule ids, and traingate packs test runs each rule's \
        examples.
        """

    /// A scalar read as text; `nullable` for an optional key (null reads as absent).
    static func text(_ description: String, nullable: Bool = false) -> JSONValue {
        ["type": .strings(["string", "number", "boolean"] + (nullable ? ["null"] : [])), "description": .string(description)]
    }

    static func reference(_ name: String, _ description: String? = nil, nullable: Bool = false) -> JSONValue {
        var schema: JSONValue = ["$ref": .string("#/$defs/" + name)]
        if nullable { schema = ["anyOf": [schema, ["type": "null"]]] }
        guard let description, case .object(var members) = schema else { return schema }
        members["description"] = .string(description)
        return .object(members)
    }

    static func closedObject(_ properties: [String: JSONValue], required: [String], description: String? = nil) -> JSONValue {
        var schema: [String: JSONValue] = ["type": "object", "properties": .object(properties), "additionalProperties": false]
        if !required.isEmpty { schema["required"] = .strings(required) }
        if let description { schema["description"] = .string(description) }
        return .object(schema)
    }

    static var packDefinitions: [String: JSONValue] {
        [
            "metadata": closedObject(
                [
                    "name": text("The pack's name, used by --pack NAME; a built-in pack's name is its file name."),
                    "title": text("A one-line title."),
                    "version": text("The pack's version (semantic versioning)."),
                    "jurisdiction": text("The jurisdiction whose law the pack encodes, e.g. EU or US-CA."),
                    "sources_as_of": reference("date", "The date of the consolidated legal texts the pack encodes."),
                    "opt_in": ["type": ["boolean", "null"], "description": "Whether the pack runs only when asked for by name."],
                    "description": text("What the pack covers, in a paragraph.", nullable: true),
                ], required: ["name", "title", "version", "jurisdiction", "sources_as_of"], description: "What the pack is."),
            "rule": rule,
            "citation": closedObject(
                [
                    "instrument": text("The legal instrument, e.g. Regulation (EU) 2024/1689 (AI Act)."),
                    "ref": text("The provision, e.g. Art. 53(1)(c)."),
                    "url": text("The official text's URL.", nullable: true),
                ], required: ["instrument", "ref"], description: "A reference to the law the rule encodes."),
            "examples": closedObject(
                [
                    "pass": ["type": ["array", "null"], "items": ["type": "object"], "description": "Subjects the rule must pass."],
                    "fail": ["type": ["array", "null"], "items": ["type": "object"], "description": "Subjects the rule must fail."],
                ], required: [],
                description: """
                    Worked examples that traingate packs test runs: each is a subject, or {$subject, $model, $dataset, $datasets} \
                    with the documents its cross-document paths read.
                    """),
            "date": [
                "type": ["string", "integer"], "pattern": "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$",
                "minimum": 1000, "maximum": 9999, "description": "An ISO 8601 date: YYYY, YYYY-MM or YYYY-MM-DD.",
            ],
        ]
    }

    static var rule: JSONValue {
        guard case .object(var schema) = ruleProperties else { return ruleProperties }
        // A record rule's builtin check stands in for its condition.
        schema["oneOf"] = [["required": ["require"]], ["required": ["builtin"]]]
        return .object(schema)
    }

    static var ruleProperties: JSONValue {
        closedObject(
            [
                "id": [
                    "type": ["string", "number", "boolean"], "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]*$",
                    "description": "The rule's stable id, carrying the law it encodes (GDPR-6-1); letters, digits, '.', '_' and '-'.",
                ],
                "title": text("What the rule requires, in one line."),
                "severity": ["enum": .strings(Severity.allCases.map(\.rawValue)), "description": "How severe a failing finding is."],
                "scope": [
                    "enum": .strings(RuleScope.allCases.map(\.rawValue)),
                    "description":
                        "What the rule is evaluated against: once per model card, per dataset manifest, per source, or on every row of a source's ledger (record).",
                ],
                "effective": reference(
                    "date", "The date the rule applies from; before it the rule is reported as not in force.", nullable: true),
                "transitional": [
                    "type": "array", "minItems": 1,
                    "items": closedObject(
                        [
                            "when": reference("condition", "The subjects the transitional provision covers."),
                            "effective": reference("date", "The later date from which the rule applies to them."),
                            "ref": text("The provision, e.g. Art. 111(3) AI Act."),
                        ], required: ["when", "effective", "ref"], description: "A transitional provision."),
                    "description":
                        "Later dates for subjects a transitional provision covers (AI Act Art. 111): the first whose condition holds replaces effective.",
                ],
                "confidence": [
                    "enum": .array(Confidence.allCases.map { .string($0.rawValue) } + [.null]),
                    "description":
                        "How well the legal fact behind the rule is established: read verbatim, from a secondary source, or unverified.",
                ],
                "citations": [
                    "type": "array", "minItems": 1, "items": ["$ref": "#/$defs/citation"],
                    "description": "The law the rule encodes; at least one citation.",
                ],
                "when": reference("condition", "When the rule applies; without it, always.", nullable: true),
                "require": reference("condition", "What must hold when the rule applies."),
                "message": text("The finding's message; {{path}} inserts a field of the subject."),
                "remediation": text("How to fix a failing finding."),
                "description": text("What the rule checks and why, in words (traingate explain shows it).", nullable: true),
                "examples": reference("examples", "Subjects the rule must pass and fail; traingate packs test runs them.", nullable: true),
                "builtin": [
                    "enum": .strings(RecordBuiltin.allCases.map(\.rawValue)),
                    "description":
                        "Record rules: a check that is not a condition on one row, instead of require: suppressed (suppression lists), duplicate (copies of failing rows), declared (the ledger contradicts the manifest), schema (malformed rows stop the check).",
                ],
                "tolerance": [
                    "type": "object", "additionalProperties": false,
                    "oneOf": [["required": ["max_count"]], ["required": ["max_share"]]],
                    "properties": [
                        "max_count": ["type": "integer", "minimum": 0, "description": "At most this many failing rows pass."],
                        "max_share": [
                            "type": "number", "minimum": 0, "maximum": 1, "description": "At most this share of rows may fail (below 1).",
                        ],
                    ],
                    "description": "Record rules: how many failing rows are accepted before the rule fails (default none).",
                ],
                "breakdown": [
                    "type": "array",
                    "items": ["enum": .strings(LedgerField.allCases.filter { $0.kind != .sha256 && $0.kind != .date }.map(\.name))],
                    "description": "Record rules: the row fields a finding counts its failing rows by.",
                ],
            ], required: ["id", "title", "severity", "scope", "citations", "message", "remediation"],
            description: "One rule.")
    }
}
