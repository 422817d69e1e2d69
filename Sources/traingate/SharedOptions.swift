import ArgumentParser
import TrainGateKit

/// `--as-of`, shared by every command that judges rules: parsed and checked in one place.
struct AsOfOption: ParsableArguments {
    @Option(help: "Judge the rules as of this date (YYYY-MM-DD; default: today, UTC).")
    var asOf: String?

    func validate() throws {
        if let asOf, Self.parse(asOf) == nil {
            throw ValidationError("--as-of must be a date written YYYY-MM-DD, got '\(asOf)'")
        }
    }

    /// The date given, if one was.
    var given: ISODate? { asOf.flatMap(Self.parse) }

    /// The date given, or today (UTC).
    var date: ISODate { given ?? Today.date() }

    /// A full date, `YYYY-MM-DD`.
    static func parse(_ text: String) -> ISODate? {
        guard let date = ISODate(parsing: text), date.day != nil else { return nil }
        return date
    }
}

/// `--input-format`, shared by the commands that read model cards and manifests.
struct InputFormatOption: ParsableArguments {
    @Option(help: ArgumentHelp("Read every input as this format instead of deciding by content.", valueName: "format"))
    var inputFormat: InputFormat = .auto
}
