import Foundation
import Testing

@testable import TrainGateKit

/// The test validator itself: it must reject what the schemas forbid, resolve YAML scalars as a
/// YAML 1.2 language server does, and refuse schemas it cannot fully check.
@Suite("The test JSON Schema validator")
struct JSONSchemaValidatorTests {
    static let schema = #"""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "t", "description": "d",
          "type": "object",
          "required": ["name", "kind"],
          "additionalProperties": false,
          "properties": {
            "name": {"type": "string", "pattern": "^[a-z]+$"},
            "kind": {"const": "Thing"},
            "level": {"enum": ["low", "high", null]},
            "count": {"type": "integer", "minimum": 1, "maximum": 9},
            "ratio": {"type": ["number", "null"]},
            "flag": {"type": "boolean"},
            "tags": {"type": "array", "minItems": 1, "items": {"type": "string"}},
            "ref": {"$ref": "#/$defs/reference"},
            "pair": {"type": "object", "minProperties": 1, "maxProperties": 1},
            "either": {"oneOf": [{"type": "integer"}, {"type": "number"}]}
          },
          "$defs": {
            "reference": {"anyOf": [{"type": "string"}, {"type": "object", "required": ["path"], "properties": {"path": {"type": "string"}}}]}
          }
        }
        """#

    static func problems(_ yaml: String, schema: String = schema) throws -> [String] {
        let validator = try JSONSchemaValidator(data: Data(schema.utf8))
        return validator.validate(try DocumentLoader.parseYAML(Array(yaml.utf8), file: "t.yaml"))
    }

    @Test func aValidDocumentHasNoProblems() throws {
        let yaml =
            "name: abc\nkind: Thing\nlevel: ~\ncount: 3\nratio: 1.5\nflag: true\ntags: [a]\nref: {path: x}\npair: {a: 1}\neither: 1.5\n"
        #expect(try Self.problems(yaml) == [])
    }

    @Test(
        "each kind of violation is reported",
        arguments: [
            ("name: 5\nkind: Thing", "1:7: name: expected string, found integer '5'"),
            ("name: ABC\nkind: Thing", "1:7: name: 'ABC' does not match /^[a-z]+$/"),
            ("name: abc\nkind: Other", "2:7: kind: string 'Other' is not the constant 'Thing'"),
            ("name: abc\nkind: Thing\nlevel: medium", "3:8: level: string 'medium' is not one of ['low', 'high', null]"),
            ("name: abc", "1:1: (root): missing required key 'kind'"),
            ("name: abc\nkind: Thing\nlevl: low", "3:1: levl: unknown key"),
            ("name: abc\nkind: Thing\ncount: 0", "3:8: count: 0.0 is below the minimum 1.0"),
            ("name: abc\nkind: Thing\ncount: 10", "3:8: count: 10.0 is above the maximum 9.0"),
            ("name: abc\nkind: Thing\ncount: 1.5", "3:8: count: expected integer, found number '1.5'"),
            ("name: abc\nkind: Thing\nflag: yes", "3:7: flag: expected boolean, found string 'yes'"),
            ("name: abc\nkind: Thing\ntags: []", "3:7: tags: expected at least 1 items, found 0"),
            ("name: abc\nkind: Thing\ntags: [a, 1]", "3:11: tags[1]: expected string, found integer '1'"),
            (
                "name: abc\nkind: Thing\nref: {sha: x}",
                "3:6: ref: matches no anyOf branch (3:6: ref: expected string, found a mapping | 3:6: ref: missing required key 'path')"
            ),
            ("name: abc\nkind: Thing\npair: {}", "3:7: pair: expected at least 1 keys, found 0"),
            ("name: abc\nkind: Thing\npair: {a: 1, b: 2}", "3:7: pair: expected at most 1 keys, found 2"),
            ("name: abc\nkind: Thing\neither: 1", "3:9: either: matches 2 oneOf branches, expected exactly one"),
        ])
    func violationsAreReported(yaml: String, expected: String) throws {
        #expect(try Self.problems(yaml) == [expected])
    }

    @Test func scalarsResolveByTheYAML12CoreSchema() throws {
        // `1.10` is a number and `no` a string to a YAML 1.2 language server; quoting makes a string.
        #expect(try Self.problems("name: abc\nkind: Thing\nratio: 1.10") == [])
        #expect(try Self.problems("name: abc\nkind: Thing\nratio: '1.10'") == ["3:8: ratio: expected number or null, found string '1.10'"])
        #expect(try Self.problems("name: no\nkind: Thing") == [])
        #expect(try Self.problems("name: abc\nkind: Thing\nratio: .nan") == ["3:8: ratio: expected number or null, found number '.nan'"])
    }

    @Test(
        "schemas it cannot fully check are refused",
        arguments: [
            #"{"type": "object", "dependentRequired": {"a": ["b"]}}"#,  // unimplemented keyword
            #"{"properties": {"a": {"format": "date"}}}"#,  // unimplemented, nested
            #"{"$defs": {"x": {"maxLength": 3}}}"#,  // unimplemented, in an unused definition
            ##"{"$ref": "#/$defs/missing", "$defs": {}}"##,  // bad $ref target
            ##"{"$ref": "other.json#/x"}"##,  // external $ref
            #"{"pattern": "a("}"#,  // bad pattern
            #"{"type": "text"}"#,  // unknown type name
            #"{"anyOf": []}"#,  // empty branches
        ])
    func unsupportedSchemasThrow(schema: String) throws {
        #expect(throws: JSONSchemaValidator.SchemaError.self) { try JSONSchemaValidator(data: Data(schema.utf8)) }
    }

    @Test func booleansAreNotNumbers() throws {
        #expect(
            try JSONSchemaValidator.convert(JSONSerialization.jsonObject(with: Data("[true, 1, 1.5, null]".utf8)))
                == .array([.bool(true), .int(1), .double(1.5), .null]))
        #expect(try Self.problems("name: abc\nkind: Thing\nflag: 1") == ["3:7: flag: expected boolean, found integer '1'"])
    }
}
