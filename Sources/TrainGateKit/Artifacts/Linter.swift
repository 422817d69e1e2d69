/// Checks that input files load: the syntax-level check behind `traingate lint`, plus the one
/// content check a syntax check must not miss — a file that looks like TrainGate's but lacks
/// `apiVersion: traingate/v1`, which `check` would refuse, is an error here too.
public enum Linter {
    /// The outcome for one file.
    public struct Result: Sendable, Equatable {
        /// The file.
        public var file: String
        /// The syntax it was read as.
        public var syntax: InputSyntax
        /// Why it could not be loaded, or nil when it loaded.
        public var error: DocumentError?
    }

    /// Loads `file` as `syntax` (by default, the syntax its extension implies) and reports
    /// whether it loaded. YAML files must hold exactly one document.
    public static func lint(file: String, as syntax: InputSyntax? = nil, limits: LoadLimits = .standard) -> Result {
        let syntax = syntax ?? InputSyntax(path: file)
        do {
            let root: Node?
            switch syntax {
            case .yaml: root = try DocumentLoader.loadYAML(file: file, limits: limits)
            case .json: root = try DocumentLoader.loadJSON(file: file, limits: limits)
            case .markdown: root = try DocumentLoader.loadMarkdown(file: file, limits: limits).frontMatter
            }
            if let root, let (location, reason) = ArtifactLoader.notV1(root) {
                return Result(file: file, syntax: syntax, error: .invalidValue(location, reason: reason))
            }
            return Result(file: file, syntax: syntax, error: nil)
        } catch {
            return Result(file: file, syntax: syntax, error: error)
        }
    }
}
