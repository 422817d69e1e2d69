import CYAML

/// Turns libyaml's event stream into Nodes, enforcing the limits and the rules libyaml leaves
/// to its caller: duplicate keys, scalar keys, merge keys, core-schema tags, aliases with a
/// budget, and, for `.json` files, JSON's stricter grammar.
///
/// The composer is the only code that calls libyaml's parser; it builds with an explicit stack,
/// so nesting depth costs heap, not call stack, and is capped by `LoadLimits.maxDepth`.
struct YAMLComposer {
    /// Whether to accept one document or a stream of them.
    enum Mode { case single, stream }

    let file: String
    let lineOffset: Int
    let limits: LoadLimits
    let json: Bool
    /// The interned path, so building a location never touches the path's storage.
    let fileID: UInt32
    /// Where the JSON preflight shortened the text (`JSONPreflight.Prepared.rewrites`): per
    /// 0-based line, the 0-based columns of each rewritten surrogate pair, which was two
    /// characters longer in the file.
    var rewrites: [Int: [Int]] = [:]

    init(file: String, lineOffset: Int, limits: LoadLimits, json: Bool) {
        self.file = file
        self.lineOffset = lineOffset
        self.limits = limits
        self.json = json
        fileID = SourcePaths.id(for: file)
    }

    /// The file location of a libyaml mark, with the columns the preflight took away put back.
    func location(_ mark: yaml_mark_t) -> SourceLocation {
        guard !rewrites.isEmpty, let columns = rewrites[Int(mark.line)] else {
            return SourceLocation(fileID: fileID, mark: mark, lineOffset: lineOffset)
        }
        let shift = 2 * columns.filter { $0 + 10 <= Int(mark.column) }.count
        return SourceLocation(fileID: fileID, line: Int(mark.line) + 1 + lineOffset, column: Int(mark.column) + 1 + shift)
    }

    /// Parses `bytes` into one root Node per document.
    func compose(_ bytes: UnsafeBufferPointer<UInt8>, mode: Mode) throws(DocumentError) -> [Node] {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw .unreadable(path: file, reason: "libyaml could not allocate a parser")
        }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)

        var state = BuildState()
        var documents: [Node] = []
        var firstDocument: SourceLocation?
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                throw parserError(parser, bytes)
            }
            defer { yaml_event_delete(&event) }
            let location = self.location(event.start_mark)
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return documents
            case YAML_DOCUMENT_START_EVENT:
                if let firstDocument, mode == .single {
                    throw .multipleDocuments(location, first: firstDocument)
                }
                if json && event.data.document_start.implicit == 0 {
                    throw .notJSON(location, reason: "YAML document markers ('---') are not JSON")
                }
                firstDocument = firstDocument ?? location
                state = BuildState()
            case YAML_DOCUMENT_END_EVENT:
                if let root = state.root { documents.append(root) }
            case YAML_SCALAR_EVENT:
                try scalar(event, at: location, into: &state)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                try start(event, at: location, into: &state)
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                try state.close()
            case YAML_ALIAS_EVENT:
                try alias(event, at: location, into: &state)
            default:
                break  // STREAM_START, NO_EVENT
            }
        }
    }

    private func scalar(_ event: yaml_event_t, at location: SourceLocation, into state: inout BuildState) throws(DocumentError) {
        let data = event.data.scalar
        guard data.length <= limits.maxScalarBytes else {
            throw .scalarTooLarge(location, bytes: data.length, limit: limits.maxScalarBytes)
        }
        let text = String(decoding: UnsafeBufferPointer(start: data.value, count: data.length), as: UTF8.self)
        let style = Self.style(data.style)
        var tag: CoreTag?
        if let rawTag = data.tag {
            tag = try coreTag(rawTag, at: location)
            guard let tag, tag.isScalarTag, ScalarResolver.accepts(tag, text) else {
                throw .tagMismatch(tag?.rawValue ?? "", location, found: "scalar '\(text)'")
            }
        }
        let node = Node(.scalar(Scalar(text, style: style, tag: tag)), at: location)
        if json { try checkJSON(node, style: style, isKey: state.expectsKey, anchor: data.anchor) }
        try state.add(node, size: 1)
        state.written += 1
        if let anchor = data.anchor { state.anchors[String(cString: anchor)] = (node, 1, 0) }
    }

    private func start(_ event: yaml_event_t, at location: SourceLocation, into state: inout BuildState) throws(DocumentError) {
        let isMapping = event.type == YAML_MAPPING_START_EVENT
        let (anchor, rawTag, block) =
            isMapping
            ? (
                event.data.mapping_start.anchor, event.data.mapping_start.tag,
                event.data.mapping_start.style == YAML_BLOCK_MAPPING_STYLE
            )
            : (
                event.data.sequence_start.anchor, event.data.sequence_start.tag,
                event.data.sequence_start.style == YAML_BLOCK_SEQUENCE_STYLE
            )
        if state.stack.count >= limits.maxDepth { throw .tooDeep(location, limit: limits.maxDepth) }
        if json {
            if block { throw .notJSON(location, reason: "YAML block \(isMapping ? "mapping" : "sequence") syntax") }
            if anchor != nil || rawTag != nil { throw .notJSON(location, reason: "YAML anchors and tags are not JSON") }
            if state.expectsKey { throw .notJSON(location, reason: "object keys must be double-quoted strings") }
        }
        if let rawTag {
            let tag = try coreTag(rawTag, at: location)
            guard tag == (isMapping ? .map : .seq) else {
                throw .tagMismatch(tag.rawValue, location, found: isMapping ? "a mapping" : "a sequence")
            }
        }
        if state.expectsKey { throw .nonScalarKey(location) }
        state.written += 1
        state.open(isMapping: isMapping, location: location, anchor: anchor.map { String(cString: $0) })
    }

    private func alias(_ event: yaml_event_t, at location: SourceLocation, into state: inout BuildState) throws(DocumentError) {
        if json { throw .notJSON(location, reason: "YAML aliases are not JSON") }
        let name = String(cString: event.data.alias.anchor)
        guard let (anchored, size, height) = state.anchors[name] else { throw .undefinedAlias(name, location) }
        // An alias copies a whole subtree: its nesting counts against the depth limit too.
        if state.stack.count + height > limits.maxDepth { throw .tooDeep(location, limit: limits.maxDepth) }
        state.expanded += size
        let ratioLimit = max(limits.aliasExpansionFloor, limits.maxAliasExpansionRatio * state.written)
        let limit = min(limits.maxAliasExpansion, ratioLimit)
        if state.expanded > limit { throw .aliasBudgetExceeded(location, nodes: state.expanded, limit: limit) }
        var node = anchored
        node.location = location
        try state.add(node, size: size, height: height)
    }

    /// Maps a tag libyaml reports to a core-schema tag; `!` (non-specific) means string.
    private func coreTag(_ raw: UnsafeMutablePointer<yaml_char_t>, at location: SourceLocation) throws(DocumentError) -> CoreTag {
        let text = String(cString: raw)
        if text == "!" { return .str }
        let prefix = "tag:yaml.org,2002:"
        if text.hasPrefix(prefix), let tag = CoreTag(rawValue: String(text.dropFirst(prefix.count))) {
            return tag
        }
        throw .unknownTag(text.hasPrefix(prefix) ? "!!" + text.dropFirst(prefix.count) : text, location)
    }

    private func checkJSON(_ node: Node, style: ScalarStyle, isKey: Bool, anchor: UnsafeMutablePointer<yaml_char_t>?) throws(DocumentError)
    {
        let location = node.location
        if anchor != nil || node.scalar?.tag != nil {
            throw .notJSON(location, reason: "YAML anchors and tags are not JSON")
        }
        if isKey && style != .doubleQuoted {
            throw .notJSON(location, reason: "object keys must be double-quoted strings")
        }
        switch style {
        case .doubleQuoted: return
        case .singleQuoted: throw .notJSON(location, reason: "strings must use double quotes")
        case .literal, .folded: throw .notJSON(location, reason: "YAML block scalars are not JSON")
        case .plain:
            let text = node.scalar!.text
            guard text == "true" || text == "false" || text == "null" || JSONNumber.isValid(text) else {
                let numeric = text.first.map { $0 == "-" || $0.isNumber } ?? false
                throw .notJSON(
                    location,
                    reason: numeric
                        ? "'\(text)' is not a valid JSON number"
                        : "'\(text)' is not a JSON value; strings must be double-quoted")
            }
        }
    }

    private static func style(_ style: yaml_scalar_style_t) -> ScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }

    private func parserError(_ parser: yaml_parser_t, _ bytes: UnsafeBufferPointer<UInt8>) -> DocumentError {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
        switch parser.error {
        case YAML_READER_ERROR:
            let slice = ArraySlice(bytes)
            let location = SourceText.location(ofByte: parser.problem_offset, in: slice, file: file, lineOffset: lineOffset)
            let hex = String(parser.problem_value, radix: 16, uppercase: true)
            let value = parser.problem_value >= 0 ? " (byte 0x\(hex.count < 2 ? "0" + hex : hex))" : ""
            return .invalidEncoding(location, detail: problem + value)
        case YAML_MEMORY_ERROR:
            return .unreadable(path: file, reason: "libyaml ran out of memory")
        default:
            let location = self.location(parser.problem_mark)
            let index = parser.problem_mark.index
            var problem = problem
            if index < bytes.count, bytes[index] == 0x09 {
                problem += " (a tab: YAML indentation must use spaces)"
            }
            let context = parser.context.map { String(cString: $0) }
            let contextLocation =
                context == nil
                ? nil
                : self.location(parser.context_mark)
            return .syntax(location, problem: problem, context: context, contextLocation: contextLocation)
        }
    }
}

/// JSON's number grammar (RFC 8259 §6): `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?`.
enum JSONNumber {
    static func isValid(_ text: String) -> Bool {
        var rest = Array(text.utf8)[...]
        func digits() -> Int {
            let n = rest.prefix(while: { $0 >= 0x30 && $0 <= 0x39 }).count
            rest = rest.dropFirst(n)
            return n
        }
        if rest.first == UInt8(ascii: "-") { rest = rest.dropFirst() }
        if rest.first == UInt8(ascii: "0") { rest = rest.dropFirst() } else if digits() == 0 { return false }
        if rest.first == UInt8(ascii: ".") {
            rest = rest.dropFirst()
            if digits() == 0 { return false }
        }
        if let e = rest.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            rest = rest.dropFirst()
            if let sign = rest.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { rest = rest.dropFirst() }
            if digits() == 0 { return false }
        }
        return rest.isEmpty
    }
}
