extension String {
    /// The same text in storage of its own size: a string built by appending keeps room to grow
    /// (up to twice its length), which adds up over the hundreds of thousands of texts a large
    /// check holds. Short strings are stored inline and returned as they are.
    var compacted: String {
        guard utf8.count > 15 else { return self }
        var text = self
        return text.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { buffer in
                _ = buffer.initialize(fromContentsOf: bytes)
                return bytes.count
            }
        }
    }
}
