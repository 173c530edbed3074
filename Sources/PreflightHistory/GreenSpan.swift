import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport

/// How long a stream took to reach Go: from its previous Go (or its first run) to a Go run.
package struct GreenSpan: Sendable, Codable, Equatable {
    /// The run that reached Go.
    package var run: String
    package var startedAt: Timestamp
    /// The previous Go run, or the stream's first run.
    package var fromRun: String
    /// True when `fromRun` is the previous Go; false when it is the stream's first run.
    package var afterGo: Bool
    /// Runs after `fromRun` up to and including `run`.
    package var runs: Int
    /// Days between the two runs' starts, to one decimal.
    package var days: Double

    package enum CodingKeys: String, CodingKey {
        case run, runs, days
        case startedAt = "started_at", fromRun = "from_run", afterGo = "after_go"
    }

    /// Every Go of the stream with its span, oldest first; one pass over the points.
    package static func spans(_ points: [HistoryPoint]) -> [GreenSpan] {
        guard !points.isEmpty else { return [] }
        var spans: [GreenSpan] = []
        var from = 0
        var afterGo = false
        for (index, point) in points.enumerated() where point.verdict == .go {
            // A stream whose first run is Go measures zero runs from itself.
            let seconds = point.startedAt.seconds - points[from].startedAt.seconds
            spans.append(GreenSpan(run: point.run, startedAt: point.startedAt, fromRun: points[from].run, afterGo: afterGo,
                                   runs: index - from, days: (seconds / 8640).rounded() / 10))
            from = index
            afterGo = true
        }
        return spans
    }

    package init(run: String, startedAt: Timestamp, fromRun: String, afterGo: Bool, runs: Int, days: Double) {
        self.run = run
        self.startedAt = startedAt
        self.fromRun = fromRun
        self.afterGo = afterGo
        self.runs = runs
        self.days = days
    }
}
