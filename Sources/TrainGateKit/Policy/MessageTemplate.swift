/// A finding message with `{{path}}` placeholders filled from the subject (`{{id}}`,
/// `{{access.tos.url}}`, `{{$model.model.name}}`). Checked for syntax when the pack loads.
public struct MessageTemplate: Sendable {
    /// A piece of the template.
    public enum Part: Sendable {
        case text(String)
        case field(FieldPath)
    }

    /// The parts in order.
    public var parts: [Part]
    /// The template as written.
    public var source: String

    /// Parses `source`; the error text says what is wrong.
    public static func parse(_ source: String) -> Result<MessageTemplate, TemplateSyntaxError> {
        var parts: [Part] = []
        var rest = Substring(source)
        while let open = rest.range(of: "{{") {
            if open.lowerBound > rest.startIndex { parts.append(.text(String(rest[..<open.lowerBound]))) }
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                return .failure(TemplateSyntaxError(reason: "'{{' is never closed by '}}'"))
            }
            let name = rest[open.upperBound..<close.lowerBound].trimmingSpaces()
            guard let path = FieldPath(name), !path.isMultiValued else {
                return .failure(TemplateSyntaxError(reason: "'{{\(name)}}' is not a single field path"))
            }
            parts.append(.field(path))
            rest = rest[close.upperBound...]
        }
        if rest.contains("}}") { return .failure(TemplateSyntaxError(reason: "'}}' without an opening '{{'")) }
        if !rest.isEmpty { parts.append(.text(String(rest))) }
        return .success(MessageTemplate(parts: parts, source: source))
    }
}

/// Why a message template does not parse.
public struct TemplateSyntaxError: Error, Equatable, Sendable {
    public var reason: String
}

extension Substring {
    /// The first occurrence of an ASCII `needle`, scanning once.
    func range(of needle: String) -> Range<Index>? {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first else { return nil }
        var index = utf8.startIndex
        while index != utf8.endIndex {
            if utf8[index] == first, utf8[index...].starts(with: pattern) {
                return index..<utf8.index(index, offsetBy: pattern.count)
            }
            index = utf8.index(after: index)
        }
        return nil
    }
}
