/// Hugging Face Hub licence keys (`license:` in card metadata, also found in Croissant and
/// CycloneDX files made from Hub repositories) and the SPDX ids they stand for.
///
/// Source: huggingface/hub-docs `docs/hub/repositories-licenses.md` @ 008d54d08fd9d5d05ed2840bebb0b61111326a15.
/// The keys the Hub added after that commit (`eupl-1.2`, `h-research`, `intel-research`, `apple-ascl`,
/// `apple-amlr`, `openmdw-1.0`, `fair-noncommercial-research-license`, `llama3`, `llama3.1`, `llama3.2`,
/// `llama3.3`, `llama4`, `grok2-community`) are taken from the same table as published at
/// https://huggingface.co/docs/hub/repositories-licenses, in its order.
/// Keys without an SPDX equivalent (licence families, model licences SPDX does not list,
/// `other`, `unknown`) map to nil.
///
/// SPDX ids were checked against SPDX License List 3.27.0, and `OpenMDW-1.0` against 3.28.0, where it was added.
///
/// The GPL family: the Hub keys `gpl-2.0`, `gpl-3.0`, `lgpl-2.1`, `lgpl-3.0` and `agpl-3.0` name a version
/// but not whether later versions are allowed. SPDX deprecated the bare ids (`GPL-3.0` and the like), so
/// they map to the `-only` ids, the reading that claims no more than the key says.
enum HubLicenses {
    /// The SPDX id for a Hub key, compared case-insensitively; nil when the key has none or is not a Hub key.
    static func spdx(forHubKey key: String) -> String? {
        spdxByHubKey[key.lowercased()]
    }

    /// Every Hub licence key, lower case as the Hub writes them, with its SPDX id or nil, in the docs' order.
    static let table: [(hub: String, spdx: String?)] = [
        (hub: "apache-2.0", spdx: "Apache-2.0"),
        (hub: "mit", spdx: "MIT"),
        (hub: "openrail", spdx: nil),  // licence family
        (hub: "bigscience-openrail-m", spdx: nil),  // not listed (SPDX request license-list-XML#1622 declined)
        (hub: "creativeml-openrail-m", spdx: nil),  // not on the SPDX list
        (hub: "bigscience-bloom-rail-1.0", spdx: nil),  // not on the SPDX list
        (hub: "bigcode-openrail-m", spdx: nil),  // not on the SPDX list
        (hub: "afl-3.0", spdx: "AFL-3.0"),
        (hub: "artistic-2.0", spdx: "Artistic-2.0"),
        (hub: "bsl-1.0", spdx: "BSL-1.0"),
        (hub: "bsd", spdx: nil),  // licence family
        (hub: "bsd-2-clause", spdx: "BSD-2-Clause"),
        (hub: "bsd-3-clause", spdx: "BSD-3-Clause"),
        (hub: "bsd-3-clause-clear", spdx: "BSD-3-Clause-Clear"),
        (hub: "c-uda", spdx: "C-UDA-1.0"),  // Computational Use of Data Agreement
        (hub: "cc", spdx: nil),  // licence family
        (hub: "cc0-1.0", spdx: "CC0-1.0"),
        (hub: "cc-by-2.0", spdx: "CC-BY-2.0"),
        (hub: "cc-by-2.5", spdx: "CC-BY-2.5"),
        (hub: "cc-by-3.0", spdx: "CC-BY-3.0"),
        (hub: "cc-by-4.0", spdx: "CC-BY-4.0"),
        (hub: "cc-by-sa-3.0", spdx: "CC-BY-SA-3.0"),
        (hub: "cc-by-sa-4.0", spdx: "CC-BY-SA-4.0"),
        (hub: "cc-by-nc-2.0", spdx: "CC-BY-NC-2.0"),
        (hub: "cc-by-nc-3.0", spdx: "CC-BY-NC-3.0"),
        (hub: "cc-by-nc-4.0", spdx: "CC-BY-NC-4.0"),
        (hub: "cc-by-nd-4.0", spdx: "CC-BY-ND-4.0"),
        (hub: "cc-by-nc-nd-3.0", spdx: "CC-BY-NC-ND-3.0"),
        (hub: "cc-by-nc-nd-4.0", spdx: "CC-BY-NC-ND-4.0"),
        (hub: "cc-by-nc-sa-2.0", spdx: "CC-BY-NC-SA-2.0"),
        (hub: "cc-by-nc-sa-3.0", spdx: "CC-BY-NC-SA-3.0"),
        (hub: "cc-by-nc-sa-4.0", spdx: "CC-BY-NC-SA-4.0"),
        (hub: "cdla-sharing-1.0", spdx: "CDLA-Sharing-1.0"),
        (hub: "cdla-permissive-1.0", spdx: "CDLA-Permissive-1.0"),
        (hub: "cdla-permissive-2.0", spdx: "CDLA-Permissive-2.0"),
        (hub: "wtfpl", spdx: "WTFPL"),
        (hub: "ecl-2.0", spdx: "ECL-2.0"),
        (hub: "epl-1.0", spdx: "EPL-1.0"),
        (hub: "epl-2.0", spdx: "EPL-2.0"),
        (hub: "etalab-2.0", spdx: "etalab-2.0"),  // SPDX spells this id in lower case
        (hub: "eupl-1.1", spdx: "EUPL-1.1"),
        (hub: "eupl-1.2", spdx: "EUPL-1.2"),
        (hub: "agpl-3.0", spdx: "AGPL-3.0-only"),  // version only: see the note on the GPL family above
        (hub: "gfdl", spdx: nil),  // licence family
        (hub: "gpl", spdx: nil),  // licence family
        (hub: "gpl-2.0", spdx: "GPL-2.0-only"),  // see the note on the GPL family above
        (hub: "gpl-3.0", spdx: "GPL-3.0-only"),  // see the note on the GPL family above
        (hub: "lgpl", spdx: nil),  // licence family
        (hub: "lgpl-2.1", spdx: "LGPL-2.1-only"),  // see the note on the GPL family above
        (hub: "lgpl-3.0", spdx: "LGPL-3.0-only"),  // see the note on the GPL family above
        (hub: "isc", spdx: "ISC"),
        (hub: "h-research", spdx: nil),  // not on the SPDX list
        (hub: "intel-research", spdx: nil),  // not on the SPDX list (SPDX `Intel` is a different licence)
        (hub: "lppl-1.3c", spdx: "LPPL-1.3c"),
        (hub: "ms-pl", spdx: "MS-PL"),
        (hub: "apple-ascl", spdx: nil),  // SPDX `AML` is the 2006 "Apple Computer, Inc." text only
        (hub: "apple-amlr", spdx: nil),  // not on the SPDX list
        (hub: "mpl-2.0", spdx: "MPL-2.0"),
        (hub: "odc-by", spdx: "ODC-By-1.0"),  // a "family" on the Hub, but 1.0 is the only version
        (hub: "odbl", spdx: "ODbL-1.0"),  // a "family" on the Hub, but 1.0 is the only version
        (hub: "openmdw-1.0", spdx: "OpenMDW-1.0"),  // on the SPDX list since 3.28.0
        (hub: "openrail++", spdx: nil),  // not on the SPDX list
        (hub: "osl-3.0", spdx: "OSL-3.0"),
        (hub: "postgresql", spdx: "PostgreSQL"),
        (hub: "ofl-1.1", spdx: "OFL-1.1"),
        (hub: "ncsa", spdx: "NCSA"),
        (hub: "unlicense", spdx: "Unlicense"),
        (hub: "zlib", spdx: "Zlib"),
        (hub: "pddl", spdx: "PDDL-1.0"),
        (hub: "lgpl-lr", spdx: "LGPLLR"),  // SPDX writes it without a hyphen
        (hub: "deepfloyd-if-license", spdx: nil),  // not on the SPDX list
        (hub: "fair-noncommercial-research-license", spdx: nil),  // not listed (SPDX `Fair` is another licence)
        (hub: "llama2", spdx: nil),  // not on the SPDX list
        (hub: "llama3", spdx: nil),  // not on the SPDX list
        (hub: "llama3.1", spdx: nil),  // not on the SPDX list
        (hub: "llama3.2", spdx: nil),  // not on the SPDX list
        (hub: "llama3.3", spdx: nil),  // not on the SPDX list
        (hub: "llama4", spdx: nil),  // not on the SPDX list
        (hub: "grok2-community", spdx: nil),  // not on the SPDX list
        (hub: "gemma", spdx: nil),  // not on the SPDX list
        (hub: "unknown", spdx: nil),  // no licence stated
        (hub: "other", spdx: nil),  // named in `license_name` / `license_link` instead
    ]

    /// The SPDX id of each Hub key that has one, keyed by the lower-cased Hub key.
    private static let spdxByHubKey: [String: String] = Dictionary(
        table.compactMap { entry in entry.spdx.map { (entry.hub.lowercased(), $0) } },
        uniquingKeysWith: { first, _ in first }
    )
}
