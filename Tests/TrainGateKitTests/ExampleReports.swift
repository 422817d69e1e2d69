import Foundation
import Testing
import TrainGateTestSupport

@testable import TrainGateKit

/// Check reports of the scenarios in `examples/`, run as `traingate check` runs them (each
/// scenario's `as_of` and opt-in packs from its `expected.yaml`) with the reporter waiver
/// fixture, and with every path made relative to the package root so the outputs are the same
/// on every machine.
enum ExampleReports {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    static let waivers = Fixtures.path("waivers/reporters.yaml")

    static func report(_ scenario: String, includeAll: Bool = false) throws -> CheckReport {
        let folder = "\(packageRoot)/examples/\(scenario)"
        let expected = try DocumentLoader.loadYAML(file: "\(folder)/expected.yaml")
        let optIn = expected["opt_in_packs"]?.sequence?.compactMap { $0.scalar?.text } ?? []
        let defaults = try PolicyLoader.builtInPacks(environment: [:]).filter { !$0.optIn }.map(\.name)
        let asOf = try #require(ISODate(parsing: try expected["as_of"]!.string()))
        var request = Checker.Request(
            paths: [folder], packs: optIn.isEmpty ? [] : defaults + optIn, asOf: asOf,
            includeAll: includeAll, waivers: [waivers])
        request.keepSourceTexts = true
        return try Checker.run(request).relative(to: packageRoot)
    }
}

extension CheckReport {
    /// The report with `root/` taken off the front of every path in it.
    func relative(to root: String) -> CheckReport {
        func path(_ p: String) -> String { p.hasPrefix(root + "/") ? String(p.dropFirst(root.count + 1)) : p }
        func place(_ l: Location) -> Location { Location(file: path(l.file), line: l.line, column: l.column) }
        func waiver(_ w: Waiver) -> Waiver {
            var w = w
            w.location = place(w.location)
            return w
        }
        var report = self
        report.inputs = inputs.map { CheckedFile(path: path($0.path), kind: $0.kind) }
        report.skipped = skipped.map(path)
        report.sourceTexts = Dictionary(uniqueKeysWithValues: sourceTexts.map { (path($0.key), $0.value) })
        report.waiverFiles = waiverFiles.map(path)
        report.ledgerFiles = ledgerFiles.map(path)
        report.ledgers = ledgers.map {
            var l = $0
            l.file = path(l.file)
            return l
        }
        report.bundles = bundles.map {
            var b = $0
            if var card = b.card {
                card.file = path(card.file)
                b.card = card
            }
            b.datasets = b.datasets.map {
                var d = $0
                d.file = path(d.file)
                return d
            }
            return b
        }
        report.warnings = warnings.map {
            var d = $0
            d.location = place(d.location)
            return d
        }
        report.findings = findings.map {
            var f = $0
            f.location = place(f.location)
            f.waiver = f.waiver.map(waiver)
            if var records = f.records {
                records.samples = records.samples.map {
                    var sample = $0
                    sample.file = path(sample.file)
                    return sample
                }
                f.records = records
            }
            return f
        }
        report.waivers = waivers.map {
            var o = $0
            o.waiver = waiver(o.waiver)
            return o
        }
        return report
    }
}

/// The kit's golden files, under `Fixtures/golden/`.
let goldenFiles = GoldenFiles(folder: Fixtures.path("golden"))
