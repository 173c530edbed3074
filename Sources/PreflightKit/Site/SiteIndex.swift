/// `index.json`: every stream with its latest run and the paths of its pages.
public struct SiteIndex: Sendable, Codable, Equatable {
    public struct Entry: Sendable, Codable, Equatable {
        public var checklist: String
        public var title: String
        public var environment: String
        public var runs: Int
        public var latest: Latest
        public var pages: Pages
    }

    public struct Latest: Sendable, Codable, Equatable {
        public var id: String
        public var startedAt: Timestamp
        public var verdict: Verdict
        public var readiness: Double
        public var counts: [String: Int]

        enum CodingKeys: String, CodingKey {
            case id, verdict, readiness, counts
            case startedAt = "started_at"
        }
    }

    /// Paths relative to the site root.
    public struct Pages: Sendable, Codable, Equatable {
        public var trend: String
        public var history: String
        public var badge: String
        public var run: String
        public var report: String
        public var signoff: String
    }

    public var streams: [Entry]

    init(_ streams: [Stream]) {
        self.streams = streams.compactMap { stream in
            guard let report = stream.summaries.last else { return nil }
            let trend = "trends/\(stream.path)/"
            let run = "runs/\(report.run.id)/"
            return Entry(
                checklist: stream.checklist.name, title: stream.checklist.title, environment: stream.environment,
                runs: stream.summaries.count,
                latest: Latest(id: report.run.id, startedAt: report.run.startedAt, verdict: report.verdict,
                               readiness: report.readiness, counts: report.counts),
                pages: Pages(trend: trend + "index.html", history: trend + "history.json", badge: trend + "badge.svg",
                             run: run + "index.html", report: run + "report.json", signoff: run + "signoff.html"))
        }.sorted { ($0.checklist, $0.environment) < ($1.checklist, $1.environment) }
    }
}
