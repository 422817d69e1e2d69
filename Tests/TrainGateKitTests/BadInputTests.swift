import Testing

@testable import TrainGateKit

/// One bad input: a fixture under `Fixtures/bad/`, the limits to load it with, and the exact
/// error line expected after the path (`line:col: error: …`, or `error: …` without a position).
struct BadInput: Sendable, CustomTestStringConvertible {
    let fixture: String
    let expected: String
    var limits: LoadLimits = .standard

    var testDescription: String { fixture }
}

@Suite("Bad input never crashes, hangs or passes")
struct BadInputTests {
    static let cases: [BadInput] = [
        // Files that are not text or not there.
        BadInput(fixture: "empty.yaml", expected: "error: file is empty"),
        BadInput(fixture: "comments-only.yaml", expected: "error: file holds no document, only comments or whitespace"),
        BadInput(fixture: "binary-nul.yaml", expected: "2:11: error: binary file: NUL byte found; expected UTF-8 text"),
        BadInput(fixture: "invalid-utf8.yaml", expected: "1:10: error: invalid encoding: incomplete UTF-8 octet sequence"),
        BadInput(fixture: "control-char.yaml", expected: "1:10: error: invalid encoding: control characters are not allowed (byte 0x01)"),
        BadInput(fixture: "markdown-invalid-utf8.md", expected: "6:20: error: invalid encoding: invalid UTF-8 byte 0xF8"),
        BadInput(fixture: "a-directory", expected: "error: is a directory, not a regular file"),
        BadInput(fixture: "no-such-file.yaml", expected: "error: no such file or directory"),
        BadInput(
            fixture: "huge-file.yaml", expected: "error: file is 4950 bytes, over the limit of 4096 bytes",
            limits: LoadLimits(maxFileBytes: 4096)),
        BadInput(
            fixture: "huge-scalar.yaml", expected: "2:14: error: scalar is 2000 bytes, over the limit of 1024 bytes",
            limits: LoadLimits(maxScalarBytes: 1024)),
        // YAML syntax, with libyaml's problem and context.
        BadInput(
            fixture: "unclosed-flow.yaml",
            expected: "4:1: error: syntax error: did not find expected ',' or ']' (while parsing a flow sequence at 3:12)"),
        BadInput(
            fixture: "unclosed-quote.yaml",
            expected: "3:1: error: syntax error: found unexpected end of stream (while scanning a quoted scalar at 2:7)"),
        BadInput(fixture: "bad-indentation.yaml", expected: "3:8: error: syntax error: mapping values are not allowed in this context"),
        BadInput(
            fixture: "tab-indentation.yaml",
            expected:
                "2:1: error: syntax error: found character that cannot start any token (a tab: YAML indentation must use spaces) (while scanning for the next token at 2:1)"
        ),
        // Structure TrainGate refuses.
        BadInput(fixture: "duplicate-key.yaml", expected: "5:7: error: duplicate key 'lawful_basis' (first defined at 4:7)"),
        BadInput(fixture: "duplicate-key-quoted.yaml", expected: "2:1: error: duplicate key 'kind' (first defined at 1:1)"),
        BadInput(
            fixture: "two-documents.yaml",
            expected: "2:1: error: a second document starts here (the first began at 1:1); expected exactly one"),
        BadInput(
            fixture: "merge-key.yaml",
            expected:
                "4:3: error: merge keys ('<<') are YAML 1.1 and not supported; write the keys out, or quote '<<' to use it as a plain key"),
        BadInput(fixture: "sequence-key.yaml", expected: "1:3: error: mapping keys must be scalars, not sequences or mappings"),
        BadInput(fixture: "mapping-key.yaml", expected: "1:1: error: mapping keys must be scalars, not sequences or mappings"),
        BadInput(
            fixture: "unknown-tag-binary.yaml",
            expected:
                "1:10: error: unsupported tag '!!binary'; only the YAML 1.2 core schema tags (!!str, !!int, !!float, !!bool, !!null, !!seq, !!map) are allowed"
        ),
        BadInput(
            fixture: "unknown-tag-local.yaml",
            expected:
                "1:10: error: unsupported tag '!spdx'; only the YAML 1.2 core schema tags (!!str, !!int, !!float, !!bool, !!null, !!seq, !!map) are allowed"
        ),
        BadInput(fixture: "tag-mismatch.yaml", expected: "1:7: error: tag '!!int' does not fit scalar 'ten'"),
        BadInput(fixture: "tag-mismatch-collection.yaml", expected: "1:13: error: tag '!!map' does not fit a sequence"),
        BadInput(fixture: "undefined-alias.yaml", expected: "1:9: error: alias '*undefined' refers to an undefined anchor"),
        BadInput(fixture: "too-deep.yaml", expected: "1:259: error: nesting is deeper than the limit of 256 levels"),
        BadInput(
            fixture: "billion-laughs.yaml",
            expected: "5:8: error: aliases expand the document to more than 10000 nodes (reached 15670); refusing a possible alias bomb"),
        // JSON.
        BadInput(fixture: "comment-line.json", expected: "2:27: error: comments are not allowed in JSON"),
        BadInput(fixture: "comment-block.json", expected: "2:3: error: comments are not allowed in JSON"),
        BadInput(fixture: "comment-hash.json", expected: "3:3: error: comments are not allowed in JSON"),
        BadInput(fixture: "trailing-comma.json", expected: "4:8: error: not valid JSON: trailing comma before a closing bracket"),
        BadInput(fixture: "single-quotes.json", expected: "2:15: error: not valid JSON: object keys must be double-quoted strings"),
        BadInput(fixture: "unquoted-key.json", expected: "2:3: error: not valid JSON: object keys must be double-quoted strings"),
        BadInput(
            fixture: "truncated.json",
            expected: "4:1: error: syntax error: did not find expected node content (while parsing a flow node at 4:1)"),
        BadInput(fixture: "duplicate-key.json", expected: "3:3: error: duplicate key 'id' (first defined at 2:3)"),
        BadInput(fixture: "bad-number.json", expected: "2:11: error: not valid JSON: '1e' is not a valid JSON number"),
        BadInput(fixture: "yaml-in-json.json", expected: "1:1: error: not valid JSON: YAML block mapping syntax"),
        // Markdown front matter.
        BadInput(
            fixture: "front-matter-unclosed.md",
            expected: "1:1: error: front matter opened with '---' is never closed by a '---' or '...' line"),
        BadInput(fixture: "front-matter-duplicate.md", expected: "3:1: error: duplicate key 'license' (first defined at 2:1)"),
    ]

    @Test("fails with a located one-line error", arguments: cases)
    func failsWithLocatedError(_ input: BadInput) {
        let path = Fixtures.path("bad/" + input.fixture)
        let result = Linter.lint(file: path, limits: input.limits)
        let error = result.error
        #expect(error?.description == path + (input.expected.hasPrefix("error:") ? ": " : ":") + input.expected)
        #expect(error.map { !$0.description.contains("\n") } == true)
    }

    @Test("every fixture in Fixtures/bad has an expectation")
    func corpusIsComplete() throws {
        let files = try FileManagerList.names(in: Fixtures.path("bad"))
        let covered = Set(Self.cases.map(\.fixture))
        #expect(
            Set(files).subtracting(covered).isEmpty, "fixtures without an expected message: \(Set(files).subtracting(covered).sorted())")
        #expect(Self.cases.count >= 25)
    }

    @Test("a device is not a regular file")
    func device() {
        #expect(Linter.lint(file: "/dev/null").error == .notARegularFile(path: "/dev/null", kind: "character device"))
    }

    @Test("bytes in memory get the same checks as files")
    func inMemory() {
        #expect(throws: DocumentError.emptyFile(path: "x.yaml")) { try DocumentLoader.parseYAML([], file: "x.yaml") }
        #expect(throws: DocumentError.fileTooLarge(path: "x.json", bytes: 9, limit: 8)) {
            try DocumentLoader.parseJSON("[1,2,3,4]".bytes, file: "x.json", limits: LoadLimits(maxFileBytes: 8))
        }
        #expect(throws: DocumentError.noDocument(path: "x.yaml")) { try DocumentLoader.parseYAMLStream("# c\n".bytes, file: "x.yaml") }
    }
}
