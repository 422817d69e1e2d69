/// Finds comments in JSON text before libyaml sees it: libyaml would take `#` as a YAML comment
/// and fail on `//` with a confusing message, and JSON-with-comments (JSONC) is not JSON.
enum JSONComments {
    /// The byte offset of the first `//`, `/*` or `#` outside a string, if any.
    static func firstComment(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var inString = false
        var escaped = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
            } else if byte == UInt8(ascii: "\"") {
                inString = true
            } else if byte == UInt8(ascii: "#") {
                return index
            } else if byte == UInt8(ascii: "/"), index + 1 < bytes.count,
                      bytes[index + 1] == UInt8(ascii: "/") || bytes[index + 1] == UInt8(ascii: "*") {
                return index
            }
            index += 1
        }
        return nil
    }
}
