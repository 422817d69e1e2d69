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

/// Expanding the paths a user names into the input files to read.
public enum InputFiles {
    /// File extensions read when a folder is named (case-insensitive).
    public static let extensions: Set<String> = ["yaml", "yml", "json", "jsonld", "md", "markdown"]

    /// The files found: those named explicitly (whatever their extension), then, for each
    /// folder, every file below it with a known extension, in sorted order. Hidden files and
    /// folders, and `.build*` folders, are not entered.
    public struct Expansion: Sendable, Equatable {
        /// Files to read, in a deterministic order.
        public var files: [String]
        /// Files inside named folders skipped for their extension.
        public var skipped: [String]
    }

    /// Expands `paths`; a path that does not exist is kept, so loading it reports the error.
    public static func expand(_ paths: [String]) -> Expansion {
        var result = Expansion(files: [], skipped: [])
        for path in paths {
            guard Paths.kind(of: path) == .directory else {
                result.files.append(path)
                continue
            }
            var visited = Set<String>()
            walk(path, into: &result, visited: &visited)
        }
        return result
    }

    private static func walk(_ folder: String, into result: inout Expansion, visited: inout Set<String>) {
        // Enter each real folder once, so symbolic-link loops cannot make the walk run forever.
        let real =
            realpath(folder, nil).map { pointer -> String in
                defer { free(pointer) }
                return String(cString: pointer)
            } ?? folder
        guard visited.insert(real).inserted else { return }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in entries.sorted() where !name.hasPrefix(".") {
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            guard let kind = Paths.kind(of: path) else { continue }
            if kind == .directory {
                walk(path, into: &result, visited: &visited)
            } else if let ext = name.split(separator: ".").last, name.contains("."),
                extensions.contains(ext.lowercased())
            {
                result.files.append(path)
            } else {
                result.skipped.append(path)
            }
        }
    }
}
