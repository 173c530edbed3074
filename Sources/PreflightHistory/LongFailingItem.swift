import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport

/// An item failing in the latest run and not passing for a while before it.
package struct LongFailingItem: Sendable, Codable, Equatable {
    package var id: String
    /// Its state in the latest run (fail or warn).
    package var state: ItemState
    /// The first run that failed (fail or warn) in the unbroken stretch of failing or pending runs
    /// ending in the latest run: pending runs before it only show the item was not checked yet.
    package var sinceRun: String
    package var since: Timestamp
    /// Runs from `sinceRun` to the latest, both included.
    package var runs: Int
    /// Days from `sinceRun` to the latest run, to one decimal.
    package var days: Double

    package enum CodingKeys: String, CodingKey {
        case id, state, since, runs, days
        case sinceRun = "since_run"
    }

    /// Walks back from the latest run while the item fails or is pending; one pass over that stretch.
    ///
    /// Only an item failing (fail or warn) in the latest run qualifies: one merely pending has not
    /// been checked yet, which is not the same as failing. Pending runs inside the stretch do not
    /// break it, since nothing showed the item passing then. A run without a state (nil: a run
    /// whose summary lacks the item, or one where a parent's children decided it) ends it, since
    /// nothing there says the item was not passing. The stretch counts from its first failing
    /// run, not from pending runs before it.
    package static func detect(id: String, states: [ItemState?], points: [HistoryPoint], options: HistoryOptions) -> LongFailingItem? {
        guard let latestState = states.last ?? nil, StateClass.isFailing(latestState), let latest = points.last else { return nil }
        var start = states.count - 1
        var index = start
        while index > 0, let previous = states[index - 1], StateClass.isFailing(previous) || previous == .pending {
            index -= 1
            if StateClass.isFailing(previous) { start = index }
        }
        let runs = states.count - start
        guard runs >= options.longFailingRuns, start < points.count else { return nil }
        let seconds = latest.startedAt.seconds - points[start].startedAt.seconds
        return LongFailingItem(id: id, state: latestState, sinceRun: points[start].run, since: points[start].startedAt,
                               runs: runs, days: (seconds / 8640).rounded() / 10)
    }

    package init(id: String, state: ItemState, sinceRun: String, since: Timestamp, runs: Int, days: Double) {
        self.id = id
        self.state = state
        self.sinceRun = sinceRun
        self.since = since
        self.runs = runs
        self.days = days
    }
}
