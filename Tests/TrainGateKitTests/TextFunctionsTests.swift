import Foundation
import Testing

@testable import TrainGateKit

/// The kit's own text and path functions agree with Foundation's, which the kit no longer links
/// (the tests still may): every Unicode scalar, and the paths the kit meets.
@Suite("Text and path functions")
struct TextFunctionsTests {
    /// Every scalar of Unicode 15.1: Foundation's sets on this platform stop there, while the
    /// kit's classes follow the Unicode version of the Swift runtime (newer letters count).
    static let scalars: [Unicode.Scalar] = (0...0x10FFFF).compactMap(Unicode.Scalar.init).filter { scalar in
        guard let age = scalar.properties.age else { return true }
        return age.major < 15 || (age.major == 15 && age.minor <= 1)
    }

    @Test(arguments: [
        (ScalarClass.alphanumeric, CharacterSet.alphanumerics), (.punctuation, .punctuationCharacters), (.whitespace, .whitespaces),
        (.whitespaceOrNewline, .whitespacesAndNewlines),
    ])
    func scalarClassesAreFoundationsCharacterSets(_ scalarClass: ScalarClass, _ set: CharacterSet) {
        // Foundation's letters on this platform leave out three ideograph ranges (Tangut, its
        // components and supplement, and CJK extension I); the kit counts them, as their category says.
        let omitted: [ClosedRange<UInt32>] = [0x17000...0x187F7, 0x18D00...0x18D08, 0x2EBF0...0x2EE5D]
        let differing = Self.scalars.filter { scalar in
            scalarClass.contains(scalar) != set.contains(scalar)
                && !(scalarClass == .alphanumeric && omitted.contains { $0.contains(scalar.value) })
        }.map { String($0.value, radix: 16) }
        let count = differing.count
        let sample = differing.prefix(10).joined(separator: " ")
        #expect(count == 0, "\(scalarClass): \(count) scalars differ, as \(sample)")
    }

    @Test(arguments: ["", "  ", " a ", "\t\u{00A0}é, x\u{2003}", "\u{2028}a\n", "a", "  a b  ", "\u{301}a\u{301}"])
    func trimmingMatchesFoundation(_ text: String) {
        #expect(text.trimming(.whitespace) == text.trimmingCharacters(in: .whitespaces))
        #expect(text.trimming(.whitespaceOrNewline) == text.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(Substring(text).trimming(.whitespace) == text.trimmingCharacters(in: .whitespaces))
    }

    @Test func formatsAsPrintfDoes() {
        for value in [0, 0.05, 0.125, 2.25, 33.333, 99.95, 100, 1e9] {
            #expect(CFormat.string("%.1f", value) == String(format: "%.1f", value))
            #expect(CFormat.string(" (%.2f %%)", value) == String(format: " (%.2f %%)", value))
        }
        #expect(CFormat.string("\\U%08X", UInt32(0x1F600)) == "\\U0001F600")
        #expect(CFormat.string("%.1f", 1e300).count > 128)
        #expect([UInt8(0), 0x0F, 0xA0, 0xFF].lowercaseHex == "000fa0ff")
    }

    @Test func percentEncodingMatchesFoundation() {
        var allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        allowed.insert(charactersIn: "-._~!$&'()*+,;=@/")
        for path in ["a b/c%d.yaml", "/tmp/é ü/x:y#z?.json", "plain/path-1_2.yaml", "\u{1F600}\t\n"] {
            let kept = path.percentEncoded { byte in
                (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
                    || "-._~!$&'()*+,;=@/".utf8.contains(byte)
            }
            #expect(kept == path.addingPercentEncoding(withAllowedCharacters: allowed))
        }
    }

    @Test(arguments: ["/", "/a", "a/b", "a/b/", "a//b", "/a/b", "//a", "./a", "../a/b", "examples/x/model-card.yaml"])
    func pathPartsMatchFoundation(_ path: String) {
        let foundation = path as NSString
        #expect(Paths.folder(of: path) == foundation.deletingLastPathComponent)
        #expect(Paths.lastComponent(of: path) == foundation.lastPathComponent)
        #expect(Paths.appending("x.yaml", to: path) == foundation.appendingPathComponent("x.yaml"))
    }

    @Test func bareNamesAndFileKinds() throws {
        // A bare name has no folder (Foundation's NSString traps on this one on Linux).
        #expect(Paths.folder(of: "card.yaml") == "")
        #expect(Paths.lastComponent(of: "card.yaml") == "card.yaml")
        #expect(Paths.appending("x", to: "") == "x")
        // Doubled slashes inside are kept as written (Foundation gives "a/b"); canonical paths,
        // which identify files, are the same either way.
        #expect(Paths.folder(of: "a//b//c") == "a//b")
        let folder = try TemporaryFolder(["a.yaml": "x: 1\n"])
        defer { folder.remove() }
        #expect(Paths.kind(of: folder.path) == .directory)
        #expect(Paths.kind(of: folder.path + "/a.yaml") == .file)
        #expect(Paths.kind(of: folder.path + "/missing") == nil)
    }
}
