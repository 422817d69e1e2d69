import TrainGateTestSupport

/// The end-to-end tests' golden files, under `Fixtures/golden/`.
let goldenFiles = GoldenFiles(folder: CLI.fixtures + "/golden")
