import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport
@testable import PreflightHistory
@testable import PreflightSite

/// Name, title and the section tree.
@Suite struct ChecklistStructureTests {
    @Test func nameIsTheFileStem() throws {
        let fixture = try Fixture()
        let path = try fixture.write("release.v2.md", "# Release\n\n- [ ] Tag\n")
        let parsed = try ChecklistParser().parse(fileAt: path)
        #expect(parsed.checklist.name == "release.v2")
        #expect(parsed.checklist.path == path)
    }

    @Test func titleIsTheFirstLevelOneHeading() {
        let parsed = Fixture.parse("## Before\n\n# The Title\n\n# Second One\n\n- [ ] x\n")
        #expect(parsed.checklist.title == "The Title")
        #expect(parsed.checklist.sections[0].title == "The Title")
        // A later level-1 heading is an ordinary section.
        #expect(parsed.checklist.sections.map(\.id) == ["", "before", "second-one"])
    }

    @Test func titleFallsBackToTheName() {
        let parsed = Fixture.parse("## Only a section\n\n- [ ] x\n", name: "ops-list")
        #expect(parsed.checklist.title == "ops-list")
        #expect(parsed.checklist.sections[0].title == "ops-list")
    }

    @Test func setextTitleAndSections() {
        let parsed = Fixture.parse("""
            Setext Title
            ============

            Part One
            --------

            - [ ] x
            """)
        #expect(parsed.checklist.title == "Setext Title")
        let part = parsed.checklist.sections[1]
        #expect(part.id == "part-one")
        #expect(part.level == 2)
        #expect(part.line == 4)
        #expect(parsed.checklist.items[0].sectionID == "part-one")
    }

    @Test func sectionsFormATreeFromEveryHeadingLevel() {
        let parsed = Fixture.parse("""
            # T
            ## A
            ### A1
            #### Deep
            ###### Deepest
            ### A2
            ## B
            ##### Skipped levels
            - [ ] x
            """)
        let sections = parsed.checklist.sections
        #expect(sections.map(\.id) == ["", "a", "a/a1", "a/a1/deep", "a/a1/deep/deepest", "a/a2", "b", "b/skipped-levels"])
        #expect(sections.map(\.parent) == [nil, 0, 1, 2, 3, 1, 0, 6])
        #expect(sections.map(\.level) == [0, 2, 3, 4, 6, 3, 2, 5])
    }

    @Test func repeatedSiblingSlugsGetNumbered() {
        let parsed = Fixture.parse("""
            # T
            ## Testing
            ### Notes
            ## Testing
            ### Notes
            ### Notes!
            ## Testing
            - [ ] x
            """)
        #expect(parsed.checklist.sections.map(\.id) == [
            "", "testing", "testing/notes", "testing-2", "testing-2/notes", "testing-2/notes-2", "testing-3",
        ])
    }

    @Test func sectionsKeepParagraphsAndCodeAsSafeHTML() throws {
        let parsed = Fixture.parse("""
            # T

            Intro under the title.

            ## Deploy

            Run this <script>alert(1)</script> first:

            ```bash
            ./deploy.sh <prod>
            ```

            <div class="x">raw block</div>

            * plain bullet

            - [ ] Deployed
              An item note, not a section note.
            """)
        let root = parsed.checklist.sections[0]
        #expect(root.notesHTML == "<p>Intro under the title.</p>\n")
        let deploy = parsed.checklist.sections[1].notesHTML
        #expect(deploy.contains("<p>Run this alert(1) first:</p>"))
        #expect(deploy.contains("<p>raw block</p>"))
        #expect(deploy.contains("<pre><code class=\"language-bash\">./deploy.sh &lt;prod&gt;\n</code></pre>"))
        #expect(deploy.contains("<li>plain bullet</li>"))
        #expect(!deploy.contains("<script"))
        #expect(!deploy.contains("<div"))
        #expect(!deploy.contains("item note"))
    }

    @Test func nestedPlainListsAreOneSectionNote() {
        let parsed = Fixture.parse("""
            ## Contacts
            * On call
              * Primary
            * Escalation

            - [ ] Paged once
            """)
        #expect(parsed.checklist.sections[1].notesHTML == "<ul>\n<li>On call\n<ul>\n<li>Primary</li>\n</ul>\n</li>\n<li>Escalation</li>\n</ul>\n")
    }

    @Test func headingsInsideItemsDoNotOpenSections() {
        let parsed = Fixture.parse("""
            # T
            ## A
            - [ ] x

              ### Not a section
            - [ ] y
            """)
        #expect(parsed.checklist.sections.map(\.id) == ["", "a"])
        #expect(parsed.ids == ["a/x", "a/y"])
    }
}
