import Testing

@testable import TrainGateKit

/// `terminalSafe` judges most text from its bytes; the judgement must be the scalar rule's.
@Suite("Terminal-safe text")
struct VisibleTextTests {
    /// The scalars a terminal line must not carry as they are: C0 and C1 controls, DEL, the
    /// bidirectional marks, overrides and isolates, and the line and paragraph separators.
    private func unsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029, 0x200E, 0x200F, 0x061C: true
        default: false
        }
    }

    @Test func everyScalarIsJudgedAsTheRuleSays() {
        var wrong: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            // Alone, and between other text (ASCII before, a multi-byte scalar after).
            for text in [String(Character(scalar)), "a\(Character(scalar))é"] {
                let safe = text.utf8.withContiguousStorageIfAvailable(String.holdsNoUnsafeScalar)
                if safe != !unsafe(scalar) { wrong.append(value) }
            }
        }
        #expect(wrong.isEmpty, "judged wrongly: \(wrong.prefix(20).map { String($0, radix: 16) })")
    }

    @Test func unsafeScalarsAreEscapedAndSafeTextIsKept() {
        #expect("plain text · with – marks ✓".terminalSafe == "plain text · with – marks ✓")
        #expect("a\u{1B}[31mb".terminalSafe == "a\\u{1b}[31mb")
        #expect("x\u{85}y\u{202E}z\u{2029}".terminalSafe == "x\\u{85}y\\u{202e}z\\u{2029}")
        #expect("\u{61C}\u{200E}\u{2066}".terminalSafe == "\\u{61c}\\u{200e}\\u{2066}")
        #expect("line\nnext".terminalSafe == "line\\u{a}next")
    }
}
