import Testing

@testable import TrainGateKit

@Suite("YAML 1.2 core schema resolution")
struct ScalarResolverTests {
    /// (text as written, style, expected value). `nil` expects no value (an integer past 64 bits).
    static let table: [(String, ScalarStyle, ScalarValue?)] = [
        // Booleans: only true/false and their capitalised forms.
        ("true", .plain, .bool(true)), ("True", .plain, .bool(true)), ("TRUE", .plain, .bool(true)),
        ("false", .plain, .bool(false)), ("False", .plain, .bool(false)), ("FALSE", .plain, .bool(false)),
        ("tRUE", .plain, .string("tRUE")),
        // YAML 1.1 booleans stay strings: the Norway problem.
        ("NO", .plain, .string("NO")), ("no", .plain, .string("no")), ("No", .plain, .string("No")),
        ("yes", .plain, .string("yes")), ("Yes", .plain, .string("Yes")), ("y", .plain, .string("y")),
        ("n", .plain, .string("n")), ("on", .plain, .string("on")), ("off", .plain, .string("off")),
        ("OFF", .plain, .string("OFF")),
        // Quoted and block scalars are always strings.
        ("true", .doubleQuoted, .string("true")), ("false", .singleQuoted, .string("false")),
        ("null", .doubleQuoted, .string("null")), ("12", .singleQuoted, .string("12")),
        ("", .doubleQuoted, .string("")), ("1.5", .literal, .string("1.5")), ("~", .folded, .string("~")),
        // Null.
        ("null", .plain, .null), ("Null", .plain, .null), ("NULL", .plain, .null), ("~", .plain, .null),
        ("", .plain, .null), ("nULL", .plain, .string("nULL")),
        ("nul", .plain, .string("nul")), ("nulls", .plain, .string("nulls")), ("~~", .plain, .string("~~")),
        ("truex", .plain, .string("truex")), ("fals", .plain, .string("fals")), ("falsE", .plain, .string("falsE")),
        // Integers: decimal (leading zeros are still decimal), 0o octal, 0x hex.
        ("0", .plain, .int(0)), ("42", .plain, .int(42)), ("-17", .plain, .int(-17)), ("+12", .plain, .int(12)),
        ("017", .plain, .int(17)), ("0o17", .plain, .int(15)), ("0o0", .plain, .int(0)),
        ("0x1F", .plain, .int(31)), ("0xff", .plain, .int(255)),
        ("0o18", .plain, .string("0o18")), ("0xG1", .plain, .string("0xG1")), ("0b101", .plain, .string("0b101")),
        ("-0x1F", .plain, .string("-0x1F")), ("1_000", .plain, .string("1_000")),
        ("99999999999999999999", .plain, nil),
        // Floats.
        ("1.5", .plain, .float(1.5)), ("-2.25", .plain, .float(-2.25)), ("1.", .plain, .float(1)),
        (".5", .plain, .float(0.5)), ("1e3", .plain, .float(1000)), ("3.1e23", .plain, .float(3.1e23)),
        ("1E-2", .plain, .float(0.01)), ("+1.5e+3", .plain, .float(1500)),
        (".inf", .plain, .float(.infinity)), ("-.Inf", .plain, .float(-.infinity)), ("+.INF", .plain, .float(.infinity)),
        ("1e", .plain, .string("1e")), (".", .plain, .string(".")), ("1.2.3", .plain, .string("1.2.3")),
        ("e3", .plain, .string("e3")), ("inf", .plain, .string("inf")), ("NaN", .plain, .string("NaN")),
        // Everything else is a string: sexagesimal, dates, versions, codes.
        ("1:20", .plain, .string("1:20")), ("190:20:30", .plain, .string("190:20:30")),
        ("2025-06-01", .plain, .string("2025-06-01")), ("2001-12-14t21:59:43.10-05:00", .plain, .string("2001-12-14t21:59:43.10-05:00")),
        ("CC-BY-4.0", .plain, .string("CC-BY-4.0")), ("DE", .plain, .string("DE")),
    ]

    @Test("values are shown cut at 80 characters, not bytes")
    func valuesAreCutAtEightyCharacters() throws {
        let accented = String(repeating: "é", count: 80)  // 160 bytes, 80 characters
        let root = try DocumentLoader.parseYAML(
            Array("a: \(accented)\nb: \(accented)é\nc: \(String(repeating: "x", count: 81))\n".utf8), file: "v.yaml")
        #expect(ValueText.render(root["a"]!) == accented)
        #expect(ValueText.render(root["b"]!) == accented + "…")
        #expect(ValueText.render(root["c"]!) == String(repeating: "x", count: 80) + "…")
    }

    @Test("resolves", arguments: table)
    func resolves(_ text: String, _ style: ScalarStyle, _ expected: ScalarValue?) {
        #expect(ScalarResolver.resolve(Scalar(text, style: style)) == expected)
    }

    @Test("NaN is a float that is not equal to itself")
    func nan() {
        for text in [".nan", ".NaN", ".NAN"] {
            guard case .float(let value)? = ScalarResolver.resolve(Scalar(text)) else {
                Issue.record("\(text) did not resolve to a float")
                continue
            }
            #expect(value.isNaN)
        }
    }

    @Test("explicit core tags override the plain resolution")
    func tags() throws {
        let root = try DocumentLoader.parseYAML(
            """
            a: !!str true
            b: !!float 3
            c: ! 12
            d: !!null ""
            e: !!bool TRUE
            """.bytes, file: "t.yaml")
        #expect(root["a"]?.value == .string("true"))
        #expect(root["b"]?.value == .float(3))
        #expect(root["c"]?.value == .string("12"))
        #expect(root["d"]?.value == .null)
        #expect(root["e"]?.value == .bool(true))
    }

    @Test("the Norway problem in a real document: country codes stay strings")
    func norway() throws {
        let root = try DocumentLoader.parseYAML("countries: [NO, SE, DK]\nonline: on\n".bytes, file: "t.yaml")
        #expect(root["countries"]?.sequence?.map(\.value) == [.string("NO"), .string("SE"), .string("DK")])
        #expect(
            throws: DocumentError.typeMismatch(
                Location(file: "t.yaml", line: 2, column: 9),
                expected: "a boolean (true or false)", found: "string 'on'")
        ) {
            try root["online"]!.bool()
        }
    }
}
