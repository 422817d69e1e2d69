#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Record conditions flattened into plain nodes in one buffer, so judging a row touches no
/// reference counts: each node is a trivial value, children are indices, and only tests that hold
/// a list of texts, digests or a pattern go through their `RecordTest`. Same meaning as
/// `RecordCondition.evaluate`, which the tests compare it with.
final class RecordProgram: @unchecked Sendable {
    enum Op: UInt8 {
        case constant, all, any, not, test, slow
    }

    struct Node {
        var op: Op
        var truth: Truth = .pass
        var field: Int = 0
        var test: FastTest = .none
        var first: Int32 = 0
        var count: Int32 = 0
        var bits: UInt64 = 0
        var number: Int64 = 0
        var bound: Double = 0
        var other: Int = 0
        var slow: Int32 = 0
    }

    /// The tests that need no payload.
    enum FastTest: UInt8 {
        case none, exists, notExists, bitsIn, bitsNotIn, min, max, before, after, beforeToday, afterToday
        case beforeField, afterField, equalsField, notEqualsField, nonempty, hasAllSignals, onlySignals
    }

    private(set) var roots: [Int32] = []
    private var nodes: [Node] = []
    private var kids: [Int32] = []
    private var slowTests: [(LedgerField, RecordTest)] = []
    private(set) var nodePointer: UnsafeMutablePointer<Node>
    private(set) var kidPointer: UnsafeMutablePointer<Int32>

    /// Per rule: the root of its `when` (-1 for none) and of its `require`, and the source id
    /// rows must carry, all in buffers the program owns (read without reference counting).
    private(set) var whenRoots: UnsafeMutablePointer<Int32>
    private(set) var requireRoots: UnsafeMutablePointer<Int32>
    private(set) var ruleCount = 0
    let sourceID: UnsafeMutablePointer<UInt8>
    let sourceIDCount: Int

    /// Flattens the rules' conditions.
    convenience init(rules: [(when: RecordCondition?, require: RecordCondition)], sourceID: String) {
        self.init(rules.compactMap(\.when) + rules.map(\.require), sourceID: sourceID)
        ruleCount = rules.count
        whenRoots.deallocate()
        requireRoots.deallocate()
        whenRoots = .allocate(capacity: max(rules.count, 1))
        requireRoots = .allocate(capacity: max(rules.count, 1))
        var next = 0
        let whens = rules.filter { $0.when != nil }.count
        for (index, rule) in rules.enumerated() {
            if rule.when != nil {
                whenRoots[index] = roots[next]
                next += 1
            } else {
                whenRoots[index] = -1
            }
            requireRoots[index] = roots[whens + index]
        }
    }

    /// Flattens `conditions`; `roots[i]` is the root of `conditions[i]`.
    init(_ conditions: [RecordCondition], sourceID: String = "") {
        whenRoots = .allocate(capacity: 1)
        requireRoots = .allocate(capacity: 1)
        let id = Array(sourceID.utf8)
        self.sourceID = .allocate(capacity: max(id.count, 1))
        self.sourceID.initialize(from: id, count: id.count)
        sourceIDCount = id.count
        nodePointer = .allocate(capacity: 1)
        kidPointer = .allocate(capacity: 1)
        for condition in conditions { roots.append(add(condition)) }
        nodePointer.deallocate()
        kidPointer.deallocate()
        nodePointer = .allocate(capacity: max(nodes.count, 1))
        nodePointer.initialize(from: nodes, count: nodes.count)
        kidPointer = .allocate(capacity: max(kids.count, 1))
        kidPointer.initialize(from: kids, count: kids.count)
    }

    deinit {
        nodePointer.deallocate()
        kidPointer.deallocate()
        whenRoots.deallocate()
        requireRoots.deallocate()
        sourceID.deallocate()
    }

    /// Whether `bytes` is the source id.
    @inline(__always)
    func isSourceID(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count == sourceIDCount && (sourceIDCount == 0 || LedgerValues.bytesEqual(bytes.baseAddress!, sourceID, sourceIDCount))
    }

    private func add(_ condition: RecordCondition) -> Int32 {
        let index = Int32(nodes.count)
        switch condition {
        case .constant(let truth):
            nodes.append(Node(op: .constant, truth: truth))
        case .not(let inner):
            nodes.append(Node(op: .not))
            let child = add(inner)
            nodes[Int(index)].first = Int32(kids.count)
            nodes[Int(index)].count = 1
            kids.append(child)
        case .all(let parts), .any(let parts):
            nodes.append(Node(op: { if case .all = condition { return .all } else { return .any } }()))
            let children = parts.map(add)
            nodes[Int(index)].first = Int32(kids.count)
            nodes[Int(index)].count = Int32(children.count)
            kids += children
        case .test(let field, let test):
            nodes.append(Self.node(field, test) ?? slowNode(field, test))
        }
        return index
    }

    private func slowNode(_ field: LedgerField, _ test: RecordTest) -> Node {
        slowTests.append((field, test))
        return Node(op: .slow, field: field.rawValue, slow: Int32(slowTests.count - 1))
    }

    private static func node(_ field: LedgerField, _ test: RecordTest) -> Node? {
        var node = Node(op: .test, field: field.rawValue)
        switch test {
        case .exists(let wanted): node.test = wanted ? .exists : .notExists
        case .bitsIn(let bits): (node.test, node.bits) = (.bitsIn, bits)
        case .bitsNotIn(let bits): (node.test, node.bits) = (.bitsNotIn, bits)
        case .min(let bound): (node.test, node.bound) = (.min, bound)
        case .max(let bound): (node.test, node.bound) = (.max, bound)
        case .before(let day): if let day { (node.test, node.number) = (.before, day) } else { node.test = .beforeToday }
        case .after(let day): if let day { (node.test, node.number) = (.after, day) } else { node.test = .afterToday }
        case .beforeField(let other): (node.test, node.other) = (.beforeField, other.rawValue)
        case .afterField(let other): (node.test, node.other) = (.afterField, other.rawValue)
        case .equalsField(let other) where other.tag != .text: (node.test, node.other) = (.equalsField, other.rawValue)
        case .notEqualsField(let other) where other.tag != .text: (node.test, node.other) = (.notEqualsField, other.rawValue)
        case .nonempty where field.tag == .signals: (node.test, node.bits) = (.nonempty, 0)
        case .hasAllSignals(let bits): (node.test, node.number) = (.hasAllSignals, bits)
        case .onlySignals(let bits): (node.test, node.number) = (.onlySignals, bits)
        default: return nil
        }
        return node
    }

    /// The truth of root `root` on `row`.
    func evaluate(_ root: Int32, _ row: borrowing LedgerRow, asOfDay: Int64) -> Truth {
        evaluate(node: Int(root), row, asOfDay)
    }

    private func evaluate(node index: Int, _ row: borrowing LedgerRow, _ asOfDay: Int64) -> Truth {
        let node = nodePointer[index]
        switch node.op {
        case .constant: return node.truth
        case .all, .any:
            let decisive: Truth = node.op == .all ? .violation : .pass
            var missing = false
            for offset in 0..<Int(node.count) {
                let truth = evaluate(node: Int(kidPointer[Int(node.first) + offset]), row, asOfDay)
                if truth == decisive { return truth }
                if truth == .missing { missing = true }
            }
            return missing ? .missing : (node.op == .all ? .pass : .violation)
        case .not:
            switch evaluate(node: Int(kidPointer[Int(node.first)]), row, asOfDay) {
            case .pass: return .violation
            case .violation: return .pass
            case .missing: return .missing
            }
        case .slow:
            let (field, test) = slowTests[Int(node.slow)]
            if case .exists(let wanted) = test { return row.has(field) == wanted ? .pass : .violation }
            guard row.has(field) else { return .missing }
            return test.holds(row, field, asOfDay: asOfDay) ? .pass : .violation
        case .test:
            let present = row.present & (1 << UInt32(node.field)) != 0
            switch node.test {
            case .exists: return present ? .pass : .violation
            case .notExists: return present ? .violation : .pass
            default: break
            }
            guard present else { return .missing }
            let value = row.numbers[node.field]
            let holds: Bool
            switch node.test {
            case .none, .exists, .notExists: holds = false
            case .bitsIn: holds = node.bits & (1 << UInt64(truncatingIfNeeded: value)) != 0
            case .bitsNotIn: holds = node.bits & (1 << UInt64(truncatingIfNeeded: value)) == 0
            case .min: holds = Double(value) >= node.bound
            case .max: holds = Double(value) <= node.bound
            case .before: holds = value < node.number
            case .after: holds = value > node.number
            case .beforeToday: holds = value < asOfDay
            case .afterToday: holds = value > asOfDay
            case .beforeField: holds = row.present & (1 << UInt32(node.other)) != 0 && value < row.numbers[node.other]
            case .afterField: holds = row.present & (1 << UInt32(node.other)) != 0 && value > row.numbers[node.other]
            case .equalsField: holds = row.present & (1 << UInt32(node.other)) != 0 && value == row.numbers[node.other]
            case .notEqualsField: holds = row.present & (1 << UInt32(node.other)) != 0 && value != row.numbers[node.other]
            case .nonempty: holds = value != 0
            case .hasAllSignals: holds = value & node.number == node.number
            case .onlySignals: holds = value & ~node.number == 0
            }
            return holds ? .pass : .violation
        }
    }
}
