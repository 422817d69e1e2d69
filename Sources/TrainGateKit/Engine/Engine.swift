import Foundation

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
        let budget = FindingBudget(maxFindings)
        let rules = ScopedRules(packs)
        // Bundles are independent and evaluation is pure: check them in parallel, merge in order.
        var partial = Parallel.map(bundles) { bundle in check(bundle, rules: rules, asOf: asOf, includeAll: includeAll, budget: budget) }
        var findings: [Finding] = []
        findings.reserveCapacity(partial.reduce(0) { $0 + $1.findings.count })
        var counts: [FindingStatus: Int] = [:]
        var exceeded = false
        for index in partial.indices {
            findings += partial[index].findings
            partial[index].findings = []  // each bundle's findings are held once, not twice
            counts.merge(partial[index].counts, uniquingKeysWith: +)
            exceeded = exceeded || partial[index].exceeded
        }
        Finding.sortForReport(&findings)
        return Result(findings: findings, counts: counts, exceeded: exceeded)
    }

    /// The rules of every pack by scope, in pack and file order, each held by reference so
    /// evaluating it never copies it.
    private final class ScopedRules: Sendable {
        final class Held: Sendable {
            let rule: Rule
            init(_ rule: Rule) { self.rule = rule }
        }
        let byScope: [[Held]]

        init(_ packs: [PolicyPack]) {
            var byScope = [[Held]](repeating: [], count: RuleScope.allCases.count)
            for pack in packs {
                for rule in pack.rules { byScope[RuleScope.allCases.firstIndex(of: rule.scope)!].append(Held(rule)) }
            }
            self.byScope = byScope
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
        for subject in Subject.all(in: bundle, asOf: asOf) {
            // One evaluator per subject: its context is built once, not once per rule.
            let fast = Evaluator(context: subject.context, subject: Position(node: subject.node, path: nil), explain: false)
            for held in rules.rules(subject.scope) {
                let status = status(of: held.rule, on: subject, using: fast)
                tally[status.index] += 1
                guard status == .fail || includeAll else { continue }
                guard budget.take() else { return Result(findings: findings, counts: counts(), exceeded: true) }
                findings.append(finding(held.rule, subject, status))
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
        if let when = rule.when, fast.evaluate(when).truth != .pass { return .notApplicable }
        let asOf = subject.context.asOf.lowerBound
        if let effective = rule.effective, asOf < effective.lowerBound { return .notInForce }
        // A subject under a transitional provision is judged from its later date; one whose
        // facts do not show it qualifies (the condition is missing or violated) gets no deferral.
        if let transition = rule.transitional.first(where: { fast.evaluate($0.when).truth == .pass }),
            asOf < transition.effective.lowerBound
        {
            return .notInForce
        }
        return fast.evaluate(rule.require).truth == .pass ? .pass : .fail
    }

    /// Builds a finding, re-evaluating with explanations for a failure (the slow path runs only here).
    static func finding(_ rule: Rule, _ subject: Subject, _ status: FindingStatus) -> Finding {
        let root = Position(node: subject.node, path: subject.path)
        var finding = Finding(
            ruleID: rule.id, title: rule.title, pack: rule.pack, severity: rule.severity, status: status, reason: nil,
            subject: subject.id, location: subject.node.location, path: subject.path, expected: nil, found: nil,
            message: status == .fail ? MessageRenderer.render(rule.message, subject: subject) : rule.title,
            remediation: rule.remediation, citations: rule.citations)
        guard status == .fail else { return finding }
        let outcome = Evaluator(context: subject.context, subject: root, explain: true).evaluate(rule.require)
        finding.reason = outcome.truth == .missing ? .missing : .violation
        if let detail = outcome.detail {
            finding.location = detail.location
            finding.path = detail.path
            finding.expected = detail.expected
            finding.found = detail.found
        }
        return finding
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
    private let lock = NSLock()
    private var remaining: Int

    init(_ limit: Int) { remaining = limit }

    /// Takes one finding from the budget; false once it is spent.
    func take() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard remaining > 0 else { return false }
        remaining -= 1
        return true
    }
}
