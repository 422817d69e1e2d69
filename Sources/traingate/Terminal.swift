import ArgumentParser
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

/// Writing to the terminal's streams; the only place the CLI touches stderr.
enum Terminal {
    /// Writes one line to standard error, unbuffered: whatever a message quotes from an input,
    /// it stays one line (control characters and line separators are escaped).
    static func error(_ line: String) { write(line.terminalSafe + "\n", to: 2) }

    /// Writes text to standard output as it is (reports end with their own newline). A report
    /// that cannot be written (a full disk, a closed descriptor) is a run that could not check:
    /// it says so on standard error and exits 2, never 0 with the report lost.
    /// Ends the process with `status`, standard streams flushed, without tearing down the
    /// program's data first.
    static func end(status: Int32) -> Never {
        fflush(nil)
        exit(status)
    }

    static func out(_ text: String) throws {
        try out { $0.write(text) }
    }

    /// Writes what `body` renders to standard output as it renders it.
    static func out(_ body: (inout DescriptorSink) -> Void) throws {
        var sink = DescriptorSink(descriptor: 1)
        body(&sink)
        if let failure = sink.finish() {
            error("error: cannot write to standard output: \(failure)")
            throw ExitStatus.couldNotCheck
        }
    }

    /// Whether to colour output for a `--color` mode: `auto` colours a terminal unless NO_COLOR is set.
    static func wantsColor(_ mode: String) -> Bool {
        switch mode {
        case "always": return true
        case "never": return false
        default:
            return isatty(1) == 1 && getenv("NO_COLOR") == nil && getenv("TERM").map { String(cString: $0) } != "dumb"
        }
    }

    private static func write(_ text: String, to descriptor: Int32) {
        var text = text
        _ = text.withUTF8 { DescriptorSink.writeAll(UnsafeRawBufferPointer($0), to: descriptor) }
    }
}

extension CheckFailure {
    /// Prints the warnings and errors on standard error; returns exit status 2 to throw.
    func printed() -> ExitCode {
        for warning in warnings { Terminal.error(warning.description) }
        for line in errors { Terminal.error(line.description) }
        return ExitStatus.couldNotCheck
    }
}
