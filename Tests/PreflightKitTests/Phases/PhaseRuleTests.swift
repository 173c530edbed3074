import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightConfig

/// Headings that name a due window start post-deployment phases.
@Suite struct PhaseRuleTests {
    @Test func theSeedHasThreePhasesOfFiveItems() throws {
        let checklist = try ChecklistParser().parse(fileAt: Fixture.seedPath).checklist
        #expect(checklist.phases.map(\.title) == ["Immediate (First Hour)", "First 24 Hours", "First Week"])
        #expect(checklist.phases.map(\.window.seconds) == [3600, 86_400, 7 * 86_400])
        #expect(checklist.phases.map(\.items.count) == [5, 5, 5])
        #expect(checklist.phases[1].items.map { checklist.items[$0].id } == [
            "post-deployment/first-24-hours/monitor-performance-metrics", "post-deployment/first-24-hours/review-alert-history",
            "post-deployment/first-24-hours/check-user-feedback", "post-deployment/first-24-hours/verify-backup-operations",
            "post-deployment/first-24-hours/review-cost-metrics",
        ])
    }

    @Test func anExplicitDueIsCutFromTheTitleLikeAnID() throws {
        let parsed = Fixture.parse("""
            # Release

            ## After go-live {due=PT4H}

            - [ ] Watch dashboards

            ## Later {due=P2D} {#later}

            - [ ] Close the change
            """)
        #expect(parsed.diagnostics.map(\.description) == [])
        let checklist = parsed.checklist
        #expect(checklist.sections.map(\.title) == ["Release", "After go-live", "Later"])
        #expect(checklist.sections[1].titleHTML == "After go-live")
        #expect(checklist.items.map(\.id) == ["after-go-live/watch-dashboards", "later/close-the-change"])
        #expect(checklist.phases.map(\.window.text) == ["PT4H", "P2D"])
        #expect(checklist.phases.map(\.window.seconds) == [4 * 3600, 2 * 86_400])
    }

    @Test func aBadDueIsAnErrorAtTheHeading() {
        let parsed = Fixture.parse("""
            # Release

            ## Soon {due=tomorrow}

            - [ ] Watch
            """)
        #expect(parsed.diagnostics.map(\.description) == ["fixture.md:3:1: error: {due=tomorrow}: not an ISO-8601 duration longer than zero such as PT4H or P7D"])
        #expect(parsed.checklist.phases.isEmpty)
    }

    @Test func configuredWordsReplaceTheDefaults() {
        let markdown = """
            # Release

            ## Sofort nach dem Start

            - [ ] Fehler prüfen

            ## First Hour

            - [ ] Check errors
            """
        let options = ChecklistOptions(phaseHeadings: ["Sofort=PT30M"])
        let german = Fixture.parse(markdown, options: options).checklist
        #expect(german.phases.map(\.title) == ["Sofort nach dem Start"])
        #expect(german.phases.map(\.window.seconds) == [1800])
        let english = Fixture.parse(markdown).checklist
        #expect(english.phases.map(\.title) == ["First Hour"])
    }

    @Test func phaseHeadingsComeFromPreflightToml() throws {
        let fixture = try Fixture()
        try fixture.write("preflight.toml", """
            [checklist]
            phase_headings = ["Go-live day=PT24H"]
            """)
        let config = try ProjectConfig.load(fixture.path("preflight.toml"))
        #expect(config.checklistOptions.phaseHeadings == ["Go-live day=PT24H"])
        try fixture.write("bad.toml", """
            [checklist]
            phase_headings = ["Go-live day"]
            """)
        #expect(throws: (any Error).self) { try ProjectConfig.load(fixture.path("bad.toml")) }
    }

    @Test func firstNUnitsNamesAWindow() {
        let checklist = Fixture.parse("""
            # Release

            ## The first 90 minutes

            - [ ] Watch

            ## First 2 weeks

            - [ ] Review
            """).checklist
        #expect(checklist.phases.map(\.window.seconds) == [90 * 60, 14 * 86_400])
    }

    @Test func aHeadingThatNamesNoWindowIsNoPhaseAndItsSubsectionsJoinTheirPhase() {
        let checklist = Fixture.parse("""
            # Release

            ## Rollout

            - [ ] Deploy

            ## First Week

            ### Reviews

            - [ ] Cost review
            - [ ] Incident review
              - [ ] Postmortem written

            ## Firsthand notes

            - [ ] Not a phase
            """).checklist
        #expect(checklist.phases.count == 1)
        #expect(checklist.phases[0].title == "First Week")
        // Leaves only: the incident review is summed up by its child.
        #expect(checklist.phases[0].items.map { checklist.items[$0].id } == [
            "first-week/reviews/cost-review", "first-week/reviews/incident-review/postmortem-written",
        ])
        #expect(PhaseRule.window(ofHeading: "Rollout", entries: ChecklistOptions.default.phaseHeadings) == nil)
        #expect(PhaseRule.window(ofHeading: "Firsthand notes", entries: ChecklistOptions.default.phaseHeadings) == nil)
    }
}
