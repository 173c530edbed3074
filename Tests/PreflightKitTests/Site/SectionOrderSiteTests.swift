import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightReport
@testable import PreflightSite

/// The run page shows a section's notes where the file has them, and its headings under GitHub's anchors.
@Suite struct SectionOrderSiteTests {
    static func runPage(_ checklist: String, _ fixture: Fixture) throws -> String {
        try fixture.write("checklists/order.md", checklist)
        try fixture.write("runs/order-1/run.json", """
            {"checklist": "order", "environment": "staging", "started_at": "2026-11-01T10:00:00Z"}
            """)
        let output = fixture.path("_site")
        _ = try SiteBuilder(options: SiteFixture.options(output: output, content: fixture.path("checklists"),
                                                         runs: fixture.path("runs"))).build()
        return try String(contentsOfFile: output + "/runs/order-1/index.html", encoding: .utf8)
    }

    /// The section element `<section class="section" id="…">…</section>` with this id.
    static func section(_ page: String, id: String) throws -> String {
        let start = try #require(page.range(of: "<section class=\"section\" id=\"\(id)\">"))
        let end = try #require(page.range(of: "</section>", range: start.upperBound..<page.endIndex))
        return String(page[start.lowerBound..<end.upperBound])
    }

    static func offset(_ text: String, _ part: String) throws -> Int {
        let range = try #require(text.range(of: part), "missing \(part)")
        return text.distance(from: text.startIndex, to: range.lowerBound)
    }

    @Test func aCodeBlockBetweenItemsStandsBetweenThem() throws {
        let page = try Self.runPage("""
            # Order

            ## Deploy

            Read first.

            - [ ] Build
              - [ ] Sign

            ```bash
            ./deploy.sh
            ```

            - [ ] Ship

            Afterword.
            """, try Fixture())
        let section = try Self.section(page, id: "deploy")
        let order = try ["Read first.", Anchor.item("deploy/build"), Anchor.item("deploy/build/sign"),
                         "./deploy.sh", Anchor.item("deploy/ship"), "Afterword."].map { try Self.offset(section, $0) }
        #expect(order == order.sorted())
        #expect(section.components(separatedBy: "<div class=\"notes\">").count - 1 == 3)
        #expect(section.components(separatedBy: "<ul class=\"items\">").count - 1 == 2)
        // The code block sits between the two lists, not in either.
        #expect(section.contains("</ul>\n<div class=\"notes\"><pre><code class=\"language-bash\">./deploy.sh\n</code></pre>\n</div>\n<ul class=\"items\">"))
    }

    @Test func theOverviewKeepsOrder() throws {
        let page = try Self.runPage("# Order\n\n- [ ] First\n\nBetween.\n\n- [ ] Second\n", try Fixture())
        let root = try Self.section(page, id: "section-top")
        let order = try [Anchor.item("first"), "Between.", Anchor.item("second")].map { try Self.offset(root, $0) }
        #expect(order == order.sorted())
    }

    @Test func aTopLevelQuoteIsOneNote() throws {
        let page = try Self.runPage("# Order\n\n## A\n\n> One.\n>\n> Two.\n\n- [ ] x\n", try Fixture())
        let section = try Self.section(page, id: "a")
        #expect(section.contains("<div class=\"notes\"><blockquote>\n<p>One.</p>\n<p>Two.</p>\n</blockquote>\n</div>"))
    }

    @Test func headingsUseGitHubAnchorsAndKeepTheirOldOnes() throws {
        let page = try Self.runPage("""
            # Production Readiness

            ## 📋 Table of Contents

            - [General Rules](#general-rules)

            ## General Rules

            - [ ] One [back to top](#-table-of-contents)

            ## Notes
            - [ ] Two
            ## Notes
            - [ ] Three
            """, try Fixture())
        #expect(page.contains("<h1 id=\"production-readiness\">Production Readiness"))
        #expect(page.contains("<section class=\"section\" id=\"-table-of-contents\">\n<span id=\"section-table-of-contents\"></span>\n<h3 class=\"section-title\">📋 Table of Contents</h3>"))
        #expect(page.contains("<section class=\"section\" id=\"general-rules\">\n<span id=\"section-general-rules\"></span>"))
        #expect(page.contains("<section class=\"section\" id=\"notes\">\n<span id=\"section-notes\"></span>"))
        #expect(page.contains("<section class=\"section\" id=\"notes-1\">\n<span id=\"section-notes-2\"></span>"))
        // The checklist's own links land on ids of the page.
        let ids = Set(page.matches(of: /\sid="([^"]*)"/).map { String($0.1) })
        for link in ["general-rules", "-table-of-contents"] {
            #expect(page.contains("href=\"#\(link)\""))
            #expect(ids.contains(link))
        }
        // The readiness table still links to the old anchors.
        #expect(page.contains("<a href=\"#section-general-rules\">General Rules</a>"))
    }

    @Test func noHeadingTakesAnIDThePageUses() throws {
        let page = try Self.runPage("""
            # Main

            ## Verdict heading
            - [ ] Backups
            ## Item backups
            - [ ] x
            ## Section top
            - [ ] y
            """, try Fixture())
        let ids = page.matches(of: /\sid="([^"]*)"/).map { String($0.1) }
        #expect(ids.count == Set(ids).count, "duplicate ids: \(ids.filter { id in ids.filter { $0 == id }.count > 1 })")
        // Those headings keep their `section-…` anchor alone.
        #expect(page.contains("<section class=\"section\" id=\"section-verdict-heading\">\n<h3 class=\"section-title\">Verdict heading"))
        #expect(page.contains("<section class=\"section\" id=\"section-section-top\">"))
        #expect(page.contains("<h1>Main"))  // `main` is the layout's
    }

    @Test func pageIDsSeeItemAndSectionAnchors() {
        let checklist = Fixture.parse("## Item backups\n- [ ] x\n## B\n- [ ] Backups\n## Section b\n- [ ] y\n").checklist
        let taken = PageIDs(checklist, itemAnchors: checklist.items.map { Anchor.item($0.id) })
        #expect(taken.contains("item-b--backups"))
        #expect(taken.contains("section-b"))
        #expect(taken.contains("checklist-heading"))
        #expect(!taken.contains("item-backups"))
        #expect(RunPage.headingAnchor("section-b", taken: taken) == nil)
        #expect(RunPage.headingAnchor("item-backups", taken: taken) == "item-backups")
        #expect(RunPage.headingAnchor("", taken: taken) == nil)
    }

    @Test func partsInterleaveAndClampStrayPositions() {
        let items = (0..<3).map { RenderedItem(html: RawHTML("<li>\($0)</li>")) }
        func note(_ text: String, _ position: Int) -> SectionNote { SectionNote(html: text, position: position, line: 1) }
        let parts = RunPage.parts([note("a", 0), note("b", 0), note("c", 2), note("d", 99), note("e", -5)], items)
        #expect(parts.map(\.notesHTML) == ["ab", nil, "c", nil, "de"])
        #expect(parts.map(\.items.count) == [0, 2, 0, 1, 0])
        #expect(RunPage.parts([], items).map(\.items.count) == [3])
        #expect(RunPage.parts([], []).isEmpty)
    }

    @Test func theIDColumnCannotSqueezeTheLabel() throws {
        let css = try String(contentsOfFile: SiteFixture.publicDir + "/preflight.css", encoding: .utf8)
        // One row: the label takes all the width the badge and the id (at most 35%) leave.
        #expect(css.contains(".item-head { display: flex; flex-wrap: nowrap;"))
        #expect(css.contains(".item-label { flex: 1 1 0; min-width: 0; }"))
        let id = try #require(css.split(separator: "\n").first { $0.hasPrefix(".item-id {") })
        #expect(id.contains("max-width: 35%"))
        #expect(id.contains("overflow-wrap: anywhere"))
        #expect(!id.contains("word-break: break-all"))
    }
}
