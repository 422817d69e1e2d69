import Foundation
import TrainGateKit

/// Checks many generated manifest files against every default built-in pack, and compares the
/// time with a raw libyaml scan of the same files (each read from disk in both cases).
struct CheckBenchmark {
    let count: Int
    let runs: Int

    func run() {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("traingate-bench-\(getpid())")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let bytes = try CorpusGenerator.writeManifests(count, into: folder.path)
            let paths = (0..<count).map { folder.appendingPathComponent(CorpusGenerator.manifestFileName($0)).path }
            let sizeMB = Double(bytes) / 1_048_576
            print("\ncheck: \(count) manifest files, \(format(sizeMB)) MB, every default built-in pack; median of \(runs) runs each")
            var scanTimes: [Double] = []
            var checkTimes: [Double] = []
            var report: CheckReport?
            let request = Checker.Request(paths: [folder.path], asOf: ISODate(year: 2026, month: 11, day: 22)!)
            for _ in 0..<runs {
                scanTimes.append(
                    try seconds {
                        for path in paths {
                            let data = try Data(contentsOf: URL(fileURLWithPath: path))
                            _ = try YAMLEventScanner.countEvents(in: [UInt8](data), file: path)
                        }
                    })
                checkTimes.append(try seconds { report = try Checker.run(request) })
            }
            let scan = median(scanTimes)
            let check = median(checkTimes)
            let results = report?.counts.values.reduce(0, +) ?? 0
            let rules = report?.packs.reduce(0) { $0 + $1.rules.count } ?? 0
            print("(a) read + raw libyaml scan: \(format(scan, 3)) s, \(format(sizeMB / scan)) MB/s")
            print(
                "(b) traingate check:         \(format(check, 3)) s, \(format(sizeMB / check)) MB/s, \(rules) rules, \(results) rule results, \(report?.findings.count ?? 0) failures, peak RSS \(format(peakRSSMegabytes())) MB"
            )
            print("ratio (b)/(a): \(format(check / scan, 2))x  (target: at most 2x)")
        } catch {
            print("check benchmark failed: \(error)")
            exit(2)
        }
    }
}
