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

/// A report sink on a file descriptor: pieces are gathered into 64 KiB writes, so a report is
/// written as it is rendered, never held whole. The first write error is kept (and nothing more
/// is written); `finish()` flushes and reports it.
struct DescriptorSink: ReportSink {
    let descriptor: Int32
    private var buffer: [UInt8] = []
    private(set) var failure: String?
    private static let chunk = 1 << 16

    init(descriptor: Int32) {
        self.descriptor = descriptor
        buffer.reserveCapacity(Self.chunk)
    }

    mutating func write(_ text: String) {
        guard failure == nil else { return }
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.chunk { flush() }
    }

    mutating func write(utf8 bytes: [UInt8]) {
        guard failure == nil else { return }
        if buffer.isEmpty && bytes.count >= Self.chunk {
            failure = bytes.withUnsafeBytes { Self.writeAll($0, to: descriptor) }
            return
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.chunk { flush() }
    }

    /// Writes what is buffered; returns why a write failed, or nil.
    mutating func finish() -> String? {
        if failure == nil { flush() }
        return failure
    }

    private mutating func flush() {
        failure = buffer.withUnsafeBytes { Self.writeAll($0, to: descriptor) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes every byte, retrying short writes and interruptions; the error text, or nil.
    static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> String? {
        var offset = 0
        while offset < bytes.count {
            #if canImport(Glibc)
                let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            #else
                let written = Darwin.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            #endif
            if written < 0 && (errno == EINTR || errno == EAGAIN) { continue }
            if written < 0 { return String(cString: strerror(errno)) }
            if written == 0 { return "nothing was written" }
            offset += written
        }
        return nil
    }
}
