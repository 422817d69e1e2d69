import Foundation
import Testing

@testable import TrainGateKit

/// Licence text read in every form it is written in.
@Suite("Licence text")
struct LicenceTextTests {
    @Test func licencesAreReadInEveryForm() {
        let at = Location(file: "x", line: 1, column: 1)
        func spdx(_ text: String) -> String? { LicenceText.fields(text, at: at).first { $0.0 == "spdx" }?.1.scalar?.text }
        #expect(spdx("cc0-1.0") == "CC0-1.0")
        #expect(spdx("apache-2.0") == "Apache-2.0")
        #expect(spdx("MIT") == "MIT")
        #expect(spdx("https://spdx.org/licenses/MIT.html") == "MIT")
        #expect(spdx("https://creativecommons.org/licenses/by/4.0/") == "CC-BY-4.0")
        #expect(spdx("https://choosealicense.com/licenses/odc-by/") == "ODC-By-1.0")
        #expect(spdx("MIT OR Apache-2.0") == "MIT OR Apache-2.0")
        #expect(spdx("other") == nil)
        #expect(spdx("unknown") == nil)
        #expect(spdx("llama2") == nil)
        #expect(spdx("Proprietary, ask us") == nil)
        #expect(LicenceText.fields("https://example.org/terms", at: at).map(\.0) == ["url"])
        #expect(spdx("see LICENSE OR ask") == nil)
        #expect(spdx("Proprietary-v2") == nil)
        #expect(spdx("TODO-1") == nil)
        #expect(spdx("https://spdx.org/licenses/index.html") == nil)
        #expect(LicenceText.spdx("NOASSERTION", trusted: true) == nil)
        #expect(
            LicenceText.spdx("GPL-2.0-or-later WITH Classpath-exception-2.0", trusted: true)
                == "GPL-2.0-or-later WITH Classpath-exception-2.0")
        #expect(spdx("LicenseRef-Acme-1") == "LicenseRef-Acme-1")
        #expect(spdx("0bsd") == "0BSD")
        #expect(spdx("(mit OR apache-2.0) and cc-by-4.0") == "(MIT OR Apache-2.0) AND CC-BY-4.0")
        #expect(spdx("GPL-2.0-or-later with classpath-exception-2.0") == "GPL-2.0-or-later WITH Classpath-exception-2.0")
        #expect(spdx("MIT AND") == nil)
        #expect(spdx("AND MIT") == nil)
        #expect(spdx("MIT Apache-2.0") == nil)
        #expect(spdx("https://spdx.org/licenses/BSD-2-Clause-Patent.html") == "BSD-2-Clause-Patent")
    }
}
