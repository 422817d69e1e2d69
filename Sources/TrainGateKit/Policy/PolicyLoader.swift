#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Loads policy packs: the built-in ones (embedded in the binary at build time) and packs
/// from files, and checks that rule ids are unique across everything loaded together.
public enum PolicyLoader {
    /// The environment variable that replaces the embedded packs with a folder of pack files
    /// (for pack authors working on `policies/`).
    public static let overrideVariable = "TRAINGATE_POLICIES"

    /// The part of the process environment the loader reads: `overrideVariable`, if set. Read
    /// with `getenv`, so a check does not copy the whole environment into a dictionary.
    public static var processEnvironment: [String: String] {
        guard let value = getenv(overrideVariable) else { return [:] }
        return [overrideVariable: String(cString: value)]
    }

    /// Parses one pack file.
    public static func load(file: String, limits: LoadLimits = .standard) throws(PolicyError) -> PolicyPack {
        let root: Node
        do { root = try DocumentLoader.loadYAML(file: file, limits: limits) } catch { throw .document(error) }
        return try PackParser.parse(root, file: file)
    }

    /// Parses a pack from text (`file` names it in locations). `compilePatterns: false` defers
    /// compiling regular expressions to first use (for the built-in packs, which are tested).
    public static func parse(_ text: String, file: String, compilePatterns: Bool = true) throws(PolicyError) -> PolicyPack {
        let root: Node
        do { root = try DocumentLoader.parseYAML(Array(text.utf8), file: file) } catch { throw .document(error) }
        return try PackParser.parse(root, file: file, compilePatterns: compilePatterns)
    }

    /// Every built-in pack, sorted by name: from `$TRAINGATE_POLICIES` if set, else embedded.
    public static func builtInPacks(environment: [String: String] = processEnvironment) throws(PolicyError) -> [PolicyPack] {
        try builtInPacks(environment: environment) { _, _ in true }
    }

    /// The built-in packs `include` accepts, given each pack's file name and whether its metadata
    /// says it is opt-in; the others are never parsed. Packs are parsed in parallel.
    static func builtInPacks(
        environment: [String: String], include: @Sendable (String, Bool) -> Bool
    ) throws(PolicyError) -> [PolicyPack] {
        var sources: [(file: String, text: String?)] = []
        let override = environment[overrideVariable].map { !$0.isEmpty } ?? false
        if !override, let image = BuiltInPolicies.image {
            guard !image.entries.isEmpty else { throw .noBuiltInPacks("this program") }
            // Compiled at build time: only the packs asked for are read, and no YAML is parsed.
            var packs: [PolicyPack] = []
            for (index, entry) in image.entries.enumerated() where include(entry.file, entry.optIn) {
                do { packs.append(try image.pack(at: index)) } catch { throw .compiledImage(error.description) }
            }
            try checkUnique(packs)
            return packs.sorted { $0.name < $1.name }
        }
        if let folder = environment[overrideVariable], !folder.isEmpty {
            guard Paths.kind(of: folder) == .directory else {
                throw .overrideFolder(folder)
            }
            sources = InputFiles.expand([folder]).files.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.map { ($0, nil) }
        } else {
            let texts = BuiltInPolicies.texts
            guard !texts.files.isEmpty else { throw .noBuiltInPacks(texts.origin) }
            sources = texts.files.map { ("policies/" + $0.name, $0.text) }
        }
        let results = Parallel.map(sources) { source -> Result<PolicyPack, PolicyError>? in
            if let text = source.text, !include(source.file, declaresOptIn(text)) { return nil }
            return loadSource(source.file, text: source.text)
        }
        var packs: [PolicyPack] = []
        for result in results {
            switch result {
            case .success(let pack)?: packs.append(pack)
            case .failure(let error)?: throw error
            case nil: break
            }
        }
        try checkUnique(packs)
        return packs.sorted { $0.name < $1.name }
    }

    /// Whether a pack's text declares `opt_in: true` in its metadata, read without parsing it so
    /// unselected opt-in packs cost nothing. The parsed pack is checked against this.
    static func declaresOptIn(_ text: String) -> Bool {
        // Matched by scalars: a CRLF line ending is one character, and would hide the "\n".
        let head = text.unicodeScalars.firstRange(of: "\nrules:".unicodeScalars).map { text[..<$0.lowerBound] } ?? Substring(text)
        guard let key = head.range(of: "opt_in:") else { return false }
        return head[key.upperBound...].drop(while: { $0 == " " }).hasPrefix("true")
    }

    private static func loadSource(_ file: String, text: String?) -> Result<PolicyPack, PolicyError> {
        do {
            if let text { return .success(try parse(text, file: file, compilePatterns: false)) }
            return .success(try load(file: file))
        } catch {
            return .failure(error)
        }
    }

    /// The name a built-in pack's file gives it (`policies/gdpr.yaml` is `gdpr`); a test holds
    /// every built-in pack's `metadata.name` to it.
    static func packName(ofFile file: String) -> String {
        let base = file.split(separator: "/").last.map(String.init) ?? file
        return base.split(separator: ".").first.map(String.init) ?? base
    }

    /// Resolves `--pack` arguments: a built-in pack's name, or a path to a pack file. With no
    /// arguments, every built-in pack that is not opt-in. Only the built-in packs needed are parsed.
    public static func select(_ selectors: [String], environment: [String: String] = processEnvironment)
        throws(PolicyError) -> [PolicyPack]
    {
        let names = Set(selectors)
        let builtIn = try builtInPacks(environment: environment) { file, optIn in
            selectors.isEmpty ? !optIn : names.contains(packName(ofFile: file))
        }
        if let unknown = selectors.first(where: { name in
            !isPackFile(name) && !builtIn.contains { $0.name == name }
        }) {
            let available =
                environment[overrideVariable].map { _ in builtIn.map(\.name) }
                ?? BuiltInPolicies.texts.files.map { packName(ofFile: $0.name) }
            throw .unknownPack(unknown, suggestion: Suggestions.closest(to: unknown, in: available))
        }
        return try select(selectors, builtIn: builtIn)
    }

    /// Whether a `--pack` selector names a pack file rather than a built-in pack: written as a
    /// path, or naming a file that exists.
    static func isPackFile(_ selector: String) -> Bool {
        isWrittenAsPath(selector) || FileManager.default.fileExists(atPath: selector)
    }

    /// Whether a pack selector is written as a path (a `/`, or a YAML file name): the config
    /// resolves those relative to its own folder.
    static func isWrittenAsPath(_ selector: String) -> Bool {
        selector.contains("/") || selector.hasSuffix(".yaml") || selector.hasSuffix(".yml")
    }

    /// Resolves `--pack` arguments against already-loaded built-in packs.
    public static func select(_ selectors: [String], builtIn: [PolicyPack]) throws(PolicyError) -> [PolicyPack] {
        guard !selectors.isEmpty else { return builtIn.filter { !$0.optIn } }
        var packs: [PolicyPack] = []
        for selector in selectors {
            if let pack = builtIn.first(where: { $0.name == selector }) {
                packs.append(pack)
            } else if isPackFile(selector) {
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

extension PolicyLoader {
    /// The SHA-256 of a pack's text: the embedded text of a built-in pack, else its file's bytes.
    static func digest(of pack: PolicyPack) -> String {
        let text =
            BuiltInPolicies.texts.files.first { "policies/" + $0.name == pack.file }.map { Data($0.text.utf8) }
            ?? FileManager.default.contents(atPath: pack.file) ?? Data()
        return SHA256Hex.of(text)
    }
}

extension PolicyLoader {
    /// Whether a pack is one of the packs compiled into the binary (no file on disk behind it).
    static func isBuiltIn(_ pack: PolicyPack, environment: [String: String] = processEnvironment) -> Bool {
        (environment[overrideVariable] ?? "").isEmpty && BuiltInPolicies.texts.files.contains { "policies/" + $0.name == pack.file }
    }
}
