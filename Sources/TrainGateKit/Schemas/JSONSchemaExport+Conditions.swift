/// The condition language in JSON Schema: one definition per construct `ConditionParser`
/// accepts, and for each operator of `LeafOperator.all` its operand's schema (by operand kind)
/// with the operator's own meaning.
extension JSONSchemaExport {
    /// A key of a field path (`FieldPath`), and the optional `[*]` after it.
    static let keyPattern = "[A-Za-z0-9_@-]+"
    private static let fanOut = "(\\[\\*\\])"

    static var conditionDefinitions: [String: JSONValue] {
        var definitions: [String: JSONValue] = [
            "condition": [
                "description":
                    "A condition: a leaf test on one field, all / any / not, or a quantifier (each, some, none, count) over a list.",
                "anyOf": .array(["all", "any", "not", "each", "some", "none", "count", "leaf"].map { ["$ref": .string("#/$defs/" + $0)] }),
            ],
            "not": closedObject(
                ["not": reference("condition", "The condition that must be violated.")], required: ["not"],
                description: "not: the condition is violated (a missing field stays missing)."),
            "count": count,
            "leaf": leaf,
            "path": [
                "type": "string", "pattern": .string("^(\\$model|\\$dataset|\\$source|\(keyPattern))(\\.\(keyPattern))*$"),
                "description": "A field path: dotted keys, optionally starting with $model or $dataset.",
            ],
            "listPath": [
                "type": "string",
                "pattern": .string(
                    "^(\\$model|\\$dataset|\\$source|\\$datasets\(fanOut)?|\(keyPattern)\(fanOut)?)(\\.\(keyPattern)\(fanOut)?)*$"),
                "description":
                    "A path to a list, or to many nodes: dotted keys, [*] after a key, optionally starting with $model, $dataset or $datasets[*].",
            ],
            "pathOperand": closedObject(
                ["path": reference("path", "The field whose value is compared.")], required: ["path"],
                description: "Another field's value."),
        ]
        for composite in ["all", "any"] {
            let meaning = composite == "all" ? "Every condition holds." : "At least one condition holds."
            definitions[composite] = closedObject(
                [
                    composite: ["type": "array", "minItems": 1, "items": ["$ref": "#/$defs/condition"], "description": .string(meaning)]
                ], required: [composite], description: "\(composite): \(meaning.lowercased())")
        }
        for (quantifier, meaning) in [("each", "every item"), ("some", "at least one item"), ("none", "no item")] {
            definitions[quantifier] = closedObject(
                [
                    quantifier: reference("listPath", "The list whose items are tested."),
                    "require": reference("condition", "The condition that must hold for \(meaning)."),
                ], required: [quantifier, "require"], description: "\(quantifier): the condition holds for \(meaning) of the list.")
        }
        return definitions
    }

    static var count: JSONValue {
        func bound(_ meaning: String) -> JSONValue { ["type": ["integer", "null"], "minimum": 0, "description": .string(meaning)] }
        guard
            case .object(var schema) = closedObject(
                [
                    "count": reference("listPath", "The list whose items are counted."),
                    "where": reference("condition", "Count only the items for which this holds; without it, every item.", nullable: true),
                    "min": bound("The fewest items allowed."), "max": bound("The most items allowed."),
                ], required: ["count"])
        else { return [:] }
        schema["anyOf"] = [
            ["required": ["min"], "properties": ["min": ["type": "integer"]]],
            ["required": ["max"], "properties": ["max": ["type": "integer"]]],
        ]
        schema["description"] = "The number of items (for which where holds) is at least min and at most max; one bound at least."
        return .object(schema)
    }

    /// `{path: P, OP: V}`: `path` and exactly one operator.
    static var leaf: JSONValue {
        var properties: [String: JSONValue] = ["path": reference("path", "The field tested.")]
        for op in LeafOperator.all {
            guard case .object(var schema) = operand(op.operand, acceptsPath: op.acceptsPath) else { continue }
            schema["description"] = .string(op.meaning)
            properties[op.name] = .object(schema)
        }
        guard case .object(var schema) = closedObject(properties, required: ["path"]) else { return [:] }
        schema["minProperties"] = 2
        schema["maxProperties"] = 2
        schema["description"] = "A test on one field: path and exactly one operator."
        return .object(schema)
    }

    /// What an operand kind accepts; `{path: …}` too where the operator takes another field's value.
    static func operand(_ kind: OperandKind, acceptsPath: Bool) -> JSONValue {
        let orPath: (JSONValue) -> JSONValue = { acceptsPath ? ["anyOf": [$0, ["$ref": "#/$defs/pathOperand"]]] : $0 }
        switch kind {
        case .bool: return ["type": "boolean"]
        case .trueOnly: return ["const": true]
        // Any value: a literal, or {path: …} for another field's value.
        case .any: return [:]
        case .list: return orPath(["type": "array"])
        case .number: return orPath(["type": "number"])
        case .pattern: return ["type": ["string", "number", "boolean"]]
        case .date: return dateOperand
        case .window:
            let bound: JSONValue = ["type": "integer"]
            return [
                "type": "object", "additionalProperties": false, "required": ["date"],
                "anyOf": [["required": ["min"]], ["required": ["max"]]],
                "properties": ["date": dateOperand, "min": bound, "max": bound],
            ]
        }
    }

    private static var dateOperand: JSONValue {
        ["anyOf": [["const": "today"], ["$ref": "#/$defs/date"], ["$ref": "#/$defs/pathOperand"]]]
    }
}
