import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightSite

/// Characters XML 1.0 forbids never reach feed.xml or an SVG: each shows as U+FFFD.
@Suite struct XMLCharacterTests {
    @Test func forbiddenCharactersBecomeReplacementCharacters() {
        #expect(SVG.escape("a\u{FFFE}b\u{FFFF}c\u{1}d\u{1B}[31m") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}[31m")
        #expect(SVG.escape("tab\tnew\nline\r") == "tab\tnew\nline&#13;")
        #expect(SVG.escape("<a href='x'>&\"</a>") == "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;")
        // Other characters from U+F000 up (which share the lead byte 0xEF) pass unchanged.
        #expect(SVG.escape("ｆｕｌｌ \u{FFFD} \u{F8FF}") == "ｆｕｌｌ \u{FFFD} \u{F8FF}")
    }

    @Test func aFeedAndBadgeWithForbiddenCharactersStillParse() throws {
        let fixture = try Fixture()
        try fixture.write("checklists/odd.md", "# Odd \u{FFFF} title\u{1}\n\n## Checks\n\n- [ ] Works \u{FFFE} well\n")
        try fixture.write("runs/odd-1/run.json", """
            {"checklist": "odd", "environment": "stag\u{FFFE}ing", "started_at": "2026-11-01T10:00:00Z"}
            """)
        try fixture.write("runs/odd-1/results.json", """
            [{"item": "checks/works-well", "status": "fail", "summary": "bad \\uFFFF news \\u0007"}]
            """)
        let output = fixture.path("_site")
        _ = try SiteBuilder(options: SiteFixture.options(output: output, content: fixture.path("checklists"),
                                                         runs: fixture.path("runs"))).build()
        let feedText = try String(contentsOfFile: output + "/feed.xml", encoding: .utf8)
        let feed = try #require(try XML.document(feedText).rootElement())
        let entry = try #require(feed.elements(forName: "entry").first)
        let title = try #require(entry.elements(forName: "title").first?.stringValue)
        #expect(title.contains("Odd \u{FFFD} title\u{FFFD}"), "\(title)")
        #expect(title.contains("stag\u{FFFD}ing"), "\(title)")
        #expect(!feedText.unicodeScalars.contains { $0.value == 0xFFFE || $0.value == 0xFFFF || $0.value == 1 })
        let badges = try FileManager.default.subpathsOfDirectory(atPath: output + "/trends").filter { $0.hasSuffix(".svg") }
        #expect(!badges.isEmpty)
        for badge in badges { _ = try XML.document(try String(contentsOfFile: output + "/trends/" + badge, encoding: .utf8)) }
    }
}
