import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport

/// One run of a stream as its history records it.
package struct HistoryPoint: Sendable, Codable, Equatable {
    package var run: String
    package var startedAt: Timestamp
    package var verdict: Verdict
    package var readiness: Double
    /// Leaf check items by state (every state, zeros included).
    package var counts: [String: Int]
    /// Readiness of each summary section (`Checklist.summarySections`) that has applicable items
    /// in this run, by section id.
    package var sections: [String: Double]

    package enum CodingKeys: String, CodingKey {
        case run, verdict, readiness, counts, sections
        case startedAt = "started_at"
    }

    /// `sections` are the checklist's `summarySections`, worked out once per stream by the caller
    /// (nil works them out here, for a single point).
    package init(_ summary: RunSummary, checklist: Checklist, sections summarySections: [Int]? = nil) {
        run = summary.run.id
        startedAt = summary.run.startedAt
        verdict = summary.verdict
        readiness = summary.readiness
        counts = summary.counts
        var sections: [String: Double] = [:]
        if summary.fits(checklist) {
            for index in summarySections ?? checklist.summarySections where checklist.sections.indices.contains(index) {
                if let value = summary.sectionReadiness[index] { sections[checklist.sections[index].id] = value }
            }
        }
        self.sections = sections
    }
}
