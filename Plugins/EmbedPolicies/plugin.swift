import Foundation
import PackagePlugin

/// Embeds the built-in policy packs (`policies/*.yaml`) into TrainGateKit at build time, so the
/// `traingate` binary carries them wherever it is copied.
@main
struct EmbedPolicies: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = context.package.directoryURL.appending(path: "policies")
        let entries = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
        let packs =
            entries
            .filter { ["yaml", "yml"].contains($0.pathExtension) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedPolicies.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(packs.count) policy packs",
                executable: try context.tool(named: "policy-embedder").url,
                arguments: [output.path] + packs.map(\.path),
                inputFiles: packs,
                outputFiles: [output]
            )
        ]
    }
}
