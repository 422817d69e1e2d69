/// The results of leaves that several rules test on the same subject — `personal_data.present:
/// true` is in the `when` of most GDPR rules — kept for the subject being checked, so each is
/// evaluated once per subject instead of once per rule. Only the fast path uses it; explaining
/// evaluates every leaf anew.
///
/// `share` gives such leaves a slot: every leaf tested on the subject itself (in `when`,
/// `require` or a transitional `when`, outside any quantifier) whose path, operator and operand
/// are the same as another's becomes one leaf object with a slot. Leaves inside quantifiers are
/// tested on list items, so they keep no slot.
final class LeafMemo {
    private var truths: [UInt8]

    init(slots: Int) { truths = Array(repeating: 0, count: slots) }

    subscript(slot: Int) -> Truth? {
        get {
            switch truths[slot] {
            case 1: return .pass
            case 2: return .violation
            case 3: return .missing
            default: return nil
            }
        }
        set {
            switch newValue {
            case .pass?: truths[slot] = 1
            case .violation?: truths[slot] = 2
            case .missing?: truths[slot] = 3
            case nil: truths[slot] = 0
            }
        }
    }

    /// Forgets every result, for the next subject.
    func reset() {
        truths.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
    }

    /// Rewrites `conditions` so that equal leaves tested on the subject are one slotted leaf;
    /// returns them in order, with the number of slots.
    static func share(_ conditions: [Condition]) -> (conditions: [Condition], slots: Int) {
        var uses: [Key: Int] = [:]
        func count(_ condition: Condition) {
            switch condition {
            case .leaf(let leaf): if let key = Key(leaf) { uses[key, default: 0] += 1 }
            case .all(let parts, _), .any(let parts, _): parts.forEach(count)
            case .not(let inner, _): count(inner)
            case .each, .some, .none, .count: break
            }
        }
        conditions.forEach(count)
        var shared: [Key: Leaf] = [:]
        func rewrite(_ condition: Condition) -> Condition {
            switch condition {
            case .leaf(let leaf):
                guard let key = Key(leaf), uses[key, default: 0] > 1 else { return condition }
                if let one = shared[key] { return .leaf(one) }
                let one = Leaf(path: leaf.path, op: leaf.op, operand: leaf.operand, location: leaf.location, slot: shared.count)
                shared[key] = one
                return .leaf(one)
            case .all(let parts, let location): return .all(parts.map(rewrite), location)
            case .any(let parts, let location): return .any(parts.map(rewrite), location)
            case .not(let inner, let location): return .not(rewrite(inner), location)
            case .each, .some, .none, .count: return condition
            }
        }
        let rewritten = conditions.map(rewrite)
        return (rewritten, shared.count)
    }

    /// What decides a leaf's result on a subject: its path, operator and operand (a literal by
    /// the type of its core-schema values and their text: within a type the value follows from
    /// the text, and date operators read the text itself). Nil for what is not compared that
    /// way (day windows, mappings, text that does not fit its tag): such leaves are never shared.
    struct Key: Hashable {
        enum Operand: Hashable {
            case literal([Literal])
            case path(String)
            case today
            case pattern(String)
        }
        struct Literal: Hashable {
            var type: UInt8
            var text: String
            /// Whether it is a list item, not the scalar itself.
            var item: Bool
        }

        var path: String
        var op: String
        var operand: Operand

        init?(_ leaf: Leaf) {
            path = leaf.path.description
            op = leaf.op.name
            switch leaf.operand {
            case .literal(let node):
                var literals: [Literal] = []
                switch node.content {
                case .scalar:
                    guard let literal = Self.literal(node, item: false) else { return nil }
                    literals = [literal]
                case .sequence(let items):
                    for item in items {
                        guard let literal = Self.literal(item, item: true) else { return nil }
                        literals.append(literal)
                    }
                case .mapping: return nil
                }
                operand = .literal(literals)
            case .path(let other): operand = .path(other.description)
            case .today: operand = .today
            case .pattern(let pattern): operand = .pattern(pattern.source)
            case .window: return nil
            }
        }

        private static func literal(_ node: Node, item: Bool) -> Literal? {
            guard case .scalar(let scalar) = node.content else { return nil }
            let type: UInt8
            switch node.value {
            case nil: return nil
            case .null?: type = 0
            case .bool?: type = 1
            case .int?: type = 2
            case .float?: type = 3
            case .string?: type = 4
            }
            return Literal(type: type, text: scalar.text, item: item)
        }
    }
}
