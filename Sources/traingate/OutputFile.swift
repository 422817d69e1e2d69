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

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writing report files: a regular file atomically (a temporary file beside it, then a rename),
/// through a symbolic link to its target, straight into a pipe or device (`/dev/stdout`), into
/// folders created as needed — and never over a file the check read.
enum OutputFile {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Writes `text` to `path`; `inputs` are the files the check read.
    static func write(_ text: String, to path: String, inputs: [String]) throws(Failure) {
        try write(to: path, inputs: inputs) { $0.write(text) }
    }

    /// Writes what `body` renders to `path`, as it renders it; `inputs` are the files the check read.
    static func write(to path: String, inputs: [String], _ body: (inout DescriptorSink) -> Void) throws(Failure) {
        guard !path.isEmpty else { throw Failure(description: "the report path is empty") }
        // Identity by the kit's one rule; where to write by following the link (below).
        let identity = Paths.canonical(path)
        if inputs.contains(where: { Paths.canonical($0) == identity }) {
            throw Failure(description: "refusing to write the report over an input file")
        }
        let target = writeTarget(path)
        var info = stat()
        if stat(target, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFDIR: throw Failure(description: "cannot write the report: it is a folder")
            default: return try writeStream(body, to: target)
            }
        }
        try makeFolders(URL(fileURLWithPath: target).deletingLastPathComponent().path)
        try writeAtomically(body, to: target)
    }

    /// Where a report for `path` is written: `.`/`..` and symbolic links resolved, so a link is
    /// written through — but a device such as `/dev/stdout` stays itself (a pipe or a terminal
    /// behind it is written to as a stream), which is why this is not `Paths.canonical`.
    static func writeTarget(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    private static func makeFolders(_ folder: String) throws(Failure) {
        if let kind = Paths.kind(of: folder) {
            if kind == .directory { return }
            throw Failure(description: "cannot create folder '\(folder)': a file of that name exists")
        }
        try makeFolders(URL(fileURLWithPath: folder).deletingLastPathComponent().path)
        if mkdir(folder, 0o777) != 0 && errno != EEXIST {
            throw Failure(description: "cannot create folder '\(folder)': \(String(cString: strerror(errno)))")
        }
    }

    private static func writeAtomically(_ body: (inout DescriptorSink) -> Void, to target: String) throws(Failure) {
        let temporary = target + ".traingate-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure(description: "cannot write the report: \(String(cString: strerror(errno)))") }
        var sink = DescriptorSink(descriptor: descriptor)
        body(&sink)
        let written = sink.finish()
        let closed = close(descriptor) == 0
        guard written == nil, closed, rename(temporary, target) == 0 else {
            let reason = written ?? String(cString: strerror(errno))
            unlink(temporary)
            throw Failure(description: "cannot write the report: \(reason)")
        }
    }

    private static func writeStream(_ body: (inout DescriptorSink) -> Void, to target: String) throws(Failure) {
        let descriptor = open(target, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure(description: "cannot write the report: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var sink = DescriptorSink(descriptor: descriptor)
        body(&sink)
        if let reason = sink.finish() { throw Failure(description: "cannot write the report: \(reason)") }
    }
}
