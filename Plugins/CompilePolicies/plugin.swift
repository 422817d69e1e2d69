import Foundation
import PackagePlugin

/// Compiles the built-in policy packs into the `traingate` binary at build time (`PackImage`),
/// so a check reads them without parsing YAML.
@main
struct CompilePolicies: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = context.package.directoryURL.appending(path: "policies")
        let entries = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
        let packs =
            entries
            .filter { ["yaml", "yml"].contains($0.pathExtension) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "CompiledPolicies.swift")
        return [
            .buildCommand(
                displayName: "Compiling \(packs.count) policy packs",
                executable: try context.tool(named: "pack-compiler").url,
                arguments: [output.path] + packs.map(\.path),
                inputFiles: packs,
                outputFiles: [output]
            )
        ]
    }
}
