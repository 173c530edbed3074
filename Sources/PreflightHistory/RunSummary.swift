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
    }

    package init(run: RunManifest, verdict: Verdict, reasons: [VerdictReason], readiness: Double, counts: [String: Int],
         sectionReadiness: [Double?], states: [ItemState], criteria: [CriterionStatus?], problems: [Diagnostic]) {
        self.run = run
        self.verdict = verdict
        self.reasons = reasons
        self.readiness = readiness
        self.counts = counts
        self.sectionReadiness = sectionReadiness
        self.states = states
        self.criteria = criteria
        self.problems = problems
    }

    /// Whether the summary lines up with `checklist` (same number of items and sections).
    package func fits(_ checklist: Checklist) -> Bool {
        states.count == checklist.items.count && criteria.count == checklist.items.count
            && sectionReadiness.count == checklist.sections.count
    }
}
