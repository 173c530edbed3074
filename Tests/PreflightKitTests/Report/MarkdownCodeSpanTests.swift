import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport

/// The CI summary's code spans hold whatever a branch or commit says: a backtick used to close the
/// span, and what followed rendered as markup in the job summary.
@Suite struct MarkdownCodeSpanTests {
    @Test(arguments: [
        ("main", "`main`"),
        ("feat/`x`", "`` feat/`x` ``"),
        ("a``b`", "``` a``b` ```"),
        ("`", "`` ` ``"),
        ("two\nlines", "`two lines`"),
    ])
    func theFenceIsLongerThanAnyBacktickRunInside(_ text: String, _ span: String) {
        #expect(ReportFormatter.codeSpan(text) == span)
    }

    @Test func aHostileBranchStaysInsideItsCodeSpan() throws {
        let fixture = try RunArchiveFixture(RunsFixtures.miniWithRole)
        try fixture.dir.write("runs/r1/run.json", """
            {"checklist": "mini", "environment": "staging", "started_at": "2026-10-05T09:00:00Z",
             "branch": "x` <img src=x onerror=alert(1)> [link](javascript:alert(1)) `y", "commit": "abc`<b>"}
            """)
        let markdown = ReportFormatter.markdown(try fixture.report("r1"))
        let facts = try #require(markdown.split(separator: "\n").first { $0.hasPrefix("Run ") })
        // Rendered as CommonMark, the facts line holds code spans and plain text only.
        let html = CommonMark.renderHTML(String(facts))
        #expect(!html.contains("<img"), "\(html)")
        #expect(!html.contains("<a "), "\(html)")
        #expect(html.contains("<code>x` &lt;img src=x onerror=alert(1)&gt; [link](javascript:alert(1)) `y</code>"), "\(html)")
        #expect(html.contains("<code>abc`&lt;b&gt;</code>"), "\(html)")
    }
}
