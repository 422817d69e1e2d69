// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "TrainGate",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "traingate", targets: ["traingate"]),
        .library(name: "TrainGateKit", targets: ["TrainGateKit"]),
    ],
    dependencies: [
        // The CLI's flag parsing, help and usage errors (exit 64).
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // SHA-256 of evidence files declared as {path, sha256}: a vetted implementation, not a hand-written one.
        .package(url: "https://github.com/apple/swift-crypto", "3.12.0"..<"5.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // gzip-compressed ledgers and suppression lists (zlib's inflate, streamed).
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),
        .target(
            name: "TrainGateKit",
            dependencies: ["CYAML", "CZlib", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // Embeds policies/*.yaml into the CLI, as texts and compiled (PackImage), so a copied
        // binary still has its packs and a check parses no pack YAML.
        .executableTarget(name: "policy-embedder"),
        .executableTarget(name: "pack-compiler", dependencies: ["TrainGateKit"]),
        .plugin(name: "EmbedPolicies", capability: .buildTool(), dependencies: ["policy-embedder", "pack-compiler"]),
        .executableTarget(
            name: "traingate",
            dependencies: [
                "TrainGateKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            plugins: ["EmbedPolicies"]
        ),
        // Release-mode throughput benchmark; nothing depends on it.
        .executableTarget(name: "traingate-bench", dependencies: ["TrainGateKit"]),
        // Helpers both test targets share (golden files).
        .target(name: "TrainGateTestSupport", path: "Tests/TrainGateTestSupport"),
        .testTarget(
            name: "TrainGateKitTests",
            dependencies: ["TrainGateKit", "TrainGateTestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "traingateTests",
            // Depending on the executable makes `swift test` build it before the end-to-end tests run.
            dependencies: ["traingate", "TrainGateKit", "TrainGateTestSupport"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
