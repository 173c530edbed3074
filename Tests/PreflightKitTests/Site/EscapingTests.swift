import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport
@testable import PreflightHistory
@testable import PreflightSite

/// Text from probes, run manifests and checklists never becomes markup or a script link.
@Suite struct EscapingTests {
    static let checklist = """
        # Escape Test

        Notes with <script>alert(2)</script> raw HTML.

        ## Checks

        - [ ] <b onclick=x>bold</b> item
        - [ ] Plain item
        - [ ] Linked [item](javascript:alert(3))

        ## Go Criteria

        - [ ] All checks pass

        ## Sign-Off

        - [ ] **Technical Lead**: _________________ Date: _______

        """

    static let manifest = """
        {"checklist": "escape", "environment": "<script>env</script>", "id": "evil-1",
         "started_at": "2026-11-01T10:00:00Z", "title": "<script>alert('title')</script>",
         "url": "javascript:alert(4)", "commit": "<img src=x onerror=alert(5)>"}
        """

    static let results = """
        [
          {"item": "plain-item", "status": "fail", "probe": "<script>probe</script>",
           "observed_at": "2026-11-01T10:05:00Z",
           "summary": "<script>alert(1)</script>", "details": "<img src=x onerror=alert(1)>",
           "evidence": [
             {"label": "Log", "url": "javascript:alert(1)"},
             {"label": "<script>label</script>", "url": "JavaScript:alert(6)"},
             {"label": "Data", "url": "data:text/html,<script>alert(7)</script>"}
           ]},
          {"item": "bold-item", "status": "pass", "observed_at": "2026-11-01T10:06:00Z",
           "summary": "\\" onmouseover=\\"alert(8)"}
        ]
        """

    static let signoffs = """
        {"signoffs": [{"role": "Technical Lead", "name": "<script>alert(9)</script>", "decision": "reject",
                       "at": "2026-11-01T11:00:00Z", "comment": "</td><script>alert(10)</script>"}]}
        """

    /// Builds the hostile run; returns the site folder.
    static func build(_ fixture: Fixture) throws -> String {
        let content = fixture.path("checklists")
        try fixture.write("checklists/escape.md", checklist)
        try fixture.write("runs/evil-1/run.json", manifest)
        try fixture.write("runs/evil-1/results.json", results)
        try fixture.write("runs/evil-1/signoffs.json", signoffs)
        let output = fixture.path("_site")
        _ = try SiteBuilder(options: SiteFixture.options(output: output, content: content, runs: fixture.path("runs"))).build()
        return output
    }

    @Test func probeTextIsEscapedOnTheRunPage() throws {
        let fixture = try Fixture()
        let site = try Self.build(fixture)
        let page = try String(contentsOfFile: site + "/runs/evil-1/index.html", encoding: .utf8)
        #expect(page.contains("<p class=\"summary\">&lt;script&gt;alert(1)&lt;/script&gt;</p>"))
        #expect(page.contains("<pre>&lt;img src=x onerror=alert(1)&gt;</pre>"))
        #expect(!page.contains("<img src=x"))
        #expect(page.contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;") || page.contains("&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;")
            || page.contains("&lt;script&gt;alert('title')&lt;/script&gt;"))
        // A quote in a summary cannot close an attribute.
        #expect(!page.contains("\" onmouseover=\"alert(8)"))
        #expect(page.contains("onmouseover=&quot;alert(8)") || page.contains("onmouseover=&#34;alert(8)"))
    }

    @Test func scriptURLsStayText() throws {
        let fixture = try Fixture()
        let site = try Self.build(fixture)
        let page = try String(contentsOfFile: site + "/runs/evil-1/index.html", encoding: .utf8)
        #expect(page.contains("<li>Log: <code>javascript:alert(1)</code></li>"))
        #expect(page.contains("<li>&lt;script&gt;label&lt;/script&gt;: <code>JavaScript:alert(6)</code></li>"))
        #expect(page.contains("<dt>CI</dt><dd><code>javascript:alert(4)</code></dd>"))
        #expect(page.contains("<code>data:text/html,&lt;script&gt;alert(7)&lt;/script&gt;</code>"))
    }

    @Test func checklistRawHTMLNeverAppears() throws {
        let fixture = try Fixture()
        let site = try Self.build(fixture)
        let page = try String(contentsOfFile: site + "/runs/evil-1/index.html", encoding: .utf8)
        #expect(!page.contains("<b onclick"))
        #expect(!page.contains("onclick"))
        // The raw tags of the notes render as nothing and their text stays.
        #expect(page.contains("<p>Notes with alert(2) raw HTML.</p>"))
        #expect(!page.contains("raw HTML omitted"))
        // cmark's safe mode empties a javascript: link in a label.
        #expect(page.contains("<span class=\"item-label\">Linked <a href=\"\">item</a></span>"))
        #expect(page.contains("id=\"item-checks--bold-item\""))
        #expect(page.contains("id=\"item-checks--plain-item\""))
    }

    @Test func noGeneratedPageHasAScriptOrAScriptLink() throws {
        let fixture = try Fixture()
        let site = try Self.build(fixture)
        let pages = SiteFixture.htmlPages(site)
        for page in ["index.html", "runs/evil-1/index.html", "runs/evil-1/signoff.html"] {
            #expect(pages.contains(page), "\(page)")
        }
        for page in pages {
            let html = try String(contentsOfFile: site + "/" + page, encoding: .utf8).lowercased()
            #expect(!html.contains("<script"), "\(page)")
            #expect(!html.contains("href=\"javascript:"), "\(page)")
            #expect(!html.contains("href=\"data:"), "\(page)")
            #expect(!html.contains("<img src=x"), "\(page)")
        }
        let sheet = try String(contentsOfFile: site + "/runs/evil-1/signoff.html", encoding: .utf8)
        #expect(sheet.contains("<td class=\"signer\">&lt;script&gt;alert(9)&lt;/script&gt;</td><td class=\"decision\">Rejected<span class=\"signoff-mark\">unbound"))
    }

    @Test func theExampleSiteHasNoScripts() throws {
        let site = try SiteFixture.exampleSite()
        for page in SiteFixture.htmlPages(site.path) {
            let html = try String(contentsOf: site.appendingPathComponent(page), encoding: .utf8).lowercased()
            #expect(!html.contains("<script"), "\(page)")
            #expect(!html.contains("href=\"javascript:"), "\(page)")
        }
    }

    /// Only http(s) URLs become links, whatever the case of the scheme; anything with a space or
    /// line break stays text.
    @Test(arguments: [
        ("https://ci.example.com/job/1", true), ("HTTPS://CI.example.com/", true), ("Http://x", true),
        ("http://x y", false), ("http://x\ny", false), ("javascript:alert(1)", false), ("JavaScript:x", false),
        ("data:text/html,x", false), ("ftp://x", false), ("https:/x", false), ("http\u{1A}//x", false), ("", false),
    ])
    func onlyWebURLsAreLinks(url: String, link: Bool) {
        #expect(SafeURL.isWebLink(url) == link)
    }
}

/// Meter values are written through C's formatter; they must be what `%.3f` gives everywhere.
@Suite("Meter values")
struct MeterValueTests {
    @Test func everyReadinessFractionFormatsLikeFoundation() {
        for total in 1...500 {
            for passing in 0...total {
                let fraction = Double(passing) / Double(total)
                #expect(PercentView.meterValue(fraction) == String(format: "%.3f", fraction), "\(passing)/\(total)")
            }
        }
    }
}
