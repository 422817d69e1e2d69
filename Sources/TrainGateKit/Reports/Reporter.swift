/// Turns a check report into the bytes of one output format.
public protocol Reporter: Sendable {
    /// The `--format` name.
    static var identifier: String { get }
    /// The usual file name extension of the format's reports (`sarif`, `junit.xml`).
    static var fileExtension: String { get }
    /// Whether it quotes the input lines around findings, and so needs the report's
    /// `sourceTexts` (`Checker.Request.keepSourceTexts`); false unless a format says so.
    static var quotesSources: Bool { get }
    /// Makes the reporter; `color` asks for terminal colour where the format has any.
    static func make(color: Bool) -> Self
    /// Renders the report into `sink`, piece by piece.
    func render<Sink: ReportSink>(_ report: CheckReport, to sink: inout Sink)
    /// Renders a run that could not check (exit 2): the errors, said the way the format says a
    /// run failed, so a report file never shows nothing, or an earlier run's result, for it.
    func render(_ failure: FailedCheck) -> String
}

extension Reporter {
    public static var quotesSources: Bool { false }

    /// Renders the report as one string.
    public func render(_ report: CheckReport) -> String {
        var sink = StringSink()
        render(report, to: &sink)
        return sink.text
    }
}

/// Every output format, looked up by `identifier`.
public enum Reporters {
    /// The registry: one entry per format.
    public static let all: [any Reporter.Type] = [
        TextReporter.self, JSONReporter.self, SARIFReporter.self, JUnitReporter.self, GitHubReporter.self, MarkdownReporter.self,
        HTMLReporter.self,
    ]

    /// The reporter type of a `--format` name.
    public static func type(for identifier: String) -> (any Reporter.Type)? {
        all.first { $0.identifier == identifier }
    }

    /// The reporter for a `--format` name; `color` applies to the text format only.
    public static func reporter(for identifier: String, color: Bool = false) -> (any Reporter)? {
        type(for: identifier)?.make(color: color)
    }
}
