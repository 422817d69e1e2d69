/// The syntaxes TrainGate reads.
public enum InputSyntax: String, Sendable, CaseIterable, Codable {
    case yaml, json, markdown

    /// The syntax a path's extension implies: `.json` is JSON, `.md`/`.markdown` is Markdown with
    /// front matter, anything else YAML.
    public init(path: String) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let ext = name.split(separator: ".").count > 1 ? name.split(separator: ".").last!.lowercased() : ""
        switch ext {
        case "json", "jsonld": self = .json
        case "md", "markdown": self = .markdown
        default: self = .yaml
        }
    }
}

/// Loads YAML, JSON and Markdown front matter into located Nodes, enforcing `LoadLimits`.
///
/// The `load…` functions read a file; the `parse…` functions take bytes already in memory and
/// name them `file` in locations. All of them throw `DocumentError` for any input they cannot
/// read completely and correctly; none of them prints or exits.
public enum DocumentLoader {
    /// Loads a YAML file that must hold exactly one document.
    public static func loadYAML(file: String, limits: LoadLimits = .standard) throws(DocumentError) -> Node {
        try parseYAML(SourceText.read(file, limits: limits), file: file, limits: limits)
    }

    /// Loads a YAML file holding any number of documents (at least one).
    public static func loadYAMLStream(file: String, limits: LoadLimits = .standard) throws(DocumentError) -> [Node] {
        try parseYAMLStream(SourceText.read(file, limits: limits), file: file, limits: limits)
    }

    /// Loads a JSON file (strict JSON: no comments, no YAML-only syntax).
    public static func loadJSON(file: String, limits: LoadLimits = .standard) throws(DocumentError) -> Node {
        try parseJSON(SourceText.read(file, limits: limits), file: file, limits: limits)
    }

    /// Loads a Markdown file and its YAML front matter, if any.
    public static func loadMarkdown(file: String, limits: LoadLimits = .standard) throws(DocumentError) -> MarkdownDocument {
        try parseMarkdown(SourceText.read(file, limits: limits), file: file, limits: limits)
    }

    /// Parses bytes holding exactly one YAML document.
    public static func parseYAML(_ bytes: [UInt8], file: String, limits: LoadLimits = .standard) throws(DocumentError) -> Node {
        try single(compose(bytes, file: file, limits: limits, json: false, mode: .single), file: file)
    }

    /// Parses bytes holding one or more YAML documents.
    public static func parseYAMLStream(_ bytes: [UInt8], file: String, limits: LoadLimits = .standard) throws(DocumentError) -> [Node] {
        let documents = try compose(bytes, file: file, limits: limits, json: false, mode: .stream)
        guard !documents.isEmpty else { throw .noDocument(path: file) }
        return documents
    }

    /// Parses bytes holding one JSON value.
    public static func parseJSON(_ bytes: [UInt8], file: String, limits: LoadLimits = .standard) throws(DocumentError) -> Node {
        try checkSize(bytes, file: file, limits: limits)
        switch JSONPreflight.run(bytes) {
        case .success(let prepared):
            return try single(
                compose(prepared.bytes, file: file, limits: limits, json: true, mode: .single, rewrites: prepared.rewrites),
                file: file)
        case .failure(let box):
            switch box.problem {
            case .comment(let offset):
                throw .jsonComment(SourceText.location(ofByte: offset, in: bytes[...], file: file, lineOffset: 0))
            case .trailingComma(let offset):
                throw .notJSON(
                    SourceText.location(ofByte: offset, in: bytes[...], file: file, lineOffset: 0),
                    reason: "trailing comma before a closing bracket")
            case .badEscape(let offset):
                throw .notJSON(
                    SourceText.location(ofByte: offset, in: bytes[...], file: file, lineOffset: 0),
                    reason: "invalid escape in a string; JSON has \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t and \\uXXXX")
            case .controlCharacter(let offset):
                throw .notJSON(
                    SourceText.location(ofByte: offset, in: bytes[...], file: file, lineOffset: 0),
                    reason: "control character inside a string; write it as an escape such as \\n or \\t")
            }
        }
    }

    /// Parses a Markdown file's bytes: front matter (if the first line is `---`) and body.
    public static func parseMarkdown(_ bytes: [UInt8], file: String, limits: LoadLimits = .standard) throws(DocumentError)
        -> MarkdownDocument
    {
        try checkSize(bytes, file: file, limits: limits)
        try SourceText.check(bytes, file: file)
        return try bytes.withUnsafeBufferPointer { (buffer) throws(DocumentError) -> MarkdownDocument in
            if let bad = UTF8Validation.firstInvalidByte(in: buffer) {
                throw .invalidEncoding(
                    SourceText.location(ofByte: bad, in: bytes[...], file: file, lineOffset: 0),
                    detail: "invalid UTF-8 byte 0x\(String(buffer[bad], radix: 16, uppercase: true))")
            }
            let lines = FrontMatter.lines(buffer)
            let bom = buffer.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            var frontMatter: Node?
            var opening: SourceLocation?
            var bodyStart = 0
            if let first = lines.first, FrontMatter.isMarker(first, "---", in: buffer, skip: bom) {
                opening = SourceLocation(file: file, line: 1, column: 1)
                guard
                    let close = lines.indices.dropFirst().first(where: {
                        FrontMatter.isMarker(lines[$0], "---", in: buffer) || FrontMatter.isMarker(lines[$0], "...", in: buffer)
                    })
                else { throw .frontMatterNotClosed(opening!) }
                let yaml = UnsafeBufferPointer(rebasing: buffer[lines[0].upperBound..<lines[close].lowerBound])
                let composer = YAMLComposer(file: file, lineOffset: 0, limits: limits, json: false)
                frontMatter = try composer.compose(yaml, mode: .single).first
                bodyStart = close + 1
            }
            // A byte-order mark before a file without front matter is not part of its first line.
            let body = lines[bodyStart...].map { range in
                String(
                    decoding: buffer[(range.lowerBound == 0 ? min(bom, range.upperBound) : range.lowerBound)..<range.upperBound],
                    as: UTF8.self)
            }
            return MarkdownDocument(
                file: file, frontMatter: frontMatter, frontMatterLocation: opening,
                bodyStartLine: bodyStart + 1, bodyLines: body,
                headings: MarkdownHeadings.find(in: body, firstLine: bodyStart + 1))
        }
    }

    private static func compose(
        _ bytes: [UInt8], file: String, limits: LoadLimits, json: Bool, mode: YAMLComposer.Mode, rewrites: [Int: [Int]] = [:]
    ) throws(DocumentError) -> [Node] {
        try checkSize(bytes, file: file, limits: limits)
        try SourceText.check(bytes, file: file)
        var composer = YAMLComposer(file: file, lineOffset: 0, limits: limits, json: json)
        composer.rewrites = rewrites
        return try bytes.withUnsafeBufferPointer { (buffer) throws(DocumentError) -> [Node] in
            try composer.compose(buffer, mode: mode)
        }
    }

    private static func single(_ documents: [Node], file: String) throws(DocumentError) -> Node {
        guard let root = documents.first else { throw .noDocument(path: file) }
        return root
    }

    private static func checkSize(_ bytes: [UInt8], file: String, limits: LoadLimits) throws(DocumentError) {
        if bytes.count > limits.maxFileBytes {
            throw .fileTooLarge(path: file, bytes: bytes.count, limit: limits.maxFileBytes)
        }
    }
}
