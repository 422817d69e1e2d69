import ArgumentParser
import TrainGateKit

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a rule: what it checks, the law it cites, how to fix a failure, and its examples."
    )

    @Argument(help: "The rule id, e.g. CoP-CR-1.2a.")
    var ruleID: String

    @Option(name: .customLong("pack"), help: "Also search this pack file.")
    var packFiles: [String] = []

    func run() throws {
        let packs: [PolicyPack]
        do {
            packs = try PolicyLoader.builtInPacks() + packFiles.map { (file) throws(PolicyError) in try PolicyLoader.load(file: file) }
        } catch {
            Terminal.error(error.description)
            throw ExitStatus.couldNotCheck
        }
        let rules = packs.flatMap { pack in pack.rules.map { (pack, $0) } }
        guard
            let (pack, rule) = rules.first(where: { $0.1.id == ruleID })
                ?? rules.first(where: { $0.1.id.lowercased() == ruleID.lowercased() })
        else {
            let hint = Suggestions.closest(to: ruleID, in: rules.map(\.1.id)).map { "; did you mean '\($0)'?" } ?? ""
            throw ValidationError("no rule '\(ruleID)' in the loaded packs\(hint)")
        }
        try Terminal.out(RuleExplanation.render(rule, pack: pack))
    }
}
