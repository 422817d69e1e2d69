import Crypto

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// An evidence reference (`evidence:`, `*_ref`, `ref`): a URL, or a path to a file that must exist
/// inside the folder tree of the file that names it. Without the file, a claim is not evidenced,
/// so a missing or misplaced one stops the check (exit 2) rather than pass.
struct EvidenceReference: Sendable, Equatable {
    /// The reference as written.
    var text: String
    /// Where it is written.
    var location: SourceLocation
    /// The SHA-256 the file must have (hex), when written as `{path, sha256}`.
    var sha256: String? = nil
    /// Where the digest is written.
    var sha256Location: SourceLocation? = nil

    /// Whether the reference is a URL, which is not fetched: `https://host…`, `http://host…`,
    /// `mailto:address` or `urn:name`, with something after the scheme. Anything else is a path.
    var isURL: Bool {
        // Byte-level checks: URLs are ASCII, and this runs for every reference of every file.
        let bytes = Array(text.utf8)
        if bytes.contains(where: { $0 <= 0x20 }) { return false }
        func hasScheme(_ scheme: String) -> Bool {
            bytes.count >= scheme.utf8.count && zip(bytes, scheme.utf8).allSatisfy { $0 | 0x20 == $1 | 0x20 }
        }
        for scheme in ["https://", "http://"] where hasScheme(scheme) {
            let host = bytes.dropFirst(scheme.utf8.count).prefix {
                $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: "?") && $0 != UInt8(ascii: "#")
            }
            return !host.isEmpty
        }
        for scheme in ["mailto:", "urn:"] where hasScheme(scheme) {
            return bytes.count > scheme.utf8.count
        }
        return false
    }

    /// The error for a path reference that is missing or outside `file`'s folder tree, or nil.
    func problem(relativeTo file: String) -> ArtifactError? {
        if text.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return .evidenceNotFound(location, path: text) }
        guard !isURL else { return nil }
        let (target, _, inside) = Paths.resolve(text, relativeTo: file)
        guard inside else { return .evidenceOutsideFolder(location, path: text) }
        guard Paths.kind(of: target) == .file else {
            return .evidenceNotFound(location, path: text)
        }
        guard let sha256 else { return nil }
        guard let data = FileManager.default.contents(atPath: target) else { return .evidenceNotFound(location, path: text) }
        let actual = SHA256Hex.of(data)
        guard actual == sha256.lowercased() else {
            return .evidenceDigestMismatch(sha256Location ?? location, path: text, expected: sha256, actual: actual)
        }
        return nil
    }
}
