import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport

/// What history keeps of a run: the verdict and figures, and each item's state and criterion as
/// one byte, in checklist order. About a kilobyte a run, where a full report takes hundreds,
/// so a stream of 10,000 runs stays small in memory and in the build cache.
package struct RunSummary: Sendable, Equatable {
    package var run: RunManifest
    package var verdict: Verdict
    package var reasons: [VerdictReason]
    package var readiness: Double
    /// Leaf check items by state, as in the report.
    package var counts: [String: Int]
    /// Readiness of each section of the checklist, aligned with `Checklist.sections` (the root first).
    package var sectionReadiness: [Double?]
    /// Each item's state, aligned with `Checklist.items`.
    package var states: [ItemState]
    /// Each item's Go/No-Go criterion, aligned with `Checklist.items`.
    package var criteria: [CriterionStatus?]
    /// The run's input problems, paths relative to the archive.
    package var problems: [Diagnostic]
    /// Positions in `Checklist.items` of the parent items (those with children) whose state came
    /// from a result of their own (this run's or carried) rather than from their children,
    /// ascending. Leaves need no such mark, and parents with their own probe are rare, so this
    /// is usually empty: a bitset over every item would cost each of 10,000 runs for nothing.
    package var ownResults: [Int]
    /// The run's evidence digest, and the SHA-256 of its report.json once the site has written it
    /// (empty before): index.json lists both, so `verify DIGEST` works from a published site.
    package var evidenceDigest: String
    package var reportDigest: String
    /// The run's newest timestamp (start, result, sign-off, deployment), in seconds: the archive's
    /// newest is the default reference time of post-deployment phases.
    package var latest: Double = 0
    /// What the phase items had come to after the deployment; nil for a run never deployed.
    package var phaseFacts: PhaseFacts?

    package init(_ report: RunReport, checklist: Checklist) {
        run = report.run
        verdict = report.verdict
        reasons = report.reasons
        readiness = report.readiness
        counts = report.counts
        let byID = Dictionary(report.sections.map { ($0.id, $0.readiness) }, uniquingKeysWith: { a, _ in a })
        sectionReadiness = checklist.sections.enumerated().map { index, section in
            index == 0 ? report.readiness : byID[section.id] ?? nil
        }
        states = report.items.map(\.state)
        criteria = report.items.map(\.criterion)
        problems = report.problems
        evidenceDigest = report.evidenceDigest
        reportDigest = ""
        latest = report.latest?.seconds ?? report.run.startedAt.seconds
        phaseFacts = report.phaseFacts
        // By index: iterating the items would copy each (a retain per field).
        let items = report.items
        ownResults = checklist.items.indices.filter { index in
            !checklist.items[index].children.isEmpty && index < items.count && items[index].decidedBy != nil
        }
    }

    package init(run: RunManifest, verdict: Verdict, reasons: [VerdictReason], readiness: Double, counts: [String: Int],
         sectionReadiness: [Double?], states: [ItemState], criteria: [CriterionStatus?], problems: [Diagnostic], ownResults: [Int] = [],
         evidenceDigest: String = "", reportDigest: String = "") {
        self.run = run
        self.verdict = verdict
        self.reasons = reasons
        self.readiness = readiness
        self.counts = counts
        self.sectionReadiness = sectionReadiness
        self.states = states
        self.criteria = criteria
        self.problems = problems
        self.ownResults = ownResults
        self.evidenceDigest = evidenceDigest
        self.reportDigest = reportDigest
    }

    /// Whether the summary lines up with `checklist` (same number of items and sections).
    package func fits(_ checklist: Checklist) -> Bool {
        states.count == checklist.items.count && criteria.count == checklist.items.count
            && sectionReadiness.count == checklist.sections.count
    }
}
