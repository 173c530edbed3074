import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport
import PreflightHistory

/// A stream's history: `trends/<checklist>/<environment>/index.html`.
package struct TrendPage: ViewModel {
    package var root: String
    package var pageTitle: String
    package var checklistTitle: String
    package var environment: String
    package var runCount: Int
    package var latest: LinkView?
    package var verdict: VerdictView?
    package var readiness: PercentView?
    /// Inline SVG: readiness over all runs (thinned), with verdict markers.
    package var chart: String
    package var sectionTrends: [SectionTrendView]
    package var matrix: MatrixView
    package var flaky: [FlakyView]
    package var flakyRule: String
    package var longFailing: [LongFailingView]
    package var longFailingRule: String
    package var changes: ChangesView
    package var timeToGreen: [GreenView]
    package var timeToGreenNote: String?
    package var runTable: RunTableView
}

/// One top-level section's readiness over time.
package struct SectionTrendView: ViewModel {
    package var title: String
    package var chart: String
    package var latest: PercentView?
}

/// States of items (rows) in the newest runs (columns, oldest first).
package struct MatrixView: ViewModel {
    package var columns: [MatrixColumnView]
    package var rows: [MatrixRowView]
    package var caption: String
}

package struct MatrixColumnView: ViewModel {
    package var href: String
    package var label: String
    package var title: String
}

package struct MatrixRowView: ViewModel {
    package var id: String
    package var text: String
    package var href: String
    package var cells: [StateView]
    /// True for rows that passed (or were skipped) in every column.
    package var steady: Bool
}

package struct FlakyView: ViewModel {
    package var id: String
    package var text: String
    package var href: String
    package var flips: Int
    package var runs: Int
    package var states: [StateView]
}

package struct LongFailingView: ViewModel {
    package var id: String
    package var text: String
    package var href: String
    package var state: StateView
    package var since: LinkView
    package var sinceDate: String
    package var runs: Int
    package var days: String
}

package struct GreenView: ViewModel {
    package var run: LinkView
    package var date: String
    package var from: LinkView
    package var fromWhat: String
    package var runs: Int
    package var days: String
}

/// One page of the table of all runs, newest first.
package struct RunTableView: ViewModel {
    package var rows: [RunRowView]
    package var pages: [PageLinkView]
    package var caption: String
    package var paginated: Bool
}

package struct RunRowView: ViewModel {
    package var number: Int
    package var run: LinkView
    package var started: String
    package var verdict: VerdictView
    package var readiness: PercentView
    package var failing: Int
    package var signoffHref: String
    package var reportHref: String
}

package struct PageLinkView: ViewModel {
    package var href: String
    package var text: String
    package var current: Bool
}

/// Pages 2… of a stream's run table: `trends/<checklist>/<environment>/page-<n>.html`.
package struct TrendRunsPage: ViewModel {
    package var root: String
    package var pageTitle: String
    package var checklistTitle: String
    package var environment: String
    package var page: Int
    package var runTable: RunTableView
}
