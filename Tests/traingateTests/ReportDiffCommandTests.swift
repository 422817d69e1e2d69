import Foundation
import Testing

/// `traingate report diff` end to end: a version against itself, against a copy with a new
/// crawled source (a new summary version is due), the same with the version bumped, and a size
/// that moves to another bin.
@Suite("traingate report diff, end to end")
struct ReportDiffCommandTests {
    static let packageRoot = ReportSummaryCommandTests.packageRoot
    static let example = "examples/licensed-music-model"

    static let crawledSource = """
          - id: artist-sites
            name: Artist websites
            source_type: web_crawl
            modalities: [text]
            crawl: {crawler_names: [AriaBot], top_domains: [northern-records.example, artists.example]}

        """

    /// A copy of the licensed scenario with `change` made to its files (path → new text from old).
    func withCopy(_ changes: [String: (String) -> String], _ body: (String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("diff-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: "\(Self.packageRoot)/\(Self.example)", toPath: folder)
        for (file, change) in changes {
            let path = "\(folder)/\(file)"
            try change(try String(contentsOfFile: path, encoding: .utf8)).write(toFile: path, atomically: true, encoding: .utf8)
        }
        try body(folder)
    }

    func diff(_ new: String, _ extra: [String] = []) throws -> CLI.Output {
        try CLI.run(["report", "diff", Self.example, new, "--as-of", "2026-11-22"] + extra, in: Self.packageRoot)
    }

    @Test func aVersionAgainstItselfHasNoChange() throws {
        let result = try diff(Self.example)
        #expect(result.status == 0)
        #expect(result.stdout.contains("**No change to the summary.**"))
        let json = try ReportAB2013CommandTests.json(try diff("\(Self.example)/model-card.yaml", ["--format", "json"]).stdout)
        #expect(json["new_version_due"] as? Bool == false && (json["changes"] as? [Any])?.isEmpty == true)
    }

    @Test func aNewCrawledSourceMakesANewSummaryVersionDue() throws {
        try withCopy(["data/label-catalogue.yaml": { $0 + Self.crawledSource }]) { folder in
            let result = try diff(folder, ["--format", "json"])
            #expect(result.status == 1)
            let json = try ReportAB2013CommandTests.json(result.stdout)
            #expect(json["new_version_due"] as? Bool == true)
            let material = try #require(json["material"] as? [String])
            #expect(material.contains("new source category: Crawled by the provider (2.3)"))
            #expect(material.contains("new modality: Text"))
            #expect(material.contains("new crawled domains among the top ones: artists.example, northern-records.example"))
            let sections = Set((json["changes"] as? [[String: Any]] ?? []).compactMap { $0["section"] as? String })
            #expect(sections == ["1.3", "2.3"])
            let markdown = try diff(folder)
            #expect(markdown.stdout.contains("a new version of the summary is due (the card still declares version 1.0)"))
        }
    }

    @Test func aBumpedSummaryVersionAnswersTheChange() throws {
        try withCopy([
            "data/label-catalogue.yaml": { $0 + Self.crawledSource },
            "model-card.yaml": {
                $0.replacingOccurrences(of: "version: \"1.0\"", with: "version: \"1.1\"")
                    .replacingOccurrences(of: "last_update: 2026-02-20", with: "last_update: 2026-11-20")
            },
        ]) { folder in
            let result = try diff(folder, ["--format", "json"])
            let json = try ReportAB2013CommandTests.json(result.stdout)
            #expect(json["new_version"] as? String == "1.1", "the copy declares version 1.1")
            #expect(result.status == 0, "\(result.stdout)")
            #expect((json["material"] as? [String])?.isEmpty == false)
            #expect((json["due"] as? [String]) == [])
        }
    }

    /// The due reasons of the licensed example against a copy whose card is changed by `change`.
    func due(_ change: @escaping (String) -> String) throws -> (status: Int32, due: [String], verdict: String) {
        var answer: (Int32, [String], String) = (0, [], "")
        try withCopy(["model-card.yaml": change]) { folder in
            let result = try diff(folder, ["--format", "json"])
            let json = try ReportAB2013CommandTests.json(result.stdout)
            answer = (result.status, json["due"] as? [String] ?? ["not a list"], json["verdict"] as? String ?? "")
        }
        return answer
    }

    @Test func aNewVersionMustBeDatedAfterTheOldOne() throws {
        let bumped = { (text: String) in text.replacingOccurrences(of: "version: \"1.0\"", with: "version: \"1.1\"") }
        let same = try due(bumped)
        #expect(same.status == 1)
        #expect(
            same.due == ["the new version 1.1 must be dated after version 1.0: its last update is 2026-02-20, version 1.0's 2026-02-20"])
        #expect(same.verdict == "a new version of the summary is due: \(same.due.first ?? "")")
        // A month that holds the old day is not certainly after it; the next month is.
        let month = try due { bumped($0).replacingOccurrences(of: "last_update: 2026-02-20", with: "last_update: 2026-02") }
        #expect(month.status == 1 && month.due.first?.contains("its last update is 2026-02, version 1.0's 2026-02-20") == true)
        let later = try due { bumped($0).replacingOccurrences(of: "last_update: 2026-02-20", with: "last_update: 2026-03") }
        #expect(later.status == 0 && later.due.isEmpty)
        let undated = try due { bumped($0).replacingOccurrences(of: "    last_update: 2026-02-20\n", with: "") }
        #expect(undated.due == ["the new version 1.1 has no last-update date"])
        let unversioned = try due { $0.replacingOccurrences(of: "    version: \"1.0\"\n", with: "") }
        #expect(unversioned.status == 1 && unversioned.due == ["the new card declares no summary version (the old one declares 1.0)"])
        // The same version without its date is not a new version; TPL-0 reports the missing date.
        let dateless = try due { $0.replacingOccurrences(of: "    last_update: 2026-02-20\n", with: "") }
        #expect(dateless.status == 0 && dateless.due.isEmpty)
    }

    @Test func theSummaryOfAModelTrainedContinuouslyIsDueAfterSixMonths() throws {
        let card = "examples/listener-data/model-card.yaml"
        func run(_ asOf: String, _ extra: [String] = []) throws -> CLI.Output {
            try CLI.run(["report", "diff", card, card, "--as-of", asOf] + extra, in: Self.packageRoot)
        }
        #expect(try run("2026-11-19").status == 0, "183 days after 2026-05-20: still within the cadence")
        let stale = try run("2026-11-20", ["--format", "json"])
        #expect(stale.status == 1)
        let json = try ReportAB2013CommandTests.json(stale.stdout)
        #expect(
            json["due"] as? [String] == [
                "model listen-lm is trained continuously, and its training-content summary was last updated on 2026-05-20, more than 183 days before the as-of date"
            ])
        #expect((json["changes"] as? [Any])?.isEmpty == true)
        #expect(try run("2026-11-20").stdout.contains("## Why a new version is due\n\n- model listen-lm is trained continuously"))
        // A model that is not trained further owes a new version on material change only.
        let frozen = try CLI.run(["report", "diff", Self.example, Self.example, "--as-of", "2027-11-22"], in: Self.packageRoot)
        #expect(frozen.status == 0)
    }

    @Test func aSizeInAnotherBinIsMaterial() throws {
        try withCopy(["data/label-catalogue.yaml": { $0.replacingOccurrences(of: "41000", with: "2000000") }]) { folder in
            let json = try ReportAB2013CommandTests.json(try diff(folder, ["--format", "json"]).stdout)
            let material = try #require(json["material"] as? [String])
            #expect(material.contains { $0.hasPrefix("training data size: audio: 10,000 – 1 million hours → ") }, "\(material)")
        }
    }

    @Test func twoRevisionsOfARepositoryAreCompared() throws {
        try withCopy([:]) { folder in
            func git(_ arguments: [String]) throws {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                process.arguments = ["git", "-C", folder, "-c", "user.name=t", "-c", "user.email=t@example.org"] + arguments
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                process.waitUntilExit()
                #expect(process.terminationStatus == 0, "git \(arguments)")
            }
            try git(["init", "-q"])
            try git(["add", "-A"])
            try git(["commit", "-q", "-m", "first"])
            let manifest = "\(folder)/data/label-catalogue.yaml"
            try (try String(contentsOfFile: manifest, encoding: .utf8) + Self.crawledSource).write(
                toFile: manifest, atomically: true, encoding: .utf8)
            try git(["commit", "-q", "-am", "a crawled source"])
            // The working tree is changed back: the comparison reads the revisions, not the files.
            try git(["checkout", "-q", "HEAD~1", "--", "."])
            let due = try CLI.run(["report", "diff", "--git", "HEAD~1..HEAD", folder, "--as-of", "2026-11-22"], in: folder)
            #expect(due.status == 1, "\(due.stderr)")
            #expect(due.stdout.contains("new source category: Crawled by the provider (2.3)"))
            let same = try CLI.run(["report", "diff", "--git", "HEAD..HEAD", "model-card.yaml", "--as-of", "2026-11-22"], in: folder)
            #expect(same.status == 0, "\(same.stderr)")
            let wrong = try CLI.run(["report", "diff", "--git", "nope..HEAD", folder], in: folder)
            #expect(wrong.status == 2 && wrong.stderr.contains("revision 'nope': not a commit of the repository at "))
            let usage = try CLI.run(["report", "diff", "--git", "HEAD..HEAD", folder, folder], in: folder)
            #expect(usage.status == 64)
            // A revision whose manifest is broken: the error names the revision and the file in it.
            try "apiVersion: traingate/v1\nkind: DatasetManifest\ndataset: {id: x\n".write(
                toFile: manifest, atomically: true, encoding: .utf8)
            try git(["commit", "-q", "-am", "broken"])
            let broken = try CLI.run(["report", "diff", "--git", "HEAD~1..HEAD", folder, "--as-of", "2026-11-22"], in: folder)
            #expect(broken.status == 2)
            #expect(broken.stderr.hasPrefix("HEAD:data/label-catalogue.yaml:4:1: error: "), "\(broken.stderr)")
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()).filter {
                $0.hasPrefix("traingate-diff-")
            }
            #expect(leftovers.isEmpty, "temporary exports left behind: \(leftovers)")
        }
    }

    @Test func aFolderWithoutACardIsAnError() throws {
        let result = try CLI.run(["report", "diff", Self.example, "\(Self.example)/data"], in: Self.packageRoot)
        #expect(result.status == 2)
        #expect(result.stderr.contains("no model card found"))
    }
}
