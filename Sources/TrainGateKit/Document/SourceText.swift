#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reading input files safely: only regular files, within the size limit, and only text.
enum SourceText {
    /// The bytes of the file at `path`, after checking that it is a readable regular file within
    /// `limits.maxFileBytes`, that it is not empty and that it holds no NUL byte.
    static func read(_ path: String, limits: LoadLimits) throws(DocumentError) -> [UInt8] {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { throw .fileNotFound(path: path) }
            throw .unreadable(path: path, reason: lastErrorText())
        }
        let type = info.st_mode & S_IFMT
        guard type == S_IFREG else { throw .notARegularFile(path: path, kind: kindName(type)) }
        let size = Int(info.st_size)
        guard size <= limits.maxFileBytes else {
            throw .fileTooLarge(path: path, bytes: size, limit: limits.maxFileBytes)
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .unreadable(path: path, reason: lastErrorText()) }
        defer { close(fd) }
        // Read one byte past the size seen by stat, so a file that grew is caught by the limit.
        let capacity = size + 1
        var readError: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            count = 0
            while count < capacity {
                let n = posixRead(fd, buffer.baseAddress! + count, capacity - count)
                if n < 0 {
                    if errno == EINTR { continue }
                    readError = errno
                    return
                }
                if n == 0 { break }
                count += n
            }
        }
        if readError != 0 { throw .unreadable(path: path, reason: String(cString: strerror(readError))) }
        if bytes.count > limits.maxFileBytes {
            throw .fileTooLarge(path: path, bytes: bytes.count, limit: limits.maxFileBytes)
        }
        try check(bytes, file: path)
        return bytes
    }

    /// Rejects empty and binary text: the checks every loader makes before libyaml sees it.
    static func check(_ bytes: [UInt8], file: String) throws(DocumentError) {
        guard !bytes.isEmpty else { throw .emptyFile(path: file) }
        let nul: Int? = bytes.withUnsafeBufferPointer { buffer in
            guard let hit = memchr(buffer.baseAddress!, 0, buffer.count) else { return nil }
            return buffer.baseAddress!.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
        if let nul { throw .binaryFile(location(ofByte: nul, in: bytes[...], file: file, lineOffset: 0)) }
    }

    /// The location of a byte offset, for errors found outside libyaml (NUL bytes, encoding
    /// errors reported as offsets, JSON comments). Columns count Unicode scalars, like libyaml's.
    static func location(
        ofByte offset: Int, in bytes: ArraySlice<UInt8>, file: String, lineOffset: Int
    ) -> SourceLocation {
        let end = min(bytes.startIndex + offset, bytes.endIndex)
        var line = 1
        var column = 1
        var index = bytes.startIndex
        while index < end {
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return SourceLocation(file: file, line: line + lineOffset, column: column)
    }

    private static func kindName(_ type: mode_t) -> String {
        switch type {
        case S_IFDIR: return "directory"
        case S_IFIFO: return "named pipe"
        case S_IFSOCK: return "socket"
        case S_IFCHR: return "character device"
        case S_IFBLK: return "block device"
        default: return "special file"
        }
    }

    private static func lastErrorText() -> String { String(cString: strerror(errno)) }
}

#if canImport(Darwin)
    private let posixRead = Darwin.read
#elseif canImport(Musl)
    private let posixRead = Musl.read
#else
    private let posixRead = Glibc.read
#endif
