import Foundation

/// Loads policy packs: the built-in ones (embedded in the binary at build time) and packs
/// from files, and checks that rule ids are unique across everything loaded together.
public enum PolicyLoader {
    /// The environment variable that replaces the embedded packs with a folder of pack files
    /// (for pack authors working on `policies/`).
    public static let overrideVariable = "TRAINGATE_POLICIES"

    /// Parses one pack file.
    public static func load(file: String, limits: LoadLimits = .standard) throws(PolicyError) -> PolicyPack {
        let root: Node
        do { root = try DocumentLoader.loadYAML(file: file, limits: limits) } catch { throw .document(error) }
        return try PackParser.parse(root, file: file)
    }

    /// Parses a pack from text (`file` names it in locations).
    public static func parse(_ text: String, file: String) throws(PolicyError) -> PolicyPack {
        let root: Node
        do { root = try DocumentLoader.parseYAML(Array(text.utf8), file: file) } catch { throw .document(error) }
        return try PackParser.parse(root, file: file)
    }

    /// Every built-in pack, sorted by name: from `$TRAINGATE_POLICIES` if set, else embedded.
    public static func builtInPacks(environment: [String: String] = ProcessInfo.processInfo.environment) throws(PolicyError) -> [PolicyPack] {
        var packs: [PolicyPack] = []
        if let folder = environment[overrideVariable], !folder.isEmpty {
            let files = InputFiles.expand([folder]).files.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
            for file in files { packs.append(try load(file: file)) }
        } else {
            for (name, text) in EmbeddedPolicies.files { packs.append(try parse(text, file: "policies/" + name)) }
        }
        try checkUnique(packs)
        return packs.sorted { $0.name < $1.name }
    }

    /// Resolves `--pack` arguments: a built-in pack's name, or a path to a pack file. With no
    /// arguments, every built-in pack that is not opt-in.
    public static func select(_ selectors: [String], builtIn: [PolicyPack]) throws(PolicyError) -> [PolicyPack] {
        guard !selectors.isEmpty else { return builtIn.filter { !$0.optIn } }
        var packs: [PolicyPack] = []
        for selector in selectors {
            if let pack = builtIn.first(where: { $0.name == selector }) {
                packs.append(pack)
            } else if selector.contains("/") || selector.hasSuffix(".yaml") || selector.hasSuffix(".yml")
                        || FileManager.default.fileExists(atPath: selector) {
                packs.append(try load(file: selector))
            } else {
                throw .unknownPack(selector, suggestion: Suggestions.closest(to: selector, in: builtIn.map(\.name)))
            }
        }
        try checkUnique(packs)
        return packs
    }

    /// Rejects packs loaded together that share a name or a rule id.
    public static func checkUnique(_ packs: [PolicyPack]) throws(PolicyError) {
        var names: [String: SourceLocation] = [:]
        var ids: [String: SourceLocation] = [:]
        for pack in packs {
            let packLocation = SourceLocation(file: pack.file, line: 1, column: 1)
            if let first = names[pack.name] { throw .duplicatePackName(pack.name, packLocation, first: first) }
            names[pack.name] = packLocation
            for rule in pack.rules {
                if let first = ids[rule.id] { throw .duplicateRuleID(rule.id, rule.location, first: first) }
                ids[rule.id] = rule.location
            }
        }
    }
}
