#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Interns the paths of input files so locations can name a file with a small integer.
///
/// Append-only and guarded by a lock: a path is interned once per load, and looked up only
/// when a location is printed or compared across files. The table holds one entry per
/// distinct path a process has read, so it stays tiny.
enum SourcePaths {
    private static let lock = Lock()
    nonisolated(unsafe) private static var paths: [String] = []
    // Keyed by bytes: Swift's String equality treats NFC and NFD spellings of a name as equal,
    // but they are different files.
    nonisolated(unsafe) private static var ids: [[UInt8]: UInt32] = [:]

    /// The id for `path`, interning it on first use.
    static func id(for path: String) -> UInt32 {
        lock.lock()
        defer { lock.unlock() }
        let key = Array(path.utf8)
        if let id = ids[key] { return id }
        let id = UInt32(paths.count)
        paths.append(path)
        ids[key] = id
        return id
    }

    /// The path interned as `id`.
    static func path(for id: UInt32) -> String {
        lock.lock()
        defer { lock.unlock() }
        return paths[Int(id)]
    }

    /// Orders two interned paths by their bytes (then by id), the same way on every run.
    static func precedes(_ a: UInt32, _ b: UInt32) -> Bool {
        let (pa, pb) = (path(for: a), path(for: b))
        if pa.utf8.elementsEqual(pb.utf8) { return a < b }
        return pa.utf8.lexicographicallyPrecedes(pb.utf8)
    }
}
