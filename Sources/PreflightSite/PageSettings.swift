import PreflightSupport

/// The project's choices that change how pages look rather than what they say: the site
/// title, the paper of the sign-off sheet, the pipeline order of environments, and
/// the base URL the feed (and only the feed) makes absolute links from.
struct PageSettings: Sendable, Equatable {
    var title: String = SiteOptions.defaultTitle
    var baseURL: String?
    var paper: SheetPaper = .any
    var environments: [String] = []
    /// Runs in the Atom feed.
    var feedEntries = SiteOptions.defaultFeedEntries
    /// Latest runs older than this (before the archive's newest run) are stale on the dashboard and service pages.
    var staleAfter: ISODuration = SiteOptions.defaultStaleAfter
    /// `build --as-of`: pages then say what post-deployment status they show "as of".
    var asOf: Timestamp?

    init(_ options: SiteOptions) {
        asOf = options.asOf
        title = options.title
        baseURL = options.baseURL.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        paper = options.paper
        environments = options.environments
        feedEntries = max(1, options.feedEntries)
        staleAfter = options.staleAfter
    }

    init() {}

    /// The files written for each run, in `runs/<run-id>/`: one sign-off sheet serves every
    /// paper, since a file per paper cost a quarter of the files a build writes.
    var runFiles: [String] { ["report.json", "index.html", "signoff.html"] }

    /// What of these settings run pages depend on (the feed and dashboard are rendered every build).
    var pagesKey: String {
        ContentKeys.combine(["title", title, "paper", paper.rawValue] + (asOf.map { ["as-of", $0.text] } ?? []))
    }

    /// Where an environment sits in the pipeline; environments not listed come after, in their old order.
    func pipelinePosition(of environment: String) -> Int {
        environments.firstIndex(of: environment) ?? environments.count
    }
}
