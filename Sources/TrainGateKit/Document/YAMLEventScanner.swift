import CYAML

/// A raw libyaml event scan that builds nothing: the baseline the benchmark compares loading
/// against, so the cost TrainGate adds on top of libyaml is measured, not guessed.
public enum YAMLEventScanner {
    /// The number of libyaml events in `bytes`, or a syntax error.
    public static func countEvents(in bytes: [UInt8], file: String = "<bytes>") throws(DocumentError) -> Int {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw .unreadable(path: file, reason: "libyaml could not allocate a parser")
        }
        defer { yaml_parser_delete(&parser) }
        return try bytes.withUnsafeBufferPointer { (buffer) throws(DocumentError) -> Int in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var event = yaml_event_t()
            var count = 0
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    let location = SourceLocation(fileID: SourcePaths.id(for: file), mark: parser.problem_mark, lineOffset: 0)
                    throw .syntax(
                        location, problem: parser.problem.map { String(cString: $0) } ?? "unknown error",
                        context: nil, contextLocation: nil)
                }
                let done = event.type == YAML_STREAM_END_EVENT
                yaml_event_delete(&event)
                count += 1
                if done { return count }
            }
        }
    }
}
