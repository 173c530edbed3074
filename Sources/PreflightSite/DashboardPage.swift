import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport
import PreflightHistory

/// The site's front page, `index.html`: one card per stream, streams of a checklist side by side.
struct DashboardPage: ViewModel {
    var groups: [StreamGroupView]
    var empty: Bool
    /// Problems that belong to no run page: unreadable checklists, broken run folders, runs of
    /// unknown checklists.
    var problems: [ProblemView]

    /// `streams` and `histories` in the same order; `order` gives the pipeline order of environments.
    init(_ streams: [RunStream], histories: [StreamHistory], options: HistoryOptions, problems: [Diagnostic] = [],
         order: PageSettings = PageSettings()) {
        self.problems = problems.map(ProblemView.init)
        var byChecklist: [String: [(RunStream, StreamHistory)]] = [:]
        for (stream, history) in zip(streams, histories) where !stream.summaries.isEmpty {
            byChecklist[stream.checklist.name, default: []].append((stream, history))
        }
        groups = byChecklist.keys.sorted().compactMap { name in
            // The project's pipeline order first; without one, earlier environments of a pipeline
            // usually start first: staging before production.
            let members = (byChecklist[name] ?? []).sorted { a, b in
                let (p, q) = (order.pipelinePosition(of: a.0.environment), order.pipelinePosition(of: b.0.environment))
                if p != q { return p < q }
                let (x, y) = (a.0.summaries.first?.run.startedAt.seconds ?? 0, b.0.summaries.first?.run.startedAt.seconds ?? 0)
                return x != y ? x < y : a.0.key < b.0.key
            }
            guard let lead = members.first, let leadReport = lead.0.summaries.last else { return nil }
            let cards = members.compactMap { stream, history in
                StreamCardView(stream, history: history, options: options,
                               leader: stream.key == lead.0.key ? nil : (lead.0.key.subject, leadReport))
            }
            return StreamGroupView(title: lead.0.checklist.title, name: name, anchor: "checklist-" + Slug.make(name), cards: cards)
        }
        empty = groups.isEmpty
    }
}

/// The streams of one checklist.
struct StreamGroupView: ViewModel {
    var title: String
    var name: String
    var anchor: String
    var cards: [StreamCardView]
}
