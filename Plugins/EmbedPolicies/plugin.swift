import Foundation
import PackagePlugin

/// Puts the built-in policy packs (`policies/*.yaml`) into the `traingate` binary at build time,
/// so it carries them wherever it is copied: their texts (`policy-embedder`), and the packs
/// parsed, validated and compiled into the image a check reads without parsing YAML
/// (`pack-compiler`, `PackImage`).
@main
struct EmbedPolicies: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = context.package.directoryURL.appending(path: "policies")
        let entries = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
        let packs =
            entries
            .filter { ["yaml", "yml"].contains($0.pathExtension) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let texts = context.pluginWorkDirectoryURL.appending(path: "EmbeddedPolicies.swift")
        let image = context.pluginWorkDirectoryURL.appending(path: "CompiledPolicies.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(packs.count) policy packs",
                executable: try context.tool(named: "policy-embedder").url,
                arguments: [texts.path] + packs.map(\.path),
                inputFiles: packs,
                outputFiles: [texts]
            ),
            .buildCommand(
                displayName: "Compiling \(packs.count) policy packs",
                executable: try context.tool(named: "pack-compiler").url,
                arguments: [image.path] + packs.map(\.path),
                inputFiles: packs,
                outputFiles: [image]
            ),
        ]
    }
}
