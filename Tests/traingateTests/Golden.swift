import TrainGateTestSupport

/// The end-to-end tests' golden files, under `Fixtures/golden/`.
let Golden = GoldenFiles(folder: CLI.fixtures + "/golden")
