/// The parts of a SARIF 2.1.0 log that TrainGate writes, named as the standard names them
/// (OASIS, Static Analysis Results Interchange Format Version 2.1.0). Optional properties left
/// nil are left out of the output.
enum SARIFLog {
    struct Log<Results: Encodable>: Encodable {
        let schema = "https://json.schemastore.org/sarif-2.1.0.json"
        let version = "2.1.0"
        let runs: [Run<Results>]

        enum CodingKeys: String, CodingKey {
            case schema = "$schema"
            case version, runs
        }
    }

    /// `Results` is `[Result]`, or a placeholder while the results are streamed in its place.
    struct Run<Results: Encodable>: Encodable {
        let tool: Tool
        let invocations: [Invocation]
        let artifacts: [Artifact]?
        let results: Results
        let columnKind = "unicodeCodePoints"
        let properties: RunProperties
    }

    /// Every property but `verdict` is absent when the run could not check.
    struct RunProperties: Encodable {
        var asOf: String? = nil
        var failOn: String? = nil
        let verdict: String
        var counts: [String: Int]? = nil
        var packs: [String]? = nil
    }

    struct Tool: Encodable { let driver: Driver }

    struct Driver: Encodable {
        let name = "TrainGate"
        let version: String
        let rules: [ReportingDescriptor]
    }

    struct ReportingDescriptor: Encodable {
        let id: String
        let name: String
        let shortDescription: Text
        let fullDescription: Text
        let helpUri: String?
        let help: Text
        let defaultConfiguration: Configuration
        let properties: RuleProperties
    }

    struct RuleProperties: Encodable {
        let severity: String
        let pack: String
        let scope: String
        let citations: [String]
        let confidence: String?
        let tags: [String]
    }

    struct Configuration: Encodable { let level: String }

    struct Text: Encodable { let text: String }

    struct Invocation: Encodable {
        let executionSuccessful: Bool
        /// Nil rather than empty, so a clean run has no empty list.
        let toolExecutionNotifications: [Notification]?
    }

    struct Notification: Encodable {
        let level: String
        let message: Text
        /// Nil for an error in no file.
        let locations: [Location]?
        let associatedRule: RuleReference?
        let properties: NotificationProperties?
    }

    struct NotificationProperties: Encodable {
        let waiverState: String
        let subject: String
    }

    struct RuleReference: Encodable {
        let id: String
        let index: Int?
    }

    struct Artifact: Encodable {
        let location: ArtifactLocation
        let roles: [String]
    }

    struct Result: Encodable {
        let ruleId: String
        let ruleIndex: Int?
        let level: String
        let message: Text
        let locations: [Location]
        /// A record finding's sample rows, in the ledger files.
        let relatedLocations: [RelatedLocation]?
        let partialFingerprints: [String: String]
        let suppressions: [Suppression]?
        let properties: ResultProperties
    }

    struct RelatedLocation: Encodable {
        let id: Int
        let physicalLocation: PhysicalLocation
        let message: Text
    }

    struct ResultProperties: Encodable {
        let subject: String
        let path: String
        let expected: String?
        let found: String?
        let reason: String?
        let pack: String
        let severity: String
        let status: String
        /// A record finding's counts of failing rows, samples and breakdowns.
        let records: RecordCounts?
    }

    struct Suppression: Encodable {
        let kind = "external"
        let status = "accepted"
        let justification: String
        let location: Location
        let properties: SuppressionProperties
    }

    struct SuppressionProperties: Encodable {
        let approvedBy: String
        let approvedOn: String?
        let expires: String
        let ticket: String?
        let rule: String
        let subject: String
    }

    struct Location: Encodable { let physicalLocation: PhysicalLocation }

    struct PhysicalLocation: Encodable {
        let artifactLocation: ArtifactLocation
        /// Nil for a problem with a whole file (not found, too large).
        let region: Region?
    }

    struct ArtifactLocation: Encodable {
        let uri: String
        let uriBaseId: String?
    }

    struct Region: Encodable {
        let startLine: Int
        let startColumn: Int
    }
}
