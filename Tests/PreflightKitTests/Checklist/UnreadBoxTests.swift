import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist

/// Boxes written so that they are not task items are reported, not silently dropped.
@Suite struct UnreadBoxTests {
    @Test func aTableOfBoxesSaysHowManyAndWhere() throws {
        let parsed = Fixture.parse("""
            # Launch

            | Done | Check |
            |------|-------|
            | ☐ | Backups tested |
            | ☑ | Alerts wired |
            | &#9744; | DNS cut over |
            | [ ] | Runbook |
            | [x] ☒ | Both |
            """)
        #expect(parsed.checklist.items.isEmpty)
        let error = try #require(parsed.errors.first)
        #expect(parsed.errors.count == 1)
        #expect(error.line == 1)
        #expect(error.message == "checklist has no task items, but 6 boxes in table rows (lines 5, 6, 7, …) are not read as items: "
                + "write each check as a task list item on its own line, e.g. `- [ ] Backups tested`")
    }

    @Test func boxesAtTheStartOfLinesAreCountedToo() throws {
        let parsed = Fixture.parse("""
            # Launch

            ☐ Backups tested
            ☐ Alerts wired

            [x] Runbook

            - ☐ In a plain list
            """)
        let error = try #require(parsed.errors.first)
        #expect(error.message.hasPrefix("checklist has no task items, but 4 boxes at the start of lines (lines 3, 4, 6, …) are not read"))
    }

    @Test func bothKindsAreNamed() throws {
        let parsed = Fixture.parse("| ☐ | a |\n\n☐ b\n")
        let error = try #require(parsed.errors.first)
        #expect(error.message.hasPrefix("checklist has no task items, but 1 box in table rows (line 1) and 1 box at the start of lines (line 3) are not read"))
    }

    @Test func withoutAnyBoxTheErrorIsAsBefore() {
        let parsed = Fixture.parse("# Nothing\n\nJust [a link](x.md) and [ ]not a box.\n")
        #expect(parsed.errors.map(\.message) == ["checklist has no task items (lines like `- [ ] Backups tested`)"])
    }

    @Test func aBoxWithoutTheListMarkerWarnsWhenTheChecklistHasItems() {
        let parsed = Fixture.parse("""
            ## Ops
            - [ ] Real item

            [ ] Forgot the dash
            [x] Also here

            > [X] Quoted
            """)
        #expect(parsed.ids == ["ops/real-item"])
        #expect(parsed.errors.isEmpty)
        #expect(parsed.warnings.map(\.line) == [4, 5, 7])
        #expect(parsed.warnings.first?.message == "`[ ] Forgot the dash` is not a task item: start the line with `- ` to make it one")
        #expect(parsed.warnings.first?.column == 1)
    }

    @Test func aLazyLineInATaskLabelWarns() {
        // Without the dash the line continues the label above: a check lost inside another.
        let parsed = Fixture.parse("- [ ] One\n[ ] Two\n")
        #expect(parsed.checklist.items.map(\.text) == ["One [ ] Two"])
        #expect(parsed.warnings.map(\.line) == [2])
    }

    @Test func realTasksAndSymbolsInAChecklistWithItemsDoNotWarn() {
        let parsed = Fixture.parse("- [ ] One\n- [x] Two\n\n☐ symbol lines are left alone here\n\n| [ ] | table |\n")
        #expect(parsed.warnings.isEmpty)
    }

    @Test func checkPrintsTheWarning() throws {
        let fixture = try Fixture()
        let path = try fixture.write("boxes.md", "## S\n- [ ] Real\n\n[ ] Not real\n")
        let result = try CLI.run(["check", path])
        #expect(result.status == 0)
        #expect(result.stderr.contains("\(path):4:1: warning: `[ ] Not real` is not a task item: start the line with `- ` to make it one"))
        #expect(result.stderr.hasSuffix("0 error(s), 1 warning(s)\n"))
    }

    @Test func checkPrintsWhereTheBoxesAre() throws {
        let fixture = try Fixture()
        let path = try fixture.write("table.md", "| ☐ | a |\n| ☐ | b |\n")
        let result = try CLI.run(["check", path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(path):1:1: error: checklist has no task items, but 2 boxes in table rows (lines 1, 2) are not read as items"))
    }
}
