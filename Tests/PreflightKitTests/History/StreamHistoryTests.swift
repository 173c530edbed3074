import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport
@testable import PreflightHistory
@testable import PreflightSite

@Suite("RunStream history over the example runs")
struct StreamHistoryTests {
    static let secretRotation = "pre-deployment-requirements/security-configuration/secrets-management/secret-rotation-policies-configured"
    static let circuitBreakers = "pre-deployment-requirements/testing/load-testing/circuit-breakers-tested-under-load"
    static let crossRegion = "pre-deployment-requirements/backup-and-disaster-recovery/application-backups/cross-region-replication-configured"
    static let allChecks = "gono-go-decision/go-criteria-all-must-be-met/all-pre-deployment-checks-pass"
    static let securityAudit = "gono-go-decision/go-criteria-all-must-be-met/security-audit-passed"
    static let reviewCost = "post-deployment/first-24-hours/review-cost-metrics"

    @Test func pointsFollowStartedAt() throws {
        let streams = try ExampleHistory.streams()
        let staging = try #require(streams["staging"])
        let history = StreamHistory(staging)
        #expect(history.points.count == 14)
        #expect(history.points.first?.run == "staging-2026-09-28-1")
        #expect(history.points.last?.run == "staging-2026-11-12-1")
        #expect(zip(history.points, history.points.dropFirst()).allSatisfy { $0.startedAt < $1.startedAt })
        #expect(history.points.map(\.run) == staging.summaries.map(\.run.id))
        #expect(history.points.first?.verdict == .noGo)
        #expect(history.points.first?.counts["pending"] == 37)
        #expect(history.sections.map(\.id) == ["pre-deployment-requirements", "deployment-steps", "post-deployment"])
        #expect(history.path == "production-deployment/staging")
    }

    @Test func flakyItemsInStaging() throws {
        let history = StreamHistory(try #require(try ExampleHistory.streams()["staging"]))
        // Circuit breakers alternate pass/fail. Secret rotation went fail → waived → fail → pass:
        // a waiver hides the observation, so that is one flip, not flakiness.
        #expect(history.flaky.map(\.id) == [Self.circuitBreakers])
        #expect(history.flaky.map(\.flips) == [6])
        #expect(history.flaky.allSatisfy { $0.runs == 10 })
    }

    @Test func flakyItemsInProduction() throws {
        let history = StreamHistory(try #require(try ExampleHistory.streams()["production"]))
        #expect(history.flaky.map(\.id) == [Self.allChecks, Self.securityAudit])
        #expect(history.flaky.map(\.runs) == [4, 4])
    }

    @Test func flakyThresholdsAreConfigurable() throws {
        let staging = try #require(try ExampleHistory.streams()["staging"])
        #expect(StreamHistory(staging, options: HistoryOptions(flakyFlips: 4)).flaky.map(\.id) == [Self.circuitBreakers])
        #expect(StreamHistory(staging, options: HistoryOptions(flakyFlips: 7)).flaky.isEmpty)
        // In the last 3 runs (fail, pass, pass) circuit breakers flip once.
        #expect(StreamHistory(staging, options: HistoryOptions(flakyFlips: 1, flakyWindow: 3)).flaky.map(\.id).contains(Self.circuitBreakers) == false)
    }

    @Test func flipsStepOverPendingAndSkip() {
        let states: [ItemState?] = [.pass, .pending, .fail, .skip, .warn, .done, nil, .fail]
        let flaky = FlakyItem.detect(id: "x", states: states[...], options: HistoryOptions())
        #expect(flaky == FlakyItem(id: "x", flips: 3, runs: 8))
        #expect(FlakyItem.detect(id: "x", states: [.pass, .fail, .pass][...], options: HistoryOptions()) == nil)
    }

    @Test func longFailingItems() throws {
        let streams = try ExampleHistory.streams()
        let staging = try #require(streams["staging"])
        let production = try #require(streams["production"])
        // Every staging item passes in the latest run, so nothing is long-failing there now.
        #expect(StreamHistory(staging).longFailing.isEmpty)
        let now = StreamHistory(production).longFailing
        #expect(now.map(\.id) == [Self.reviewCost])
        #expect(now.first?.sinceRun == "production-2026-11-09-1")
        #expect(now.first?.runs == 2)
        #expect(now.first?.state == .warn)

        // As of staging run 12, cross-region replication had failed since run 1 (fixed in run 13).
        var early = staging
        early.summaries = Array(staging.summaries.prefix(12))
        let then = StreamHistory(early).longFailing
        #expect(then.map(\.id) == [Self.crossRegion, Self.allChecks])
        let cross = try #require(then.first)
        #expect(cross.sinceRun == "staging-2026-09-28-1")
        #expect(cross.runs == 12)
        #expect(cross.days == 38.2)  // 2026-09-28 09:14 to 2026-11-05
        // Secret rotation fails in run 12 but was waived in run 11: one run, below the default of two.
        #expect(!then.map(\.id).contains(Self.secretRotation))
        #expect(StreamHistory(early, options: HistoryOptions(longFailingRuns: 1)).longFailing.map(\.id).contains(Self.secretRotation))
    }

    @Test func timeToGreen() throws {
        let streams = try ExampleHistory.streams()
        #expect(StreamHistory(try #require(streams["staging"])).timeToGreen.isEmpty)
        let spans = StreamHistory(try #require(streams["production"])).timeToGreen
        #expect(spans == [GreenSpan(run: "production-2026-11-16-1", startedAt: try #require(Timestamp("2026-11-16T09:02:47Z")),
                                    fromRun: "production-2026-10-20-1", afterGo: false, runs: 3, days: 26.8)])
    }

    @Test func timeToGreenCountsFromThePreviousGo() {
        func point(_ run: String, _ day: Int, _ verdict: Verdict) -> HistoryPoint {
            var point = HistoryPoint(Self.summary(run, day: day, verdict: verdict), checklist: Self.emptyChecklist)
            point.verdict = verdict
            return point
        }
        let spans = GreenSpan.spans([point("a", 0, .noGo), point("b", 2, .go), point("c", 3, .pending), point("d", 7, .go)])
        #expect(spans.map(\.run) == ["b", "d"])
        #expect(spans.map(\.fromRun) == ["a", "b"])
        #expect(spans.map(\.afterGo) == [false, true])
        #expect(spans.map(\.runs) == [1, 2])
        #expect(spans.map(\.days) == [2, 5])
    }

    @Test func oneRunStream() throws {
        var production = try #require(try ExampleHistory.streams()["production"])
        production.summaries = Array(production.summaries.prefix(1))
        let history = StreamHistory(production)
        #expect(history.points.map(\.run) == ["production-2026-10-20-1"])
        #expect(history.flaky.isEmpty)
        #expect(history.timeToGreen.isEmpty)
        #expect(history.changes.isEmpty)
        #expect(history.tracks.allSatisfy { $0.states.count == 1 })
        // One run cannot show a stretch of two.
        #expect(history.longFailing.isEmpty)
    }

    @Test func chartSamplingKeepsLatestAndStaysBounded() {
        #expect(StreamHistory.sample(count: 0, limit: 200) == [])
        #expect(StreamHistory.sample(count: 1, limit: 200) == [0])
        #expect(StreamHistory.sample(count: 150, limit: 200) == Array(0..<150))
        let large = StreamHistory.sample(count: 10_000, limit: 200)
        #expect(large.count <= 201)
        #expect(large.first == 0)
        #expect(large.last == 9_999)
    }

    static let emptyChecklist = Checklist(name: "c", title: "C", path: "c.md", sections: [], items: [])

    static func summary(_ id: String, day: Int, verdict: Verdict) -> RunSummary {
        RunSummary(run: RunManifest(id: id, checklist: "c", environment: "e", startedAt: Timestamp(seconds: Double(day) * 86_400)),
                   verdict: verdict, reasons: [], readiness: 1, counts: [:], sectionReadiness: [], states: [], criteria: [],
                   problems: [])
    }
}
