// swift-tools-version: 6.0
// libFuzzer targets for TrainGate's loaders. Not part of the main build: `Fuzz/run` builds this
// package with `-sanitize=fuzzer,address` and runs the targets on the seed corpora.
import Foundation
import PackageDescription

// A path dependency's identity is its folder's name, which depends on where the repository was cloned.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

let package = Package(
    name: "TrainGateFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(path: root.path)],
    targets: [
        .executableTarget(
            name: "traingate-fuzz",
            dependencies: [.product(name: "TrainGateKit", package: root.lastPathComponent)]
        )
    ],
    swiftLanguageModes: [.v6]
)
