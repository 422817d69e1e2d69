import Foundation

/// Writing report files: atomically (a temporary file, then a rename), into folders created as
/// needed, and never over an input.
enum OutputFile {
    struct Refusal: Error, CustomStringConvertible {
        let description: String
    }

    static func write(_ text: String, to path: String, inputs: [String]) throws {
        let target = canonical(path)
        if inputs.contains(where: { canonical($0) == target }) {
            throw Refusal(description: "refusing to write the report over an input file")
        }
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url, options: .atomic)
    }

    private static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
