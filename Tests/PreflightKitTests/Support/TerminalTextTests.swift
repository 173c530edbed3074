import Foundation
import Testing
@testable import PreflightSupport

/// Control sequences in names and summaries are shown on a terminal, never obeyed.
@Suite struct TerminalTextTests {
    @Test func controlCharactersBecomeVisibleEscapes() {
        #expect(TerminalText.escape("plain text\twith a tab\nand lines") == "plain text\twith a tab\nand lines")
        #expect(TerminalText.escape("\u{1B}]0;pwned\u{07}title") == "\\x1B]0;pwned\\x07title")
        #expect(TerminalText.escape("red \u{1B}[31mtext\u{1B}[0m") == "red \\x1B[31mtext\\x1B[0m")
        #expect(TerminalText.escape("over\rwrite\u{7F}") == "over\\x0Dwrite\\x7F")
        #expect(TerminalText.escape("c1 \u{9B}31m csi") == "c1 \\x9B31m csi")
        #expect(TerminalText.escape("bidi \u{202E}txt.exe\u{2066}") == "bidi \\u{202E}txt.exe\\u{2066}")
        #expect(TerminalText.escape("é ü — ✓ ‖") == "é ü — ✓ ‖", "other non-ASCII text is unchanged")
    }

    /// The report's text and its problems (standard error) both come out escaped.
    @Test func reportTextAndProblemsAreEscapedOnTheTerminal() throws {
        let fixture = try Fixture()
        try fixture.write("checklists/mini.md", "# Mini\n\n## Build\n\n- [ ] Lint\n")
        try fixture.write("runs/r1/run.json", #"{"checklist": "mini", "environment": "st\u001b]0;pwned\u0007aging", "started_at": "2026-11-01T10:00:00Z"}"#)
        try fixture.write("runs/r1/results.json", #"[{"item": "build/lint", "status": "fail", "summary": "\u001b[2J\u001b[31mwiped"}, {"item": "nope\u001b[1m", "status": "pass"}]"#)
        let result = try CLI.run(["report", fixture.path("runs/r1"), "--content", fixture.path("checklists")])
        for output in [result.stdout, result.stderr] {
            #expect(!output.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "\(output)")
        }
        #expect(result.stdout.contains("st\\x1B]0;pwned\\x07aging"), "\(result.stdout)")
        #expect(result.stdout.contains("\\x1B[2J\\x1B[31mwiped"), "\(result.stdout)")
        #expect(result.stderr.contains("nope\\x1B[1m"), "\(result.stderr)")
    }
}
