import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport
@testable import PreflightHistory
@testable import PreflightSite

/// Item kinds from heading words, and sign-off roles.
@Suite struct ChecklistKindTests {
    @Test func headingWordsGiveKindsToTheItemsBelow() {
        let parsed = Fixture.parse("""
            # T
            ## Go/No-Go Decision
            - [ ] plain check
            ### Go Criteria (All Must Be Met)
            - [ ] go one
            #### Nested under go
            - [ ] go two
            ### No-Go Criteria (Any One Blocks)
            - [ ] blocker
            ## Sign-Off
            - [ ] **Lead**: ___
            ## Afterwards
            - [ ] check again
            """)
        #expect(parsed.checklist.items.map(\.kind) == [.check, .go, .go, .noGo, .signoff, .check])
        #expect(parsed.checklist.sections.map(\.kind) == [.check, .check, .go, .go, .noGo, .signoff, .check])
    }

    @Test(arguments: ["Sign-Off", "sign-off", "SIGNOFF", "Signoff and approval", "signoffs"])
    func signoffHeadingsAreCaseInsensitive(heading: String) {
        let parsed = Fixture.parse("## \(heading)\n- [ ] **Owner**\n")
        #expect(parsed.checklist.items.first?.kind == .signoff)
    }

    @Test(arguments: ["go criteria", "GO CRITERIA met"])
    func goHeadingsAreCaseInsensitive(heading: String) {
        #expect(Fixture.parse("## \(heading)\n- [ ] x\n").checklist.items.first?.kind == .go)
    }

    @Test func headingsThatOnlyMentionAKindAreOrdinary() {
        let parsed = Fixture.parse("""
            ## Before Sign-Off
            - [ ] a
            ## Criteria for Go
            - [ ] b
            """)
        #expect(parsed.checklist.items.map(\.kind) == [.check, .check])
    }

    @Test func headingWordsAreConfigurable() {
        let options = ChecklistOptions(
            goHeadings: ["Ready When"], noGoHeadings: ["Blockers"], signoffHeadings: ["Approvals"])
        let parsed = Fixture.parse("""
            ## Ready when
            - [ ] a
            ## Blockers
            - [ ] b
            ## Approvals
            - [ ] **CTO**
            ## Sign-Off
            - [ ] c
            """, options: options)
        #expect(parsed.checklist.items.map(\.kind) == [.go, .noGo, .signoff, .check])
        #expect(parsed.checklist.signoffRoles == ["CTO"])
    }

    @Test func roleIsTheBoldTextWithoutBlanksOrColon() {
        let parsed = Fixture.parse("""
            ## Sign-Off
            - [ ] **Technical Lead**: _________________ Date: _______
            - [x] **Security Lead:** signed 2025-01-02
            - [ ] **Product
              Owner**
            """)
        #expect(parsed.checklist.signoffRoles == ["Technical Lead", "Security Lead", "Product Owner"])
        #expect(parsed.ids == ["sign-off/technical-lead", "sign-off/security-lead", "sign-off/product-owner"])
        #expect(parsed.warnings.isEmpty)
    }

    @Test func signoffWithoutBoldHasNoRoleAndAWarning() throws {
        let parsed = Fixture.parse("""
            ## Sign-Off
            - [ ] Someone: ____
            - [ ] Text first then **Bold**
            """)
        #expect(parsed.checklist.items.map(\.role) == [nil, nil])
        #expect(parsed.warnings.map(\.line) == [2, 3])
        #expect(parsed.warnings.allSatisfy { $0.message.contains("sign-off item has no role") })
        #expect(parsed.errors.isEmpty)
    }

    @Test func boldOutsideSignoffIsNoRole() {
        let parsed = Fixture.parse("## Checks\n- [ ] **Backups**\n")
        #expect(parsed.checklist.items[0].role == nil)
        #expect(parsed.checklist.signoffRoles.isEmpty)
    }
}
