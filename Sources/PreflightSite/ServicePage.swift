import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport
import PreflightHistory

/// A service's page, `services/<checklist>/<service>/index.html`: its environments with their
/// latest runs, open blockers and links to each stream's pages.
struct ServicePage: ViewModel {
    var root: String
    var pageTitle: String
    var checklistTitle: String
    var dashboardHref: String
    var service: String
    var owner: String?
    var lede: String
    var staleRule: String
    var environments: [ServiceEnvironmentView]
    /// "No run in dev." for the fleet's environments this service has not run in.
    var missing: String?

    /// The page of the service at `servicePath` (`StreamKey.servicePath`), from the site root.
    static func file(_ servicePath: String) -> String { "services/\(servicePath)/index.html" }

    /// `histories` aligned with `streams`.
    init(_ service: Fleet.Service, fleet: Fleet, streams: [RunStream], histories: [StreamHistory], age: RunAge) {
        root = StreamKey.serviceRoot
        checklistTitle = fleet.checklistTitle
        pageTitle = "\(service.name) · \(fleet.checklistTitle)"
        dashboardHref = root + "index.html#checklist-" + Slug.make(fleet.checklistName)
        self.service = service.name
        owner = service.owner
        staleRule = age.rule
        let root = self.root
        environments = service.streams.compactMap { index in
            index.flatMap { ServiceEnvironmentView(streams[$0], history: histories[$0], age: age, root: root) }
        }
        lede = "The latest run of \(fleet.checklistTitle) in each of its "
            + ReportFormatter.count(environments.count, "environment") + ", in pipeline order."
        let absent = zip(fleet.environments, service.streams).filter { $0.1 == nil }.map(\.0)
        missing = absent.isEmpty ? nil : "No run in " + absent.joined(separator: ", ") + "."
    }
}

/// One environment of a service: its latest run and the stream's pages.
struct ServiceEnvironmentView: ViewModel {
    var environment: String
    var latest: FleetRunView
    var readiness: PercentView
    var runCountText: String
    var blockers: [LinkView]
    /// What keeps a non-GO run from GO when no open blocker says so.
    var reasons: [ReasonView]
    var moreReasons: String?
    var trendHref: String
    var signoffHref: String
    var badgeHref: String

    init?(_ stream: RunStream, history: StreamHistory, age: RunAge, root: String) {
        guard let summary = stream.summaries.last else { return nil }
        environment = stream.environment
        latest = FleetRunView(summary, age: age, root: root, checklist: stream.checklist)
        readiness = PercentView(summary.readiness)
        runCountText = ReportFormatter.count(stream.summaries.count, "run")
        let runHref = latest.href
        blockers = history.openBlockers.map { LinkView(href: runHref + "#" + Anchor.item($0.id), text: $0.text) }
        let why = VerdictView(summary.verdict, reasons: blockers.isEmpty && summary.verdict != .go ? summary.reasons : [],
                              anchorPrefix: runHref, limit: VerdictView.cardReasonLimit)
        reasons = why.reasons
        moreReasons = why.moreReasons
        trendHref = root + "trends/\(stream.path)/index.html"
        signoffHref = root + "runs/\(summary.run.id)/signoff.html"
        badgeHref = root + "trends/\(stream.path)/badge.svg"
    }
}
