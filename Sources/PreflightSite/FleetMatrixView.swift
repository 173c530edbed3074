import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport
import PreflightHistory

/// The dashboard's matrix of a checklist's services (rows) by environments (columns). Lean markup
/// per cell, since a fleet of 300 services in three environments is 900 cells on one page.
struct FleetMatrixView: ViewModel {
    var anchor: String
    var caption: String
    var columns: [FleetColumnView]
    var totals: [FleetTotalView]
    var staleRule: String
    var rows: [FleetRowView]

    init(_ fleet: Fleet, streams: [RunStream], age: RunAge, anchor: String) {
        self.anchor = anchor
        caption = "\(fleet.checklistTitle): the latest run of \(ReportFormatter.count(fleet.services.count, "service")) "
            + "in each environment, worst first (NO-GO, PENDING, GO), then by name"
        columns = fleet.environments.map { FleetColumnView(name: $0) }
        staleRule = age.rule
        rows = fleet.services.map { service in
            FleetRowView(name: service.name, owner: service.owner, href: ServicePage.file(service.path),
                         cells: service.streams.map { index in
                             FleetCellView(latest: index.flatMap { index in
                                 streams[index].summaries.last.map { FleetRunView($0, age: age, root: "", checklist: streams[index].checklist) }
                             })
                         })
        }
        totals = fleet.environments.indices.map { column in
            var counts: [Verdict: Int] = [:]
            var ran = 0
            for service in fleet.services {
                guard let index = service.streams[column], let latest = streams[index].summaries.last else { continue }
                counts[latest.verdict, default: 0] += 1
                ran += 1
            }
            return FleetTotalView(environment: fleet.environments[column],
                                  text: Self.totals(counts, ran: ran, without: fleet.services.count - ran))
        }
    }

    /// "38 go · 7 pending · 5 no-go of 50 services"; services with no run in the environment are
    /// not counted among them but named after: "; 3 with no run".
    static func totals(_ counts: [Verdict: Int], ran: Int, without: Int) -> String {
        "\(counts[.go] ?? 0) go · \(counts[.pending] ?? 0) pending · \(counts[.noGo] ?? 0) no-go of "
            + ReportFormatter.count(ran, "service") + (without > 0 ? "; \(without) with no run" : "")
    }
}

struct FleetColumnView: ViewModel {
    var name: String
}

/// One environment's totals line.
struct FleetTotalView: ViewModel {
    var environment: String
    var text: String
}

/// A service: its name (linking to its page), its owner, and a cell per environment.
struct FleetRowView: ViewModel {
    var name: String
    var owner: String?
    var href: String
    var cells: [FleetCellView]
}

/// An environment of a service: its latest run, or nil when the service has no run there.
struct FleetCellView: ViewModel {
    var latest: FleetRunView?
}

/// A latest run as the matrix and service pages show it: verdict, readiness and age.
struct FleetRunView: ViewModel {
    var id: String
    var href: String
    var verdict: VerdictView
    var readiness: String
    var started: String
    var age: String
    var stale: Bool
    /// "post-deployment: 1 overdue" for a deployed run with phases.
    var postDeployment: PostDeploymentChipView?

    /// `root` leads from the page to the site root.
    init(_ summary: RunSummary, age: RunAge, root: String, checklist: Checklist) {
        id = summary.run.id
        href = root + "runs/\(summary.run.id)/index.html"
        verdict = VerdictView(summary.verdict)
        readiness = ReportFormatter.percent(summary.readiness)
        started = summary.run.startedAt.display
        self.age = age.text(summary.run.startedAt)
        stale = age.isStale(summary.run.startedAt)
        postDeployment = PostDeploymentChipView(summary, checklist: checklist, asOf: age.asOf, runHref: href)
    }
}

/// The service a run or stream belongs to, where its pages name it: with its owner and a link to
/// the service's page.
struct ServiceRefView: ViewModel {
    var name: String
    var owner: String?
    var href: String

    /// Nil for a run of no service. `root` leads from the page to the site root.
    init?(_ run: RunManifest, root: String) {
        guard let name = run.service, let path = run.stream.servicePath else { return nil }
        self.name = name
        owner = run.owner
        href = root + ServicePage.file(path)
    }

    /// A stream's service, owned by the team that its newest run naming one names; nil for a
    /// stream of no service. Links from the stream's trend folder.
    init?(_ stream: RunStream) {
        guard let latest = stream.summaries.last else { return nil }
        self.init(latest.run, root: stream.key.siteRoot)
        owner = stream.summaries.last(where: { $0.run.owner != nil })?.run.owner
    }
}
