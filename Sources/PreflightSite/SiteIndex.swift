import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport
import PreflightHistory

/// `index.json`: every stream with its latest run and the paths of its pages.
package struct SiteIndex: Sendable, Codable, Equatable {
    package struct Entry: Sendable, Codable, Equatable {
        package var checklist: String
        package var title: String
        package var environment: String
        package var runs: Int
        package var latest: Latest
        package var pages: Pages
    }

    package struct Latest: Sendable, Codable, Equatable {
        package var id: String
        package var startedAt: Timestamp
        package var verdict: Verdict
        package var readiness: Double
        package var counts: [String: Int]

        enum CodingKeys: String, CodingKey {
            case id, verdict, readiness, counts
            case startedAt = "started_at"
        }
    }

    /// Paths relative to the site root.
    package struct Pages: Sendable, Codable, Equatable {
        package var trend: String
        package var history: String
        package var badge: String
        package var run: String
        package var report: String
        package var signoff: String
    }

    package var streams: [Entry]

    init(_ streams: [RunStream]) {
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
        }
    }
}
