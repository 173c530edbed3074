import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport
import PreflightHistory

/// A stream's latest state on the dashboard, with links to its pages.
package struct StreamCardView: ViewModel {
    package var checklistTitle: String
    package var environment: String
    package var verdict: VerdictView
    package var readiness: PercentView
    package var started: String
    package var runCount: Int
    package var counts: [CountView]
    /// Inline SVG of readiness over the newest runs.
    package var sparkline: String
    package var sparklineCaption: String
    /// How far this environment trails (or leads) the group's first one; nil for that one.
    package var comparison: String?
    package var blockers: [LinkView]
    package var trendHref: String
    package var latest: LinkView
    package var signoffHref: String
    package var badgeHref: String

    init?(_ stream: RunStream, history: StreamHistory, options: HistoryOptions, leader: (String, RunSummary)?) {
        guard let report = stream.summaries.last else { return nil }
        let runHref = "runs/\(report.run.id)/index.html"
        checklistTitle = stream.checklist.title
        environment = stream.environment
        verdict = VerdictView(report.verdict)
        readiness = PercentView(report.readiness)
        started = report.run.startedAt.display
        runCount = stream.summaries.count
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
            let position = gap > 0 ? "\(gap) points behind" : gap < 0 ? "\(-gap) points ahead of" : "level with"
            return "\(position) \(environment) (\(other.verdict.rawValue.uppercased()) \(ReportFormatter.percent(other.readiness)) on \(other.run.startedAt.day))"
        }
        blockers = history.openBlockers.map { LinkView(href: runHref + "#" + Anchor.item($0.id), text: $0.text) }
        trendHref = "trends/\(stream.path)/index.html"
        latest = LinkView(href: runHref, text: report.run.id)
        signoffHref = "runs/\(report.run.id)/signoff.html"
        badgeHref = "trends/\(stream.path)/badge.svg"
    }
}
