import Crypto

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Signed check attestations: an in-toto Statement v1 in a DSSE envelope, signed with Ed25519.
/// The statement's subjects are the files a check read, by path relative to a root and SHA-256;
/// its predicate the verdict and what it was reached under. A training job verifies the envelope
/// before it starts: the signature, every subject file unchanged, and a passing verdict.
public enum Attestation {
    /// The predicate's type (versioned; the predicate's fields are in README, "Attestations").
    public static let predicateType = "https://traingate.dev/attestation/check/v1"
    /// DSSE's payload type for in-toto statements.
    public static let payloadType = "application/vnd.in-toto+json"
    public static let statementType = "https://in-toto.io/Statement/v1"

    /// Why an attestation cannot be made or read: a key, an envelope or a file.
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
        public init(message: String) { self.message = message }
    }

    // MARK: Keys (RFC 8410: Ed25519 in PKCS#8 and SubjectPublicKeyInfo)

    /// DER before the 32-byte seed of an Ed25519 PKCS#8 private key.
    static let privatePrefix: [UInt8] = [0x30, 0x2E, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20]
    /// DER before the 32-byte public key of an Ed25519 SubjectPublicKeyInfo.
    static let publicPrefix: [UInt8] = [0x30, 0x2A, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x03, 0x21, 0x00]

    /// A new key pair as PEM: the private key (PKCS#8) and the public key (SubjectPublicKeyInfo).
    public static func generateKeyPair() -> (privateKey: String, publicKey: String) {
        let key = Curve25519.Signing.PrivateKey()
        return (pem(privatePrefix + key.rawRepresentation, label: "PRIVATE KEY"), publicPEM(key.publicKey))
    }

    static func publicPEM(_ key: Curve25519.Signing.PublicKey) -> String {
        pem(publicPrefix + key.rawRepresentation, label: "PUBLIC KEY")
    }

    private static func pem(_ der: [UInt8], label: String) -> String {
        let base64 = Data(der).base64EncodedString()
        var lines = ["-----BEGIN \(label)-----"]
        var index = base64.startIndex
        while index < base64.endIndex {
            let end = base64.index(index, offsetBy: 64, limitedBy: base64.endIndex) ?? base64.endIndex
            lines.append(String(base64[index..<end]))
            index = end
        }
        lines.append("-----END \(label)-----")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func der(_ text: String, label: String, prefix: [UInt8], file: String) throws(Failure) -> Data {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimming(.whitespace) }
        guard let begin = lines.firstIndex(of: "-----BEGIN \(label)-----"), let end = lines.firstIndex(of: "-----END \(label)-----"),
            begin < end,
            let data = Data(base64Encoded: lines[(begin + 1)..<end].joined())
        else { throw Failure(message: "\(file): error: not a PEM \(label.lowercased()) (-----BEGIN \(label)-----)") }
        let bytes = [UInt8](data)
        guard bytes.count == prefix.count + 32, Array(bytes.prefix(prefix.count)) == prefix else {
            throw Failure(message: "\(file): error: not an Ed25519 \(label.lowercased()) (RFC 8410)")
        }
        return Data(bytes.suffix(32))
    }

    public static func privateKey(pem text: String, file: String) throws(Failure) -> Curve25519.Signing.PrivateKey {
        let seed = try der(text, label: "PRIVATE KEY", prefix: privatePrefix, file: file)
        do { return try Curve25519.Signing.PrivateKey(rawRepresentation: seed) } catch {
            throw Failure(message: "\(file): error: not an Ed25519 private key")
        }
    }

    public static func publicKey(pem text: String, file: String) throws(Failure) -> Curve25519.Signing.PublicKey {
        let raw = try der(text, label: "PUBLIC KEY", prefix: publicPrefix, file: file)
        do { return try Curve25519.Signing.PublicKey(rawRepresentation: raw) } catch {
            throw Failure(message: "\(file): error: not an Ed25519 public key")
        }
    }

    /// A key's id: the SHA-256 of its SubjectPublicKeyInfo (DER), in hexadecimal.
    public static func keyID(_ key: Curve25519.Signing.PublicKey) -> String {
        SHA256Hex.of(Data(publicPrefix + key.rawRepresentation))
    }

    /// DSSE's pre-authentication encoding of a payload.
    static func pae(_ type: String, _ body: Data) -> Data {
        var data = Data("DSSEv1 \(type.utf8.count) \(type) \(body.count) ".utf8)
        data.append(body)
        return data
    }

    // MARK: Making one

    struct Statement: Codable {
        var type: String
        var subject: [Subject]
        var predicateType: String
        var predicate: Predicate

        enum CodingKeys: String, CodingKey {
            case subject, predicateType, predicate
            case type = "_type"
        }
    }

    struct Subject: Codable {
        var name: String
        var digest: [String: String]
    }

    /// What the check found and what it was reached under.
    struct Predicate: Codable {
        struct Pack: Codable {
            var name: String
            var version: String
            var sha256: String
            /// The pack's file, relative to the root; nil for a built-in pack.
            var file: String?
        }

        struct WaiverUsed: Codable {
            var rule: String
            var subject: String
            var expires: String
            var approvedBy: String

            enum CodingKeys: String, CodingKey {
                case rule, subject, expires
                case approvedBy = "approved_by"
            }
        }

        var traingate: String
        var verdict: String
        var failOn: String
        var asOf: String
        var packs: [Pack]
        var counts: [String: Int]
        var failingRules: [String]
        var waivers: [WaiverUsed]

        enum CodingKeys: String, CodingKey {
            case traingate, verdict, packs, counts, waivers
            case failOn = "fail_on"
            case asOf = "as_of"
            case failingRules = "failing_rules"
        }
    }

    /// The signed envelope of `report`: its subjects are every file the check read (and
    /// `extraFiles`, such as the config), by path relative to `root`.
    public static func envelope(for report: CheckReport, extraFiles: [String], root: String, key: Curve25519.Signing.PrivateKey)
        throws(Failure) -> Data
    {
        var seen: Set<String> = []
        var subjects: [Subject] = []
        let builtIn = Set(report.packs.filter { PolicyLoader.isBuiltIn($0) }.map(\.file))
        for path in report.filesRead + extraFiles where !builtIn.contains(path) {
            let name = relative(path, to: root)
            guard seen.insert(name).inserted else { continue }
            guard let data = FileManager.default.contents(atPath: path) else {
                throw Failure(message: "\(path): error: cannot read the file to attest it")
            }
            subjects.append(Subject(name: name, digest: ["sha256": SHA256Hex.of(data)]))
        }
        subjects.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        let failing = Set(report.findings.filter { $0.status == .fail && report.failOn.fails($0.severity) }.map(\.ruleID)).sorted()
        let predicate = Predicate(
            traingate: report.toolVersion, verdict: report.failed ? "fail" : "pass", failOn: report.failOn.rawValue,
            asOf: report.asOf.description,
            packs: report.packs.map { pack in
                Predicate.Pack(
                    name: pack.name, version: pack.version, sha256: PolicyLoader.digest(of: pack),
                    file: builtIn.contains(pack.file) ? nil : relative(pack.file, to: root))
            },
            counts: Dictionary(uniqueKeysWithValues: report.counts.map { ($0.key.rawValue, $0.value) }),
            failingRules: failing,
            waivers: report.findings.compactMap { finding in
                finding.waiver.map {
                    Predicate.WaiverUsed(
                        rule: finding.ruleID, subject: finding.subject, expires: $0.expires.description, approvedBy: $0.approvedBy)
                }
            })
        let statement = Statement(type: statementType, subject: subjects, predicateType: predicateType, predicate: predicate)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let payload = try? encoder.encode(statement) else { throw Failure(message: "error: cannot encode the statement") }
        let signature: Data
        do { signature = try key.signature(for: pae(payloadType, payload)) } catch {
            throw Failure(message: "error: cannot sign the statement: \(error)")
        }
        let envelope = Envelope(
            payloadType: payloadType, payload: payload.base64EncodedString(),
            signatures: [.init(keyid: keyID(key.publicKey), sig: signature.base64EncodedString())])
        guard let data = try? encoder.encode(envelope) else { throw Failure(message: "error: cannot encode the envelope") }
        return data + Data("\n".utf8)
    }

    /// `path` relative to `root`, with `/`; `..` where it lies outside.
    static func relative(_ path: String, to root: String) -> String {
        let target = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().pathComponents
        let base = URL(fileURLWithPath: root).standardizedFileURL.resolvingSymlinksInPath().pathComponents
        var shared = 0
        while shared < min(target.count, base.count), target[shared] == base[shared] { shared += 1 }
        let parts = Array(repeating: "..", count: base.count - shared) + target[shared...]
        return parts.joined(separator: "/")
    }

    /// The DSSE envelope as written: its keys sort as `encoder` writes them.
    struct Envelope: Encodable {
        struct Signature: Encodable {
            var keyid: String
            var sig: String
        }
        var payloadType: String
        var payload: String
        var signatures: [Signature]
    }

    /// An envelope as read: a field of the wrong type reads as absent (and so fails the check
    /// that needs it), and a signature that is not an object makes the list absent.
    struct ReadEnvelope: Decodable {
        struct Signature: Decodable {
            var sig: String?
            init(from decoder: any Decoder) throws {
                sig = try? decoder.container(keyedBy: Keys.self).decode(String.self, forKey: .sig)
            }
            enum Keys: String, CodingKey { case sig }
        }
        var payloadType: String?
        var payload: String?
        var signatures: [Signature]?

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Keys.self)
            payloadType = try? container.decode(String.self, forKey: .payloadType)
            payload = try? container.decode(String.self, forKey: .payload)
            signatures = try? container.decode([Signature].self, forKey: .signatures)
        }
        enum Keys: String, CodingKey { case payloadType, payload, signatures }
    }

    // MARK: Verifying one

    /// What verifying found: problems that block training (a file changed or missing, a failing
    /// verdict), and the statement's facts for the report.
    public struct Verification: Sendable {
        public var problems: [String]
        public var subjects: Int
        public var verdict: String
        public var failingRules: [String]
        public var passed: Bool { problems.isEmpty }
    }

    /// Verifies `envelope` with `key`, and its subjects under `root`. Throws for a malformed
    /// envelope or statement, or a signature that does not verify (exit 2); returns the problems
    /// that block training otherwise (exit 1 when there are any).
    public static func verify(_ envelope: Data, key: Curve25519.Signing.PublicKey, root: String, file: String) throws(Failure)
        -> Verification
    {
        func malformed(_ why: String) -> Failure { Failure(message: "\(file): error: \(why)") }
        guard let object = try? JSONDecoder().decode(ReadEnvelope.self, from: envelope) else {
            throw malformed("not a DSSE envelope (a JSON object)")
        }
        guard object.payloadType == payloadType else { throw malformed("payloadType is not \(payloadType)") }
        guard let encoded = object.payload, let payload = Data(base64Encoded: encoded) else {
            throw malformed("payload is not base64")
        }
        guard let signatures = object.signatures, !signatures.isEmpty else { throw malformed("no signatures") }
        let message = pae(payloadType, payload)
        let verified = signatures.contains { entry in
            guard let sig = entry.sig.flatMap({ Data(base64Encoded: $0) }) else { return false }
            return key.isValidSignature(sig, for: message)
        }
        guard verified else { throw malformed("the signature does not verify with key \(keyID(key).prefix(16))…") }
        let statement: Statement
        do { statement = try JSONDecoder().decode(Statement.self, from: payload) } catch {
            throw malformed("the signed payload is not a TrainGate statement")
        }
        guard statement.type == statementType, statement.predicateType == predicateType else {
            throw malformed("the statement is not \(statementType) with predicateType \(predicateType)")
        }
        var problems: [String] = []
        for subject in statement.subject {
            guard let expected = subject.digest["sha256"] else { throw malformed("subject \(subject.name) has no sha256 digest") }
            let path = subject.name.hasPrefix("/") ? subject.name : Paths.appending(subject.name, to: root)
            guard let data = FileManager.default.contents(atPath: path) else {
                problems.append("\(subject.name): missing (attested with SHA-256 \(expected.prefix(12))…)")
                continue
            }
            let actual = SHA256Hex.of(data)
            if actual != expected.lowercased() {
                problems.append(
                    "\(subject.name): changed since the check (SHA-256 \(actual.prefix(12))…, attested \(expected.prefix(12))…)")
            }
        }
        if statement.predicate.verdict != "pass" {
            let rules = statement.predicate.failingRules
            problems.append(
                "the check failed (fail_on \(statement.predicate.failOn), as of \(statement.predicate.asOf))"
                    + (rules.isEmpty ? "" : ": \(rules.joined(separator: ", "))"))
        }
        return Verification(
            problems: problems, subjects: statement.subject.count, verdict: statement.predicate.verdict,
            failingRules: statement.predicate.failingRules)
    }
}
