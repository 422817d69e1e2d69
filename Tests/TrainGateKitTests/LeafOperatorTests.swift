import Testing

@testable import TrainGateKit

/// Every operator's own worked examples, run through the parser and both evaluation paths: the
/// table entry is the operator, so its examples are its tests.
@Suite("Leaf operators: the examples in each entry")
struct LeafOperatorExampleTests {
    struct Example: Sendable, CustomTestStringConvertible {
        let op: String
        let example: LeafOperator.Example
        var testDescription: String { "\(op): \(example.field ?? "absent") vs \(example.operand) → \(example.holds)" }
    }

    static let examples = LeafOperator.all.flatMap { op in op.examples.map { Example(op: op.name, example: $0) } }

    @Test(arguments: examples)
    func holdsAsTheEntrySays(_ case: Example) throws {
        let subject = `case`.example.field.map { "{f: \($0)}" } ?? "{other: 1}"
        let result = try truth("{path: f, \(`case`.op): \(`case`.example.operand)}", on: subject, asOf: "2026-12-04")
        if `case`.example.holds {
            #expect(result == .pass)
        } else {
            #expect(result != .pass)
        }
    }

    @Test func everyOperatorHasExamplesThatPassAndFail() {
        #expect(LeafOperator.all.count == 15)
        for op in LeafOperator.all {
            #expect(op.examples.contains { $0.holds } && op.examples.contains { !$0.holds }, "\(op.name) needs an example each way")
        }
    }

    @Test func namesAreUniqueAndLookedUp() {
        #expect(Set(LeafOperator.all.map(\.name)).count == LeafOperator.all.count)
        for op in LeafOperator.all { #expect(LeafOperator.named(op.name) == op) }
        #expect(LeafOperator.named("equal") == nil)
    }
}
