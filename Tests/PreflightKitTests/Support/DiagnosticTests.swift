import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport
@testable import PreflightHistory
@testable import PreflightSite

@Suite struct DiagnosticTests {
    @Test func printsAsPathLineColumnSeverityMessage() {
        #expect(Diagnostic.error("a.md", line: 3, column: 5, "bad").description == "a.md:3:5: error: bad")
        #expect(Diagnostic.warning("a.md", line: 3, "meh").description == "a.md:3: warning: meh")
        #expect(Diagnostic.error("dir", "no such folder").description == "dir: error: no such folder")
    }

    @Test func listJoinsDiagnosticsOnePerLine() {
        let list = DiagnosticList([.error("a", line: 1, column: 1, "x"), .warning("b", "y")])
        #expect(list.description == "a:1:1: error: x\nb: warning: y")
    }
}
