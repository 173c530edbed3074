import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport
import PreflightHistory

/// The run page's post-deployment timeline, rendered from `partials/post-deployment.mustache`
/// (on its own, so runs never deployed keep their page shape and bytes).
struct PostDeploymentView: ViewModel {
    /// "complete", "on track", "1 overdue".
    var status: String
    var css: String
    /// "as of 2026-11-17 14:30 UTC (the archive's newest timestamp)"; nil once complete (the page no longer depends on it).
    var asOf: String?
    var deployed: String
    var release: String?
    var by: String?
    var url: EvidenceView?
    /// The other deployments recorded, newest counts.
    var otherDeployments: [String]
    var phases: [PhaseView]

    static let template = "partials/post-deployment"

    init(_ post: PostDeployment, asOfGiven: Bool) {
        status = ReportFormatter.statusWords(post)
        css = post.status.rawValue
        asOf = post.asOf.map { "as of \($0.display) (\(asOfGiven ? "the time this site was built for" : "the newest time in the archive"))" }
        deployed = post.deployment.at.display
        release = post.deployment.release
        by = post.deployment.by
        url = post.deployment.url.map { EvidenceView(Evidence(label: "Deploy job", url: $0)) }
        otherDeployments = post.deployments.filter { $0 != post.deployment }.map(ReportFormatter.deploymentLine)
        phases = post.phases.map(PhaseView.init)
    }
}

/// One phase of the timeline: its due time, counts and items, overdue first.
struct PhaseView: ViewModel {
    var title: String
    var window: String
    var due: String
    var counts: String
    var completed: String?
    var items: [PhaseItemView]

    init(_ phase: PhaseReport) {
        title = phase.title
        window = ISODuration(phase.window).map(RunAge.words) ?? phase.window
        due = phase.due.display
        counts = ReportFormatter.phaseCounts(phase)
        completed = phase.secondsToComplete.map { $0 <= 0 ? "all done by the deployment" : "completed \(ReportFormatter.span($0)) after the deployment" }
        items = phase.items.map(PhaseItemView.init)
    }
}

struct PhaseItemView: ViewModel {
    var href: String
    var text: String
    var css: String
    var words: String

    init(_ item: PhaseItemReport) {
        href = "#" + Anchor.item(item.id)
        text = item.text
        css = item.state.rawValue
        words = ReportFormatter.phaseItemWords(item)
    }
}

/// "post-deployment: 1 overdue" beside a verdict on the dashboard and in the fleet matrix.
struct PostDeploymentChipView: ViewModel {
    var text: String
    var css: String
    var href: String

    init?(_ summary: RunSummary, checklist: Checklist, asOf: Timestamp, runHref: String) {
        guard let facts = summary.phaseFacts else { return nil }
        let post = facts.evaluate(checklist, asOf: asOf)
        text = "post-deployment: " + ReportFormatter.statusWords(post)
        css = post.status.rawValue
        href = runHref + "#deployment-timeline"
    }
}

/// The trend page's table: per deployed run, how long after the deployment each phase was complete.
struct PhaseTimesView: ViewModel {
    var caption: String
    var phases: [String]
    var rows: [PhaseTimeRowView]

    init?(_ stream: RunStream, asOf: Timestamp) {
        let checklist = stream.checklist
        let deployed = stream.summaries.filter { $0.phaseFacts != nil }
        guard !deployed.isEmpty, !checklist.phases.isEmpty else { return nil }
        caption = "Time from the deployment until every item of a phase was done, newest run first; "
            + "a phase not complete shows where it stands as of \(asOf.display)."
        phases = checklist.phases.map(\.title)
        rows = deployed.reversed().compactMap { summary in
            guard let post = summary.phaseFacts?.evaluate(checklist, asOf: asOf) else { return nil }
            let cells = post.phases.map { phase -> PhaseTimeCellView in
                if let seconds = phase.secondsToComplete {
                    return PhaseTimeCellView(text: seconds <= 0 ? "done by the deployment" : ReportFormatter.span(seconds), css: "complete")
                }
                let overdue = phase.count(.overdue) + (asOf > phase.due ? phase.count(.failing) : 0)
                return overdue > 0 ? PhaseTimeCellView(text: "\(overdue) overdue", css: "overdue")
                    : PhaseTimeCellView(text: "open, due \(phase.due.display)", css: "on-track")
            }
            return PhaseTimeRowView(run: LinkView(href: "\(stream.key.siteRoot)runs/\(summary.run.id)/index.html#deployment-timeline", text: summary.run.id),
                                    deployed: post.deployment.at.display, cells: cells)
        }
    }
}

struct PhaseTimeRowView: ViewModel {
    var run: LinkView
    var deployed: String
    var cells: [PhaseTimeCellView]
}

struct PhaseTimeCellView: ViewModel {
    var text: String
    var css: String
}
