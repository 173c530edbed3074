import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport
@testable import PreflightHistory
@testable import PreflightSite

/// What `preflight check` reports, through `ChecklistLinter`.
@Suite struct ChecklistLinterTests {
    @Test func cleanChecklistHasNoDiagnostics() throws {
        let fixture = try Fixture()
        let path = try fixture.write("good.md", """
            # Good
            ## Go Criteria
            - [ ] Tests pass
            ## No-Go Criteria
            - [ ] Open incidents
            ## Sign-Off
            - [ ] **Owner**: ____
            """)
        #expect(ChecklistLinter().lint(paths: [path]).isEmpty)
    }

    @Test func checklistWithoutItemsIsAnError() throws {
        let fixture = try Fixture()
        let path = try fixture.write("empty.md", "# Nothing\n\n- plain\n")
        #expect(ChecklistLinter().lint(paths: [path]).map(\.description) == [
            "\(path):1:1: error: checklist has no task items (lines like `- [ ] Backups tested`)",
        ])
    }

    @Test func kindSectionsWithoutItemsAreErrors() {
        let parsed = Fixture.parse("""
            # T
            ## Checks
            - [ ] one
            ## Go/No-Go Decision
            ### Go Criteria
            Nothing here.
            ### No-Go Criteria
            #### Still nothing
            ## Sign-Off
            * plain bullet
            ## Approval Sign-Off Notes
            """)
        #expect(parsed.errors.map(\.line) == [5, 7, 9])
        #expect(parsed.errors.map(\.message) == [
            "'Go Criteria' is a go section with no task items",
            "'No-Go Criteria' is a no-go section with no task items",
            "'Sign-Off' is a signoff section with no task items",
        ])
    }

    @Test func kindSectionWithItemsOnlyInSubsectionsIsFine() {
        let parsed = Fixture.parse("## Sign-Off\n### Engineering\n- [ ] **Lead**\n")
        #expect(parsed.diagnostics.isEmpty)
    }

    @Test func unreadableInputsGiveOneErrorEachAndTheRestIsStillChecked() throws {
        let fixture = try Fixture()
        let good = try fixture.write("good.md", "- [ ] x\n")
        let binary = try fixture.write("binary.md", Data([0x2D, 0x20, 0xFF, 0xFE]))
        let diagnostics = ChecklistLinter().lint(paths: [fixture.path("missing.md"), fixture.folder.path, binary, good])
        #expect(diagnostics.map(\.description) == [
            "\(fixture.path("missing.md")): error: no such file",
            "\(fixture.folder.path): error: is a directory, not a file",
            "\(binary):1:3: error: file is not valid UTF-8 (bad byte 0xFF)",
        ])
    }

    @Test func diagnosticsComeInLineOrder() {
        let parsed = Fixture.parse("""
            ## Sign-Off
            - [ ] nobody
            - [ ] a {#x}
            - [ ] b {#x}
            """)
        #expect(parsed.diagnostics.map(\.line) == [2, 3, 4, 4])
        #expect(parsed.diagnostics.map(\.severity) == [.warning, .warning, .error, .warning])
    }

    @Test func markdownFilesAreFoundRecursivelyAndSorted() throws {
        let fixture = try Fixture()
        try fixture.write("b.md", "- [ ] b\n")
        try fixture.write("a/z.md", "- [ ] z\n")
        try fixture.write("notes.txt", "- [ ] not markdown\n")
        let files = try ChecklistLinter.markdownFiles(in: fixture.folder.path)
        #expect(files == [fixture.path("a/z.md"), fixture.path("b.md")])
    }

    @Test func missingChecklistFolderIsAnError() throws {
        let fixture = try Fixture()
        #expect(throws: Diagnostic.error(fixture.path("nope"), "no such folder of checklists")) {
            try ChecklistLinter.markdownFiles(in: fixture.path("nope"))
        }
    }
}
