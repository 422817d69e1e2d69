/// The fields of the files that govern a check rather than describe training data: waivers and
/// the project configuration.
extension ArtifactSchemas {
    /// One entry of a `WaiverSet`: every field but `approved_on` is required.
    static let waiver: FieldType = .object(
        [
            "rule": .string, "subject": .string, "justification": .string, "approved_by": .string,
            "expires": .date, "approved_on": .date, "ticket": .string,
        ], required: ["rule", "subject", "justification", "approved_by", "expires"])

    /// `kind: WaiverSet`.
    public static let waiverSet: FieldType = .object(
        [
            "apiVersion": .string, "kind": .string, "waivers": .list(waiver),
        ], required: ["apiVersion", "kind", "waivers"])

    /// `kind: Config`, the `traingate.yaml` at a project's root.
    public static let config: FieldType = .object(
        [
            "apiVersion": .string, "kind": .string,
            "inputs": .strings, "packs": .strings, "waivers": .strings,
            "fail_on": .oneOf(FailOn.allCases.map(\.rawValue)),
            "as_of": .date,
            "waiver_max_days": .int,
            "format": .oneOf(Reporters.all.map { $0.identifier }),
            "reports": .list(
                .object(
                    ["format": .oneOf(Reporters.all.map { $0.identifier }), "path": .string],
                    required: ["format", "path"])),
            "attest": .object(["path": .string, "key": .string, "root": .string], required: ["path", "key"]),
        ], required: ["apiVersion", "kind"])
}
