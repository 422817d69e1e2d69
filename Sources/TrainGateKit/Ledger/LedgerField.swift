/// The row schema of a ledger: one flat record per training item, the same in JSONL and CSV.
/// Every field but the three required ones may be absent (or null, or an empty CSV cell), which
/// means "not declared": a rule that reads it sees it as missing, never as allowed.
public enum LedgerField: Int, CaseIterable, Sendable, CustomStringConvertible {
    case itemID, sourceID, contentSHA256, modality, sizeBytes, tokens, url, domain, retrievedAt
    case robotsTxt, tdmReservation, contentUsage, optoutSignals, license, licenseAgreementID
    case personalData, subjectRef, legalBasis, consentRecordID, consentStatus, consentStatusAt
    case erasureRequestedAt, objectionAt
    /// Derived, never read from a row: every opt-out signal the row carries (see `LedgerRow.derive`).
    case optouts

    /// The field's name in a ledger and in record rules.
    public var name: String {
        switch self {
        case .itemID: "item_id"
        case .sourceID: "source_id"
        case .contentSHA256: "content_sha256"
        case .modality: "modality"
        case .sizeBytes: "size_bytes"
        case .tokens: "tokens"
        case .url: "url"
        case .domain: "domain"
        case .retrievedAt: "retrieved_at"
        case .robotsTxt: "robots_txt"
        case .tdmReservation: "tdm_reservation"
        case .contentUsage: "content_usage"
        case .optoutSignals: "optout_signals"
        case .license: "license"
        case .licenseAgreementID: "license_agreement_id"
        case .personalData: "personal_data"
        case .subjectRef: "subject_ref"
        case .legalBasis: "legal_basis"
        case .consentRecordID: "consent_record_id"
        case .consentStatus: "consent_status"
        case .consentStatusAt: "consent_status_at"
        case .erasureRequestedAt: "erasure_requested_at"
        case .objectionAt: "objection_at"
        case .optouts: "optouts"
        }
    }

    public var description: String { name }

    /// The type of the field's values.
    public enum Kind: Sendable, Equatable {
        /// Text (JSON string; CSV cell as written).
        case text
        /// 64 hexadecimal digits, a SHA-256 digest.
        case sha256
        /// A whole number ≥ 0.
        case count
        /// `true` or `false` (also `1`/`0`, TDMRep's spelling).
        case boolean
        /// An RFC 3339 date or date-time; compared by its calendar day as written.
        case date
        /// One word of a closed vocabulary.
        case vocabulary([String])
        /// A list of opt-out signal names (JSON array; CSV: `;`-separated).
        case signals
    }

    public var kind: Kind {
        switch tag {
        case .text: .text
        case .sha256: .sha256
        case .count: .count
        case .boolean: .boolean
        case .date: .date
        case .signals: .signals
        case .vocabulary:
            .vocabulary(
                self == .modality
                    ? LedgerVocabulary.modality
                    : self == .robotsTxt
                        ? LedgerVocabulary.robotsTxt : self == .legalBasis ? LedgerVocabulary.legalBasis : LedgerVocabulary.consentStatus)
        }
    }

    /// The kind without its vocabulary, for the per-row paths (no array is touched).
    enum Tag { case text, sha256, count, boolean, date, vocabulary, signals }

    var tag: Tag {
        switch self {
        case .itemID, .sourceID, .url, .domain, .contentUsage, .license, .licenseAgreementID, .subjectRef, .consentRecordID: .text
        case .contentSHA256: .sha256
        case .sizeBytes, .tokens: .count
        case .tdmReservation, .personalData: .boolean
        case .retrievedAt, .consentStatusAt, .erasureRequestedAt, .objectionAt: .date
        case .modality, .robotsTxt, .legalBasis, .consentStatus: .vocabulary
        case .optoutSignals, .optouts: .signals
        }
    }

    /// Per field, its vocabulary's words as bytes (empty for other kinds).
    static let vocabularyBytes: [[[UInt8]]] = allCases.map { field in
        if case .vocabulary(let words) = field.kind { return words.map { Array($0.utf8) } }
        return []
    }

    /// The fields every row must declare.
    public static let required: [LedgerField] = [.itemID, .sourceID, .contentSHA256]

    /// The fields a ledger file may hold (all but the derived ones).
    public static let stored: [LedgerField] = allCases.filter { $0 != .optouts }

    /// The field named `name` (stored or derived), or nil.
    public static func named(_ name: String) -> LedgerField? { byName[name] }

    private static let byName = Dictionary(uniqueKeysWithValues: allCases.map { ($0.name, $0) })

    /// The kind in words, for errors: "a whole number ≥ 0", "one of given, renewed, …".
    var expectation: String {
        switch kind {
        case .text: "text"
        case .sha256: "a SHA-256 digest (64 hexadecimal digits)"
        case .count: "a whole number ≥ 0"
        case .boolean: "true or false"
        case .date: "an RFC 3339 date or date-time (2026-03-14, 2026-03-14T10:22:00Z)"
        case .vocabulary(let words): "one of " + words.joined(separator: ", ")
        case .signals: "a list of opt-out signals (" + LedgerVocabulary.signals.joined(separator: ", ") + ")"
        }
    }

    /// What the field means, for `traingate ledger fields` and the README.
    public var meaning: String {
        switch self {
        case .itemID: "The item's id, unique within the ledger (required)."
        case .sourceID: "The id of the manifest source whose ledger holds the row (required)."
        case .contentSHA256: "SHA-256 of the item's bytes (required); equal digests are copies of the same content."
        case .modality: "text, image, audio, video or other."
        case .sizeBytes: "The item's size in bytes; sums feed the size the manifest declares and the summary."
        case .tokens: "The item's size in tokens."
        case .url: "Where a crawled item was retrieved (absolute http or https)."
        case .domain: "The registrable domain (Public Suffix List); derived from url when absent."
        case .retrievedAt: "When the item was retrieved (the crawl period of the summary)."
        case .robotsTxt:
            "What robots.txt (RFC 9309) said for the crawler's user agent; unreachable means complete disallow (RFC 9309 §2.3.1.4)."
        case .tdmReservation: "W3C TDMRep tdm-reservation: true (1) reserves text and data mining rights."
        case .contentUsage: "The raw IETF AI-preferences value (train-ai=n; the older labels train-genai and bots are read too)."
        case .optoutSignals: "Opt-out signals found for the item: " + LedgerVocabulary.signals.joined(separator: ", ") + "."
        case .license: "SPDX licence expression of the item, or NOASSERTION."
        case .licenseAgreementID: "A licence agreement that covers the item despite a reservation."
        case .personalData: "Whether the item holds personal data."
        case .subjectRef: "A pseudonymous key of the data subject (never a raw identifier)."
        case .legalBasis: "The GDPR Art. 6(1) basis the processing of this item relies on."
        case .consentRecordID: "The consent record (receipt) the item's consent is documented in."
        case .consentStatus:
            "The consent state (W3C DPV): given, renewed, refused, withdrawn, revoked, expired, invalidated, requested, unknown."
        case .consentStatusAt: "When the consent state last changed."
        case .erasureRequestedAt: "When the data subject asked for erasure (GDPR Art. 17)."
        case .objectionAt: "When the data subject objected (GDPR Art. 21)."
        case .optouts:
            "Derived: every opt-out the row carries — optout_signals, plus robots_txt when robots.txt disallowed or was unreachable, tdmrep when tdm_reservation is true, aipref when content_usage says train-ai=n (or train-genai=n, bots=n)."
        }
    }
}

/// The closed vocabularies of ledger fields.
public enum LedgerVocabulary {
    public static let modality = ["text", "image", "audio", "video", "other"]
    public static let robotsTxt = ["allowed", "disallowed", "unavailable", "unreachable", "not_checked"]
    public static let legalBasis = [
        "consent", "contract", "legal_obligation", "vital_interests", "public_task", "legitimate_interests",
    ]
    public static let consentStatus = [
        "given", "renewed", "refused", "withdrawn", "revoked", "expired", "invalidated", "requested", "unknown",
    ]
    public static let signals = ["robots_txt", "tdmrep", "aipref", "ai_txt", "c2pa", "iptc", "noai_meta", "registry", "other"]

    /// Indices into `signals`.
    enum Signal: Int {
        case robotsTxt, tdmrep, aipref, aiTxt, c2pa, iptc, noaiMeta, registry, other
    }
}
