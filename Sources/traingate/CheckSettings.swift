import ArgumentParser
import TrainGateKit

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// One `--report FORMAT=PATH`.
struct ReportRequest: Equatable {
    var format: FormatName
    var path: String
    /// Where a report from the config is written there, for error messages.
    var origin: SourceLocation? = nil

    /// Parses every `--report` value; a malformed one is a usage error naming it.
    static func parse(_ values: [String]) throws -> [ReportRequest] {
        var requests: [ReportRequest] = []
        for value in values {
            guard let equals = value.firstIndex(of: "=") else {
                throw ValidationError("--report takes FORMAT=PATH (e.g. sarif=traingate.sarif), got '\(value)'")
            }
            let name = String(value[..<equals])
            let path = String(value[value.index(after: equals)...])
            guard let format = FormatName(argument: name) else {
                throw ValidationError(
                    "--report: unknown format '\(name)'; expected one of: \(FormatName.allValueStrings.joined(separator: ", "))")
            }
            guard !path.isEmpty else { throw ValidationError("--report \(name)= needs a path") }
            if requests.contains(where: { $0.path == path }) {
                throw ValidationError("--report: two reports write '\(path)'")
            }
            requests.append(ReportRequest(format: format, path: path))
        }
        return requests
    }
}

/// The settings of one check: flags first, then `traingate.yaml`, then defaults.
struct CheckSettings {
    var request: Checker.Request
    /// The format printed (or written to `--output`).
    var format: FormatName
    /// Reports written besides: the config's, with `--report` replacing a format's path.
    var reports: [ReportRequest]
    var configFile: String?
    var configWarnings: [Diagnostic] = []
    /// Where to write a signed attestation, and with which key: flags first, then the config.
    var attest: (path: String, key: String, root: String)?

    init(_ check: Check) throws(CheckFailure) {
        var config: ProjectConfig?
        if let file = check.config {
            config = try ProjectConfig.load(file)
        } else if !check.noConfig, FileManager.default.fileExists(atPath: ProjectConfig.fileName) {
            config = try ProjectConfig.load(ProjectConfig.fileName)
        }
        configFile = config?.file
        configWarnings = config?.warnings ?? []
        let paths = !check.paths.isEmpty ? check.paths : config.map(\.inputs).flatMap { $0.isEmpty ? nil : $0 } ?? ["."]
        request = Checker.Request(
            paths: paths,
            packs: !check.packs.isEmpty ? check.packs : config?.packs ?? [],
            asOf: check.asOf.given ?? config?.asOf ?? Today.date(),
            failOn: check.failOn ?? config?.failOn ?? .high,
            includeAll: check.showPassed,
            waivers: !check.waivers.isEmpty ? check.waivers : config?.waivers ?? [],
            waiverMaxDays: check.waiverMaxDays ?? config?.waiverMaxDays ?? WaiverSet.defaultMaxDays)
        request.skipOtherFiles = check.skipOtherFiles
        request.maxFindings = check.maxFindings ?? Checker.maxFindings
        request.inputFormat = check.inputFormat.inputFormat
        // The config's format names were checked against the reporter registry when it was read.
        format = check.format ?? config?.format.flatMap(FormatName.init(argument:)) ?? .text
        // Validated in `Check.validate()`.
        let flagged = (try? ReportRequest.parse(check.reports)) ?? []
        let configured = (config?.reports ?? []).compactMap { report in
            FormatName(argument: report.format).map { ReportRequest(format: $0, path: report.path, origin: report.location) }
        }
        reports = configured.filter { c in !flagged.contains { $0.format == c.format } } + flagged
        // Reports that quote the lines around findings get the texts the check read, not reread files.
        request.keepSourceTexts = ([format] + reports.map(\.format)).contains { $0.reporter.quotesSources }
        if let path = check.attest, let key = check.key {
            attest = (path, key, check.attestRoot ?? ".")
        } else if let configured = config?.attest {
            attest = (configured.path, configured.key, check.attestRoot ?? configured.root ?? ".")
        }
    }

    /// Two outputs on one file would leave only the last; that is an error before anything is written.
    static func checkDistinct(_ reports: [ReportRequest], output: String?) throws(CheckFailure) {
        try checkDistinct(reports.map { ($0.path, $0.origin) } + (output.map { [($0, nil)] } ?? []))
    }

    private static func checkDistinct(_ targets: [(path: String, origin: SourceLocation?)]) throws(CheckFailure) {
        var seen: [String: String] = [:]
        for target in targets {
            let key = Paths.canonical(target.path)
            if let first = seen[key] {
                let message = "two reports would write '\(target.path)' (also '\(first)')"
                throw CheckFailure(errors: [target.origin.map { CheckError(message, at: $0) } ?? CheckError(message)])
            }
            seen[key] = target.path
        }
    }
}
