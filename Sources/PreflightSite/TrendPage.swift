import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport
import PreflightHistory

/// A stream's history: `trends/<checklist>/<environment>/index.html`.
struct TrendPage: ViewModel {
    var root: String
    var pageTitle: String
    var checklistTitle: String
    /// The stream's service and its owner; nil for a stream of no service.
    var service: ServiceRefView?
    var environment: String
    /// "1 run", "14 runs".
    var runCountText: String
    var latest: LinkView?
    var verdict: VerdictView?
    var readiness: PercentView?
    /// Inline SVG: readiness over all runs (thinned), with verdict markers.
    var chart: String
    var sectionTrends: [SectionTrendView]
    var matrix: MatrixView
    var flaky: [FlakyView]
    /// `flaky` rendered from `partials/flaky-item.mustache` through the fragment cache.
    var flakyHTML: RawHTML
    var flakyRule: String
    var longFailing: [LongFailingView]
    var longFailingRule: String
    var changes: ChangesView
    var timeToGreen: [GreenView]
    var timeToGreenNote: String?
    var runTable: RunTableView
    /// Time to complete each post-deployment phase, per deployed run; nil when no run was deployed.
    var phaseTimes: PhaseTimesView?
}

/// One summary section's readiness over time.
struct SectionTrendView: ViewModel {
    var title: String
    var chart: String
    var latest: PercentView?
}

/// States of items (rows) in the newest runs (columns, oldest first).
struct MatrixView: ViewModel {
    static let rowTemplate = "partials/matrix-row"
    var columns: [MatrixColumnView]
    var rows: [MatrixRowView]
    /// `rows` rendered from `partials/matrix-row.mustache` through the fragment cache: a fleet
    /// has hundreds of trend pages of a few hundred rows each, and every row has the same shape.
    var rowsHTML: RawHTML
    var caption: String
}

struct MatrixColumnView: ViewModel {
    var href: String
    var label: String
    var title: String
}

struct MatrixRowView: ViewModel {
    var id: String
    var text: String
    var href: String
    var cells: [StateView]
    /// True for rows that passed (or were skipped) in every column.
    var steady: Bool
}

struct FlakyView: ViewModel {
    static let template = "partials/flaky-item"
    var id: String
    var text: String
    var href: String
    /// "1 flip", "6 flips".
    var flipsText: String
    /// The runs looked at: "10 runs".
    var runsText: String
    var states: [StateView]
}

struct LongFailingView: ViewModel {
    var id: String
    var text: String
    var href: String
    var state: StateView
    var since: LinkView
    var sinceDate: String
    var runs: Int
    var days: String
}

struct GreenView: ViewModel {
    var run: LinkView
    var date: String
    var from: LinkView
    var fromWhat: String
    var runs: Int
    var days: String
}

/// One page of the table of all runs, newest first.
struct RunTableView: ViewModel {
    var rows: [RunRowView]
    /// `rows` rendered from `partials/run-row.mustache` through the fragment cache: at 10,000
    /// runs a stream has a hundred pages of these rows, all rendered again when a run is added.
    var rowsHTML: RawHTML
    var pages: [PageLinkView]
    var caption: String
    var paginated: Bool
}

struct RunRowView: ViewModel {
    static let template = "partials/run-row"
    var number: Int
    var run: LinkView
    var started: String
    var verdict: VerdictView
    var readiness: PercentView
    var failing: Int
    var signoffHref: String
    var reportHref: String
}

struct PageLinkView: ViewModel {
    var href: String
    var text: String
    var current: Bool
}

/// Pages 2… of a stream's run table: `trends/<checklist>/<environment>/page-<n>.html`.
struct TrendRunsPage: ViewModel {
    var root: String
    var pageTitle: String
    var checklistTitle: String
    var service: ServiceRefView?
    var environment: String
    var page: Int
    var runTable: RunTableView
}
