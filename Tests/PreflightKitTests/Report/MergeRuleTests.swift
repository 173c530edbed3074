import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport
@testable import PreflightHistory
@testable import PreflightSite

@Suite("Merge rules within one run")
struct MergeRuleTests {
    /// One run, several record files: which result decides an item's state.
    struct MergeCase: Sendable, CustomTestStringConvertible {
        let name: String
        let files: [String: String]
        let item: String
        let state: ItemState
        /// Summary of the deciding result, nil when no result decides.
        let decidedBy: String?
        /// How many results the item lists.
        let listed: Int

        var testDescription: String { name }
    }

    typealias F = RunsFixtures

    static let cases: [MergeCase] = [
        MergeCase(name: "no result, unchecked box → pending", files: [:], item: "build/lint", state: .pending, decidedBy: nil, listed: 0),
        MergeCase(name: "no result, checked box → done", files: [:], item: "build/changelog", state: .done, decidedBy: nil, listed: 0),
        MergeCase(name: "pass result", files: ["a.json": F.result("build/lint", "pass", summary: "ok")],
                  item: "build/lint", state: .pass, decidedBy: "ok", listed: 1),
        MergeCase(name: "fail result", files: ["a.json": F.result("build/lint", "fail", summary: "3 errors")],
                  item: "build/lint", state: .fail, decidedBy: "3 errors", listed: 1),
        MergeCase(name: "warn result", files: ["a.json": F.result("build/lint", "warn", summary: "slow")],
                  item: "build/lint", state: .warn, decidedBy: "slow", listed: 1),
        MergeCase(name: "skip result", files: ["a.json": F.result("build/lint", "skip", summary: "n/a")],
                  item: "build/lint", state: .skip, decidedBy: "n/a", listed: 1),
        MergeCase(name: "status is case-insensitive", files: ["a.json": F.result("build/lint", "PASS", summary: "upper")],
                  item: "build/lint", state: .pass, decidedBy: "upper", listed: 1),
        MergeCase(name: "a result beats a checked box", files: ["a.json": F.result("build/changelog", "fail", summary: "missing")],
                  item: "build/changelog", state: .fail, decidedBy: "missing", listed: 1),
        MergeCase(name: "unique trailing part resolves", files: ["a.json": F.result("lint", "pass", summary: "short ref")],
                  item: "build/lint", state: .pass, decidedBy: "short ref", listed: 1),
        MergeCase(
            name: "newest observed_at decides, even from an earlier file",
            files: [
                "a.json": F.result("build/lint", "pass", at: "2026-10-05T10:00:00Z", summary: "newer"),
                "b.json": F.result("build/lint", "fail", at: "2026-10-05T09:00:00Z", summary: "older"),
            ],
            item: "build/lint", state: .pass, decidedBy: "newer", listed: 2),
        MergeCase(
            name: "same observed_at: the later file wins",
            files: [
                "a.json": F.result("build/lint", "fail", at: "2026-10-05T10:00:00Z", summary: "first file"),
                "b.json": F.result("build/lint", "pass", at: "2026-10-05T10:00:00Z", summary: "second file"),
            ],
            item: "build/lint", state: .pass, decidedBy: "second file", listed: 2),
        MergeCase(
            name: "same observed_at within one array: the later entry wins",
            files: ["a.json": "[" + F.result("build/lint", "pass", at: "2026-10-05T10:00:00Z", summary: "first") + ", "
                + F.result("build/lint", "warn", at: "2026-10-05T10:00:00Z", summary: "second") + "]"],
            item: "build/lint", state: .warn, decidedBy: "second", listed: 2),
        MergeCase(
            name: "observed_at defaults to the run's start",
            files: [
                "a.json": F.result("build/lint", "pass", at: "2026-10-05T08:59:59Z", summary: "before start"),
                "b.json": F.result("build/lint", "fail", summary: "no time"),
            ],
            item: "build/lint", state: .fail, decidedBy: "no time", listed: 2),
        MergeCase(
            name: "time zones are compared as instants",
            files: [
                "a.json": F.result("build/lint", "fail", at: "2026-10-05T11:30:00+02:00", summary: "09:30Z"),
                "b.json": F.result("build/lint", "pass", at: "2026-10-05T09:15:00Z", summary: "09:15Z"),
            ],
            item: "build/lint", state: .fail, decidedBy: "09:30Z", listed: 2),
    ]

    @Test(arguments: cases)
    func merge(_ c: MergeCase) throws {
        let fixture = try RunArchiveFixture(F.mini)
        let report = try fixture.reportOne(files: c.files)
        let item = try #require(report.item(c.item))
        #expect(item.state == c.state)
        #expect(item.decidedBy?.summary == c.decidedBy)
        #expect(item.results.count == c.listed)
        #expect(item.carriedFrom == nil)
        #expect(report.problems.isEmpty, "\(report.problems)")
    }

    @Test func everyResultStaysListedInFileOrderWithItsSource() throws {
        let fixture = try RunArchiveFixture(F.mini)
        let report = try fixture.reportOne(files: [
            "probe-b.json": "[" + F.result("build/lint", "fail", at: "2026-10-05T09:10:00Z") + ","
                + F.result("runtime/load", "pass") + "]",
            "probe-a.json": F.result("build/lint", "pass", at: "2026-10-05T09:05:00Z"),
        ])
        let lint = try #require(report.item("build/lint"))
        #expect(lint.results.map(\.source.file) == ["probe-a.json", "probe-b.json"])
        #expect(lint.results.map(\.source.path) == ["$", "$[0]"])
        #expect(lint.results.map(\.source.run) == ["r1", "r1"])
        #expect(lint.state == .fail)
        #expect(report.item("runtime/load")?.state == .pass)
    }
}
