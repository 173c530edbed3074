import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport
import PreflightHistory

/// The site's front page, `index.html`: per checklist a fleet matrix of its services, and one card
/// per stream of no service, streams of a checklist side by side.
struct DashboardPage: ViewModel {
    var groups: [StreamGroupView]
    var empty: Bool
    /// Whether some checklist shows a fleet matrix.
    var hasFleet: Bool
    /// Problems that belong to no run page: unreadable checklists, broken run folders, runs of
    /// unknown checklists.
    var problems: [ProblemView]
    /// `build --as-of`: the time post-deployment statuses are judged at, said on the page.
    var asOf: String?

    /// `streams` and `histories` in the same order; `order` gives the pipeline order of environments.
    /// A checklist with services gets its fleet matrix (`fleets`, judged by `age`); its streams
    /// of no service, and every stream of a checklist without services, get cards.
    init(_ streams: [RunStream], histories: [StreamHistory], options: HistoryOptions, problems: [Diagnostic] = [],
         order: PageSettings = PageSettings(), fleets: [Fleet] = [], age: RunAge? = nil) {
        self.problems = problems.map(ProblemView.init)
        asOf = order.asOf?.display
        var byChecklist: [String: [(RunStream, StreamHistory)]] = [:]
        for (stream, history) in zip(streams, histories) where !stream.summaries.isEmpty && stream.key.service == nil {
            byChecklist[stream.checklist.name, default: []].append((stream, history))
        }
        let age = age ?? RunAge(streams, staleAfter: order.staleAfter)
        let fleetOf = Dictionary(fleets.map { ($0.checklistName, $0) }, uniquingKeysWith: { a, _ in a })
        groups = Set(byChecklist.keys).union(fleetOf.keys).sorted().compactMap { name in
            let anchor = "checklist-" + Slug.make(name)
            let fleet = fleetOf[name].map { FleetMatrixView($0, streams: streams, age: age, anchor: anchor + "-fleet") }
            // The project's pipeline order first; without one, earlier environments of a pipeline
            // usually start first: staging before production.
            let members = (byChecklist[name] ?? []).sorted { a, b in
                let (p, q) = (order.pipelinePosition(of: a.0.environment), order.pipelinePosition(of: b.0.environment))
                if p != q { return p < q }
                let (x, y) = (a.0.summaries.first?.run.startedAt.seconds ?? 0, b.0.summaries.first?.run.startedAt.seconds ?? 0)
                return x != y ? x < y : a.0.key < b.0.key
            }
            var cards: [StreamCardView] = []
            if let lead = members.first, let leadReport = lead.0.summaries.last {
                cards = members.compactMap { stream, history in
                    StreamCardView(stream, history: history, options: options, asOf: age.asOf,
                                   leader: stream.key == lead.0.key ? nil : (lead.0.key.subject, leadReport))
                }
            }
            guard fleet != nil || !cards.isEmpty else { return nil }
            let title = fleetOf[name]?.checklistTitle ?? members.first?.0.checklist.title ?? name
            return StreamGroupView(title: title, name: name, anchor: anchor, fleet: fleet, cardsHeading: fleet != nil && !cards.isEmpty
                                   ? "Runs of no service" : nil, cards: cards)
        }
        empty = groups.isEmpty
        hasFleet = groups.contains { $0.fleet != nil }
    }
}

/// The streams of one checklist.
struct StreamGroupView: ViewModel {
    var title: String
    var name: String
    var anchor: String
    /// The services × environments matrix, for a checklist with services.
    var fleet: FleetMatrixView?
    /// Set when cards follow a fleet matrix: runs of the same checklist without a service.
    var cardsHeading: String?
    var cards: [StreamCardView]
}
