import Foundation
import Testing

/// keygen → check --attest → verify, as CI and a training job run them.
@Suite("traingate keygen, check --attest and verify")
struct AttestCommandTests {
    /// A copy of `example` in a temporary folder, with a key pair in `keys/`.
    static func withExample(_ example: String, _ body: (String) throws -> Void) throws {
        try CLI.withFolder([:]) { folder in
            try FileManager.default.copyItem(atPath: Scenario.examples + "/" + example, toPath: folder + "/work")
            try FileManager.default.createDirectory(atPath: folder + "/keys", withIntermediateDirectories: true)
            let keygen = try CLI.run(["keygen", "keys/ci"], in: folder)
            #expect(keygen.status == 0, "\(keygen.stderr)")
            try body(folder)
        }
    }

    static func asOf(_ example: String) throws -> String {
        let text = try String(contentsOfFile: Scenario.examples + "/" + example + "/expected.yaml", encoding: .utf8)
        return text.split(separator: "\n").first { $0.hasPrefix("as_of:") }!.split(separator: " ").last.map(String.init)!
    }

    @Test func aPassingCheckVerifiesAndAChangedByteBlocks() throws {
        let asOf = try Self.asOf("licensed-music-model")
        try Self.withExample("licensed-music-model") { folder in
            let check = try CLI.run(
                ["check", "work", "--as-of", asOf, "--attest", "attestation.json", "--key", "keys/ci"], in: folder)
            #expect(check.status == 0, "\(check.stderr)")
            let verify = try CLI.run(["verify", "attestation.json", "--key", "keys/ci.pub"], in: folder)
            #expect(verify.status == 0, "\(verify.stderr)")
            // The subjects are every file the check read.
            let envelope =
                try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/attestation.json")))
                as! [String: Any]
            #expect(envelope["payloadType"] as? String == "application/vnd.in-toto+json")
            let payload = Data(base64Encoded: envelope["payload"] as! String)!
            let statement = try JSONSerialization.jsonObject(with: payload) as! [String: Any]
            let names = Set((statement["subject"] as! [[String: Any]]).map { $0["name"] as! String })
            let files = try FileManager.default.subpathsOfDirectory(atPath: folder + "/work").filter {
                $0.hasSuffix(".yaml") && $0 != "expected.yaml" || $0.hasPrefix("data/evidence/")
            }
            #expect(names == Set(files.map { "work/" + $0 }), "\(names)")
            // One byte of one manifest changes: blocked, naming the file.
            let manifest = try #require(files.first { $0.hasPrefix("data/") && $0.hasSuffix(".yaml") })
            let handle = try FileHandle(forUpdating: URL(fileURLWithPath: folder + "/work/" + manifest))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data("#".utf8))
            try handle.close()
            let changed = try CLI.run(["verify", "attestation.json", "--key", "keys/ci.pub"], in: folder)
            #expect(changed.status == 1)
            #expect(changed.stderr.contains("work/\(manifest): changed since the check"), "\(changed.stderr)")
            // From another folder, --root says where the paths are.
            try FileManager.default.removeItem(atPath: folder + "/work/" + manifest)
            let missing = try CLI.run(
                ["verify", folder + "/attestation.json", "--key", folder + "/keys/ci.pub", "--root", folder], in: "/")
            #expect(missing.status == 1)
            #expect(missing.stderr.contains("work/\(manifest): missing"))
        }
    }

    @Test func theConfigCanAskForAnAttestation() throws {
        let asOf = try Self.asOf("licensed-music-model")
        try Self.withExample("licensed-music-model") { folder in
            try """
            apiVersion: traingate/v1
            kind: Config
            inputs: [work]
            as_of: \(asOf)
            attest: {path: signed.json, key: keys/ci}
            """.write(toFile: folder + "/traingate.yaml", atomically: true, encoding: .utf8)
            let check = try CLI.run(["check"], in: folder)
            #expect(check.status == 0, "\(check.stderr)")
            let verify = try CLI.run(["verify", "signed.json", "--key", "keys/ci.pub"], in: folder)
            #expect(verify.status == 0, "\(verify.stderr)")
            let envelope =
                try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/signed.json"))) as! [String: Any]
            let payload = String(decoding: Data(base64Encoded: envelope["payload"] as! String)!, as: UTF8.self)
            #expect(payload.contains("\"name\":\"traingate.yaml\""), "the config is a subject")
        }
    }

    @Test func aFailingVerdictBlocks() throws {
        let asOf = try Self.asOf("scraped-catalogue")
        try Self.withExample("scraped-catalogue") { folder in
            let check = try CLI.run(["check", "work", "--as-of", asOf, "--attest", "attestation.json", "--key", "keys/ci"], in: folder)
            #expect(check.status == 1)
            let verify = try CLI.run(["verify", "attestation.json", "--key", "keys/ci.pub"], in: folder)
            #expect(verify.status == 1)
            #expect(verify.stderr.contains("blocked: the check failed (fail_on high, as of \(asOf)): "))
        }
    }

    @Test func aTamperedEnvelopeOrAnotherKeyIsExitTwo() throws {
        let asOf = try Self.asOf("licensed-music-model")
        try Self.withExample("licensed-music-model") { folder in
            _ = try CLI.run(["check", "work", "--as-of", asOf, "--attest", "attestation.json", "--key", "keys/ci"], in: folder)
            let original = try String(contentsOfFile: folder + "/attestation.json", encoding: .utf8)
            var envelope = try JSONSerialization.jsonObject(with: Data(original.utf8)) as! [String: Any]
            // A statement rewritten to pass, under the old signature.
            var payload = String(decoding: Data(base64Encoded: envelope["payload"] as! String)!, as: UTF8.self)
            payload = payload.replacingOccurrences(of: "\"verdict\":\"pass\"", with: "\"verdict\":\"pass\" ")
            envelope["payload"] = Data(payload.utf8).base64EncodedString()
            try JSONSerialization.data(withJSONObject: envelope).write(to: URL(fileURLWithPath: folder + "/payload.json"))
            // A signature with one bit flipped.
            var signed = try JSONSerialization.jsonObject(with: Data(original.utf8)) as! [String: Any]
            var signature = [UInt8](Data(base64Encoded: ((signed["signatures"] as! [[String: Any]])[0]["sig"] as! String))!)
            signature[5] ^= 1
            signed["signatures"] = [["keyid": "x", "sig": Data(signature).base64EncodedString()]]
            try JSONSerialization.data(withJSONObject: signed).write(to: URL(fileURLWithPath: folder + "/signature.json"))
            try "{\"payloadType\":1}".write(toFile: folder + "/malformed.json", atomically: true, encoding: .utf8)
            _ = try CLI.run(["keygen", "keys/other"], in: folder)
            for (file, key, message) in [
                ("payload.json", "keys/ci.pub", "the signature does not verify"),
                ("signature.json", "keys/ci.pub", "the signature does not verify"),
                ("malformed.json", "keys/ci.pub", "payloadType is not application/vnd.in-toto+json"),
                ("attestation.json", "keys/other.pub", "the signature does not verify"),
                ("attestation.json", "keys/ci", "not a PEM public key"),
            ] {
                let result = try CLI.run(["verify", file, "--key", key], in: folder)
                #expect(result.status == 2, "\(file) \(key)")
                #expect(result.stderr.contains(message), "\(result.stderr)")
            }
        }
    }

    @Test func keygenNeverWritesOverAKeyAndKeepsThePrivateKeyPrivate() throws {
        try CLI.withFolder([:]) { folder in
            #expect(try CLI.run(["keygen", "k"], in: folder).status == 0)
            let attributes = try FileManager.default.attributesOfItem(atPath: folder + "/k")
            #expect((attributes[.posixPermissions] as? Int) == 0o600)
            let again = try CLI.run(["keygen", "k"], in: folder)
            #expect(again.status == 2)
            #expect(again.stderr.contains("the file exists"))
            let privateKey = try String(contentsOfFile: folder + "/k", encoding: .utf8)
            #expect(privateKey.hasPrefix("-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEI"))
            let publicKey = try String(contentsOfFile: folder + "/k.pub", encoding: .utf8)
            #expect(publicKey.hasPrefix("-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA"))
            // --attest without --key is a usage error.
            #expect(try CLI.run(["check", ".", "--attest", "a.json"], in: folder).status == 64)
        }
    }
}
