import Testing

@testable import TrainGateKit

@Suite("Typed accessors")
struct AccessorTests {
    let root: Node

    init() throws {
        root = try DocumentLoader.parseYAML(
            """
            version: 1.10
            flag: true
            quoted_flag: "true"
            count: 0x10
            huge: 99999999999999999999
            ratio: 3.1e23
            whole: 7
            nothing: ~
            when: 2025-06-01
            month: 2025-06
            year: 2025
            leap: 2024-02-29
            not_leap: 2025-02-29
            slash: 2025/06/01
            timestamp: 2025-06-01T10:00:00Z
            list: [a]
            """.bytes, file: "m.yaml")
    }

    func at(_ line: Int, _ column: Int) -> Location { Location(file: "m.yaml", line: line, column: column) }

    @Test func stringsKeepTheSourceText() throws {
        #expect(try root["version"]!.string() == "1.10")
        #expect(try root["flag"]!.string() == "true")
        #expect(throws: DocumentError.typeMismatch(at(8, 10), expected: "a string", found: "null")) {
            try root["nothing"]!.string()
        }
        #expect(throws: DocumentError.typeMismatch(at(16, 7), expected: "a string", found: "a sequence")) {
            try root["list"]!.string()
        }
    }

    @Test func booleans() throws {
        #expect(try root["flag"]!.bool() == true)
        #expect(throws: DocumentError.typeMismatch(at(3, 14), expected: "a boolean (true or false)", found: "string 'true'")) {
            try root["quoted_flag"]!.bool()
        }
    }

    @Test func integersAndNumbers() throws {
        #expect(try root["count"]!.int() == 16)
        #expect(try root["whole"]!.double() == 7)
        #expect(try root["ratio"]!.double() == 3.1e23)
        #expect(throws: DocumentError.invalidValue(at(5, 7), reason: "integer '99999999999999999999' does not fit in 64 bits")) {
            try root["huge"]!.int()
        }
        #expect(try root["huge"]!.double() == 1e20)
        #expect(throws: DocumentError.typeMismatch(at(6, 8), expected: "an integer", found: "number '3.1e23'")) {
            try root["ratio"]!.int()
        }
    }

    @Test func dates() throws {
        #expect(try root["when"]!.date() == ISODate(year: 2025, month: 6, day: 1))
        #expect(try root["month"]!.date() == ISODate(year: 2025, month: 6))
        #expect(try root["year"]!.date() == ISODate(year: 2025))
        #expect(try root["leap"]!.date() == ISODate(year: 2024, month: 2, day: 29))
        for (key, line) in [("not_leap", 13), ("slash", 14), ("timestamp", 15)] {
            let text = try root[key]!.string()
            #expect(
                throws: DocumentError.invalidValue(
                    at(line, key.count + 3),
                    reason: "'\(text)' is not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)")
            ) {
                try root[key]!.date()
            }
        }
    }

    @Test func partialDatesCoverTheirPeriod() throws {
        let month = ISODate(year: 2024, month: 2)!
        #expect(month.lowerBound == ISODate(year: 2024, month: 2, day: 1))
        #expect(month.upperBound == ISODate(year: 2024, month: 2, day: 29))
        #expect(ISODate(year: 2025)!.upperBound.description == "2025-12-31")
        #expect(ISODate(year: 2025)! < ISODate(year: 2025, month: 1)!)
        #expect(ISODate(year: 2025, month: 1, day: 31)! < ISODate(year: 2025, month: 2)!)
        #expect(ISODate(parsing: "2025-00") == nil)
        #expect(ISODate(parsing: "2025-6-1") == nil)
        #expect(ISODate(parsing: "0000") == nil)
    }

    /// The byte parser reads exactly what splitting on "-" and checking each part's width and
    /// digits reads: every string of up to ten characters from an alphabet that covers its cases
    /// (sampled), and the edge cases written out.
    @Test func datesParseAsTheirPartsSay() {
        func reference(_ text: String) -> ISODate? {
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            guard (1...3).contains(parts.count) else { return nil }
            var numbers: [Int] = []
            for (part, width) in zip(parts, [4, 2, 2]) {
                guard part.utf8.count == width, part.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let number = Int(part) else {
                    return nil
                }
                numbers.append(number)
            }
            return ISODate(year: numbers[0], month: numbers.count > 1 ? numbers[1] : nil, day: numbers.count > 2 ? numbers[2] : nil)
        }
        let written = [
            "", "-", "2025", "2025-", "-2025", "2025-06", "2025-06-30", "2025-06-31", "2024-02-29", "2025-02-29", "2025-06-30-",
            "2025-06-30-01", "20250", "202", "2025--06", "2025-6", "2025-06-3", "２０２５", "2025-06-30T00", "9999-12-31", "0001-01-01",
            "0000-01-01", "2025-13", "2025-00-01", "2025-01-00", "+025", " 2025",
        ]
        var generator = SystemRandomNumberGenerator()
        let alphabet: [Character] = ["0", "1", "2", "3", "9", "-", "x"]
        var sampled: [String] = []
        for _ in 0..<100_000 {
            let length = Int.random(in: 0...10, using: &generator)
            sampled.append(String((0..<length).map { _ in alphabet.randomElement(using: &generator)! }))
        }
        let differing = (written + sampled).filter { ISODate(parsing: $0) != reference($0) }
        #expect(differing.isEmpty, "\(differing.prefix(5))")
        #expect(ISODate(parsing: "2025-06-30") == ISODate(year: 2025, month: 6, day: 30))
    }

    @Test func errorsPrintCompilerStyle() {
        let error = DocumentError.duplicateKey("lawful_basis", at(12, 5), first: at(9, 5))
        #expect(error.description == "m.yaml:12:5: error: duplicate key 'lawful_basis' (first defined at 9:5)")
        #expect(DocumentError.emptyFile(path: "e.yaml").description == "e.yaml: error: file is empty")
    }
}
