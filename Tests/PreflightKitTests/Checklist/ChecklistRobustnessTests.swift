import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport
@testable import PreflightHistory
@testable import PreflightSite

/// Bad or odd input gives a diagnostic or a normal parse, never a crash.
@Suite struct ChecklistRobustnessTests {
    private func parseFile(_ path: String, options: ChecklistOptions = .default) -> Result<ParsedChecklist, Diagnostic> {
        Result { () throws(Diagnostic) in try ChecklistParser(options: options).parse(fileAt: path) }
    }

    @Test func emptyFileHasNoItemsError() throws {
        let fixture = try Fixture()
        let parsed = try parseFile(try fixture.write("empty.md", "")).get()
        #expect(parsed.checklist.items.isEmpty)
        #expect(parsed.checklist.title == "empty")
        #expect(parsed.errors.map(\.message) == ["checklist has no task items (lines like `- [ ] Backups tested`)"])
    }

    @Test func whitespaceOnlyTextParses() {
        let parsed = Fixture.parse("\n\n   \n\t\n")
        #expect(parsed.checklist.items.isEmpty)
        #expect(parsed.hasErrors)
    }

    @Test func notUTF8IsAnError() throws {
        let fixture = try Fixture()
        let path = try fixture.write("latin1.md", Data([0x2D, 0x20, 0x5B, 0x20, 0x5D, 0x20, 0x63, 0x61, 0x66, 0xE9, 0x0A]))
        guard case .failure(let error) = parseFile(path) else {
            Issue.record("expected an error")
            return
        }
        #expect(error.description == "\(path):1:10: error: file is not valid UTF-8 (bad byte 0xE9)")
    }

    @Test func nulBytesAreAnError() throws {
        let fixture = try Fixture()
        let path = try fixture.write("nul.md", Data("- [ ] a\n- [ ] b".utf8) + Data([0, 0, 0]))
        guard case .failure(let error) = parseFile(path) else {
            Issue.record("expected an error")
            return
        }
        #expect(error.line == 2)
        #expect(error.column == 8)
        #expect(error.message == "file contains a NUL byte; is it a binary file?")
    }

    @Test func byteOrderMarkIsIgnored() throws {
        let fixture = try Fixture()
        let path = try fixture.write("bom.md", Data([0xEF, 0xBB, 0xBF]) + Data("# Title\n- [ ] First\n".utf8))
        let parsed = try parseFile(path).get()
        #expect(parsed.checklist.title == "Title")
        #expect(parsed.ids == ["first"])
        #expect(parsed.checklist.items[0].line == 2)
    }

    @Test func crlfLineEndingsGiveTheSameChecklist() {
        let text = """
            # T
            ## S
            - [ ] **Parent**
              - [x] Child
                with a note
            ## Sign-Off
            - [ ] **Lead**: ___

            ```
            code
            ```
            """
        let lf = Fixture.parse(text).checklist
        let crlf = Fixture.parse(text.replacingOccurrences(of: "\n", with: "\r\n")).checklist
        #expect(crlf.items == lf.items)
        #expect(crlf.sections == lf.sections)
        #expect(crlf.items[1].text == "Child with a note")
    }

    @Test func fileOverTheSizeLimitIsAClearError() throws {
        let fixture = try Fixture()
        // 50 MB of a real-looking checklist, written in one go.
        let line = Data("- [ ] Lots of items here\n".utf8)
        var data = Data(capacity: 50_000_000)
        while data.count < 50_000_000 { data.append(line) }
        let path = try fixture.write("huge.md", data)
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard case .failure(let error) = parseFile(path) else {
            Issue.record("a 50 MB file must be refused")
            return
        }
        #expect(error.description == "\(path): error: file is 47.7 MiB, over the 16.0 MiB limit")
    }

    @Test func sizeLimitIsConfigurable() throws {
        let fixture = try Fixture()
        let path = try fixture.write("small.md", "- [ ] x\n")
        #expect(throws: Diagnostic.self) { try parseFile(path, options: ChecklistOptions(sizeLimit: 4)).get() }
        #expect(try parseFile(path, options: ChecklistOptions(sizeLimit: 8)).get().ids == ["x"])
    }

    @Test func itemsNestedAThousandDeepParse() throws {
        let depth = 1000
        var text = "# Deep\n"
        for level in 0..<depth {
            text += String(repeating: "  ", count: level) + "- [ ] Level \(level)\n"
        }
        let parsed = Fixture.parse(text)
        let items = parsed.checklist.items
        #expect(items.count == depth)
        #expect(parsed.diagnostics.isEmpty)
        #expect(items.last?.depth == depth - 1)
        #expect(items.last?.parent == items[depth - 2].id)
        #expect(items[500].children == [items[501].id])
        #expect(items[2].id == "level-0/level-1/level-2")
        #expect(Set(items.map(\.id)).count == depth)
    }

    @Test func directoryOrMissingPathIsAnError() throws {
        let fixture = try Fixture()
        guard case .failure(let directory) = parseFile(fixture.folder.path),
            case .failure(let missing) = parseFile(fixture.path("missing.md"))
        else {
            Issue.record("expected errors")
            return
        }
        #expect(directory.message == "is a directory, not a file")
        #expect(missing.message == "no such file")
    }

    @Test func oddMarkdownDoesNotTrap() {
        let samples: [(String, Int)] = [
            ("- [ ]", 0), ("- [x]\n  - [x]", 0), ("> > > - [ ] deep quote", 1), ("[ ] no list", 0),
            ("- [ ] {#}", 1), ("- [ ] {#a}{#b}", 1), ("# {#x}", 0), ("#\n- [ ] untitled", 1),
            ("- [ ] \u{0}nul in memory", 1), ("* [ ] \u{202E}rtl", 1), ("-\t[ ]\ttabs", 1),
            (String(repeating: "[", count: 10_000), 0),
            (String(repeating: "> ", count: 2_000) + "- [ ] x", 1),
        ]
        for (sample, count) in samples {
            let parsed = Fixture.parse(sample)
            #expect(parsed.checklist.items.count == count, "\(sample.prefix(20).debugDescription)")
            #expect(parsed.hasErrors == (count == 0), "\(sample.prefix(20).debugDescription)")
        }
    }
}
