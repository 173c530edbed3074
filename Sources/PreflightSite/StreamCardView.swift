import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport
import PreflightHistory

/// A stream's latest state on the dashboard, with links to its pages.
struct StreamCardView: ViewModel {
    var checklistTitle: String
    var environment: String
    var verdict: VerdictView
    var readiness: PercentView
    var started: String
    var runCount: Int
    var runCountText: String
    var counts: [CountView]
    /// Inline SVG of readiness over the newest runs.
    var sparkline: String
    var sparklineCaption: String
    /// How far this environment trails (or leads) the group's first one; nil for that one.
    var comparison: String?
    var blockers: [LinkView]
    /// What keeps a non-GO card from GO when no open blocker says so (checklists without Go/No-Go criteria).
    var reasons: [ReasonView]
    var moreReasons: String?
    var trendHref: String
    var latest: LinkView
    var signoffHref: String
    var badgeHref: String
    /// "post-deployment: 1 overdue" for a deployed run with phases.
    var postDeployment: PostDeploymentChipView?

    init?(_ stream: RunStream, history: StreamHistory, options: HistoryOptions, asOf: Timestamp = Timestamp(seconds: 0),
          leader: (String, RunSummary)?) {
        guard let report = stream.summaries.last else { return nil }
        let runHref = "runs/\(report.run.id)/index.html"
        checklistTitle = stream.checklist.title
        environment = stream.environment
        verdict = VerdictView(report.verdict)
        readiness = PercentView(report.readiness)
        started = report.run.startedAt.display
        runCount = stream.summaries.count
        runCountText = ReportFormatter.count(runCount, "run")
        counts = ItemState.allCases.compactMap { state in
            let count = report.counts[state.rawValue] ?? 0
            return count > 0 ? CountView(state: StateView(state), count: count) : nil
        }
        let recent = history.points.suffix(options.sparklineRuns)
        sparklineCaption = "Readiness over the last \(recent.count) run\(recent.count == 1 ? "" : "s")"
        let label = "\(sparklineCaption) of \(stream.key.subject): "
            + recent.map { ReportFormatter.percent($0.readiness) }.joined(separator: ", ")
        sparkline = Sparkline.svg(recent.map { $0.readiness }, label: label)
        comparison = leader.map { environment, other in
            let gap = Int((other.readiness * 100).rounded(.down)) - Int((report.readiness * 100).rounded(.down))
            let position = gap > 0 ? "\(ReportFormatter.count(gap, "point")) behind" : gap < 0 ? "\(ReportFormatter.count(-gap, "point")) ahead of" : "level with"
            return "\(position) \(environment) (\(other.verdict.rawValue.uppercased()) \(ReportFormatter.percent(other.readiness)) on \(other.run.startedAt.day))"
        }
        blockers = history.openBlockers.map { LinkView(href: runHref + "#" + Anchor.item($0.id), text: $0.text) }
        let why = VerdictView(report.verdict, reasons: blockers.isEmpty && report.verdict != .go ? report.reasons : [],
                              anchorPrefix: runHref, limit: VerdictView.cardReasonLimit)
        reasons = why.reasons
        moreReasons = why.moreReasons
        trendHref = "trends/\(stream.path)/index.html"
        latest = LinkView(href: runHref, text: report.run.id)
        signoffHref = "runs/\(report.run.id)/signoff.html"
        badgeHref = "trends/\(stream.path)/badge.svg"
        postDeployment = PostDeploymentChipView(report, checklist: stream.checklist, asOf: asOf, runHref: runHref)
    }
}
