#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Machine-readable findings: the `traingate.findings/v1` schema, with sorted keys so the same
/// check always produces the same bytes.
public struct JSONReporter: Reporter {
    public static let identifier = "json"
    public static let fileExtension = "json"
    /// The schema identifier written in every document.
    public static let schema = "traingate.findings/v1"

    public init() {}

    /// JSON is never coloured.
    public static func make(color: Bool) -> JSONReporter { JSONReporter() }

    struct Tool: Encodable {
        let name: String
        let version: String
    }

    /// The document; `Findings` is a placeholder while it is written, the findings streamed in its place.
    struct Document<Findings: Encodable>: Encodable {
        struct Pack: Encodable {
            let name: String, version: String, rules: Int, sourcesAsOf: String, optIn: Bool

            enum CodingKeys: String, CodingKey {
                case name, version, rules
                case sourcesAsOf = "sources_as_of"
                case optIn = "opt_in"
            }
        }
        struct Input: Encodable {
            let path: String
            let kind: String
        }
        let schema: String
        let tool: Tool
        let asOf: String
        let failOn: String
        let verdict: String
        let packs: [Pack]
        let inputs: [Input]
        let skipped: [String]
        let summary: [String: Int]
        let warnings: [Diagnostic]
        let findings: Findings
        let waivers: [WaiverOutcome]
        /// The aggregates of every ledger read; absent when none was.
        let ledgers: [LedgerReport]?

        enum CodingKeys: String, CodingKey {
            case schema, tool, verdict, packs, inputs, skipped, summary, warnings, findings, waivers, ledgers
            case asOf = "as_of"
            case failOn = "fail_on"
        }
    }

    public func render<Sink: ReportSink>(_ report: CheckReport, to sink: inout Sink) {
        let document = Document(
            schema: Self.schema, tool: .init(name: "traingate", version: report.toolVersion),
            asOf: report.asOf.description, failOn: report.failOn.rawValue, verdict: report.failed ? "fail" : "pass",
            packs: report.packs.map {
                .init(
                    name: $0.name, version: $0.version, rules: $0.rules.count,
                    sourcesAsOf: $0.sourcesAsOf.description, optIn: $0.optIn)
            },
            inputs: report.inputs.map { .init(path: $0.path, kind: $0.kind.rawValue) }, skipped: report.skipped,
            summary: report.statusCounts, warnings: report.warnings, findings: StreamedArray.placeholder, waivers: report.waivers,
            ledgers: report.ledgers.isEmpty ? nil : report.ledgers)
        StreamedArray.write(Self.encode(document), key: "findings", depth: 1, elements: report.findings, to: &sink) {
            @Sendable finding, text, indent in finding.appendJSON(to: &text, indent: indent)
        }
    }

    /// The document of a run that could not check: `verdict: error` and the errors, each with
    /// its file, line and column where it has them; no findings.
    struct FailureDocument: Encodable {
        struct Error: Encodable { let file: String?, line: Int?, column: Int?, message: String }
        let schema: String
        let tool: Tool
        let verdict = "error"
        let errors: [Error]
        let warnings: [Diagnostic]
    }

    public func render(_ failure: FailedCheck) -> String {
        Self.encode(
            FailureDocument(
                schema: Self.schema, tool: .init(name: "traingate", version: failure.toolVersion),
                errors: failure.errors.map {
                    .init(file: $0.file, line: $0.location?.line, column: $0.location?.column, message: $0.message)
                },
                warnings: failure.warnings))
    }

    static func encode(_ document: some Encodable) -> String {
        StreamedArray.encode(document) + "\n"
    }
}
