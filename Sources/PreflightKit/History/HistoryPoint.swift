/// One run of a stream as its history records it.
public struct HistoryPoint: Sendable, Codable, Equatable {
    public var run: String
    public var startedAt: Timestamp
    public var verdict: Verdict
    public var readiness: Double
    /// Leaf check items by state (every state, zeros included).
    public var counts: [String: Int]
    /// Readiness of each top-level section that has applicable items in this run, by section id.
    public var sections: [String: Double]

    enum CodingKeys: String, CodingKey {
        case run, verdict, readiness, counts, sections
        case startedAt = "started_at"
    }

    init(_ summary: RunSummary, checklist: Checklist) {
        run = summary.run.id
        startedAt = summary.run.startedAt
        verdict = summary.verdict
        readiness = summary.readiness
        counts = summary.counts
        var sections: [String: Double] = [:]
        if summary.fits(checklist) {
            for (index, section) in checklist.sections.enumerated() where section.parent == 0 {
                if let value = summary.sectionReadiness[index] { sections[section.id] = value }
            }
        }
        self.sections = sections
    }
}
