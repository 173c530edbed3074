/// The site's front page: one card per stream with its latest run.
public struct HomePage: ViewModel {
    public var streams: [StreamCardView]
    public var empty: Bool

    init(_ streams: [Stream]) {
        self.streams = streams.compactMap(StreamCardView.init)
        empty = self.streams.isEmpty
    }
}

/// A stream's latest state, linking to its pages.
public struct StreamCardView: ViewModel {
    public var checklistTitle: String
    public var environment: String
    public var verdict: VerdictView
    public var readiness: PercentView
    public var counts: [CountView]
    public var latest: LinkView
    public var signoffHref: String
    public var runs: [LinkView]

    init?(_ stream: Stream) {
        guard let report = stream.reports.last else { return nil }
        checklistTitle = stream.checklist.title
        environment = stream.environment
        verdict = VerdictView(report.verdict, reasons: Array(report.reasons.prefix(5)), anchorPrefix: "runs/\(report.run.id)/index.html")
        readiness = PercentView(report.readiness)
        counts = ItemState.allCases.compactMap { state in
            let count = report.counts[state.rawValue] ?? 0
            return count > 0 ? CountView(state: StateView(state), count: count) : nil
        }
        latest = LinkView(href: "runs/\(report.run.id)/index.html", text: report.run.id)
        signoffHref = "runs/\(report.run.id)/signoff.html"
        runs = stream.reports.reversed().map { LinkView(href: "runs/\($0.run.id)/index.html", text: "\($0.run.id) · \($0.verdict.rawValue)") }
    }
}
