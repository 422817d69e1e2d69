import ArgumentParser
import TrainGateKit

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

/// `traingate keygen`: an Ed25519 key pair for signing check attestations.
struct Keygen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Write an Ed25519 key pair for signing check attestations.",
        discussion: """
            Writes KEYFILE (the private key, PKCS#8 PEM, readable by its owner only) and KEYFILE.pub (the public key, \
            SubjectPublicKeyInfo PEM). Never writes over an existing file. Keep the private key where CI signs \
            (a secret); give the public key to the training job, which runs traingate verify. \
            Exit codes: 0 written; 2 a file exists or cannot be written; 64 usage error.
            """
    )

    @Argument(help: "The private key's file; the public key goes to KEYFILE.pub.")
    var keyfile: String

    func run() throws {
        let (privateKey, publicKey) = Attestation.generateKeyPair()
        let publicFile = keyfile + ".pub"
        for path in [keyfile, publicFile] where FileManager.default.fileExists(atPath: path) {
            Terminal.error("\(path): error: the file exists; keygen never writes over a key")
            throw ExitStatus.couldNotCheck
        }
        try create(keyfile, privateKey, mode: 0o600)
        do {
            try create(publicFile, publicKey, mode: 0o644)
        } catch {
            unlink(keyfile)
            throw error
        }
        try Terminal.out("wrote \(keyfile) (private) and \(publicFile) (public)\n")
    }

    /// Creates `path` (it must not exist) with `mode`, holding `text`.
    private func create(_ path: String, _ text: String, mode: mode_t) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, mode)
        guard descriptor >= 0 else {
            Terminal.error("\(path): error: \(String(cString: strerror(errno)))")
            throw ExitStatus.couldNotCheck
        }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        guard write(descriptor, bytes, bytes.count) == bytes.count else {
            Terminal.error("\(path): error: \(String(cString: strerror(errno)))")
            throw ExitStatus.couldNotCheck
        }
    }
}

/// `traingate verify`: a training job's first step.
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify a check attestation before training: signature, unchanged files, passing verdict.",
        discussion: """
            Reads ENVELOPE (the DSSE envelope check --attest wrote), verifies its Ed25519 signature with --key, \
            checks that every file it names is present under --root with the SHA-256 it was checked with, and that \
            the check passed. Exit codes: 0 all of that holds; 1 a file changed or is missing, or the verdict \
            failed (each reason printed); 2 the envelope or key is malformed, or the signature does not verify; \
            64 usage error.
            """
    )

    @Argument(help: "The attestation (a DSSE envelope).")
    var envelope: String

    @Option(help: "The public key (PEM) the attestation must be signed with.")
    var key: String

    @Option(help: "The folder the attested paths are relative to (default: the current folder).")
    var root: String = "."

    func run() throws {
        let verification: Attestation.Verification
        do {
            guard let keyText = try? String(contentsOfFile: key, encoding: .utf8) else {
                throw Attestation.Failure(message: "\(key): error: cannot read the key")
            }
            let publicKey = try Attestation.publicKey(pem: keyText, file: key)
            guard let data = FileManager.default.contents(atPath: envelope) else {
                throw Attestation.Failure(message: "\(envelope): error: cannot read the attestation")
            }
            verification = try Attestation.verify(data, key: publicKey, root: root, file: envelope)
        } catch let failure as Attestation.Failure {
            Terminal.error(failure.message)
            throw ExitStatus.couldNotCheck
        }
        guard verification.passed else {
            for problem in verification.problems { Terminal.error("\(envelope): blocked: \(problem)") }
            throw ExitCode.failure
        }
        try Terminal.out("verified: \(verification.subjects) files unchanged, the check passed\n")
    }
}
