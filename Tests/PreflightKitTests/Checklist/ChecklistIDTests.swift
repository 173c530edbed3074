import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport
@testable import PreflightHistory
@testable import PreflightSite

/// How items get their stable ids.
@Suite struct ChecklistIDTests {
    @Test func idIsSectionPathThenParentsThenOwnSlug() {
        let parsed = Fixture.parse("""
            # Title Is Not Part
            ## Pre-Deployment Requirements
            ### Infrastructure Readiness
            - [ ] **AWS Account Setup**
              - [ ] Billing alerts configured
            """)
        #expect(parsed.ids == [
            "pre-deployment-requirements/infrastructure-readiness/aws-account-setup",
            "pre-deployment-requirements/infrastructure-readiness/aws-account-setup/billing-alerts-configured",
        ])
    }

    @Test func ownSlugIsLeadingBoldElseFirstEightWords() {
        let parsed = Fixture.parse("""
            - [ ] **Short Name** and then a long explanation that goes on
            - [ ] one two three four five six seven eight nine ten
            - [ ] Emphasis *inside* counts as words
            - [ ] Then **bold** later is not a name
            """)
        #expect(parsed.ids == [
            "short-name",
            "one-two-three-four-five-six-seven-eight",
            "emphasis-inside-counts-as-words",
            "then-bold-later-is-not-a-name",
        ])
    }

    @Test func itemsBeforeAnyHeadingHaveNoPrefix() {
        #expect(Fixture.parse("- [ ] Alone\n").ids == ["alone"])
    }

    @Test func labelWithoutWordsGetsAFallbackSlug() {
        #expect(Fixture.parse("## S\n- [ ] ???\n").ids == ["s/item"])
    }

    @Test func customIDSetsTheIdAndLeavesTheLabel() throws {
        let parsed = Fixture.parse("""
            ## Section
            - [ ] Database backups verified {#db-backups}
              - [ ] Child of custom
            - [ ] **Bold** label {#ops/bold.v2}
            """)
        #expect(parsed.ids == ["db-backups", "db-backups/child-of-custom", "ops/bold.v2"])
        let item = try #require(parsed.checklist.items.first)
        #expect(item.text == "Database backups verified")
        #expect(item.html == "Database backups verified")
        #expect(item.explicitID)
        #expect(!parsed.checklist.items[1].explicitID)
        #expect(parsed.checklist.items[2].html == "<strong>Bold</strong> label")
        #expect(parsed.diagnostics.isEmpty)
    }

    @Test func customIDOnAHeadingSetsTheSectionID() {
        let parsed = Fixture.parse("""
            # Title
            ## A Long Heading Name {#short}
            ### Sub
            - [ ] Thing
            """)
        #expect(parsed.checklist.sections.map(\.id) == ["", "short", "short/sub"])
        #expect(parsed.checklist.sections[1].title == "A Long Heading Name")
        #expect(parsed.ids == ["short/sub/thing"])
    }

    @Test func customIDOnTheTitleIsIgnoredWithAWarning() {
        let parsed = Fixture.parse("# Title {#t}\n- [ ] x\n")
        #expect(parsed.checklist.title == "Title")
        #expect(parsed.ids == ["x"])
        #expect(parsed.warnings.count == 1)
    }

    @Test func badCustomIDIsAnError() {
        let parsed = Fixture.parse("- [ ] a {#has..dots/../up}\n- [ ] b {#Ünï}\n")
        #expect(parsed.errors.map(\.line) == [1, 2])
    }

    @Test func repeatedGeneratedIDsAreNumberedWithAWarning() {
        let parsed = Fixture.parse("""
            ## S
            - [ ] Check logs
            - [ ] Check logs
            - [ ] Check logs!
              - [ ] Inner
            """)
        #expect(parsed.ids == ["s/check-logs", "s/check-logs-2", "s/check-logs-3", "s/check-logs-3/inner"])
        #expect(parsed.errors.isEmpty)
        #expect(parsed.warnings.map(\.line) == [3, 4])
        #expect(parsed.warnings[0].message == "id 's/check-logs' repeats line 2; this item gets 's/check-logs-2' (add {#your-id} to choose one)")
    }

    @Test func generatedIDsStepAroundExplicitOnes() {
        let parsed = Fixture.parse("""
            - [ ] Backups
            - [ ] Other {#backups-2}
            - [ ] Backups
            - [ ] Later {#early}
            """)
        #expect(parsed.ids == ["backups", "backups-2", "backups-3", "early"])
        #expect(parsed.warnings.count == 1)
    }

    @Test func generatedIDEqualToAnExplicitOneIsRenumbered() {
        let parsed = Fixture.parse("- [ ] Backups\n- [ ] Other {#backups}\n")
        #expect(parsed.ids == ["backups-2", "backups"])
        #expect(parsed.warnings.map(\.line) == [1])
        #expect(parsed.warnings.first?.message.contains("an explicit id") == true)
    }

    @Test func equalExplicitIDsAreAnErrorNamingBothPlaces() {
        let parsed = Fixture.parse("""
            # T
            - [ ] One {#same}
            - [ ] Two
              * [ ] Three {#same}
            """)
        #expect(parsed.errors.count == 1)
        let error = parsed.errors[0]
        #expect(error.line == 4)
        #expect(error.column == 3)
        #expect(error.message == "duplicate id 'same': line 2:1 sets the same id")
    }

    @Test func equalExplicitSectionIDsAreAnErrorNamingBothPlaces() {
        let parsed = Fixture.parse("""
            ## First {#ops}
            - [ ] a
            ## Second {#ops}
            - [ ] b
            """)
        #expect(parsed.errors.count == 1)
        #expect(parsed.errors.first?.line == 3)
        #expect(parsed.errors.first?.message == "duplicate id 'ops': line 1:1 sets the same id")
    }

    @Test func idsDoNotDependOnParsingTwice() {
        let text = "## A\n- [ ] x\n- [ ] x\n## A\n- [ ] **y**\n  - [ ] z\n"
        #expect(Fixture.parse(text).ids == Fixture.parse(text).ids)
        #expect(Fixture.parse(text).ids == ["a/x", "a/x-2", "a-2/y", "a-2/y/z"])
    }

    /// A bare URL never runs into a slug, and a long question heading still gives a short id.
    @Test func urlsAreLeftOutAndComponentsStopAtEightWords() {
        let parsed = Fixture.parse("""
            # T
            ## How do you make sure that every service in production can be rolled back within minutes?
            - [ ] Choose boring technology https://boringtechnology.club
            - [ ] **Read** www.example.com/guide first
            """)
        #expect(parsed.ids == [
            "how-do-you-make-sure-that-every-service/choose-boring-technology",
            "how-do-you-make-sure-that-every-service/read",
        ])
        #expect(Slug.component("See https://12factor.net/logs and WWW.X.ORG now", fallback: "item") == "see-and-now")
        #expect(Slug.component("one two three four five six seven eight nine ten", fallback: "item")
            == "one-two-three-four-five-six-seven-eight")
    }
}
