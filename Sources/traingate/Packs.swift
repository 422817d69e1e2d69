import ArgumentParser
import TrainGateKit

struct Packs: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "packs",
        abstract: "List, test and lint policy packs.",
        subcommands: [List.self, Test.self, LintPacks.self],
        defaultSubcommand: List.self
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the built-in policy packs: name, version, rule count, and whether they run by default.",
            discussion:
                "Built-in packs are embedded in the binary; set \(PolicyLoader.overrideVariable)=FOLDER to load pack files from a folder instead."
        )

        func run() throws {
            let packs: [PolicyPack]
            do { packs = try PolicyLoader.builtInPacks() } catch {
                Terminal.error(error.description)
                throw ExitStatus.couldNotCheck
            }
            let rows =
                [["NAME", "VERSION", "RULES", "RUNS", "TITLE"]]
                + packs.map {
                    [$0.name, $0.version, String($0.rules.count), $0.optIn ? "opt-in" : "default", $0.title]
                }
            try Terminal.out(Table.render(rows))
        }
    }
}

extension Packs {
    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "test",
            abstract: "Run every rule's examples: passing examples must not fail, failing examples must fail.",
            discussion:
                "Prints one line per example that misbehaves, then 'N passed, M failed'. Exits 0 when all pass, 1 otherwise, 2 if a pack is invalid."
        )

        @Argument(help: "Built-in pack names or pack files (default: every built-in pack, opt-in ones included).")
        var packs: [String] = []

        @OptionGroup var asOf: AsOfOption

        func run() throws {
            let selected: [PolicyPack]
            do {
                let builtIn = try PolicyLoader.builtInPacks()
                selected = packs.isEmpty ? builtIn : try PolicyLoader.select(packs, builtIn: builtIn)
            } catch {
                Terminal.error(error.description)
                throw ExitStatus.couldNotCheck
            }
            let results = PackTester.run(selected, asOf: asOf.date)
            var lines = ""
            for result in results where !result.ok {
                lines += "\(result.location): error: \(result.problem ?? "failed") [\(result.ruleID)]\n"
            }
            let failed = results.filter { !$0.ok }.count
            let rules = selected.reduce(0) { $0 + $1.rules.count }
            lines += "\(selected.count) pack\(selected.count == 1 ? "" : "s"), \(rules) rules\n"
            lines += "\(results.count - failed) passed, \(failed) failed\n"
            try Terminal.out(lines)
            if failed > 0 { throw ExitCode.failure }
        }
    }

    struct LintPacks: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lint",
            abstract: "Validate pack files the way built-in packs are validated: structure, and examples present for every rule.",
            discussion:
                "Prints one located line per problem. Exits 0 when every pack is valid, 2 otherwise. Run 'traingate packs test FILE' to run the examples."
        )

        @Argument(help: "Pack files.")
        var files: [String]

        func validate() throws {
            if files.isEmpty { throw ValidationError("name at least one pack file") }
        }

        func run() throws {
            var problems: [String] = []
            var packs: [PolicyPack] = []
            for file in files {
                do {
                    let pack = try PolicyLoader.load(file: file)
                    packs.append(pack)
                    for rule in pack.rules {
                        if rule.examples.pass.isEmpty { problems.append("\(rule.location): error: rule \(rule.id) has no passing example") }
                        if rule.examples.fail.isEmpty { problems.append("\(rule.location): error: rule \(rule.id) has no failing example") }
                    }
                } catch {
                    problems.append(error.description)
                }
            }
            do { try PolicyLoader.checkUnique(packs) } catch { problems.append(error.description) }
            for problem in problems { Terminal.error(problem) }
            let rules = packs.reduce(0) { $0 + $1.rules.count }
            try Terminal.out(
                "linted \(files.count) pack file\(files.count == 1 ? "" : "s"), \(rules) rules: \(problems.isEmpty ? "no problems" : "\(problems.count) problem\(problems.count == 1 ? "" : "s")")\n"
            )
            if !problems.isEmpty { throw ExitStatus.couldNotCheck }
        }
    }
}

/// Left-aligned columns separated by two spaces.
enum Table {
    static func render(_ rows: [[String]]) -> String {
        let widths = (0..<(rows.first?.count ?? 0)).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
