/// One GitHub Actions workflow command, `::name key=value,key=value::message`, which the runner
/// turns into an annotation on the run and on the pull request's diff.
///
/// Escaping is the runner's own, from the Actions toolkit (actions/toolkit,
/// `packages/core/src/command.ts`, `escapeData` and `escapeProperty`, as of commit a944251): in the message `%` → `%25`, CR → `%0D`, LF → `%0A`; in
/// property values also `:` → `%3A` and `,` → `%2C`. Without it a newline in a message would end
/// the command and let the rest of the line be read as a command of its own.
struct WorkflowCommand: CustomStringConvertible {
    let name: String
    /// Properties in output order; empty values are left out, as the toolkit does.
    let properties: [(key: String, value: String)]
    let message: String

    var description: String {
        let props = properties.filter { !$0.value.isEmpty }.map { "\($0.key)=\(Self.escapeProperty($0.value))" }
        return "::\(name)\(props.isEmpty ? "" : " " + props.joined(separator: ","))::\(Self.escapeData(message))"
    }

    /// The message: `%`, CR and LF.
    static func escapeData(_ text: String) -> String { escape(text, property: false) }

    /// A property value: as the message, and `:` and `,` too.
    static func escapeProperty(_ text: String) -> String { escape(text, property: true) }

    private static func escape(_ text: String, property: Bool) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            case ":" where property: out += "%3A"
            case "," where property: out += "%2C"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
