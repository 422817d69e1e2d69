#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The built-in packs' texts. A program embeds them at build time and registers them (the CLI
/// does, with the packs compiled, so a copied binary carries its packs and parses no pack YAML);
/// otherwise they are read once from this package's own `policies/` folder (the tests, and
/// programs built from a checkout).
public enum BuiltInPolicies {
    /// The packs' file names and texts, sorted by file name, and the FNV-1a hash of each text.
    struct Texts: Sendable {
        let files: [(name: String, text: String)]
        let hashes: [UInt64]
        /// Where they came from, for the error when there are none.
        let origin: String
    }

    /// Registers the packs a program embeds (file name, YAML text, sorted by name) and the hash of
    /// each text (`PackImage.textHash`), with the image they were compiled into at build time.
    /// Returns whether the image was taken: it is not when it is damaged or was compiled from
    /// other texts (a build that mixes versions), and the packs are then parsed from their YAML.
    @discardableResult
    public static func register(files: [(String, String)], hashes: [UInt64], compiled image: StaticString?) -> Bool {
        let texts = Texts(files: files.map { (name: $0.0, text: $0.1) }, hashes: hashes, origin: "this program")
        var loaded: PackImage.Loaded?
        if let image, let candidate = try? PackImage.Loaded(image),
            candidate.entries.map(\.file) == files.map({ "policies/" + $0.0 }), candidate.entries.map(\.hash) == hashes
        {
            loaded = candidate
        }
        store.set(texts, loaded)
        // Most runs check with the default packs: read them while the program parses its arguments
        // (not when a folder of pack files replaces them).
        if (PolicyLoader.processEnvironment[PolicyLoader.overrideVariable] ?? "").isEmpty {
            loaded?.prefetch { !$0.optIn }
        }
        return loaded != nil
    }

    /// The registered texts, else those of the package's `policies/` folder.
    static var texts: Texts { store.texts ?? fromPackage }

    /// The registered compiled image, if one was taken.
    static var image: PackImage.Loaded? { store.image }

    /// `policies/` beside `Sources/` in the checkout this library was built from.
    static let packageFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("policies").path

    private static let fromPackage: Texts = {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: packageFolder)) ?? [])
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var files: [(name: String, text: String)] = []
        for name in names {
            guard let text = try? String(contentsOfFile: packageFolder + "/" + name, encoding: .utf8) else { continue }
            files.append((name, text))
        }
        return Texts(files: files, hashes: files.map { PackImage.textHash($0.text) }, origin: packageFolder)
    }()

    private static let store = Store()

    private final class Store: @unchecked Sendable {
        private let lock = Lock()
        private var registered: (Texts, PackImage.Loaded?)?

        func set(_ texts: Texts, _ image: PackImage.Loaded?) {
            lock.lock()
            registered = (texts, image)
            lock.unlock()
        }

        var texts: Texts? {
            lock.lock()
            defer { lock.unlock() }
            return registered?.0
        }

        var image: PackImage.Loaded? {
            lock.lock()
            defer { lock.unlock() }
            return registered?.1
        }
    }
}
