import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport

/// Item states after a deployment, at the edges of their window.
@Suite struct PostDeploymentStateTests {
    static let markdown = """
        # Release

        ## Go Criteria

        - [ ] Tests pass

        ## First Hour

        - [ ] Watch errors
        - [ ] Check logs
        - [x] Page the on-call

        ## First 24 Hours

        - [ ] Review costs
        """
    static let start = Timestamp("2026-11-16T09:00:00Z")!
    static let deployed = Timestamp("2026-11-16T10:00:00Z")!
    /// The first hour falls due at 11:00:00.
    static let due = Timestamp("2026-11-16T11:00:00Z")!

    static func time(_ seconds: Double, after base: Timestamp = due) -> Timestamp { Timestamp(seconds: base.seconds + seconds) }

    static func report(_ results: [(String, ResultStatus, Timestamp)], deployments: [Timestamp] = [deployed], asOf: Timestamp) -> RunReport {
        let checklist = Fixture.parse(markdown).checklist
        let manifest = RunManifest(id: "r1", checklist: "fixture", environment: "production", startedAt: start)
        var input = RunInput(folder: "r1", manifest: manifest, results: results.map { item, status, at in
            ProbeResult(item: item, status: status, summary: nil, details: nil, probe: nil, observedAt: at, durationMs: nil, evidence: [],
                        validFor: nil, expiresAt: nil, source: RecordSource(run: "r1", file: "f.json", path: "$"))
        }, waivers: [], signoffs: [], problems: [])
        input.deployments = deployments.enumerated().map { index, at in
            Deployment(at: at, release: "v\(index + 1)", source: RecordSource(run: "r1", file: "d.json", path: "$.deployments[\(index)]"))
        }
        var report = ReportBuilder(checklist: checklist).build(input)
        report.settle(asOf: asOf, checklist: checklist)
        return report
    }

    static func item(_ report: RunReport, _ id: String) throws -> PhaseItemReport {
        try #require(report.postDeployment?.phases.flatMap(\.items).first { $0.id == id })
    }

    @Test func doneExactlyAtTheDueTimeIsInTimeOneSecondLaterIsLate() throws {
        let atDue = Self.report([("first-hour/watch-errors", .pass, Self.due)], asOf: Self.time(3600))
        #expect(try Self.item(atDue, "first-hour/watch-errors").state == .doneInTime)
        #expect(try Self.item(atDue, "first-hour/watch-errors").doneAt == Self.due)
        let late = Self.report([("first-hour/watch-errors", .pass, Self.time(1))], asOf: Self.time(3600))
        let item = try Self.item(late, "first-hour/watch-errors")
        #expect(item.state == .doneLate)
        #expect(item.seconds == 1)
        #expect(ReportFormatter.phaseItemWords(item) == "done 1 second late")
    }

    @Test func openAtTheDueTimeIsNotYetOverdueOneSecondLaterItIs() throws {
        let atDue = Self.report([], asOf: Self.due)
        let open = try Self.item(atDue, "first-hour/check-logs")
        #expect(open.state == .open)
        #expect(open.seconds == 0)
        #expect(atDue.postDeployment?.status == .onTrack)
        let before = try Self.item(Self.report([], asOf: Self.time(-5400)), "first-hour/check-logs")
        #expect(ReportFormatter.phaseItemWords(before) == "open, due in 1 hour 30 minutes")

        let after = Self.report([], asOf: Self.time(1))
        let overdue = try Self.item(after, "first-hour/check-logs")
        #expect(overdue.state == .overdue)
        #expect(overdue.seconds == 1)
        #expect(ReportFormatter.phaseItemWords(overdue) == "overdue by 1 second")
        // Watch errors and check logs; paging the on-call is ticked in the checklist (done).
        #expect(after.postDeployment?.overdue == 2)
        #expect(after.postDeployment?.status == .overdue)
        #expect(try Self.item(after, "first-hour/page-the-on-call").state == .doneInTime)
        // Overdue items come first in their phase.
        #expect(after.postDeployment?.phases[0].items.map(\.state) == [.overdue, .overdue, .doneInTime])
    }

    @Test func aFailAfterTheDeploymentIsFailingWhateverItsDueTime() throws {
        let report = Self.report([("first-24-hours/review-costs", .fail, Self.time(-1800)),
                                  ("first-hour/watch-errors", .fail, Self.time(-7200))], asOf: Self.time(60))
        #expect(try Self.item(report, "first-24-hours/review-costs").state == .failing)
        #expect(try Self.item(report, "first-24-hours/review-costs").failedAt == Self.time(-1800))
        // Failed before the deployment: still open work, judged by its due time.
        #expect(try Self.item(report, "first-hour/watch-errors").state == .overdue)
    }

    @Test func completeOnceEveryItemIsDoneAndTheVerdictIsUnchanged() throws {
        let results: [(String, ResultStatus, Timestamp)] = [
            ("first-hour/watch-errors", .pass, Self.time(-600)), ("first-hour/check-logs", .pass, Self.time(-300)),
            ("first-24-hours/review-costs", .pass, Self.time(7200)), ("go-criteria/tests-pass", .pass, Self.start),
        ]
        let report = Self.report(results, asOf: Self.time(86_400))
        let post = try #require(report.postDeployment)
        #expect(post.status == .complete)
        #expect(post.phases.map(\.secondsToComplete) == [3300, 10_800])
        #expect(ReportFormatter.statusWords(post) == "complete")
        let never = Self.report(results, deployments: [], asOf: Self.time(86_400))
        #expect(never.postDeployment == nil)
        #expect(never.verdict == report.verdict)
        #expect(never.reasons == report.reasons)
        #expect(never.evidenceDigest == report.evidenceDigest)
    }

    @Test func theNewestDeploymentCountsAndAllAreListed() throws {
        let second = Timestamp("2026-11-16T12:00:00Z")!
        let report = Self.report([], deployments: [second, Self.deployed], asOf: second)
        let post = try #require(report.postDeployment)
        #expect(post.deployment.at == second)
        #expect(post.deployments.map(\.release) == ["v1", "v2"])
        #expect(post.phases[0].due == Timestamp("2026-11-16T13:00:00Z")!)
    }

    @Test func theTextAndMarkdownReportsSayIt() {
        let report = Self.report([("first-hour/watch-errors", .pass, Self.time(-600))], asOf: Self.time(90))
        let text = ReportFormatter.text(report)
        #expect(text.contains("\nPost-deployment: 1 overdue (as of 2026-11-16 11:01 UTC)\n  deployed 2026-11-16 10:00 UTC · release v1\n"))
        #expect(text.contains("  First Hour (due 2026-11-16 11:00 UTC): 1 overdue · 2 done in time\n    first-hour/check-logs: overdue by 1 minute 30 seconds\n"))
        #expect(text.contains("Verdict: PENDING"))
        let markdown = ReportFormatter.markdown(report)
        #expect(markdown.contains("**Post-deployment: 1 overdue** (as of 2026-11-16 11:01 UTC) · deployed 2026-11-16 10:00 UTC · release v1"))
        #expect(markdown.contains("| `first-hour/check-logs` | overdue by 1 minute 30 seconds |"))
    }
}
