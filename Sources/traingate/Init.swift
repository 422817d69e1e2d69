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

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a starter traingate.yaml, model card and dataset manifest.",
        discussion: """
            The templates pass `traingate lint`; `traingate check` then names every empty field the \
            packs need, with the law behind it. Nothing is overwritten unless --force is given.
            """
    )

    @Argument(help: "The project folder (default: the current folder).")
    var folder: String = "."

    @Flag(help: "Overwrite files that already exist.")
    var force = false

    func run() throws {
        let base = folder == "." ? "" : (folder.hasSuffix("/") ? folder : folder + "/")
        let files = StarterFiles.files.map { (base + $0.path, $0.text) }
        let existing = files.map(\.0).filter { FileManager.default.fileExists(atPath: $0) }
        if !force, !existing.isEmpty {
            for path in existing { Terminal.error("\(path): error: already exists; use --force to overwrite") }
            throw ExitStatus.couldNotCheck
        }
        for (path, text) in files {
            do {
                try OutputFile.write(text, to: path, inputs: [])
            } catch {
                Terminal.error("\(path): error: \(error)")
                throw ExitStatus.couldNotCheck
            }
        }
        var out = files.map { "wrote \($0.0)\n" }.joined()
        let cd = base.isEmpty ? "" : "cd \(folder) && "
        out += "\nNext: fill in the empty fields, then run `\(cd)traingate check`.\n"
        try Terminal.out(out)
    }
}
