#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Evaluates packs against bundles: every rule on every subject of its scope. Pure: the same
/// inputs give the same findings, in the same order.
public enum Engine {
    /// What a check found.
    public struct Result: Sendable {
        /// The findings reported, in `Finding.reportOrder`: failures always; passes,
        /// not-applicable and not-in-force results only when asked for.
        public var findings: [Finding]
        /// How many rule × subject results had each status (all of them, reported or not).
        public var counts: [FindingStatus: Int]
        /// Whether more findings would be reported than the limit allowed; evaluation then
        /// stopped, and `findings` and `counts` are incomplete.
        public var exceeded = false
    }

    /// Runs `packs` on `bundles` as of `asOf`. With `includeAll`, every result becomes a finding.
    /// At most `maxFindings` findings are made: past that the check stops with `exceeded` set, so
    /// memory stays bounded whatever the inputs hold.
    public static func check(
        _ bundles: [ArtifactBundle], packs: [PolicyPack], asOf: ISODate, includeAll: Bool = false, maxFindings: Int = .max
    ) -> Result {
        check(bundles, packs: packs, asOf: asOf, includeAll: includeAll, maxFindings: maxFindings, share: nil)
    }

    /// `check`, sharing equal leaves (`LeafMemo`) when `share` says so, or, when nil, when the
    /// bundles are many enough for it to pay.
    static func check(
        _ bundles: [ArtifactBundle], packs: [PolicyPack], asOf: ISODate, includeAll: Bool, maxFindings: Int, share: Bool?
    ) -> Result {
        var runs = Runs()
        let session = Session(packs: packs, asOf: asOf, includeAll: includeAll, maxFindings: maxFindings)
        for result in session.check(bundles, share: share ?? (bundles.count > Session.sharingAbove)) {
            _ = runs.add(result)
        }
        return runs.finish()
    }

    /// The findings of many bundles, gathered in one array as the bundles are checked — each
    /// bundle's a run already in report order — and put in report order at the end in place,
    /// without a second copy of them.
    struct Runs {
        private var findings: [Finding] = []
        private var runs: [Run] = []
        /// One copy of each field path reported: the same rule on the same field of many
        /// manifests reports the same path, which is then held once, not once per finding.
        private var paths: [String: String] = [:]
        private static let maxPaths = 4096

        private struct Run {
            var range: Range<Int>
            var counts: [FindingStatus: Int]
            var exceeded: Bool
            /// The one file its findings lie in; nil when they lie in several, or there are none.
            var file: UInt32?
            var dropped = false
        }

        /// Adds a bundle's result (its findings in report order); returns its run's number.
        mutating func add(_ result: Result) -> Int {
            let start = findings.count
            findings += result.findings
            for index in start..<findings.count {
                let path = findings[index].path
                if let shared = paths[path] {
                    findings[index].path = shared
                } else if paths.count < Self.maxPaths {
                    paths[path] = path
                }
            }
            let first = result.findings.first?.location.fileID
            let single = first != nil && first == result.findings.last?.location.fileID
            runs.append(
                Run(range: start..<findings.count, counts: result.counts, exceeded: result.exceeded, file: single ? first : nil))
            return runs.count - 1
        }

        /// Makes room for the findings of `filesLeft` more files, at the rate of the runs so far
        /// (with a quarter to spare). Room never written costs no memory, while an array that
        /// grows is held twice while it is copied.
        mutating func expect(filesLeft: Int, filesSoFar: Int) {
            guard filesSoFar > 0 else { return }
            let expected = findings.count + findings.count / filesSoFar * filesLeft
            if findings.capacity < expected { findings.reserveCapacity(expected + expected / 4) }
        }

        /// Leaves run `run` out of the result; returns how many findings it held.
        mutating func drop(_ run: Int) -> Int {
            runs[run].dropped = true
            return runs[run].range.count
        }

        /// Every kept run's findings in report order, with their counts. When each run's
        /// findings lie in one file of its own (manifests checked alone), the runs are put in
        /// file order; otherwise the findings are sorted as a whole.
        mutating func finish() -> Result {
            // Taken out, so the array is held once and rearranged where it is, not copied.
            var findings = self.findings
            self.findings = []
            var counts: [FindingStatus: Int] = [:]
            var exceeded = false
            var kept: [Int] = []
            var files = Set<UInt32>()
            var singleFiles = true
            for (index, run) in runs.enumerated() where !run.dropped {
                counts.merge(run.counts, uniquingKeysWith: +)
                exceeded = exceeded || run.exceeded
                guard !run.range.isEmpty else { continue }
                kept.append(index)
                if let file = run.file, files.insert(file).inserted { continue }
                singleFiles = false
            }
            var order: [Int] = []
            order.reserveCapacity(findings.count)
            if singleFiles {
                kept.sort { SourcePaths.precedes(runs[$0].file!, runs[$1].file!) }
                for run in kept { order += runs[run].range }
            } else {
                for run in kept { order += runs[run].range }
                let rank = Finding.fileRanks(findings)
                order.sort { a, b in
                    let (ra, rb) = (rank[findings[a].location.fileID]!, rank[findings[b].location.fileID]!)
                    return ra != rb ? ra < rb : Finding.reportOrder(findings[a], findings[b])
                }
            }
            let keptCount = order.count
            for run in runs where run.dropped { order += run.range }
            Self.permute(&findings, by: &order)
            findings.removeLast(findings.count - keptCount)
            return Result(findings: findings, counts: counts, exceeded: exceeded)
        }

        /// Puts `items[order[i]]` at `i` for every `i`, in place, following each cycle of the
        /// permutation; `order` is used up.
        private static func permute(_ items: inout [Finding], by order: inout [Int]) {
            items.withUnsafeMutableBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                for start in order.indices where order[start] != start {
                    let held = (base + start).move()
                    var index = start
                    while true {
                        let source = order[index]
                        order[index] = index
                        if source == start {
                            (base + index).initialize(to: held)
                            break
                        }
                        (base + index).moveInitialize(from: base + source, count: 1)
                        index = source
                    }
                }
            }
        }
    }

    /// One check's packs, date and finding budget, for checking its bundles in parts (as they are
    /// read) rather than all at once.
    final class Session: Sendable {
        private let rules: ScopedRules
        /// The rules with equal leaves shared (`LeafMemo`), made when first wanted: sharing
        /// costs more than it saves on a few bundles.
        private let shared: SharedRules
        private let asOf: ISODate
        private let includeAll: Bool
        private let budget: FindingBudget
        /// Above this many bundles in one call, the rules' shared leaves are used.
        static let sharingAbove = 8

        init(packs: [PolicyPack], asOf: ISODate, includeAll: Bool, maxFindings: Int) {
            rules = ScopedRules(packs, share: false)
            shared = SharedRules(packs)
            self.asOf = asOf
            self.includeAll = includeAll
            budget = FindingBudget(maxFindings)
        }

        /// Each bundle's result, in order, its findings in report order. Bundles are independent
        /// and evaluation is pure, so they are checked in parallel.
        func check(_ bundles: [ArtifactBundle]) -> [Result] { check(bundles, share: bundles.count > Self.sharingAbove) }

        func check(_ bundles: [ArtifactBundle], share: Bool) -> [Result] {
            let rules = share ? shared.get() : rules
            return Parallel.map(bundles) { [self] bundle in check(bundle, rules: rules) }
        }

        /// One bundle's result, its findings in report order: one of many checked as they are
        /// read, so with the shared leaves.
        func check(_ bundle: ArtifactBundle) -> Result { check(bundle, rules: shared.get()) }

        private func check(_ bundle: ArtifactBundle, rules: ScopedRules) -> Result {
            var result = Engine.check(bundle, rules: rules, asOf: asOf, includeAll: includeAll, budget: budget)
            Finding.sortForReport(&result.findings)
            return result
        }

        /// Gives back to the budget `count` findings that will not be reported.
        func refund(_ count: Int) { budget.refund(count) }
    }

    /// The rules of every pack by scope, in pack and file order, each held by reference with
    /// the parts evaluation reads as fields of their own: reading a whole `Rule` out of its
    /// holder copies it (a reference count taken on every text and list it holds, by every
    /// thread, on every subject).
    private final class ScopedRules: Sendable {
        final class Held: Sendable {
            let when: Condition?
            let effective: ISODate?
            let transitional: [Transition]
            let require: Condition
            /// The rule's own `require`, for explaining a failure: a shared leaf holds the first
            /// of its equal literals, which may be written otherwise (`"1"`, `!!str 1`).
            let explained: Condition
            let message: MessageTemplate
            let title: String
            /// What its findings report of it, shared by all of them.
            let facts: Finding.RuleFacts
            init(_ rule: Rule, when: Condition?, transitional: [Transition], require: Condition) {
                self.when = when
                effective = rule.effective
                self.transitional = transitional
                self.require = require
                explained = rule.require
                message = rule.message
                title = rule.title
                facts = Finding.RuleFacts(rule)
            }
        }
        let byScope: [[Held]]
        /// How many leaves the rules share (`LeafMemo`).
        let slots: Int

        init(_ packs: [PolicyPack], share: Bool) {
            let rules = packs.flatMap(\.rules)
            // Every condition tested on the subject, in order: each rule's when (if any),
            // transitional whens and require. Sharing, equal leaves among them become one
            // slotted leaf.
            var conditions: [Condition] = []
            for rule in rules {
                if let when = rule.when { conditions.append(when) }
                conditions += rule.transitional.map(\.when)
                conditions.append(rule.require)
            }
            let (tested, slots) = share ? LeafMemo.share(conditions) : (conditions, 0)
            var next = tested.makeIterator()
            var byScope = [[Held]](repeating: [], count: RuleScope.allCases.count)
            for rule in rules {
                let when = rule.when.map { _ in next.next()! }
                let transitional = rule.transitional.map { Transition(when: next.next()!, effective: $0.effective, ref: $0.ref) }
                let held = Held(rule, when: when, transitional: transitional, require: next.next()!)
                byScope[RuleScope.allCases.firstIndex(of: rule.scope)!].append(held)
            }
            self.byScope = byScope
            self.slots = slots
        }

        func rules(_ scope: RuleScope) -> [Held] { byScope[RuleScope.allCases.firstIndex(of: scope)!] }
    }

    private static func check(
        _ bundle: ArtifactBundle, rules: ScopedRules, asOf: ISODate, includeAll: Bool, budget: FindingBudget
    ) -> Result {
        var findings: [Finding] = []
        var tally = [Int](repeating: 0, count: FindingStatus.allCases.count)
        func counts() -> [FindingStatus: Int] {
            var counts: [FindingStatus: Int] = [:]
            for (status, count) in zip(FindingStatus.allCases, tally) where count > 0 { counts[status] = count }
            return counts
        }
        let memo = LeafMemo(slots: rules.slots)
        for subject in Subject.all(in: bundle, asOf: asOf) {
            // One evaluator per subject: its context is built once, not once per rule.
            memo.reset()
            let fast = Evaluator(
                context: subject.context, subject: Position(node: subject.node, path: nil), explain: false, memo: memo)
            for held in rules.rules(subject.scope) {
                let status = status(
                    when: held.when, effective: held.effective, transitional: held.transitional, require: held.require, on: subject,
                    using: fast)
                tally[status.index] += 1
                guard status == .fail || includeAll else { continue }
                guard budget.take() else { return Result(findings: findings, counts: counts(), exceeded: true) }
                findings.append(
                    finding(require: held.explained, message: held.message, title: held.title, subject, status, facts: held.facts))
            }
        }
        return Result(findings: findings, counts: counts())
    }

    /// One rule on one subject: its status and, when it is reported, its finding.
    public static func evaluate(_ rule: Rule, on subject: Subject, includeAll: Bool) -> (FindingStatus, Finding?) {
        let fast = Evaluator(context: subject.context, subject: Position(node: subject.node, path: nil), explain: false)
        let status = status(of: rule, on: subject, using: fast)
        guard status == .fail || includeAll else { return (status, nil) }
        return (status, finding(rule, subject, status))
    }

    /// The status alone, on the fast path: `when`, then `effective` (or a transitional date),
    /// then `require`.
    static func status(of rule: Rule, on subject: Subject, using fast: Evaluator) -> FindingStatus {
        status(
            when: rule.when, effective: rule.effective, transitional: rule.transitional, require: rule.require, on: subject, using: fast)
    }

    private static func status(
        when: Condition?, effective: ISODate?, transitional: [Transition], require: Condition, on subject: Subject, using fast: Evaluator
    ) -> FindingStatus {
        if let when, fast.evaluate(when).truth != .pass { return .notApplicable }
        let asOf = subject.context.asOf.lowerBound
        if let effective, asOf < effective.lowerBound { return .notInForce }
        // A subject under a transitional provision is judged from its later date; one whose
        // facts do not show it qualifies (the condition is missing or violated) gets no deferral.
        if let transition = transitional.first(where: { fast.evaluate($0.when).truth == .pass }),
            asOf < transition.effective.lowerBound
        {
            return .notInForce
        }
        return fast.evaluate(require).truth == .pass ? .pass : .fail
    }

    /// Builds a finding, re-evaluating with explanations for a failure (the slow path runs only here).
    static func finding(_ rule: Rule, _ subject: Subject, _ status: FindingStatus) -> Finding {
        finding(require: rule.require, message: rule.message, title: rule.title, subject, status, facts: Finding.RuleFacts(rule))
    }

    private static func finding(
        require: Condition, message: MessageTemplate, title: String, _ subject: Subject, _ status: FindingStatus, facts: Finding.RuleFacts
    ) -> Finding {
        let root = Position(node: subject.node, path: subject.path)
        var finding = Finding(
            facts: facts, status: status, reason: nil, subject: subject.id, location: subject.node.location, path: subject.path,
            expected: nil, found: nil, message: status == .fail ? MessageRenderer.render(message, subject: subject) : title)
        guard status == .fail else { return finding }
        let outcome = Evaluator(context: subject.context, subject: root, explain: true).evaluate(require)
        finding.reason = outcome.truth == .missing ? .missing : .violation
        if let detail = outcome.detail {
            finding.location = detail.location
            finding.path = detail.path.compacted
            finding.expected = detail.expected.compacted
            finding.found = detail.found.compacted
        }
        // Texts built by appending keep room to grow; a check of thousands of manifests holds
        // hundreds of thousands of findings, so each keeps only its bytes.
        finding.message = finding.message.compacted
        return finding
    }

    /// The session's rules with shared leaves, made once, by the first thread that wants them.
    private final class SharedRules: @unchecked Sendable {
        private let lock = Lock()
        private let packs: [PolicyPack]
        private var made: ScopedRules?

        init(_ packs: [PolicyPack]) { self.packs = packs }

        func get() -> ScopedRules {
            lock.lock()
            defer { lock.unlock() }
            if let made { return made }
            let rules = ScopedRules(packs, share: true)
            made = rules
            return rules
        }
    }
}

/// Fills a message template's `{{path}}` placeholders from the subject.
enum MessageRenderer {
    static func render(_ template: MessageTemplate, subject: Subject) -> String {
        let root = Position(node: subject.node, path: nil)
        var text = ""
        for part in template.parts {
            switch part {
            case .text(let literal): text += literal
            case .field(let path):
                switch PathResolver.resolve(path, from: root, subject: root, context: subject.context, explain: false) {
                case .found(let position): text += ValueText.render(position.node)
                case .missing: text += "(not declared)"
                }
            }
        }
        return text
    }
}

/// How many more findings a check may make, shared by the bundles checked in parallel.
private final class FindingBudget: @unchecked Sendable {
    private let lock = Lock()
    private var remaining: Int

    init(_ limit: Int) { remaining = limit }

    /// Returns `count` findings to the budget.
    func refund(_ count: Int) {
        lock.lock()
        defer { lock.unlock() }
        remaining += count
    }

    /// Takes one finding from the budget; false once it is spent.
    func take() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard remaining > 0 else { return false }
        remaining -= 1
        return true
    }
}
