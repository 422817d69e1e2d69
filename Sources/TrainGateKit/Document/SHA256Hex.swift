import Crypto

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension Sequence<UInt8> {
    /// Lowercase hexadecimal, two digits a byte (a SHA-256 digest as files and reports write it).
    var lowercaseHex: String {
        var out: [UInt8] = []
        for byte in self { out.appendHex(byte) }
        return String(decoding: out, as: UTF8.self)
    }
}

enum SHA256Hex {
    /// The SHA-256 of `data` in lowercase hexadecimal.
    static func of(_ data: Data) -> String { SHA256.hash(data: data).lowercaseHex }
}
