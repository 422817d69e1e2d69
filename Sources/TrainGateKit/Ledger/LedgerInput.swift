import CZlib
import Crypto

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

/// A ledger or list file read as blocks of whole lines, plain or gzip-compressed (decided by the
/// file's first bytes, not its name), with the SHA-256 of the bytes on disk computed on the way.
/// Memory stays at a few blocks whatever the file's size.
final class LedgerInput {
    /// Why a file cannot be read.
    struct Failure: Error {
        var message: String
        /// The line the problem is on, when it is in the content.
        var line: Int?
    }

    /// One block: whole lines (the last one may lack its line break only at the end of the file).
    struct Block: @unchecked Sendable {
        /// Its index in the file, from 0.
        var index: Int
        var bytes: UnsafeMutableBufferPointer<UInt8>
        var count: Int
        /// Whether `bytes` was allocated for the block (else it is part of the file's mapping).
        var owned = true
        /// Where the block starts in the mapped file, for reading its lines again; -1 when the
        /// file is not mapped (gzip).
        var offset = -1

        var lines: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[0..<count]) }

        /// Frees the block: its buffer, or for a block of a mapped file the whole pages inside it
        /// (read once, they need not stay in memory; pages shared with a neighbour stay).
        func release() {
            if owned {
                bytes.deallocate()
                return
            }
            guard let base = bytes.baseAddress, count > 0 else { return }
            let page = UInt(LedgerInput.pageSize)
            let start = (UInt(bitPattern: base) + page - 1) & ~(page - 1)
            let end = (UInt(bitPattern: base) + UInt(count)) & ~(page - 1)
            if end > start { _ = madvise(UnsafeMutableRawPointer(bitPattern: start), Int(end - start), MADV_DONTNEED) }
        }
    }

    static let defaultBlockSize = 4 << 20
    static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
    /// The size of a block (tests read small files in many blocks).
    let blockSize: Int
    /// The longest line a ledger may hold; past it the file is not a ledger of flat rows.
    static let maxLineLength = 1 << 20

    let path: String
    private let descriptor: Int32
    private var hasher: SHA256?
    private var stream = z_stream()
    private var compressed = false
    private var raw: UnsafeMutableBufferPointer<UInt8>
    private var rawStart = 0
    private var rawCount = 0
    private var endOfFile = false
    private var streamEnded = false
    /// Bytes after the last line break of the previous block.
    private var carry: [UInt8] = []
    private var nextIndex = 0
    /// How many bytes were read from disk.
    private(set) var bytesRead = 0
    /// A plain regular file is mapped (copy-on-write) and handed out in place, block by block.
    private var mapping: UnsafeMutableRawPointer?
    private var mappingCount = 0
    private var mappingOffset = 0

    /// Opens `path`; with `digest`, the SHA-256 of its bytes is computed as they are read.
    init(path: String, digest: Bool = false, blockSize: Int = LedgerInput.defaultBlockSize) throws(Failure) {
        self.path = path
        self.blockSize = max(blockSize, 1024)
        if digest { hasher = SHA256() }
        descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw Failure(message: "cannot open: \(String(cString: strerror(errno)))") }
        var info = stat()
        if fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            close(descriptor)
            throw Failure(message: "is a folder, not a file")
        }
        raw = .allocate(capacity: 1 << 20)
        try fill()
        if rawCount >= 2, raw[0] == 0x1F, raw[1] == 0x8B {
            compressed = true
            // 15 window bits + 32: read a gzip (or zlib) header.
            guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
                throw Failure(message: "cannot start gzip decompression")
            }
        } else if (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 0,
            let mapped = mmap(nil, Int(info.st_size), PROT_READ | PROT_WRITE, MAP_PRIVATE, descriptor, 0), mapped != MAP_FAILED
        {
            // No copy: workers read the page cache. The sniffed bytes are read again from the mapping.
            mapping = mapped
            mappingCount = Int(info.st_size)
            _ = madvise(mapped, mappingCount, MADV_SEQUENTIAL)
            if digest { hasher = SHA256() }
            bytesRead = 0
        }
    }

    deinit {
        if let mapping { munmap(mapping, mappingCount) }
        if compressed { inflateEnd(&stream) }
        raw.deallocate()
        if descriptor >= 0 { close(descriptor) }
    }

    var isCompressed: Bool { compressed }

    /// The whole file in place, when it is mapped (plain files).
    var mappedBytes: UnsafeBufferPointer<UInt8>? {
        mapping.map { UnsafeBufferPointer(start: $0.assumingMemoryBound(to: UInt8.self), count: mappingCount) }
    }

    /// The SHA-256 of every byte read (call after the last block).
    func digest() -> String { (hasher ?? SHA256()).finalize().lowercaseHex }

    private func fill() throws(Failure) {
        if rawStart > 0 && rawCount > 0 {
            memmove(raw.baseAddress!, raw.baseAddress! + rawStart, rawCount)
        }
        rawStart = 0
        while !endOfFile && rawCount < raw.count {
            rawCount += try readSome(into: raw.baseAddress! + rawCount, capacity: raw.count - rawCount)
        }
    }

    /// One read(2) into `out` (retried when interrupted), hashed and counted; 0 at the end.
    private func readSome(into out: UnsafeMutablePointer<UInt8>, capacity: Int) throws(Failure) -> Int {
        while true {
            let count = read(descriptor, out, capacity)
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(message: "cannot read: \(String(cString: strerror(errno)))")
            }
            if count == 0 { endOfFile = true }
            hasher?.update(bufferPointer: UnsafeRawBufferPointer(start: out, count: count))
            bytesRead += count
            return count
        }
    }

    /// Fills `out` from the file (decompressing if needed); returns how many bytes, 0 at the end.
    private func produce(into out: UnsafeMutablePointer<UInt8>, capacity: Int) throws(Failure) -> Int {
        if !compressed {
            if rawCount > 0 {
                // The bytes read to sniff the format.
                let count = min(rawCount, capacity)
                memcpy(out, raw.baseAddress! + rawStart, count)
                rawStart += count
                rawCount -= count
                return count
            }
            // Straight into the block: one copy from the page cache, none after.
            return endOfFile ? 0 : try readSome(into: out, capacity: capacity)
        }
        var produced = 0
        while produced < capacity && !(streamEnded && rawCount == 0) {
            if rawCount == 0 {
                try fill()
                if rawCount == 0 {
                    guard streamEnded else { throw Failure(message: "the gzip stream is truncated") }
                    break
                }
            }
            if streamEnded {
                // Another gzip member follows (concatenated .gz files are one stream).
                guard inflateReset(&stream) == Z_OK else { throw Failure(message: "cannot continue gzip decompression") }
                streamEnded = false
            }
            stream.next_in = raw.baseAddress! + rawStart
            stream.avail_in = UInt32(rawCount)
            stream.next_out = out + produced
            stream.avail_out = UInt32(capacity - produced)
            let status = inflate(&stream, Z_NO_FLUSH)
            let consumed = rawCount - Int(stream.avail_in)
            rawStart += consumed
            rawCount -= consumed
            produced = capacity - Int(stream.avail_out)
            switch status {
            case Z_STREAM_END:
                streamEnded = true
            case Z_OK, Z_BUF_ERROR:
                if status == Z_BUF_ERROR && consumed == 0 && rawCount == 0 && endOfFile {
                    throw Failure(message: "the gzip stream is truncated")
                }
            default:
                let reason = stream.msg.map { String(cString: $0) } ?? "corrupt data"
                throw Failure(message: "the gzip stream is corrupt (\(reason))")
            }
            if streamEnded && rawCount == 0 && endOfFile { break }
        }
        return produced
    }

    /// The next block of whole lines, or nil at the end of the file.
    func nextBlock() throws(Failure) -> Block? {
        if let mapping { return try mappedBlock(mapping.assumingMemoryBound(to: UInt8.self)) }
        let capacity = blockSize + carry.count
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: capacity)
        var count = carry.count
        carry.withUnsafeBufferPointer { _ = memcpy(buffer.baseAddress!, $0.baseAddress!, $0.count) }
        carry.removeAll(keepingCapacity: true)
        while count < capacity {
            let produced = try produce(into: buffer.baseAddress! + count, capacity: capacity - count)
            if produced == 0 { break }
            count += produced
        }
        if count == 0 {
            buffer.deallocate()
            return nil
        }
        var end = count
        if count == capacity {
            // Cut after the last line break; the rest starts the next block.
            var index = count - 1
            while index >= 0, buffer[index] != 0x0A { index -= 1 }
            guard index >= 0 else {
                buffer.deallocate()
                throw Failure(message: "a line is longer than \(LedgerInput.maxLineLength) bytes; a ledger row is one flat record")
            }
            end = index + 1
            carry.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[end..<count]))
            if carry.count > LedgerInput.maxLineLength {
                buffer.deallocate()
                throw Failure(message: "a line is longer than \(LedgerInput.maxLineLength) bytes; a ledger row is one flat record")
            }
        }
        defer { nextIndex += 1 }
        return Block(index: nextIndex, bytes: buffer, count: end)
    }

    /// The next block of whole lines of the mapped file, in place.
    private func mappedBlock(_ base: UnsafeMutablePointer<UInt8>) throws(Failure) -> Block? {
        guard mappingOffset < mappingCount else { return nil }
        var end = min(mappingOffset + blockSize, mappingCount)
        if end < mappingCount {
            // Cut after the last line break; a line longer than a block ends at its own break.
            var index = end - 1
            while index >= mappingOffset, base[index] != 0x0A { index -= 1 }
            if index >= mappingOffset {
                end = index + 1
            } else {
                let rest = mappingCount - end
                guard let found = memchr(base + end, 0x0A, min(rest, LedgerInput.maxLineLength)) else {
                    if rest > LedgerInput.maxLineLength {
                        throw Failure(message: "a line is longer than \(LedgerInput.maxLineLength) bytes; a ledger row is one flat record")
                    }
                    end = mappingCount
                    return emit(base, end)
                }
                end = UnsafeMutableRawPointer(found).assumingMemoryBound(to: UInt8.self) - base + 1
            }
        }
        return emit(base, end)
    }

    private func emit(_ base: UnsafeMutablePointer<UInt8>, _ end: Int) -> Block {
        let count = end - mappingOffset
        let block = Block(
            index: nextIndex, bytes: UnsafeMutableBufferPointer(start: base + mappingOffset, count: count), count: count, owned: false,
            offset: mappingOffset)
        hasher?.update(bufferPointer: UnsafeRawBufferPointer(start: base + mappingOffset, count: count))
        bytesRead += count
        mappingOffset = end
        nextIndex += 1
        return block
    }

    /// Calls `body` with each line of `block` (without its line break or a trailing CR) and its
    /// 0-based number within the block; returns how many lines the block holds.
    @discardableResult
    static func forEachLine(in block: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Bool) rethrows
        -> Int
    {
        var start = 0
        var number = 0
        let base = block.baseAddress!
        while start < block.count {
            let remaining = block.count - start
            let found = memchr(base + start, 0x0A, remaining)
            let end = found.map { UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self) - base } ?? block.count
            var lineEnd = end
            if lineEnd > start && block[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            guard try body(UnsafeBufferPointer(rebasing: block[start..<lineEnd]), number) else { return number + 1 }
            number += 1
            start = end + 1
        }
        return number
    }
}
