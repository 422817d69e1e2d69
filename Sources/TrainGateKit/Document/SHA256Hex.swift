import Crypto
import Foundation

extension Sequence<UInt8> {
    /// Lowercase hexadecimal, two digits a byte (a SHA-256 digest as files and reports write it).
    var lowercaseHex: String { map { String(format: "%02x", $0) }.joined() }
}

enum SHA256Hex {
    /// The SHA-256 of `data` in lowercase hexadecimal.
    static func of(_ data: Data) -> String { SHA256.hash(data: data).lowercaseHex }
}
