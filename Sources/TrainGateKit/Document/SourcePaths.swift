import Foundation

/// Interns the paths of input files so locations can name a file with a small integer.
///
/// Append-only and guarded by a lock: a path is interned once per load, and looked up only
/// when a location is printed or compared across files. The table holds one entry per
/// distinct path a process has read, so it stays tiny.
enum SourcePaths {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var paths: [String] = []
    nonisolated(unsafe) private static var ids: [String: UInt32] = [:]

    /// The id for `path`, interning it on first use.
    static func id(for path: String) -> UInt32 {
        lock.lock()
        defer { lock.unlock() }
        if let id = ids[path] { return id }
        let id = UInt32(paths.count)
        paths.append(path)
        ids[path] = id
        return id
    }

    /// The path interned as `id`.
    static func path(for id: UInt32) -> String {
        lock.lock()
        defer { lock.unlock() }
        return paths[Int(id)]
    }
}
