import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightSite

/// Block quotes render whole (GitHub alerts as callouts) and headings keep their inline markup.
@Suite struct MarkdownQuoteHeadingTests {
    static func quotes(_ markdown: String) -> [MarkdownBlock] {
        CommonMark.parse(markdown).filter { $0.kind == .blockQuote }
    }

    // MARK: Quotes and alerts

    @Test func aQuoteBlockHoldsTheWholeQuote() {
        let quotes = Self.quotes("Intro\n\n> a https://x.example\n>\n> > inner\n>\n> b\n")
        #expect(quotes.count == 2)
        #expect(quotes[0].html == """
            <blockquote>
            <p>a <a href="https://x.example">https://x.example</a></p>
            <blockquote>
            <p>inner</p>
            </blockquote>
            <p>b</p>
            </blockquote>\n
            """)
        #expect(quotes[0].line == 3)
        // Already part of the outer quote: not rendered twice.
        #expect(quotes[1].html.isEmpty)
    }

    @Test func everyAlertKindIsACalloutWithItsTitle() {
        let kinds = [("NOTE", "note", "Note"), ("tip", "tip", "Tip"), ("Important", "important", "Important"),
                     ("WARNING", "warning", "Warning"), ("caution", "caution", "Caution")]
        for (marker, kind, title) in kinds {
            let quotes = Self.quotes("Intro\n\n> [!\(marker)]  \n> Read *this*.\n> Twice.\n")
            #expect(quotes.count == 1)
            #expect(quotes.first?.html == """
                <div class="callout callout-\(kind)" role="note"><p class="callout-title">\(title)</p>
                <p>Read <em>this</em>.
                Twice.</p>
                </div>\n
                """, "\(marker)")
            #expect(quotes.first?.line == 3)
        }
    }

    @Test func aMarkerAloneInItsParagraphLeavesNoEmptyParagraph() {
        #expect(CommonMark.renderHTML("> [!IMPORTANT]\n>\n> Para.\n") == """
            <div class="callout callout-important" role="note"><p class="callout-title">Important</p>
            <p>Para.</p>
            </div>\n
            """)
        #expect(CommonMark.renderHTML("> [!TIP]\\\n> Hard break.\n").contains("Tip</p>\n<p>Hard break.</p>"))
        #expect(CommonMark.renderHTML("> [!CAUTION]\n") ==
            "<div class=\"callout callout-caution\" role=\"note\"><p class=\"callout-title\">Caution</p>\n</div>\n")
    }

    @Test func aMarkerNotAloneOnTheFirstLineIsAPlainQuote() {
        for markdown in ["> [!NOTE] inline text\n", "> [!NOTE] *x*\n", "> text\n> [!NOTE]\n", "> [!UNKNOWN]\n> x\n",
                         "> [!NOTE\n> x\n", "> `[!NOTE]`\n> x\n", "> - [!NOTE]\n"] {
            let html = CommonMark.renderHTML(markdown)
            #expect(html.hasPrefix("<blockquote>"), "\(markdown)")
            #expect(!html.contains("callout"), "\(markdown)")
        }
        #expect(CommonMark.renderHTML("> [!NOTE] inline text\n").contains("<p>[!NOTE] inline text</p>"))
    }

    @Test func itemsInAnAlertAreStillItems() {
        let parsed = Fixture.parse("""
            # T

            > [!WARNING]
            > Before the release:
            >
            > - [ ] Freeze merged {#freeze}
            """)
        #expect(parsed.checklist.items.map(\.id) == ["freeze"])
        #expect(parsed.checklist.items.first?.line == 6)
    }

    @Test func deepAndOddInputIsRewrittenWithoutTrapping() {
        let alerts = (1...2_000).map { String(repeating: "> ", count: $0) + "[!NOTE]\n" }.joined() + "- [ ] x\n"
        let quotes = Self.quotes(alerts)
        #expect(quotes.count == 2_000)
        #expect(quotes[0].html.components(separatedBy: "callout-note").count - 1 == 2_000)
        let renderedInner = quotes.dropFirst().filter { !$0.html.isEmpty }.count
        #expect(renderedInner == 0)
        let odd = [
            String(repeating: "![", count: 3_000) + "x" + String(repeating: "](i.png)", count: 3_000),
            String(repeating: "https://a.example/ www.b.example ", count: 5_000),
            "<script>\n" + String(repeating: "<b>x ", count: 5_000), "<!--\n" + String(repeating: "<!-- ", count: 5_000),
            String(repeating: "&#", count: 10_000), String(repeating: "<a ", count: 10_000),
        ]
        for sample in odd {
            let html = CommonMark.renderHTML(sample + "\n\n- [ ] x\n")
            #expect(!html.contains("<img") && !html.contains("<script") && !html.contains("<!--"), "\(sample.prefix(20))")
        }
        #expect(CommonMark.renderHTML(odd[1]).components(separatedBy: "<a href").count - 1 == 10_000)
    }

    // MARK: Headings

    @Test func aHeadingBlockHoldsItsInlineHTML() {
        let blocks = CommonMark.parse("## See [docs](https://d.example) and `a<b` *em* ![logo](l.png) <b>x</b> www.w.example\n")
        #expect(blocks[1].kind == .heading(level: 2))
        #expect(blocks[1].html == """
            See <a href="https://d.example">docs</a> and <code>a&lt;b</code> <em>em</em> \
            <a href="l.png" class="image-link">logo</a> x <a href="http://www.w.example">www.w.example</a>
            """)
        #expect(CommonMark.parse("Two\nlines\n===\n")[1].html == "Two lines")
    }

    @Test func aSectionKeepsItsHeadingHTMLWithoutTheId() {
        let parsed = Fixture.parse("""
            # Release & \\<Go\\>

            ## Deploy with the [runbook](docs/runbook.md) {#deploy}

            - [ ] a

            ## Use `{#x}` {#code}

            - [ ] b

            ## **Bold {#bold}**

            - [ ] c

            ### *Plain* child

            - [ ] d
            """)
        let sections = parsed.checklist.sections
        #expect(sections.map(\.id) == ["", "deploy", "code", "bold", "bold/plain-child"])
        #expect(sections.map(\.title) == ["Release & <Go>", "Deploy with the runbook", "Use {#x}", "Bold", "Plain child"])
        #expect(sections.map(\.titleHTML) == [
            "Release &amp; &lt;Go&gt;", "Deploy with the <a href=\"docs/runbook.md\">runbook</a>",
            "Use <code>{#x}</code>", "Bold", "<em>Plain</em> child",
        ])
        #expect(Fixture.parse("- [ ] a", name: "a&b").checklist.sections[0].titleHTML == "a&amp;b")
        #expect(Section(id: "x", title: "<x>", anchor: "x", level: 2, parent: 0, line: 1, notes: [], kind: .check).titleHTML == "&lt;x&gt;")
    }

    @Test func theRunPageHeadingKeepsItsLinkAndOtherPagesThePlainTitle() throws {
        let fixture = try Fixture()
        try fixture.write("checklists/linked.md", """
            # Linked

            ## Checks per [policy](docs/policy.md?a=1&b=2) <i>now</i>

            - [ ] Lint passes {#lint}
            """)
        try fixture.write("runs/linked-1/run.json", """
            {"checklist": "linked", "environment": "staging", "started_at": "2026-11-01T10:00:00Z"}
            """)
        try fixture.write("runs/linked-1/results.json", """
            [{"item": "lint", "status": "pass", "observed_at": "2026-11-01T10:05:00Z"}]
            """)
        let output = fixture.path("_site")
        _ = try SiteBuilder(options: SiteFixture.options(output: output, content: fixture.path("checklists"),
                                                         runs: fixture.path("runs"))).build()
        let run = try String(contentsOfFile: output + "/runs/linked-1/index.html", encoding: .utf8)
        #expect(run.contains("""
            class="section-title">Checks per <a href="docs/policy.md?a=1&amp;b=2">policy</a> now
            """))
        #expect(!run.contains("<i>now</i>"))
        let sheet = try String(contentsOfFile: output + "/runs/linked-1/signoff.html", encoding: .utf8)
        #expect(sheet.contains("<td>Checks per policy now</td>"))
        #expect(!sheet.contains("<a href=\"docs/policy.md"))
        #expect(run.contains("\">Checks per policy now</a></th>"))  // the section summary table
    }
}
