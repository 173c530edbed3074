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

    init(_ report: RunReport, topSections: Set<String>) {
        run = report.run.id
        startedAt = report.run.startedAt
        verdict = report.verdict
        readiness = report.readiness
        counts = report.counts
        var sections: [String: Double] = [:]
        for section in report.sections where topSections.contains(section.id) {
            if let value = section.readiness { sections[section.id] = value }
        }
        self.sections = sections
    }
}
