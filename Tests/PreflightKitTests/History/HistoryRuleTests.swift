import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport
@testable import PreflightHistory
@testable import PreflightSite

@Suite("History rules: long-failing stretches and parents with results of their own")
struct HistoryRuleTests {
    static let parent = "build/database"
    static let children = ["build/database/migrations", "build/database/backups"]

    // MARK: Long-failing

    @Test func theStretchStartsAtTheFirstFailingRun() throws {
        let history = StreamHistory(HistoryFixtures.stream([.pending, .pending, .fail, .pending, .fail]))
        let item = try #require(history.longFailing.first)
        #expect(item.sinceRun == "r3")
        #expect(item.runs == 3)
        #expect(item.days == 2)
        #expect(item.since == history.points[2].startedAt)
    }

    @Test func leadingPendingRunsAreNotCounted() {
        // One failing run after pending ones is a stretch of one: below the default of two.
        #expect(StreamHistory(HistoryFixtures.stream([.pending, .pending, .pending, .fail])).longFailing.isEmpty)
        let one = StreamHistory(HistoryFixtures.stream([.pending, .pending, .pending, .fail]), options: HistoryOptions(longFailingRuns: 1))
        #expect(one.longFailing.map(\.sinceRun) == ["r4"])
        #expect(one.longFailing.map(\.runs) == [1])
    }

    @Test func aPassEndsTheStretchAndWarnCountsAsFailing() {
        let history = StreamHistory(HistoryFixtures.stream([.fail, .pass, .pending, .warn, .pending, .fail]))
        #expect(history.longFailing.map(\.sinceRun) == ["r4"])
        #expect(history.longFailing.map(\.runs) == [3])
        #expect(history.longFailing.map(\.state) == [.fail])
    }

    // MARK: Parents with results of their own

    /// Runs of the mini checklist: `own` gives the parent's own result in each run (nil: none);
    /// its children pass in every run.
    static func parentStream(_ own: [String?]) throws -> (RunStream, RunArchiveFixture) {
        let fixture = try RunArchiveFixture(RunsFixtures.mini)
        let runs = own.map { status in
            HistoryFixtures.results(children.map { ($0, "pass") } + (status.map { [(parent, $0)] } ?? []))
        }
        return (try HistoryFixtures.merged(fixture, runs: runs), fixture)
    }

    @Test func theSummaryMarksParentsDecidedByTheirOwnResults() throws {
        let (stream, fixture) = try Self.parentStream(["fail", nil])
        let position = try #require(fixture.checklist.items.firstIndex { $0.id == Self.parent })
        #expect(stream.summaries.map(\.ownResults) == [[position], []])
        // Its own fail decides it in the first run; in the second its passing children do.
        #expect(stream.summaries.map { $0.states[position] } == [.fail, .pass])
    }

    @Test func aParentFlippingOnItsOwnResultsIsFlaky() throws {
        let (stream, _) = try Self.parentStream(["pass", "fail", "pass", "fail", "pass", "fail"])
        let history = StreamHistory(stream)
        #expect(history.flaky == [FlakyItem(id: Self.parent, flips: 5, runs: 6)])
        let track = try #require(history.tracks.first { $0.id == Self.parent })
        #expect(track.states == [.pass, .fail, .pass, .fail, .pass, .fail])
        #expect(HistoryDocument(history).items[Self.parent] == track.states)
    }

    @Test func runsDecidedByTheChildrenCarryNoSignal() throws {
        let (stream, _) = try Self.parentStream(["pass", nil, "fail", nil, "pass", "fail"])
        let history = StreamHistory(stream)
        let track = try #require(history.tracks.first { $0.id == Self.parent })
        #expect(track.states == [.pass, nil, .fail, nil, .pass, .fail])
        #expect(history.flaky.map(\.id) == [Self.parent])
        #expect(history.flaky.first?.flips == 3)
    }

    @Test func aParentFailingOnItsOwnResultsIsLongFailing() throws {
        let (stream, _) = try Self.parentStream(["pass", "fail", "fail", "fail"])
        let history = StreamHistory(stream)
        #expect(history.longFailing.map(\.id) == [Self.parent])
        #expect(history.longFailing.first?.sinceRun == "r2")
        #expect(history.longFailing.first?.runs == 3)
        // A run its children decided says nothing about it, so the stretch ends there.
        let (broken, _) = try Self.parentStream(["fail", nil, "fail"])
        #expect(StreamHistory(broken).longFailing.isEmpty)
    }

    @Test func aParentWithoutResultsOfItsOwnIsNotFollowed() throws {
        let (stream, fixture) = try Self.parentStream([nil, nil, nil])
        let history = StreamHistory(stream)
        let leaves = fixture.checklist.items.filter(\.children.isEmpty).map(\.id)
        #expect(history.tracks.map(\.id) == leaves)
        #expect(!history.tracks.map(\.id).contains(Self.parent))
    }

    @Test func theCacheKeepsOwnResults() throws {
        let (stream, fixture) = try Self.parentStream(["warn"])
        let summary = try #require(stream.summaries.first)
        #expect(!summary.ownResults.isEmpty)
        var json = JSONBuilder()
        summary.writeCached(&json)
        let value = try JSONValue.parse(bytes: json.bytes)
        #expect(RunSummary(cached: value) == summary)
        #expect(RunSummary(cached: value)?.fits(fixture.checklist) == true)

        // A cached summary from before `own` existed, or one pointing past its items, is not used.
        guard case .object(let pairs) = value else { Issue.record("not an object"); return }
        #expect(RunSummary(cached: .object(pairs.filter { $0.key != "own" })) == nil)
        let pastTheEnd = pairs.map { pair in
            pair.key == "own" ? (key: pair.key, value: JSONValue.array([.number(Double(summary.states.count))])) : pair
        }
        #expect(RunSummary(cached: .object(pastTheEnd)) == nil)
    }
}
