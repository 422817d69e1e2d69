import ArgumentParser
import TrainGateKit

struct Packs: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the built-in policy packs.",
        subcommands: [List.self],
        defaultSubcommand: List.self
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the built-in policy packs: name, version, rule count, and whether they run by default.",
            discussion: "Built-in packs are embedded in the binary; set \(PolicyLoader.overrideVariable)=FOLDER to load pack files from a folder instead."
        )

        func run() throws {
            let packs: [PolicyPack]
            do { packs = try PolicyLoader.builtInPacks() } catch {
                Terminal.error(error.description)
                throw ExitStatus.couldNotCheck
            }
            let rows = [["NAME", "VERSION", "RULES", "RUNS", "TITLE"]] + packs.map {
                [$0.name, $0.version, String($0.rules.count), $0.optIn ? "opt-in" : "default", $0.title]
            }
            Terminal.out(Table.render(rows))
        }
    }
}

/// Left-aligned columns separated by two spaces.
enum Table {
    static func render(_ rows: [[String]]) -> String {
        let widths = (0..<(rows.first?.count ?? 0)).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
