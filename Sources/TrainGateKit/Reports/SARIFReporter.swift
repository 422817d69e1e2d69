import Crypto

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// SARIF 2.1.0 for code-scanning dashboards (GitHub code scanning, Azure DevOps, IDE viewers):
/// one run whose driver lists every rule of the selected packs, one result per failing or
/// waived finding, waivers as external suppressions, and input warnings and expired or stale
/// waivers as tool execution notifications.
///
/// Results carry a `traingate/v1` partial fingerprint made from the file (relative to the folder
/// all inputs share, so the working folder does not matter), the rule, the subject and the field
/// path but not the line, so a finding keeps its identity when the file around it is edited, and
/// two files declaring the same ids never share one. Keys are sorted so the same check always produces the same bytes.
public struct SARIFReporter: Reporter {
    /// The `--format` name.
    public static let identifier = "sarif"
    public static let fileExtension = "sarif"
    /// The key of the partial fingerprint every result carries.
    public static let fingerprintKey = "traingate/v1"

    /// Makes the reporter; it has no options.
    public init() {}

    /// SARIF is never coloured.
    public static func make(color: Bool) -> SARIFReporter { SARIFReporter() }

    /// Renders the report; the same report always gives the same text.
    public func render<Sink: ReportSink>(_ report: CheckReport, to sink: inout Sink) {
        let rules = report.packs.flatMap(\.rules)
        var index: [String: Int] = [:]
        for (i, rule) in rules.enumerated() { index[rule.pack + "\u{0}" + rule.id] = i }
        let notifications = Self.notifications(report, rules: rules)
        let root = Self.commonRoot(report.inputs.map(\.path))
        let run = SARIFLog.Run(
            tool: .init(driver: .init(version: report.toolVersion, rules: rules.map(Self.descriptor))),
            invocations: [.init(executionSuccessful: true, toolExecutionNotifications: notifications.isEmpty ? nil : notifications)],
            artifacts: report.inputs.map { .init(location: Self.artifactLocation($0.path), roles: ["analysisTarget"]) },
            results: StreamedArray.placeholder,
            properties: Self.runProperties(report))
        let results = report.findings.lazy.filter { $0.status == .fail || $0.status == .waived }.map {
            Self.result($0, ruleIndex: index[$0.pack + "\u{0}" + $0.ruleID], root: root)
        }
        // runs[0].results: the log's object, then runs, then the run, then its key.
        StreamedArray.write(Self.encode(run), key: "results", depth: 3, elements: results, to: &sink)
    }

    /// A run that could not check: `executionSuccessful: false`, each error (and warning) a tool
    /// execution notification at its location, no rules and no results.
    public func render(_ failure: FailedCheck) -> String {
        let errors = failure.errors.map { error in
            SARIFLog.Notification(
                level: "error", message: .init(text: error.message),
                locations: error.file.map { file in
                    [
                        error.location.map(Self.location)
                            ?? .init(physicalLocation: .init(artifactLocation: Self.artifactLocation(file), region: nil))
                    ]
                },
                associatedRule: nil, properties: nil)
        }
        let warnings = failure.warnings.map {
            SARIFLog.Notification(
                level: "warning", message: .init(text: $0.message), locations: [Self.location($0.location)],
                associatedRule: nil, properties: nil)
        }
        let run = SARIFLog.Run<[SARIFLog.Result]>(
            tool: .init(driver: .init(version: failure.toolVersion, rules: [])),
            invocations: [.init(executionSuccessful: false, toolExecutionNotifications: errors + warnings)],
            artifacts: nil, results: [], properties: .init(verdict: "error"))
        return Self.encode(run)
    }

    private static func encode<Results: Encodable>(_ run: SARIFLog.Run<Results>) -> String {
        StreamedArray.encode(SARIFLog.Log(runs: [run])) + "\n"
    }

    /// The stable identity of a finding across runs: SHA-256 of its file (relative to `root`),
    /// rule, subject and field path.
    public static func fingerprint(of finding: Finding, root: String = "") -> String {
        let file = relative(finding.location.file, to: root)
        let key = [file, finding.ruleID, finding.subject, finding.path].joined(separator: "\u{0}")
        return SHA256Hex.of(Data(key.utf8))
    }

    /// The folder every input lies in, as written (`.` segments dropped): fingerprints count
    /// paths from here, so running the same check from another working folder, or naming the
    /// inputs by absolute paths, keeps every fingerprint.
    static func commonRoot(_ paths: [String]) -> String {
        let folders = paths.map { Array(normalised($0).dropLast()) }
        guard var common = folders.first else { return "" }
        for folder in folders.dropFirst() {
            common = Array(zip(common, folder).prefix { $0 == $1 }.map(\.0))
        }
        let absolute = paths.first?.hasPrefix("/") ?? false
        return (absolute ? "/" : "") + common.joined(separator: "/")
    }

    /// `path` without the leading `root` folders.
    static func relative(_ path: String, to root: String) -> String {
        let parts = normalised(path)
        let base = normalised(root)
        guard !base.isEmpty, parts.starts(with: base), path.hasPrefix("/") == root.hasPrefix("/") else {
            return parts.joined(separator: "/")
        }
        return parts.dropFirst(base.count).joined(separator: "/")
    }

    private static func normalised(_ path: String) -> [Substring] {
        path.split(separator: "/").filter { $0 != "." }
    }

    /// The URI of a reported path: relative paths stay relative to `%SRCROOT%` (where the check
    /// ran), absolute ones become `file://` URIs; characters a URI cannot hold are percent-encoded.
    static func artifactLocation(_ path: String) -> SARIFLog.ArtifactLocation {
        // A URI already (a Spark input: `s3a://…`, `file:/…`) is kept as it is.
        if let colon = path.firstIndex(of: ":"), path.distance(from: path.startIndex, to: colon) > 1,
            path[..<colon].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) }), path.first!.isLetter,
            URL(string: path) != nil
        {
            return .init(uri: path, uriBaseId: nil)
        }
        // RFC 3986 unreserved characters, sub-delimiters, "@" and "/" are kept: never ":", so a
        // relative path cannot be read as a scheme.
        let encoded = path.percentEncoded { byte in
            (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
                || "-._~!$&'()*+,;=@/".utf8.contains(byte)
        }
        return path.hasPrefix("/") ? .init(uri: "file://" + encoded, uriBaseId: nil) : .init(uri: encoded, uriBaseId: "%SRCROOT%")
    }

    private static func location(_ location: SourceLocation) -> SARIFLog.Location {
        .init(
            physicalLocation: .init(
                artifactLocation: artifactLocation(location.file),
                region: .init(startLine: max(1, location.line), startColumn: max(1, location.column))))
    }

    private static func descriptor(_ rule: Rule) -> SARIFLog.ReportingDescriptor {
        // The first citation is the primary legal text; only web addresses make a help link.
        let helpUri = rule.citations.first?.url.flatMap { URL(string: $0)?.scheme?.hasPrefix("http") == true ? $0 : nil }
        return .init(
            id: rule.id, name: pascalCase(rule.title), shortDescription: .init(text: rule.title),
            fullDescription: .init(text: rule.description.map(trimmed) ?? rule.title), helpUri: helpUri,
            help: .init(text: rule.remediation), defaultConfiguration: .init(level: AlertLevel(rule.severity).rawValue),
            properties: .init(
                severity: rule.severity.rawValue, pack: rule.pack, scope: rule.scope.rawValue,
                citations: rule.citations.map(\.reference), confidence: rule.confidence?.rawValue,
                tags: ["compliance", rule.pack, rule.scope.rawValue]))
    }

    private static func result(_ finding: Finding, ruleIndex: Int?, root: String) -> SARIFLog.Result {
        let message = [finding.message, finding.expectedAndFound].compactMap { $0 }.joined(separator: "\n")
        let suppressions = finding.waiver.map { waiver in
            [
                SARIFLog.Suppression(
                    justification: waiver.justification, location: location(waiver.location),
                    properties: .init(
                        approvedBy: waiver.approvedBy, approvedOn: waiver.approvedOn?.description,
                        expires: waiver.expires.description, ticket: waiver.ticket, rule: waiver.rule,
                        subject: waiver.subject))
            ]
        }
        return .init(
            ruleId: finding.ruleID, ruleIndex: ruleIndex, level: AlertLevel(finding.severity).rawValue,
            message: .init(text: ([message] + finding.recordLines).joined(separator: "\n")), locations: [location(finding.location)],
            relatedLocations: finding.records.flatMap { records in
                records.samples.isEmpty
                    ? nil
                    : records.samples.enumerated().map { index, sample in
                        SARIFLog.RelatedLocation(
                            id: index + 1,
                            physicalLocation: sample.line.map {
                                location(SourceLocation(file: sample.file, line: $0, column: 1)).physicalLocation
                            }
                                ?? .init(artifactLocation: artifactLocation(sample.file), region: nil),
                            message: .init(text: "failing row: item \(sample.itemID)"))
                    }
            },
            partialFingerprints: [fingerprintKey: fingerprint(of: finding, root: root)], suppressions: suppressions,
            properties: .init(
                subject: finding.subject, path: finding.path, expected: finding.expected, found: finding.found,
                reason: finding.reason?.rawValue, pack: finding.pack, severity: finding.severity.rawValue,
                status: finding.status.rawValue, records: finding.records))
    }

    /// Input warnings, then every waiver that waived nothing (expired or stale).
    private static func notifications(_ report: CheckReport, rules: [Rule]) -> [SARIFLog.Notification] {
        let warnings = report.warnings.map {
            SARIFLog.Notification(
                level: "warning", message: .init(text: $0.message), locations: [location($0.location)],
                associatedRule: nil, properties: nil)
        }
        let waivers = report.waivers.filter { $0.state != .applied }.map { outcome in
            let index = rules.firstIndex { $0.id == outcome.waiver.rule }
            return SARIFLog.Notification(
                level: "warning", message: .init(text: outcome.message), locations: [location(outcome.waiver.location)],
                associatedRule: .init(id: outcome.waiver.rule, index: index),
                properties: .init(waiverState: outcome.state.rawValue, subject: outcome.waiver.subject))
        }
        return warnings + waivers
    }

    private static func runProperties(_ report: CheckReport) -> SARIFLog.RunProperties {
        .init(
            asOf: report.asOf.description, failOn: report.failOn.rawValue, verdict: report.failed ? "fail" : "pass",
            counts: report.statusCounts, packs: report.packs.map { "\($0.name) \($0.version)" })
    }

    /// `Mined content is lawfully accessible` → `MinedContentIsLawfullyAccessible`.
    static func pascalCase(_ title: String) -> String {
        title.split { !$0.isLetter && !$0.isNumber }.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    private static func trimmed(_ text: String) -> String { text.trimming(.whitespaceOrNewline) }
}
