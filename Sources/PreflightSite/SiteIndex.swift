import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport
import PreflightHistory

/// `index.json`: every stream with its latest run and the paths of its pages.
struct SiteIndex: Sendable, Codable, Equatable {
    struct Entry: Sendable, Codable, Equatable {
        var checklist: String
        var title: String
        var environment: String
        /// The stream's service and the owner its latest run names; absent for runs of no service.
        var service: String?
        var owner: String?
        var runs: Int
        var latest: Latest
        var pages: Pages
        /// Every run of the stream, oldest first, with its evidence and report.json digests: what
        /// `preflight verify DIGEST --site` looks up.
        var digests: [RunDigests]
    }

    struct RunDigests: Sendable, Codable, Equatable {
        var run: String
        var evidence: String
        var report: String
    }

    struct Latest: Sendable, Codable, Equatable {
        var id: String
        var startedAt: Timestamp
        var verdict: Verdict
        var readiness: Double
        var counts: [String: Int]
        /// The follow-through after the deployment, for a deployed run with phases.
        var postDeployment: PostDeploymentIndex?

        enum CodingKeys: String, CodingKey {
            case id, verdict, readiness, counts
            case startedAt = "started_at", postDeployment = "post_deployment"
        }
    }

    /// A latest run's post-deployment status and phases, without the items.
    struct PostDeploymentIndex: Sendable, Codable, Equatable {
        var status: PostDeploymentStatus
        var overdue: Int
        var deployedAt: Timestamp
        var asOf: Timestamp?
        var phases: [Phase]

        struct Phase: Sendable, Codable, Equatable {
            var title: String
            var due: Timestamp
            var counts: [String: Int]
            var completedAt: Timestamp?
            var secondsToComplete: Double?

            enum CodingKeys: String, CodingKey {
                case title, due, counts
                case completedAt = "completed_at", secondsToComplete = "seconds_to_complete"
            }
        }

        enum CodingKeys: String, CodingKey {
            case status, overdue, phases
            case deployedAt = "deployed_at", asOf = "as_of"
        }

        init(_ post: PostDeployment) {
            status = post.status
            overdue = post.overdue
            deployedAt = post.deployment.at
            asOf = post.asOf
            phases = post.phases.map { Phase(title: $0.title, due: $0.due, counts: $0.counts, completedAt: $0.completedAt,
                                             secondsToComplete: $0.secondsToComplete) }
        }
    }

    /// Paths relative to the site root.
    struct Pages: Sendable, Codable, Equatable {
        var trend: String
        var history: String
        var badge: String
        var run: String
        var report: String
        var signoff: String
        /// The service's page; absent for a stream of no service.
        var service: String?
    }

    var streams: [Entry]

    init(_ streams: [RunStream], asOf: Timestamp = Timestamp(seconds: 0)) {
        self.streams = streams.compactMap { stream in
            guard let report = stream.summaries.last else { return nil }
            let trend = "trends/\(stream.path)/"
            let run = "runs/\(report.run.id)/"
            return Entry(
                checklist: stream.checklist.name, title: stream.checklist.title, environment: stream.environment,
                service: stream.key.service, owner: report.run.owner, runs: stream.summaries.count,
                latest: Latest(id: report.run.id, startedAt: report.run.startedAt, verdict: report.verdict,
                               readiness: report.readiness, counts: report.counts,
                               postDeployment: report.phaseFacts.map { PostDeploymentIndex($0.evaluate(stream.checklist, asOf: asOf)) }),
                pages: Pages(trend: trend + "index.html", history: trend + "history.json", badge: trend + "badge.svg",
                             run: run + "index.html", report: run + "report.json", signoff: run + "signoff.html",
                             service: stream.key.servicePath.map(ServicePage.file)),
                digests: stream.summaries.map { RunDigests(run: $0.run.id, evidence: $0.evidenceDigest, report: $0.reportDigest) })
        }
    }
}
