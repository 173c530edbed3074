import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightSite

/// `preflight init`'s files, planned and written by `ProjectScaffold`, without the binary.
@Suite("Init scaffold")
struct ProjectScaffoldTests {
    static let starter = """
        # Service Launch

        ## Checks

        - [ ] **Backups** {#checks/backups}
          - [ ] Restore tested {#checks/backups/restore}
        - [ ] Alerts routed {#checks/alerts}

        ## Sign-Off

        - [ ] **Owner**: ________
        """
    static let config = "# commented preflight.toml\n# [paths]\n"

    static func plan(_ checklist: String? = nil, ci: ProjectScaffold.CI? = nil) throws -> ProjectScaffold {
        try ProjectScaffold.plan(checklistPath: checklist, starterChecklist: starter, configTemplate: config, ci: ci)
    }

    /// Every regular file under `folder`, relative path → bytes.
    static func snapshot(_ folder: String) -> [String: Data] {
        var files: [String: Data] = [:]
        for case let relative as String in FileManager.default.enumerator(atPath: folder)?.allObjects ?? [] {
            let full = (folder as NSString).appendingPathComponent(relative)
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue {
                files[relative] = FileManager.default.contents(atPath: full)
            }
        }
        return files
    }

    @Test func intoAnEmptyFolderItMakesEveryFile() throws {
        let dir = try TempDir()
        let project = dir.url("new/project")
        let steps = try Self.plan(ci: .github).write(into: project)
        #expect(steps.map(\.path) == ["content/checklists/production-deployment.md", "content/runs/.gitkeep", "preflight.toml",
                                      ".gitignore", ".github/workflows/preflight.yml"])
        #expect(steps.allSatisfy { $0.outcome == .made })
        let files = Self.snapshot(project)
        #expect(Set(files.keys) == Set(steps.map(\.path)))
        #expect(files["content/checklists/production-deployment.md"] == Data(Self.starter.utf8))
        #expect(files["content/runs/.gitkeep"] == Data())
        #expect(files["preflight.toml"] == Data(Self.config.utf8))
        #expect(files[".gitignore"] == Data("/_site/\n/.preflight-cache/\n".utf8))
        let workflow = String(decoding: try #require(files[".github/workflows/preflight.yml"]), as: UTF8.self)
        #expect(workflow.contains("--item checks/backups/restore "), "the example names a leaf check item")
    }

    @Test func intoAFolderWithFilesItKeepsEveryOneAsItWas() throws {
        let dir = try TempDir()
        try dir.write(".gitignore", "node_modules/\n/_site/\n")
        try dir.write("preflight.toml", "[site]\ntitle = \"Ours\"\n")
        try dir.write("content/checklists/production-deployment.md", "# Ours\n\n- [ ] Mine\n")
        try dir.write("content/runs/staging-1/run.json", "{}")
        try dir.write(".gitlab-ci.yml", "stages: [test]\n")
        try dir.write("README.md", "hello\n")
        let before = Self.snapshot(dir.path)

        let steps = try Self.plan(ci: .gitlab).write(into: dir.path)
        let after = Self.snapshot(dir.path)
        for (path, bytes) in before { #expect(after[path] == bytes, "\(path) changed") }
        #expect(Set(after.keys) == Set(before.keys), "nothing new: every planned file was there, and runs/ has a run")
        #expect(steps.allSatisfy { if case .kept = $0.outcome { true } else { false } })
        let gitignore = try #require(steps.first { $0.path == ".gitignore" })
        #expect(gitignore.outcome == .kept(advice: "add these lines: /.preflight-cache/"), "only the missing line")
        #expect(steps.first { $0.path == "preflight.toml" }?.outcome == .kept(advice: nil))
    }

    @Test func aSecondInitKeepsWhatTheFirstMade() throws {
        let dir = try TempDir()
        _ = try Self.plan().write(into: dir.path)
        try dir.write("content/checklists/production-deployment.md", "# Edited\n\n- [ ] Mine\n")
        let before = Self.snapshot(dir.path)
        let steps = try Self.plan().write(into: dir.path)
        #expect(Self.snapshot(dir.path) == before)
        #expect(steps.allSatisfy { $0.outcome == .kept(advice: nil) }, "the .gitignore it made has both lines")
    }

    @Test func aSymlinkAtAPlannedPathIsKeptAndNotFollowed() throws {
        let dir = try TempDir()
        let target = try dir.write("elsewhere.txt", "untouched\n")
        try FileManager.default.createSymbolicLink(atPath: dir.url("preflight.toml"), withDestinationPath: target)
        try FileManager.default.createSymbolicLink(atPath: dir.url(".gitignore"), withDestinationPath: dir.url("missing"))
        let steps = try Self.plan().write(into: dir.path)
        #expect(try dir.read("elsewhere.txt") == "untouched\n")
        #expect(!FileManager.default.fileExists(atPath: dir.url("missing")), "a dangling link is not written through")
        #expect(steps.first { $0.path == "preflight.toml" }?.outcome == .kept(advice: nil))
    }

    @Test func aGivenChecklistIsCopiedUnderItsOwnName() throws {
        let dir = try TempDir()
        let markdown = "# Service\r\n\r\n- [ ] Deployed {#deployed}\r\n"
        let source = try dir.write("in/service.md", markdown)
        let plan = try Self.plan(source, ci: .gitlab)
        #expect(plan.checklistName == "service")
        #expect(plan.exampleItem == "deployed")
        _ = try plan.write(into: dir.url("project"))
        #expect(FileManager.default.contents(atPath: dir.url("project/content/checklists/service.md")) == Data(markdown.utf8))
        #expect(try dir.read("project/.gitlab-ci.yml").contains("PREFLIGHT_CHECKLIST: 'service'"))
    }

    @Test func aChecklistThatCannotBuildIsRefusedBeforeAnythingIsWritten() throws {
        let dir = try TempDir()
        let noItems = try dir.write("notes.md", "# Notes\n\nNo boxes here.\n")
        #expect {
            try ProjectScaffold.plan(checklistPath: noItems, starterChecklist: Self.starter, configTemplate: "", ci: nil)
        } throws: { ($0 as? DiagnosticList)?.diagnostics.first?.message.contains("no task items") == true }
        let notMarkdown = try dir.write("list.txt", "- [ ] A\n")
        #expect {
            try ProjectScaffold.plan(checklistPath: notMarkdown, starterChecklist: Self.starter, configTemplate: "", ci: nil)
        } throws: { ($0 as? DiagnosticList)?.diagnostics.first?.message == "a checklist is a Markdown file ending in .md" }
        #expect {
            try ProjectScaffold.plan(checklistPath: dir.url("absent.md"), starterChecklist: Self.starter, configTemplate: "", ci: nil)
        } throws: { ($0 as? DiagnosticList)?.diagnostics.first?.message == "no such file" }
        #expect(dir.files(in: ".") == ["list.txt", "notes.md"])
    }

    @Test func aFileWhereAFolderMustGoIsAnError() throws {
        let dir = try TempDir()
        try dir.write("content", "a file\n")
        #expect {
            _ = try Self.plan().write(into: dir.path)
        } throws: { error in
            let diagnostic = error as? Diagnostic
            return diagnostic?.path == dir.url("content") && diagnostic?.message == "is a file, but init needs a folder here"
        }
        #expect(try dir.read("content") == "a file\n")
    }

    @Test func namesInCommandsAreShellWords() {
        #expect(ProjectScaffold.shellWord("checks/backups-2.x_y") == "checks/backups-2.x_y")
        #expect(ProjectScaffold.shellWord("my list") == "'my list'")
        #expect(ProjectScaffold.shellWord("it's $HOME") == #"'it'"'"'s $HOME'"#)
        #expect(ProjectScaffold.shellWord("") == "''")
        #expect(ProjectScaffold.Workflows.yaml("a'b: c") == "'a''b: c'")
    }
}
