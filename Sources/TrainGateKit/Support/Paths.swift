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

/// Path identity and containment, one set of rules for the whole kit: which file a path names
/// (links resolved), and whether a path written in a file stays inside that file's folder tree.
public enum Paths {
    /// Resolves `path` as written in `file`: the path to open, its canonical form, and whether it
    /// stays inside `file`'s folder tree (manifests a card names and evidence files must).
    public static func resolve(_ path: String, relativeTo file: String) -> (display: String, canonical: String, inside: Bool) {
        let folder = folder(of: file)
        let display = path.hasPrefix("/") || folder.isEmpty ? path : folder + "/" + path
        let folderKey = canonical(folder.isEmpty ? "." : folder)
        let key = canonical(display)
        return (display, key, key.hasPrefix(folderKey.hasSuffix("/") ? folderKey : folderKey + "/"))
    }

    /// An absolute path with `.`, `..` and symbolic links resolved, for identity and containment.
    /// For a path that does not exist (a report not yet written), its longest existing prefix is
    /// resolved and the rest normalised as written, so a link to a folder counts the same either way.
    public static func canonical(_ path: String) -> String {
        if let resolved = realPath(path) { return resolved }
        var missing: [String] = []
        var components = URL(fileURLWithPath: path).path.split(separator: "/").map(String.init)
        var base = "/"
        while !components.isEmpty {
            if let resolved = realPath("/" + components.joined(separator: "/")) {
                base = resolved
                break
            }
            missing.insert(components.removeLast(), at: 0)
        }
        var parts = base.split(separator: "/").map(String.init)
        for part in missing where part != "." {
            if part == ".." {
                _ = parts.popLast()
            } else {
                parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// What a path names, following symbolic links.
    public enum Kind: Sendable { case file, directory }

    /// What `path` names (anything that is not a directory counts as a file), or nil when
    /// nothing is there.
    public static func kind(of path: String) -> Kind? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return status.st_mode & S_IFMT == S_IFDIR ? .directory : .file
    }

    /// The folder part of `path`: "" for a bare file name, "/" for a file in the root; trailing
    /// slashes are not a component.
    public static func folder(of path: String) -> String {
        let trimmed = withoutTrailingSlashes(path)
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        let folder = withoutTrailingSlashes(String(trimmed[..<slash]))
        return folder.isEmpty ? "/" : folder
    }

    /// The last component of `path` ("/" for the root); trailing slashes are not a component.
    public static func lastComponent(of path: String) -> String {
        let trimmed = withoutTrailingSlashes(path)
        guard trimmed != "/" else { return "/" }
        return trimmed.lastIndex(of: "/").map { String(trimmed[trimmed.index(after: $0)...]) } ?? trimmed
    }

    /// `component` inside the folder `folder` (`component` itself when `folder` is empty).
    public static func appending(_ component: String, to folder: String) -> String {
        guard !folder.isEmpty else { return component }
        let base = withoutTrailingSlashes(folder)
        return (base == "/" ? "" : base) + "/" + component
    }

    /// `path` without slashes at its end, except the one of the root.
    private static func withoutTrailingSlashes(_ path: String) -> String {
        var path = Substring(path)
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        return String(path)
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
