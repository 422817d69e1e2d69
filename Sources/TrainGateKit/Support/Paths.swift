import Foundation

/// Path identity and containment, one set of rules for the whole kit: which file a path names
/// (links resolved), and whether a path written in a file stays inside that file's folder tree.
public enum Paths {
    /// Resolves `path` as written in `file`: the path to open, its canonical form, and whether it
    /// stays inside `file`'s folder tree (manifests a card names and evidence files must).
    public static func resolve(_ path: String, relativeTo file: String) -> (display: String, canonical: String, inside: Bool) {
        let folder = (file as NSString).deletingLastPathComponent
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

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
