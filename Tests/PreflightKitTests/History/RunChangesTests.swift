import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport
@testable import PreflightHistory
@testable import PreflightSite

@Suite("Changes between two runs")
struct RunChangesTests {
    /// Item i<n> goes from `transitions[n].0` to `transitions[n].1`.
    static let transitions: [(ItemState, ItemState)] = [
        (.fail, .pass), (.warn, .done), (.fail, .waived), (.pending, .waived), (.waived, .waived),
        (.pass, .pending), (.fail, .pending), (.skip, .pending), (.waived, .pending), (.pending, .fail),
        (.pass, .pass), (.done, .pending), (.warn, .pending), (.pending, .pending), (.waived, .fail),
    ]

    static func changes() -> (RunChanges, Checklist, RunSummary, RunSummary) {
        let checklist = HistoryFixtures.flat(transitions.count)
        let before = HistoryFixtures.summary("r1", day: 0, states: transitions.map(\.0), checklist: checklist)
        let after = HistoryFixtures.summary("r2", day: 1, states: transitions.map(\.1), checklist: checklist)
        return (RunChanges.between(before, after, checklist: checklist), checklist, before, after)
    }

    @Test func fixedIsFailingToPassOrDoneOnly() {
        let (changes, _, _, _) = Self.changes()
        #expect(changes.fixed == ["i0", "i1"])
    }

    @Test func anyStateToWaivedIsNewlyWaived() {
        let (changes, _, _, _) = Self.changes()
        // fail → waived and pending → waived; waived → waived is no change.
        #expect(changes.newlyWaived == ["i2", "i3"])
        #expect(!changes.fixed.contains("i2"))
    }

    @Test func aKnownStateLapsingToPendingIsNoLongerKnown() {
        let (changes, _, _, _) = Self.changes()
        // pass, fail, skip, done and warn → pending; waived → pending and pending → pending are not.
        #expect(changes.noLongerKnown == ["i5", "i6", "i7", "i11", "i12"])
    }

    @Test func newlyFailingIsKept() {
        let (changes, _, _, _) = Self.changes()
        #expect(changes.newlyFailing == ["i9", "i14"])
        #expect(!changes.isEmpty)
    }

    @Test func nothingChangesWithoutAPreviousRunOrBetweenEqualRuns() {
        let (_, checklist, before, after) = Self.changes()
        #expect(RunChanges.between(nil, after, checklist: checklist).isEmpty)
        #expect(RunChanges.between(after, after, checklist: checklist).isEmpty)
        #expect(RunChanges.positions(between: before, before, checklist: checklist).isEmpty)
        let positions = RunChanges.positions(between: before, after, checklist: checklist)
        #expect(positions.newlyWaived == [2, 3])
        #expect(positions.noLongerKnown == [5, 6, 7, 11, 12])
    }

    @Test func theChangesBlockListsNewlyWaivedAndNoLongerKnownWithFromAndTo() throws {
        let (_, checklist, before, after) = Self.changes()
        let templates = try TemplateLibrary.load(SiteFixture.templates)
        let html = try templates.render(RunPage.changesTemplate, ChangesView(before, after, checklist: checklist))
        let waived = try #require(html.range(of: "<h3>Newly waived</h3>"))
        let lost = try #require(html.range(of: "<h3>No longer known</h3>"))
        #expect(html[waived.upperBound...].hasPrefix(##"<ul class="change-list"><li><a href="#item-i2">Item 2</a>: fail → waived</li>"##))
        #expect(html[lost.upperBound...].hasPrefix(##"<ul class="change-list"><li><a href="#item-i5">Item 5</a>: pass → pending</li>"##))
        #expect(html.contains("<h3>Fixed</h3>"))
        #expect(!html.contains("No item started or stopped failing"))
        // fail → waived is listed under Newly waived only.
        let fixed = try #require(html.range(of: "<h3>Fixed</h3>"))
        let fixedList = try #require(html[fixed.upperBound...].components(separatedBy: "</ul>").first)
        #expect(fixedList.contains("Item 0") && fixedList.contains("Item 1") && !fixedList.contains("Item 2"))
    }

    @Test func theChangesBlockSaysSoWhenNothingChanged() throws {
        let (_, checklist, _, after) = Self.changes()
        let templates = try TemplateLibrary.load(SiteFixture.templates)
        let same = try templates.render(RunPage.changesTemplate, ChangesView(after, after, checklist: checklist))
        #expect(same.contains("<p>No item started or stopped failing, was newly waived or lost its result, and no blocker appeared.</p>"))
        #expect(!same.contains("<h3>"))
        let first = try templates.render(RunPage.changesTemplate, ChangesView(nil, after, checklist: checklist))
        #expect(first.contains("This is the first run of Flat in e."))
        #expect(!first.contains("No item started"))
    }

    /// A pass carried from the first run expires before the third: pass → pending, no longer known.
    @Test func anExpiredCarriedPassIsNoLongerKnown() throws {
        let fixture = try RunArchiveFixture(RunsFixtures.mini)
        let stream = try HistoryFixtures.merged(fixture, runs: [
            ["probe.json": "[" + RunsFixtures.result("runtime/load", "pass", at: "2026-10-01T09:05:00Z", validFor: "PT30H") + "]"],
            [:], [:],
        ])
        let summaries = stream.summaries
        let position = try #require(fixture.checklist.items.firstIndex { $0.id == "runtime/load" })
        #expect(summaries.map { $0.states[position] } == [.pass, .pass, .pending])
        let changes = RunChanges.between(summaries[1], summaries[2], checklist: fixture.checklist)
        #expect(changes.noLongerKnown == ["runtime/load"])
        #expect(changes.fixed.isEmpty && changes.newlyFailing.isEmpty)
        #expect(StreamHistory(stream).changes == changes)
    }
}
