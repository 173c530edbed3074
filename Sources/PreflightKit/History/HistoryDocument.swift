/// `trends/<checklist>/<environment>/history.json`: a stream's history for other tools.
public struct HistoryDocument: Sendable, Codable, Equatable {
    public var checklist: String
    public var title: String
    public var environment: String
    /// One per run, ordered by `started_at`.
    public var points: [HistoryPoint]
    /// Leaf item id → its state in each run, in the order of `points` (null where a run lacks the item).
    public var items: [String: [ItemState?]]
    public var flaky: [FlakyItem]
    public var longFailing: [LongFailingItem]
    public var timeToGreen: [GreenSpan]

    enum CodingKeys: String, CodingKey {
        case checklist, title, environment, points, items, flaky
        case longFailing = "long_failing", timeToGreen = "time_to_green"
    }

    public init(_ history: StreamHistory) {
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
