import Foundation

/// Generates a deterministic stream of DatasetManifest-like YAML documents: nested mappings,
/// block and flow sequences, plain, quoted and block scalars, dates and numbers, in the
/// proportions of a real manifest.
struct CorpusGenerator {
    private var state: UInt64 = 0x9E37_79B9_7F4A_7C15

    private mutating func next() -> UInt64 {
        // SplitMix64: fast, deterministic, good enough to vary the shapes.
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private mutating func pick<T>(_ options: [T]) -> T { options[Int(next() % UInt64(options.count))] }
    private mutating func number(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    private static let words = [
        "catalogue", "listener", "licensed", "music", "archive", "speech", "corpus",
        "public", "crawl", "synthetic", "label", "artist", "podcast", "lyrics", "news",
    ]
    private static let sourceTypes = [
        "public_dataset", "licensed_rightsholder", "web_crawl", "synthetic",
        "user_data_other_service", "first_party",
    ]
    private static let bases = ["consent", "contract", "legitimate_interests", "public_task"]

    private mutating func phrase(_ count: Int) -> String {
        (0..<count).map { _ in pick(Self.words) }.joined(separator: " ")
    }

    /// One manifest document, starting with `---`.
    mutating func manifest(_ index: Int) -> String {
        var out = """
            ---
            apiVersion: traingate/v1
            kind: DatasetManifest
            dataset:
              id: dataset-\(index)
              name: "\(phrase(3)) \(index)"
              version: 1.\(number(0...20)).\(number(0...9))
              description: >
                \(phrase(12))
                \(phrase(10))
              owner: {organisation: "Example Org \(number(1...99))", contact: 'data@example.org'}
            controller:
              legal_name: Example Processing GmbH
              role: controller
              dpo_contact: dpo@example.org
            purposes:
              - {id: pretrain, description: "\(phrase(5))", stage: pretraining}
              - {id: eval, description: '\(phrase(4))', stage: evaluation}
            sources:

            """
        for source in 0..<number(3...6) {
            let type = pick(Self.sourceTypes)
            out += """
                  - id: src-\(index)-\(source)
                    name: \(phrase(2)) \(source)
                    description: |
                      \(phrase(14))
                      \(phrase(9))
                    source_type: \(type)
                    origin: {owner: "\(phrase(2))", locator: "https://example.org/\(pick(Self.words))/\(number(1...9999))", country: \(pick(["NO", "DE", "FR", "SE"]))}
                    modalities: [\(pick(["text", "audio", "image"])), \(pick(["text", "video", "other"]))]
                    size: {value: \(number(1...900_000)), unit: \(pick(["tokens", "hours", "records", "images"]))}
                    collection_period: {start: 20\(number(10...24))-0\(number(1...9))-1\(number(0...9)), end: 2025-06-30, ongoing: false}
                    first_used: 2025-07-01
                    acquisition:
                      method: \(pick(["download", "api", "licensed_delivery", "crawler"]))
                      selection_criteria: "\(phrase(6))"
                    access:
                      lawful_access: true
                      login_required: \(pick(["true", "false"]))
                      paywall_bypassed: false
                      tpm_circumvented: false
                      tos: {url: "https://example.org/tos", prohibits_ai_training: false}
                    rights:
                      copyright_status: \(pick(["licensed", "owned", "tdm_exception", "public_domain"]))
                      license: {spdx: CC-BY-4.0, url: "https://creativecommons.org/licenses/by/4.0/"}
                      rightsholder_consent: {model: opt_in, evidence: "https://example.org/evidence/consent-\(source).pdf", coverage: 0.\(number(50...99))}
                    tdm_opt_out:
                      checked: true
                      checked_at: 2025-05-0\(number(1...9))
                      protocols: [robots_txt, tdmrep, ai_txt]
                      handling: excluded
                    personal_data:
                      present: \(pick(["true", "false", "unknown"]))
                      categories: [\(pick(["contact", "voice", "usage"])), \(pick(["identifiers", "location"]))]
                      children: false
                      lawful_basis: \(pick(Self.bases))
                      minimisation: {pseudonymised: true, pii_filtering: [regex, ner], fields_removed: [email, phone]}
                      retention: {period: P\(number(1...5))Y, deletion_trigger: "\(phrase(3))"}
                    processing:
                      preparation_ops: ['dedup', "language-id", normalise]
                      illegal_content_measures: ["\(phrase(4))", hash-matching]

                """
        }
        out += """
            governance:
              design_choices: "\(phrase(8))"
              bias: {examination_ref: "https://example.org/docs/bias-\(index).md", mitigation_measures: [reweighting, "\(phrase(2))"]}
            records: {ropa_ref: "https://example.org/records/ropa.md", dpia_ref: "https://example.org/records/dpia-\(index).pdf"}

            """
        return out
    }

    /// The file name of the `index`th generated manifest.
    static func manifestFileName(_ index: Int) -> String { String(format: "manifest-%05d.yaml", index) }

    /// Writes `count` manifest files (one document each, without the `---`) into `folder`,
    /// creating it; returns the bytes written. The same count always writes the same files.
    static func writeManifests(_ count: Int, into folder: String) throws -> Int {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var generator = CorpusGenerator()
        var bytes = 0
        for index in 0..<count {
            let text = String(generator.manifest(index).dropFirst(4))
            try text.write(toFile: folder + "/" + manifestFileName(index), atomically: false, encoding: .utf8)
            bytes += text.utf8.count
        }
        return bytes
    }

    /// Manifests appended until the text reaches `bytes`; returns the text and document count.
    mutating func corpus(atLeast bytes: Int) -> (text: [UInt8], documents: Int) {
        var text: [UInt8] = []
        text.reserveCapacity(bytes + 16_384)
        var count = 0
        while text.count < bytes {
            text.append(contentsOf: manifest(count).utf8)
            count += 1
        }
        return (text, count)
    }
}
