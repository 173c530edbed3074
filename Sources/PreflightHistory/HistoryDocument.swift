import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport

/// `trends/<checklist>/<environment>/history.json`: a stream's history for other tools.
package struct HistoryDocument: Sendable, Codable, Equatable {
    package var checklist: String
    package var title: String
    package var environment: String
    /// One per run, ordered by `started_at`.
    package var points: [HistoryPoint]
    /// Item id → its state in each run, in the order of `points`, for the items history follows
    /// (`StreamHistory.tracks`: leaves, and parents decided by their own results in some run);
    /// null where a run lacks the item, or where a parent's children decided it.
    package var items: [String: [ItemState?]]
    package var flaky: [FlakyItem]
    package var longFailing: [LongFailingItem]
    package var timeToGreen: [GreenSpan]

    package enum CodingKeys: String, CodingKey {
        case checklist, title, environment, points, items, flaky
        case longFailing = "long_failing", timeToGreen = "time_to_green"
    }

    package init(_ history: StreamHistory) {
        checklist = history.checklist.name
        title = history.checklist.title
        environment = history.environment
        points = history.points
        items = Dictionary(history.tracks.map { ($0.id, $0.states) }, uniquingKeysWith: { a, _ in a })
        flaky = history.flaky
        longFailing = history.longFailing
        timeToGreen = history.timeToGreen
    }
}
