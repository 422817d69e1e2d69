/// `traingate.yaml`: the project's check settings, so `traingate check` with no arguments does
/// the CI job. Paths in it are relative to the file's folder; flags on the command line
/// override each setting.
public struct ProjectConfig: Sendable, Equatable {
    /// The file name `traingate check` looks for in the current folder.
    public static let fileName = "traingate.yaml"

    /// A report to write besides the one printed.
    public struct Report: Sendable, Equatable {
        public var format: String
        /// The path, resolved against the config's folder.
        public var path: String
        /// Where the path is written in the config.
        public var location: SourceLocation
    }

    /// The config file, as given.
    public var file: String
    /// Model cards, manifests or folders to check.
    public var inputs: [String] = []
    /// Built-in pack names (as written) and pack files (resolved).
    public var packs: [String] = []
    public var waivers: [String] = []
    public var failOn: FailOn?
    public var asOf: ISODate?
    public var waiverMaxDays: Int?
    /// The format printed to standard output.
    public var format: String?
    public var reports: [Report] = []
    /// `attest: {path, key, root}`: paths resolved against the config's folder.
    public struct Attest: Sendable, Equatable {
        public var path: String
        public var key: String
        public var root: String?
    }

    public var attest: Attest?
    /// Unknown keys, with suggestions.
    public var warnings: [Diagnostic] = []

    /// Reads and validates a config file; every problem is a located error.
    public static func load(_ file: String, limits: LoadLimits = .standard) throws(CheckFailure) -> ProjectConfig {
        let root: Node
        do {
            root = try DocumentLoader.loadYAML(file: file, limits: limits)
        } catch {
            throw CheckFailure(errors: [CheckError(ArtifactError.document(error))], warnings: [])
        }
        var config = ProjectConfig(file: file)
        var errors: [ArtifactError] = []
        if let problem = ArtifactError.kindProblem(root, expected: .config) {
            throw CheckFailure(errors: [CheckError(problem)], warnings: [])
        }
        guard SchemaValidator.check(root, against: ArtifactSchemas.config, file: file, errors: &errors, warnings: &config.warnings) else {
            throw CheckFailure(errors: errors.map(CheckError.init), warnings: config.warnings)
        }
        config.read(root, errors: &errors)
        guard errors.isEmpty else { throw CheckFailure(errors: errors.map(CheckError.init), warnings: config.warnings) }
        return config
    }

    private mutating func read(_ root: Node, errors: inout [ArtifactError]) {
        func strings(_ key: String) -> [(String, SourceLocation)] {
            (root[key]?.sequence ?? []).compactMap { node in node.scalar.map { ($0.text, node.location) } }
        }
        inputs = strings("inputs").map { resolve($0.0) }
        packs = strings("packs").map { PolicyLoader.isWrittenAsPath($0.0) ? resolve($0.0) : $0.0 }
        waivers = strings("waivers").map { resolve($0.0) }
        failOn = root["fail_on"]?.scalar.flatMap { FailOn(rawValue: $0.text) }
        format = root["format"]?.scalar?.text
        if let node = root["as_of"], !node.isNull {
            if let date = try? node.date(), date.day != nil {
                asOf = date
            } else {
                errors.append(.invalid(node.location, "'as_of' must be a full date (YYYY-MM-DD)"))
            }
        }
        if let node = root["waiver_max_days"], case .int(let days)? = node.value {
            if days < 1 { errors.append(.invalid(node.location, "'waiver_max_days' must be at least 1")) } else { waiverMaxDays = days }
        }
        if let node = root["attest"], let path = node["path"]?.scalar?.text, let key = node["key"]?.scalar?.text {
            attest = Attest(path: resolve(path), key: resolve(key), root: node["root"]?.scalar.map { resolve($0.text) })
        }
        var seen: [String: SourceLocation] = [:]
        for node in root["reports"]?.sequence ?? [] {
            guard let format = node["format"]?.scalar?.text, let pathNode = node["path"], let path = pathNode.scalar?.text else { continue }
            guard !path.isEmpty else {
                errors.append(.invalid(pathNode.location, "a report path must not be empty"))
                continue
            }
            let resolved = resolve(path)
            let key = Paths.canonical(resolved)
            if let first = seen[key] {
                errors.append(.invalid(pathNode.location, "two reports write '\(path)' (first at \(first))"))
            }
            seen[key] = pathNode.location
            reports.append(Report(format: format, path: resolved, location: pathNode.location))
        }
    }

    /// `path` relative to the config's folder, kept relative when the config is.
    func resolve(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        guard let slash = file.lastIndex(of: "/") else { return path }
        let folder = String(file[..<slash])
        return (folder.isEmpty ? "/" : folder + "/") + path
    }
}
