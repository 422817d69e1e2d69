import Foundation
import TrainGateKit

/// Paths of the test fixtures, found from this source file so tests run from any directory.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path

    static func path(_ relative: String) -> String { root + "/" + relative }

    /// The repository's root folder (where `schemas/`, `examples/` and `policies/` are).
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
}

extension String {
    /// The string's UTF-8 bytes, for the `parse…` entry points.
    var bytes: [UInt8] { Array(utf8) }
}

/// The kit's location type; Swift Testing has a `SourceLocation` of its own.
typealias Location = TrainGateKit.SourceLocation
