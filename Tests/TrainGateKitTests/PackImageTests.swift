import Foundation
import Testing
import TrainGateTestSupport

@testable import TrainGateKit

/// The built-in packs compiled at build time read back as the packs their YAML gives.
@Suite("Compiled pack images")
struct PackImageTests {
    static let parsed: [(pack: PolicyPack, textHash: UInt64)] = BuiltInPolicies.texts.files.map { file in
        ((try? PolicyLoader.parse(file.text, file: "policies/" + file.name))!, PackImage.textHash(file.text))
    }
    static let image = PackImage.compile(parsed)

    static func decoded() throws -> [PolicyPack] {
        let loaded = try PackImage.Loaded(image)
        return try loaded.entries.map { try loaded.pack($0) }
    }

    @Test func everyPackAndEveryExampleReadsBackToTheSameImage() throws {
        try PackImage.verify(Self.image)
        let packs = try Self.decoded()
        #expect(packs.map(\.name) == Self.parsed.map(\.pack.name))
        // Compiling the packs read from the image (their examples read on demand) gives the same bytes.
        #expect(PackImage.compile(zip(packs, Self.parsed.map(\.textHash)).map { ($0, $1) }) == Self.image)
    }

    @Test func anImageBuiltIntoTheProgramIsReadInPlaceAndStillChecked() throws {
        // A static literal (how the CLI holds its image): its own bytes, no copy.
        let empty: StaticString = "TGPACKS1P"
        let loaded = try PackImage.Loaded(empty)
        #expect(loaded.entries.isEmpty)
        #expect(loaded.bytes.baseAddress == empty.utf8Start)
        // Damage is found the same way as in a copied image: one pack announced ("R" is 1), none
        // there; a negative count ("Q" is -1); another header.
        #expect(throws: PackImage.Malformed.self) { try PackImage.Loaded("TGPACKS1R" as StaticString) }
        #expect(throws: PackImage.Malformed.self) { try PackImage.Loaded("TGPACKS1Q" as StaticString) }
        #expect(throws: PackImage.Malformed.self) { try PackImage.Loaded("TGPACKS2P" as StaticString) }
    }

    @Test func theImageHoldsEveryFieldOfARule() {
        // A field added to Rule must be added to the image (ImageWriter.rule, ImageReader.rule) and here.
        let written = [
            "id", "title", "severity", "scope", "effective", "transitional", "citations", "when", "require", "message",
            "remediation", "description", "confidence", "location", "pack", "builtin", "tolerance", "breakdown", "examplesSource",
        ]
        let rule = Self.parsed[0].pack.rules[0]
        #expect(Mirror(reflecting: rule).children.compactMap(\.label) == written)
        let pack = Self.parsed[0].pack
        #expect(
            Mirror(reflecting: pack).children.compactMap(\.label)
                == ["name", "title", "version", "jurisdiction", "sourcesAsOf", "optIn", "description", "rules", "file"])
    }

    @Test func rulesKeepTheirPlacesTextsAndExamples() throws {
        for (decoded, (parsed, _)) in zip(try Self.decoded(), Self.parsed) {
            #expect(decoded.rules.count == parsed.rules.count)
            for (a, b) in zip(decoded.rules, parsed.rules) {
                #expect(a.location == b.location && a.location.file == b.location.file)
                #expect(a.id == b.id && a.title == b.title && a.remediation == b.remediation && a.description == b.description)
                #expect(a.citations == b.citations && a.message.source == b.message.source && a.breakdown == b.breakdown)
                #expect(a.examples.pass == b.examples.pass && a.examples.fail == b.examples.fail)
                #expect(a.effective == b.effective && a.transitional.map(\.effective) == b.transitional.map(\.effective))
            }
        }
    }

    @Test(arguments: ["licensed-music-model", "scraped-catalogue", "listener-data", "legacy-model", "listener-consent-ledger"])
    func checksGiveTheSameFindings(scenario: String) throws {
        let inputs = ArtifactLoader.load(["\(ExampleReports.packageRoot)/examples/\(scenario)"])
        let asOf = ISODate(year: 2026, month: 11, day: 22)!
        let fromYAML = Engine.check(inputs.bundles, packs: Self.parsed.map(\.pack), asOf: asOf, includeAll: true)
        let fromImage = Engine.check(inputs.bundles, packs: try Self.decoded(), asOf: asOf, includeAll: true)
        #expect(!fromYAML.findings.isEmpty)
        #expect(fromImage.findings == fromYAML.findings)
        #expect(fromImage.counts == fromYAML.counts)
    }

    @Test func aDamagedImageIsRefused() {
        let bytes = Array(Self.image.utf8)
        for cut in [0, 4, 9, bytes.count / 2, bytes.count - 1] {
            #expect(throws: PackImage.Malformed.self) { try PackImage.verify(String(decoding: bytes[..<cut], as: UTF8.self)) }
        }
        var garbled = bytes
        garbled[bytes.count / 3] = UInt8(ascii: "~")
        garbled[bytes.count / 3 + 1] = UInt8(ascii: "~")
        #expect(throws: PackImage.Malformed.self) { try PackImage.verify(String(decoding: garbled, as: UTF8.self)) }
    }

    @Test func stringsALiteralCannotHoldAreWrittenAsHex() throws {
        var writer = ImageWriter()
        let awkward = "a\rb\u{0}c\u{7F}d\té\n"
        writer.rawString(awkward)
        writer.rawString("plain")
        #expect(!writer.bytes.contains(0x0D) && !writer.bytes.contains(0) && !writer.bytes.contains(0x7F))
        try writer.bytes.withUnsafeBufferPointer { (bytes) throws in
            var reader = ImageReader(bytes, at: 0, end: bytes.count)
            #expect(try reader.rawString() == awkward)
            #expect(try reader.rawString() == "plain")
            #expect(reader.offset == bytes.count)
        }
    }

    @Test func overlongNumbersAndDeepNestingAreMalformed() {
        // Thirteen groups whose last holds more than the top four bits of 64.
        Array("000000000000o".utf8).withUnsafeBufferPointer { bytes in
            var reader = ImageReader(bytes, at: 0, end: 13)
            #expect(throws: PackImage.Malformed.self) { try reader.uint() }
        }
        // A chain of `not` deeper than any loaded document may be.
        Array(repeating: UInt8(ascii: "V"), count: 10_000).withUnsafeBufferPointer { deep in
            var nested = ImageReader(deep, at: 0, end: deep.count)
            #expect(throws: PackImage.Malformed.self) { try nested.condition() }
        }
    }

    @Test(arguments: [0, 1, -1, 31, 32, -33, 1 << 40, Int.max, Int.min])
    func numbersReadBack(value: Int) throws {
        var writer = ImageWriter()
        writer.int(value)
        #expect(writer.bytes.allSatisfy { $0 >= 0x30 && $0 < 0x70 })
        try writer.bytes.withUnsafeBufferPointer { (bytes) throws in
            var reader = ImageReader(bytes, at: 0, end: bytes.count)
            #expect(try reader.int() == value)
        }
    }
}
