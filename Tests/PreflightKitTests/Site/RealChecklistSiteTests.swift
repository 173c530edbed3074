import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightReport
@testable import PreflightSite

/// Pages of a checklist without Go/No-Go sections: plurals, pending rows, warnings and card reasons.
@Suite("A checklist without Go/No-Go criteria")
struct RealChecklistSiteTests {
    static let checklist = """
        # Plain Release

        ## Checks

        - [ ] Lint passes {#lint}
        - [ ] Coverage kept {#coverage}
        - [ ] Load test {#load}
        - [ ] Docs built {#docs}

        """

    static let results = """
        [
          {"item": "lint", "status": "fail", "observed_at": "2026-11-01T10:05:00Z", "summary": "3 errors"},
          {"item": "coverage", "status": "warn", "observed_at": "2026-11-01T10:05:00Z"},
          {"item": "docs", "status": "pass", "observed_at": "2026-11-01T10:05:00Z"}
        ]
        """

    /// One run with a failing, a warning, a pending and a passing item, and a stray file (a warning).
    static func build(_ fixture: Fixture) throws -> String {
        try fixture.write("checklists/plain.md", checklist)
        try fixture.write("runs/plain-1/run.json", """
            {"checklist": "plain", "environment": "staging", "started_at": "2026-11-01T10:00:00Z"}
            """)
        try fixture.write("runs/plain-1/results.json", results)
        try fixture.write("runs/plain-1/notes.txt", "not a record")
        let output = fixture.path("_site")
        _ = try SiteBuilder(options: SiteFixture.options(output: output, content: fixture.path("checklists"),
                                                         runs: fixture.path("runs"))).build()
        return output
    }

    static func row(_ page: String, _ id: String) throws -> String {
        let marker = "id=\"\(Anchor.item(id))\""
        let head = try #require(page.components(separatedBy: marker).first?.components(separatedBy: "<li ").last)
        return head
    }

    @Test func aNoGoCardNamesItsReasonsInsteadOfNone() throws {
        let site = try Self.build(try Fixture())
        let home = try String(contentsOfFile: site + "/index.html", encoding: .utf8)
        #expect(home.contains("NO-GO"))
        #expect(!home.contains("None."))
        #expect(home.contains("<h4>Why not GO</h4>"))
        #expect(home.contains("href=\"runs/plain-1/index.html#\(Anchor.item("lint"))\"><code>lint</code></a>"))
        #expect(home.contains("· 1 run</p>"))
    }

    @Test func aCardLinksToItsTrendPageOnce() throws {
        let site = try Self.build(try Fixture())
        let home = try String(contentsOfFile: site + "/index.html", encoding: .utf8)
        let trendLinks = home.components(separatedBy: "href=\"trends/").dropFirst()
            .map { $0.prefix { $0 != "\"" } }.filter { $0.hasSuffix("index.html") }
        #expect(trendLinks.count == 1, "\(trendLinks.map { $0.prefix(40) })")
    }

    @Test func pendingRowsAreOpenNotFailing() throws {
        let site = try Self.build(try Fixture())
        let page = try String(contentsOfFile: site + "/runs/plain-1/index.html", encoding: .utf8)
        let pending = try Self.row(page, "load")
        #expect(pending.contains(" open"))
        #expect(!pending.contains("failing"))
        #expect(try Self.row(page, "lint").contains(" failing"))
        #expect(try Self.row(page, "coverage").contains(" failing"))
        #expect(!(try Self.row(page, "docs").contains("failing")))
        let css = try String(contentsOfFile: site + "/preflight.css", encoding: .utf8)
        #expect(!css.contains(".item.not-passing {"), "pending rows must not take the failing bar")
        #expect(css.contains(".item.open { border-left-color: var(--pendingstate)"))
    }

    @Test func theRunPageFiltersFailingAndOpenSeparately() throws {
        let site = try Self.build(try Fixture())
        let page = try String(contentsOfFile: site + "/runs/plain-1/index.html", encoding: .utf8)
        #expect(page.contains("<a href=\"#failing-only\" class=\"filter-on\">Show failing only</a>"))
        #expect(page.contains("<a href=\"#open-only\" class=\"filter-on\">Show open only</a>"))
        let css = try String(contentsOfFile: site + "/preflight.css", encoding: .utf8)
        #expect(css.contains("#failing-only:target ~ .sections .item:not(.failing) { display: none; }"))
        #expect(css.contains("#open-only:target ~ .sections .item:not(.open) { display: none; }"))
    }

    @Test func warningsAreShownAsWarnings() throws {
        let site = try Self.build(try Fixture())
        let page = try String(contentsOfFile: site + "/runs/plain-1/index.html", encoding: .utf8)
        #expect(page.contains("<li class=\"problem-warning\"><code>"))
        #expect(page.contains("warning: ignored: a run folder holds only .json record files"))
        #expect(!page.contains("problem-error"))
    }

    @Test func countsTakeTheRightNoun() {
        #expect(ReportFormatter.count(1, "point") == "1 point")
        #expect(ReportFormatter.count(2, "point") == "2 points")
        #expect(ReportFormatter.count(0, "run") == "0 runs")
    }

    @Test func longReasonListsStopWithHowManyMore() throws {
        let reasons = (1...20).map { VerdictReason(item: "item-\($0)", why: "pending: check \($0)") }
        let page = VerdictView(.pending, reasons: reasons, limit: VerdictView.pageReasonLimit)
        #expect(page.reasons.map(\.item) == (1...12).map { "item-\($0)" })
        #expect(page.moreReasons == "and 8 more reasons")
        #expect(VerdictView(.pending, reasons: Array(reasons.prefix(13)), limit: 12).moreReasons == "and 1 more reason")
        #expect(VerdictView(.pending, reasons: Array(reasons.prefix(12)), limit: 12).moreReasons == nil)

        let fixture = try Fixture()
        try fixture.write("checklists/plain.md", "# Many\n\n" + (1...9).map { "- [ ] Check \($0) {#c\($0)}\n" }.joined())
        try fixture.write("runs/plain-1/run.json", """
            {"checklist": "plain", "environment": "staging", "started_at": "2026-11-01T10:00:00Z"}
            """)
        let output = fixture.path("_site")
        _ = try SiteBuilder(options: SiteFixture.options(output: output, content: fixture.path("checklists"),
                                                         runs: fixture.path("runs"))).build()
        let home = try String(contentsOfFile: output + "/index.html", encoding: .utf8)
        #expect(home.components(separatedBy: "<li><a href=\"runs/plain-1/index.html#item-c").count - 1 == VerdictView.cardReasonLimit)
        #expect(home.contains("<li class=\"more-reasons\"><a href=\"runs/plain-1/index.html\">and 4 more reasons</a></li>"))
    }
}
