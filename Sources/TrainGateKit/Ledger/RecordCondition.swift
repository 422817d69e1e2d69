/// A record rule's condition compiled for rows: the same language and the same three-valued
/// logic as every rule (`Evaluator`), over a row's typed fields instead of a YAML node, so a
/// ledger of millions of rows is judged without building a node per row. Leaves on `$source`,
/// `$dataset`, `$model` and `$datasets` do not depend on the row: they are decided once per
/// source, when the condition is compiled for it.
indirect enum RecordCondition: Sendable {
    case constant(Truth)
    case test(LedgerField, RecordTest)
    case all([RecordCondition])
    case any([RecordCondition])
    case not(RecordCondition)

    func evaluate(_ row: LedgerRow, asOfDay: Int64) -> Truth {
        switch self {
        case .constant(let truth): return truth
        case .test(let field, let test):
            if case .exists(let wanted) = test { return row.has(field) == wanted ? .pass : .violation }
            guard row.has(field) else { return .missing }
            return test.holds(row, field, asOfDay: asOfDay) ? .pass : .violation
        case .all(let parts):
            var missing = false
            for part in parts {
                switch part.evaluate(row, asOfDay: asOfDay) {
                case .violation: return .violation
                case .missing: missing = true
                case .pass: break
                }
            }
            return missing ? .missing : .pass
        case .any(let parts):
            var missing = false
            for part in parts {
                switch part.evaluate(row, asOfDay: asOfDay) {
                case .pass: return .pass
                case .missing: missing = true
                case .violation: break
                }
            }
            return missing ? .missing : .violation
        case .not(let inner):
            switch inner.evaluate(row, asOfDay: asOfDay) {
            case .pass: return .violation
            case .violation: return .pass
            case .missing: return .missing
            }
        }
    }
}

/// One leaf test on a declared field.
enum RecordTest: Sendable {
    case exists(Bool)
    /// The field's number (count, boolean, vocabulary index, day, signal bits) equals one of these.
    case numberIn(Set<Int64>)
    case numberNotIn(Set<Int64>)
    /// The field's number (a vocabulary index or a boolean, below 64) is / is not a set bit.
    case bitsIn(UInt64)
    case bitsNotIn(UInt64)
    case textIn([[UInt8]])
    case textNotIn([[UInt8]])
    case digestIn(Set<Digest>)
    case digestNotIn(Set<Digest>)
    case min(Double)
    case max(Double)
    /// Day strictly before / after a fixed day (the as-of date for `today`: nil).
    case before(Int64?)
    case after(Int64?)
    /// Day compared with another field's day (missing other → the test fails).
    case beforeField(LedgerField)
    case afterField(LedgerField)
    case equalsField(LedgerField)
    case notEqualsField(LedgerField)
    case nonempty
    /// Signals: all of these bits set (`contains`, `superset_of`) / no bit outside (`subset_of`).
    case hasAllSignals(Int64)
    case onlySignals(Int64)
    case matches(CompiledPattern)

    func holds(_ row: LedgerRow, _ field: LedgerField, asOfDay: Int64) -> Bool {
        switch self {
        case .exists(let wanted): return row.has(field) == wanted
        case .numberIn(let values): return values.contains(row[number: field])
        case .numberNotIn(let values): return !values.contains(row[number: field])
        case .bitsIn(let bits): return bits & (1 << UInt64(truncatingIfNeeded: row[number: field])) != 0
        case .bitsNotIn(let bits): return bits & (1 << UInt64(truncatingIfNeeded: row[number: field])) == 0
        case .textIn(let values): return row.withBytes(field) { bytes in values.contains { LedgerValues.memcmpEqual(bytes, $0) } }
        case .textNotIn(let values): return row.withBytes(field) { bytes in !values.contains { LedgerValues.memcmpEqual(bytes, $0) } }
        case .digestIn(let values): return values.contains(row.digest)
        case .digestNotIn(let values): return !values.contains(row.digest)
        case .min(let bound): return Double(row[number: field]) >= bound
        case .max(let bound): return Double(row[number: field]) <= bound
        case .before(let day): return row[number: field] < (day ?? asOfDay)
        case .after(let day): return row[number: field] > (day ?? asOfDay)
        case .beforeField(let other): return row.has(other) && row[number: field] < row[number: other]
        case .afterField(let other): return row.has(other) && row[number: field] > row[number: other]
        case .equalsField(let other): return row.has(other) && Self.same(row, field, other)
        case .notEqualsField(let other): return row.has(other) && !Self.same(row, field, other)
        case .nonempty:
            switch field.kind {
            case .signals: return row[number: field] != 0
            case .text: return row.withBytes(field) { bytes in bytes.contains { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D } }
            default: return true
            }
        case .hasAllSignals(let bits): return row[number: field] & bits == bits
        case .onlySignals(let bits): return row[number: field] & ~bits == 0
        case .matches(let pattern): return pattern.matches(row.string(field) ?? "")
        }
    }

    private static func same(_ row: LedgerRow, _ a: LedgerField, _ b: LedgerField) -> Bool {
        switch a.kind {
        case .text: return row.withBytes(a) { x in row.withBytes(b) { y in LedgerValues.memcmpEqual(x, y) } }
        case .sha256: return true
        default: return row[number: a] == row[number: b]
        }
    }
}

/// Compiles record rules' conditions, checking that every path is a row field (or reaches across
/// documents) and every operator and value suits the field: a typo in a record rule is a pack
/// error, never a condition that silently never holds.
enum RecordConditionCompiler {
    /// Why a record rule's condition cannot run on rows.
    struct Problem: Error {
        var location: SourceLocation
        var message: String
    }

    /// Checks `condition` without a source (at pack load): every row path and value is valid.
    static func validate(_ condition: Condition) throws(Problem) {
        _ = try compile(condition, fold: nil)
    }

    /// Compiles `condition`; `fold` decides a cross-document leaf (one whose path starts with `$`)
    /// for the source being read. Without `fold`, such leaves compile to `missing` (validation only).
    static func compile(_ condition: Condition, fold: ((Condition) -> Truth)?) throws(Problem) -> RecordCondition {
        switch condition {
        case .leaf(let leaf):
            if leaf.path.root != .current { return .constant(fold?(condition) ?? .missing) }
            return try compileLeaf(leaf, fold: fold)
        case .all(let parts, _):
            var compiled: [RecordCondition] = []
            for part in parts { compiled.append(try compile(part, fold: fold)) }
            return .all(compiled)
        case .any(let parts, _):
            var compiled: [RecordCondition] = []
            for part in parts { compiled.append(try compile(part, fold: fold)) }
            return .any(compiled)
        case .not(let inner, _):
            return .not(try compile(inner, fold: fold))
        case .each(let path, _, let location), .some(let path, _, let location), .none(let path, _, let location),
            .count(let path, _, _, _, let location):
            if path.root != .current { return .constant(fold?(condition) ?? .missing) }
            throw Problem(
                location: location,
                message:
                    "record rules read flat rows: quantifiers (each, some, none, count) apply only to $source, $dataset, $model or $datasets paths; use contains, subset_of or superset_of on \(LedgerField.optoutSignals.name)"
            )
        }
    }

    private static func field(_ path: FieldPath, at location: SourceLocation) throws(Problem) -> LedgerField {
        guard path.segments.count == 1, let key = path.segments[0].key, !path.segments[0].all, let field = LedgerField.named(key) else {
            let hint =
                Suggestions.closest(to: path.description, in: LedgerField.allCases.map(\.name)).map { " (did you mean '\($0)'?)" } ?? ""
            throw Problem(
                location: location,
                message:
                    "'\(path.description)' is not a ledger row field\(hint); record rules read row fields (\(LedgerField.allCases.map(\.name).joined(separator: ", "))) or paths from $source, $dataset, $model"
            )
        }
        return field
    }

    private static func compileLeaf(_ leaf: Leaf, fold: ((Condition) -> Truth)?) throws(Problem) -> RecordCondition {
        let field = try field(leaf.path, at: leaf.location)
        let name = leaf.op.name
        func fail(_ message: String) -> Problem { Problem(location: leaf.location, message: "\(field.name): \(message)") }
        // The right-hand side: a literal, `today`, another row field, or a cross-document value.
        var literal: Node?
        var otherField: LedgerField?
        switch leaf.operand {
        case .literal(let node): literal = node
        case .today: break
        case .pattern: break
        case .window: throw fail("days_after is not available in record rules")
        case .path(let other):
            if other.root == .current {
                otherField = try self.field(other, at: leaf.location)
            } else {
                throw fail("a {path: …} operand must be another row field")
            }
        }
        if let otherField {
            guard sameKind(field, otherField) else {
                throw fail("cannot compare with \(otherField.name), which holds \(otherField.expectation)")
            }
            switch name {
            case "equals": return .test(field, .equalsField(otherField))
            case "not_equals": return .test(field, .notEqualsField(otherField))
            case "before" where field.kind == .date: return .test(field, .beforeField(otherField))
            case "after" where field.kind == .date: return .test(field, .afterField(otherField))
            default: throw fail("\(name) with another field is not available in record rules")
            }
        }
        switch name {
        case "exists":
            guard case .bool(let wanted)? = literal?.value else { throw fail("exists takes true or false") }
            return .test(field, .exists(wanted))
        case "nonempty":
            return .test(field, .nonempty)
        case "equals", "not_equals", "in", "not_in":
            let values: [Node]
            if name == "in" || name == "not_in" {
                guard let items = literal?.sequence else { throw fail("\(name) takes a list") }
                values = items
            } else {
                values = [literal!]
            }
            let negate = name == "not_equals" || name == "not_in"
            switch field.kind {
            case .text:
                var texts: [[UInt8]] = []
                for value in values {
                    guard let text = value.scalar?.text, !value.isNull else { throw fail("compare text with text") }
                    texts.append(Array(text.utf8))
                }
                return .test(field, negate ? .textNotIn(texts) : .textIn(texts))
            case .sha256:
                var digests: Set<Digest> = []
                for value in values {
                    var text = value.scalar?.text ?? ""
                    guard let digest = text.withUTF8({ Digest(hex: $0) }) else { throw fail("'\(text)' is not a SHA-256 digest") }
                    digests.insert(digest)
                }
                return .test(field, negate ? .digestNotIn(digests) : .digestIn(digests))
            case .signals:
                throw fail("a list of signals is tested with contains, subset_of or superset_of")
            default:
                var numbers: Set<Int64> = []
                for value in values { numbers.insert(try number(value, for: field, fail)) }
                if field.tag == .vocabulary || field.tag == .boolean {
                    let bits = numbers.reduce(UInt64(0)) { $0 | 1 << UInt64($1) }
                    return .test(field, negate ? .bitsNotIn(bits) : .bitsIn(bits))
                }
                return .test(field, negate ? .numberNotIn(numbers) : .numberIn(numbers))
            }
        case "min", "max":
            guard field.kind == .count else { throw fail("\(name) applies to size_bytes and tokens") }
            let bound: Double
            switch literal?.value {
            case .int(let value)?: bound = Double(value)
            case .float(let value)?: bound = value
            default: throw fail("\(name) takes a number")
            }
            return .test(field, name == "min" ? .min(bound) : .max(bound))
        case "before", "after":
            guard field.kind == .date else { throw fail("\(name) applies to dates") }
            var day: Int64?
            if let literal {
                guard let text = literal.scalar?.text, let date = ISODate(parsing: text), date.day != nil else {
                    throw fail("\(name) takes a full date (YYYY-MM-DD) or today")
                }
                day = Int64(date.dayNumber)
            }
            return .test(field, name == "before" ? .before(day) : .after(day))
        case "contains", "subset_of", "superset_of":
            guard field.kind == .signals else { throw fail("\(name) applies to \(LedgerField.optoutSignals.name) and optouts") }
            let items = name == "contains" ? [literal!] : (literal?.sequence ?? [])
            var bits: Int64 = 0
            for item in items {
                guard let text = item.scalar?.text, let index = LedgerVocabulary.signals.firstIndex(of: text) else {
                    let found = item.scalar?.text ?? item.kindDescription
                    let hint = Suggestions.closest(to: found, in: LedgerVocabulary.signals).map { " (did you mean '\($0)'?)" } ?? ""
                    throw fail("'\(found)' is not an opt-out signal\(hint)")
                }
                bits |= 1 << Int64(index)
            }
            return .test(field, name == "subset_of" ? .onlySignals(bits) : .hasAllSignals(bits))
        case "matches":
            guard field.kind == .text, case .pattern(let pattern) = leaf.operand else { throw fail("matches applies to text fields") }
            return .test(field, .matches(pattern))
        default:
            throw fail("\(name) is not available in record rules")
        }
    }

    private static func sameKind(_ a: LedgerField, _ b: LedgerField) -> Bool {
        switch (a.kind, b.kind) {
        case (.vocabulary(let x), .vocabulary(let y)): return x == y
        default: return a.kind == b.kind
        }
    }

    /// A literal as the number a field stores: a count, a boolean, a vocabulary word's index, a day.
    private static func number(_ node: Node, for field: LedgerField, _ fail: (String) -> Problem) throws(Problem) -> Int64 {
        let text = node.scalar?.text ?? ""
        switch field.kind {
        case .count:
            guard case .int(let value)? = node.value, value >= 0 else { throw fail("'\(text)' is not a whole number ≥ 0") }
            return Int64(value)
        case .boolean:
            guard case .bool(let flag)? = node.value else { throw fail("'\(text)' is not true or false") }
            return flag ? 1 : 0
        case .date:
            guard let date = ISODate(parsing: text), date.day != nil else { throw fail("'\(text)' is not a full date (YYYY-MM-DD)") }
            return Int64(date.dayNumber)
        case .vocabulary(let words):
            guard let index = words.firstIndex(of: text) else {
                let hint = Suggestions.closest(to: text, in: words).map { " (did you mean '\($0)'?)" } ?? ""
                throw fail("'\(text)' is not \(field.expectation)\(hint)")
            }
            return Int64(index)
        default:
            throw fail("cannot compare with '\(text)'")
        }
    }
}
