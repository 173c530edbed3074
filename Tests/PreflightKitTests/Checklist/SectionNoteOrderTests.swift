import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist

/// A section's notes keep their place among its items, and a quote without items is one note.
@Suite struct SectionNoteOrderTests {
    @Test func aCodeBlockBetweenItemsKeepsItsPlace() {
        let parsed = Fixture.parse("""
            # T

            ## Deploy

            Before anything:

            - [ ] Build
              - [ ] Sign

            ```bash
            ./deploy.sh
            ```

            - [ ] Deploy

            Done.
            """)
        let notes = parsed.checklist.sections[1].notes
        #expect(notes.map(\.position) == [0, 2, 3])
        #expect(notes.map(\.line) == [5, 10, 16])
        #expect(notes[0].html == "<p>Before anything:</p>\n")
        #expect(notes[1].html == "<pre><code class=\"language-bash\">./deploy.sh\n</code></pre>\n")
        #expect(notes[2].html == "<p>Done.</p>\n")
        #expect(parsed.checklist.sections[1].notesHTML == notes.map(\.html).joined())
    }

    @Test func theRootSectionKeepsOrderToo() {
        let parsed = Fixture.parse("""
            Badge line.

            # Title

            - [ ] First

            Between.

            - [ ] Second
            """)
        let root = parsed.checklist.sections[0]
        #expect(root.notes.map(\.html) == ["<p>Badge line.</p>\n", "<p>Between.</p>\n"])
        #expect(root.notes.map(\.position) == [0, 1])
    }

    @Test func positionsCountOnlyTheSectionsOwnItems() {
        let parsed = Fixture.parse("""
            ## A
            - [ ] a1
            - [ ] a2
            ## B
            Intro of B.
            - [ ] b1
            """)
        #expect(parsed.checklist.sections[2].notes.map(\.position) == [0])
    }

    @Test func aQuoteWithoutItemsIsOneNote() {
        let parsed = Fixture.parse("""
            ## A

            > **Note:** first paragraph.
            >
            > Second paragraph.

            - [ ] x
            """)
        let notes = parsed.checklist.sections[1].notes
        #expect(notes.count == 1)
        #expect(notes.first?.html == "<blockquote>\n<p><strong>Note:</strong> first paragraph.</p>\n<p>Second paragraph.</p>\n</blockquote>\n")
    }

    @Test func aNestedQuoteIsPartOfItsOuterQuote() {
        let parsed = Fixture.parse("## A\n\n> outer\n>\n> > inner\n\n- [ ] x\n")
        let notes = parsed.checklist.sections[1].notes
        #expect(notes.count == 1)
        #expect(notes.first?.html.contains("<blockquote>\n<p>inner</p>\n</blockquote>") == true)
    }

    @Test func aHeadingInAQuoteIsNoSection() {
        let parsed = Fixture.parse("## A\n\n> ### Warning\n> Careful.\n\n- [ ] x\n")
        #expect(parsed.checklist.sections.map(\.id) == ["", "a"])
        #expect(parsed.ids == ["a/x"])
        #expect(parsed.checklist.sections[1].notes.first?.html.contains("<h3>Warning</h3>") == true)
    }

    @Test func aQuoteWithItemsKeepsItsItemsAndNotesOneByOne() {
        let parsed = Fixture.parse("## A\n\n> Quoted note.\n>\n> - [ ] quoted item\n")
        #expect(parsed.ids == ["a/quoted-item"])
        #expect(parsed.checklist.sections[1].notes.map(\.html) == ["<p>Quoted note.</p>\n"])
    }

    @Test func aQuoteInAnItemIsPartOfItsNote() {
        let parsed = Fixture.parse("""
            - [ ] Rotate keys

              > Ask security first.
              >
              > They keep the list.

              After the quote.
            """)
        let item = parsed.checklist.items[0]
        #expect(item.noteHTML == "<blockquote>\n<p>Ask security first.</p>\n<p>They keep the list.</p>\n</blockquote>\n<p>After the quote.</p>\n")
        #expect(item.note == "Ask security first.\nThey keep the list.\nAfter the quote.")
        #expect(parsed.checklist.sections[0].notes.isEmpty)
    }

    @Test func aQuoteWithItemsInAnItemGivesChildren() {
        let parsed = Fixture.parse("- [ ] Parent\n\n  > - [ ] Child\n")
        #expect(parsed.ids == ["parent", "parent/child"])
        #expect(parsed.checklist.items[0].noteHTML == "")
    }
}
