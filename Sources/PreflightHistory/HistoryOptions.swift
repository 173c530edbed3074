import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport

/// Thresholds and window sizes for a stream's history.
///
/// The defaults keep every page small however long a stream grows: the matrix and the
/// sparkline look at the newest 30 runs, the chart over all runs is thinned to about 200 points
/// and the run table holds 100 rows a page.
package struct HistoryOptions: Sendable, Equatable {
    /// An item is flaky when its state flips between passing and failing at least this often…
    package var flakyFlips: Int
    /// …within this many newest runs.
    package var flakyWindow: Int
    /// An item failing in the latest run is long-failing once it has not passed for this many runs.
    package var longFailingRuns: Int
    /// Runs shown in the item × run matrix.
    package var matrixRuns: Int
    /// Runs drawn in a dashboard sparkline.
    package var sparklineRuns: Int
    /// At most this many points (plus the latest) in the readiness chart over all runs.
    package var chartPoints: Int
    /// Newest time-to-green spans listed on a trend page (history.json has them all).
    package var timeToGreenRows: Int
    /// Rows per page of the run table.
    package var pageSize: Int

    package init(flakyFlips: Int = 3, flakyWindow: Int = 10, longFailingRuns: Int = 2, matrixRuns: Int = 30, sparklineRuns: Int = 30,
                chartPoints: Int = 200, timeToGreenRows: Int = 30, pageSize: Int = 100) {
        self.flakyFlips = max(1, flakyFlips)
        self.flakyWindow = max(2, flakyWindow)
        self.longFailingRuns = max(1, longFailingRuns)
        self.matrixRuns = max(1, matrixRuns)
        self.sparklineRuns = max(2, sparklineRuns)
        self.chartPoints = max(2, chartPoints)
        self.timeToGreenRows = max(1, timeToGreenRows)
        self.pageSize = max(1, pageSize)
    }

    package static let `default` = HistoryOptions()
}
