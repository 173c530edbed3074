import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport
@testable import PreflightHistory
@testable import PreflightSite

/// Which lines are task items, and what an item carries.
@Suite struct ChecklistItemTests {
    @Test func everyTaskMarkerIsAnItem() {
        let parsed = Fixture.parse("""
            # T
            - [ ] dash open
            * [x] star done
            + [X] plus done upper
            1. [ ] ordered open
            2) [x] ordered paren
            """)
        #expect(parsed.checklist.items.map(\.text) == ["dash open", "star done", "plus done upper", "ordered open", "ordered paren"])
        #expect(parsed.checklist.items.map(\.checked) == [false, true, true, false, true])
        #expect(parsed.checklist.items.map(\.line) == [2, 3, 4, 5, 6])
        #expect(parsed.checklist.items.allSatisfy { $0.column == 1 })
    }

    @Test func itemsInsideBlockQuotesCount() {
        let parsed = Fixture.parse("""
            # T
            > Quoted note.
            >
            > - [x] quoted item
            >   - [ ] quoted child
            > > 1. [ ] double quoted
            """)
        #expect(parsed.checklist.items.map(\.text) == ["quoted item", "quoted child", "double quoted"])
        #expect(parsed.item(text: "quoted child")?.parent == "quoted-item")
        #expect(parsed.item(text: "quoted item")?.line == 4)
        #expect(parsed.checklist.sections[0].notesHTML.contains("Quoted note."))
    }

    @Test func lookalikesAreNotItems() {
        let parsed = Fixture.parse("""
            # T

            ```
            - [ ] fenced code
            ```

            ~~~md
            - [x] tilde fence
            ~~~

                - [ ] indented code

            <div>
            - [ ] html block
            </div>

            <!--
            - [ ] html comment
            -->

            - []  empty box
            - [ ]no space after box
            - [y] other mark
            - [  ] two spaces
            - plain bullet
            - [ ]
            [ ] not in a list

            - [ ] the only item
            """)
        #expect(parsed.checklist.items.map(\.text) == ["the only item"])
    }

    @Test func nestingGivesDepthParentAndChildren() {
        let parsed = Fixture.parse("""
            # T
            ## S
            - [ ] **Top**
              - [x] Child one
                - [ ] Grandchild
              - [ ] Child two
            - [ ] Second top
            """)
        let items = parsed.checklist.items
        #expect(items.map(\.depth) == [0, 1, 2, 1, 0])
        #expect(items.map(\.parent) == [nil, "s/top", "s/top/child-one", "s/top", nil])
        #expect(items[0].children == ["s/top/child-one", "s/top/child-two"])
        #expect(items[1].children == ["s/top/child-one/grandchild"])
        #expect(items[4].children.isEmpty)
        #expect(items.allSatisfy { $0.section == 1 && $0.sectionID == "s" })
        #expect(items.map(\.line) == [3, 4, 5, 6, 7])
        #expect(items.map(\.column) == [1, 3, 5, 3, 1])
    }

    @Test func taskUnderAPlainBulletIsTopLevel() {
        let parsed = Fixture.parse("""
            # T
            - Group
              - [ ] inner
            """)
        #expect(parsed.checklist.items.count == 1)
        #expect(parsed.checklist.items[0].depth == 0)
        #expect(parsed.checklist.items[0].parent == nil)
        #expect(parsed.checklist.items[0].id == "inner")
    }

    @Test func labelIsPlainTextAndSafeHTML() throws {
        let parsed = Fixture.parse("""
            # T
            - [ ] Use `kubectl` with *care* and <b>raw</b> [docs](https://example.com) & more
            """)
        let item = try #require(parsed.checklist.items.first)
        #expect(item.text == "Use kubectl with care and raw docs & more")
        #expect(item.html == "Use <code>kubectl</code> with <em>care</em> and raw <a href=\"https://example.com\">docs</a> &amp; more")
    }

    @Test func unsafeLinksAreNotRendered() throws {
        let parsed = Fixture.parse("- [ ] [click](javascript:alert(1)) <img src=x onerror=alert(1)>\n")
        let item = try #require(parsed.checklist.items.first)
        #expect(!item.html.contains("javascript:"))
        #expect(!item.html.contains("<img"))
        #expect(!item.html.contains("onerror"))
    }

    /// In CommonMark a line break inside a paragraph is a space: a wrapped label is one sentence.
    @Test func aLabelWrappedOverLinesIsOneSentence() throws {
        let parsed = Fixture.parse("""
            # T
            - [ ] Ensure the page title doesn't possess more than 150
              characters.
            - [ ] Keep **secrets** out of
              [the logs](https://example.com/logs) {#no-secrets}
            - [x] Short {#short}
              but wrapped
            """)
        let items = parsed.checklist.items
        #expect(items.map(\.text) == ["Ensure the page title doesn't possess more than 150 characters.",
                                      "Keep secrets out of the logs", "Short but wrapped"])
        #expect(items[0].html == "Ensure the page title doesn’t possess more than 150 characters."
            || items[0].html == "Ensure the page title doesn't possess more than 150 characters.")
        #expect(items[1].html == "Keep <strong>secrets</strong> out of <a href=\"https://example.com/logs\">the logs</a>")
        #expect(items.map(\.note) == ["", "", ""])
        // Ids: the first eight words of the whole label; `{#id}` closes the first line or the last.
        #expect(parsed.ids == ["ensure-the-page-title-doesnt-possess-more-than", "no-secrets", "short"])
    }

    @Test func blocksAfterTheLabelParagraphAreTheNote() throws {
        let parsed = Fixture.parse("""
            # T
            - [ ] Backups tested

              Restore took **12 minutes**.

              ```sh
              restore --dry-run
              ```

              * see runbook

              - [ ] Child item

                Child note.

            A section paragraph.
            """)
        let item = try #require(parsed.item(text: "Backups tested"))
        #expect(item.note == "Restore took 12 minutes.\nrestore --dry-run\n\n- see runbook")
        #expect(item.noteHTML == """
            <p>Restore took <strong>12 minutes</strong>.</p>
            <pre><code class="language-sh">restore --dry-run
            </code></pre>
            <ul>
            <li>see runbook</li>
            </ul>
            """ + "\n")
        #expect(!item.noteHTML.contains("Child"))
        let child = try #require(parsed.item(text: "Child item"))
        #expect(child.note == "Child note.")
        #expect(child.noteHTML == "<p>Child note.</p>\n")
        #expect(parsed.checklist.sections[0].notesHTML == "<p>A section paragraph.</p>\n")
    }

    @Test func nestedPlainListsAppearOnceInTheirNote() throws {
        let parsed = Fixture.parse("""
            - [ ] Rotate keys
              * outer
                * inner
                  * innermost
            """)
        let item = try #require(parsed.checklist.items.first)
        #expect(item.noteHTML == "<ul>\n<li>outer\n<ul>\n<li>inner\n<ul>\n<li>innermost</li>\n</ul>\n</li>\n</ul>\n</li>\n</ul>\n")
        #expect(item.note == "- outer\n- inner\n- innermost")
    }

    @Test func itemWithoutMoreTextHasAnEmptyNote() throws {
        let item = try #require(Fixture.parse("- [x] Done\n").checklist.items.first)
        #expect(item.note == "")
        #expect(item.noteHTML == "")
        #expect(item.checked)
    }
}
