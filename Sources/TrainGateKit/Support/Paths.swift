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
    /// A path that does not exist is made absolute and normalised without resolving links.
    public static func canonical(_ path: String) -> String {
        if let resolved = realpath(path, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        return URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
