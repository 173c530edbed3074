/// A stream's history: `trends/<checklist>/<environment>/index.html`.
public struct TrendPage: ViewModel {
    public var root: String
    public var pageTitle: String
    public var checklistTitle: String
    public var environment: String
    public var runCount: Int
    public var latest: LinkView?
    public var verdict: VerdictView?
    public var readiness: PercentView?
    /// Inline SVG: readiness over all runs (thinned), with verdict markers.
    public var chart: String
    public var sectionTrends: [SectionTrendView]
    public var matrix: MatrixView
    public var flaky: [FlakyView]
    public var flakyRule: String
    public var longFailing: [LongFailingView]
    public var longFailingRule: String
    public var changes: ChangesView
    public var timeToGreen: [GreenView]
    public var timeToGreenNote: String?
    public var runTable: RunTableView
}

/// One top-level section's readiness over time.
public struct SectionTrendView: ViewModel {
    public var title: String
    public var chart: String
    public var latest: PercentView?
}

/// States of items (rows) in the newest runs (columns, oldest first).
public struct MatrixView: ViewModel {
    public var columns: [MatrixColumnView]
    public var rows: [MatrixRowView]
    public var caption: String
}

public struct MatrixColumnView: ViewModel {
    public var href: String
    public var label: String
    public var title: String
}

public struct MatrixRowView: ViewModel {
    public var id: String
    public var text: String
    public var href: String
    public var cells: [StateView]
    /// True for rows that passed (or were skipped) in every column.
    public var steady: Bool
}

public struct FlakyView: ViewModel {
    public var id: String
    public var text: String
    public var href: String
    public var flips: Int
    public var runs: Int
    public var states: [StateView]
}

public struct LongFailingView: ViewModel {
    public var id: String
    public var text: String
    public var href: String
    public var state: StateView
    public var since: LinkView
    public var sinceDate: String
    public var runs: Int
    public var days: String
}

public struct GreenView: ViewModel {
    public var run: LinkView
    public var date: String
    public var from: LinkView
    public var fromWhat: String
    public var runs: Int
    public var days: String
}

/// One page of the table of all runs, newest first.
public struct RunTableView: ViewModel {
    public var rows: [RunRowView]
    public var pages: [PageLinkView]
    public var caption: String
    public var paginated: Bool
}

public struct RunRowView: ViewModel {
    public var number: Int
    public var run: LinkView
    public var started: String
    public var verdict: VerdictView
    public var readiness: PercentView
    public var failing: Int
    public var signoffHref: String
    public var reportHref: String
}

public struct PageLinkView: ViewModel {
    public var href: String
    public var text: String
    public var current: Bool
}

/// Pages 2… of a stream's run table: `trends/<checklist>/<environment>/page-<n>.html`.
public struct TrendRunsPage: ViewModel {
    public var root: String
    public var pageTitle: String
    public var checklistTitle: String
    public var environment: String
    public var page: Int
    public var runTable: RunTableView
}
