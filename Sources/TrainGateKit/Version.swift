/// TrainGate's version, reported by `traingate --version` and in machine-readable output.
public let trainGateVersion = "0.1.0"
