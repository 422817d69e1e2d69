import TrainGateKit

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

/// `report diff --git A..B PATH`: the repository holding PATH as it was at two revisions,
/// exported with `git archive` into temporary folders (the working tree and the repository's
/// state are never touched).
struct GitRevisions {
    struct Failure: Error {
        var message: String
    }

    /// The folder the export went into, removed by `remove()`.
    let folder: String
    /// The revisions: `(A, B)`.
    let revisions: (String, String)
    /// PATH inside each export: `(old, new)`.
    let paths: (String, String)

    /// Exports the repository of `path` at the two revisions of `range` (`A..B`).
    init(range: String, path: String) throws(Failure) {
        let parts = range.split(separator: "..", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, !range.contains("...") else {
            throw Failure(message: "--git takes two revisions as A..B, got '\(range)'")
        }
        for revision in parts where revision.hasPrefix("-") {
            throw Failure(message: "--git: '\(revision)' is not a revision")
        }
        guard let kind = Paths.kind(of: path) else { throw Failure(message: "\(path): no such file or directory") }
        // PATH's place in the repository, without resolving PATH itself: a link is compared as
        // each revision has it.
        let folderOfPath = kind == .directory ? path : Paths.folder(of: path)
        let start = folderOfPath.isEmpty ? "." : folderOfPath
        let prefix: String
        let top: String
        do {
            top = try Self.git(["-C", start, "rev-parse", "--show-toplevel"]).split(separator: "\n").first.map(String.init) ?? ""
            prefix = try Self.git(["-C", start, "rev-parse", "--show-prefix"]).split(separator: "\n").first.map(String.init) ?? ""
        } catch {
            throw Failure(message: "--git: \(error.message)")
        }
        let relative = kind == .directory ? String(prefix.dropLast(prefix.hasSuffix("/") ? 1 : 0)) : prefix + Paths.lastComponent(of: path)
        var template = Array((Self.temporaryFolder + "/traingate-diff-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw Failure(message: "cannot make a temporary folder") }
        folder = String(cString: made)
        var exported: [String] = []
        for (index, revision) in parts.enumerated() {
            let target = "\(folder)/\(index == 0 ? "old" : "new")"
            do {
                try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
                do {
                    _ = try Self.git(["-C", top, "rev-parse", "--verify", "--quiet", "\(revision)^{commit}"])
                } catch {
                    throw Failure(message: "not a commit of the repository at \(top)")
                }
                _ = try Self.git(["-C", top, "archive", "--format=tar", "-o", "\(target).tar", revision])
                _ = try Self.run(["tar", "-xf", "\(target).tar", "-C", target])
            } catch let failure as Failure {
                Self.remove(folder)
                throw Failure(message: "--git: revision '\(revision)': \(failure.message)")
            } catch {
                Self.remove(folder)
                throw Failure(message: "--git: \(error)")
            }
            exported.append(relative.isEmpty ? target : "\(target)/\(relative)")
        }
        paths = (exported[0], exported[1])
        revisions = (parts[0], parts[1])
    }

    func remove() { Self.remove(folder) }

    /// `text` with the exports' folders written as their revisions (`A:`), so a message about a
    /// file in an export names the revision rather than a temporary folder.
    func mapped(_ text: String) -> String {
        text.replacing("\(folder)/old/", with: "\(revisions.0):").replacing("\(folder)/new/", with: "\(revisions.1):")
    }

    private static func remove(_ folder: String) { try? FileManager.default.removeItem(atPath: folder) }

    /// `$TMPDIR`, or `/tmp`.
    static var temporaryFolder: String {
        getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    }

    private static func git(_ arguments: [String]) throws(Failure) -> String { try run(["git"] + arguments) }

    /// Runs a program found on PATH with standard output and error in temporary files; its output,
    /// or a failure with the last line of its error output.
    static func run(_ arguments: [String]) throws(Failure) -> String {
        let base = temporaryFolder + "/traingate-run-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let (out, err) = (base + ".out", base + ".err")
        defer {
            unlink(out)
            unlink(err)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, err, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid = pid_t()
        let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, &argv, environ)
        guard spawned == 0 else { throw Failure(message: "cannot run \(arguments[0]): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let output = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
        guard status == 0 else {
            let error = ((try? String(contentsOfFile: err, encoding: .utf8)) ?? "").split(separator: "\n").last.map(String.init)
            throw Failure(message: error ?? "\(arguments[0]) failed")
        }
        return output
    }
}
