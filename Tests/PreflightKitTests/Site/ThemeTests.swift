import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport
@testable import PreflightHistory
@testable import PreflightSite
@testable import PreflightConfig

/// The built-in theme: compiled in from this repository's folders, overridden file by file by a
/// project's own `templates/` and `Public/`, and ejected for editing.
@Suite("Built-in theme")
struct ThemeTests {
    /// A project folder holding the example checklist and runs, and no theme folders.
    struct Project {
        let fixture: Fixture
        var root: String { fixture.folder.path }

        init() throws {
            fixture = try Fixture()
            try FileManager.default.createDirectory(atPath: fixture.path("content"), withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: SiteFixture.checklists, toPath: fixture.path("content/checklists"))
            try FileManager.default.copyItem(atPath: SiteFixture.runs, toPath: fixture.path("content/runs"))
        }

        /// The options a build in this folder uses by default (default folders may be absent).
        func options(_ output: String = "_site") -> SiteOptions {
            var options = SiteOptions(content: fixture.path("content/checklists"), runs: fixture.path("content/runs"),
                                      schema: fixture.path("schema"), output: fixture.path(output))
            options.templates = fixture.path("templates")
            options.publicDir = fixture.path("Public")
            #expect(!options.requireTemplates && !options.requirePublicDir)
            return options
        }

        @discardableResult
        func build(_ output: String = "_site") throws -> BuildSummary { try SiteBuilder(options: options(output)).build() }

        func text(_ path: String) throws -> String { try String(contentsOfFile: fixture.path(path), encoding: .utf8) }
    }

    // MARK: - The embedding

    @Test func theBuiltInThemeIsThisRepositorysFilesByteForByte() throws {
        func disk(_ folder: String, suffix: String? = nil) -> [String: [UInt8]] {
            SiteFixture.tree(SiteFixture.root(folder)).filter { suffix.map($0.key.hasSuffix) ?? true }.mapValues { Array($0) }
        }
        #expect(BuiltInTheme.templates.mapValues { Array($0.utf8) } == disk("templates", suffix: ".mustache"))
        #expect(BuiltInTheme.publicFiles == disk("Public"))
        #expect(BuiltInTheme.schemas.mapValues { Array($0.utf8) } == disk("schema"))
        #expect(BuiltInTheme.starterChecklist == (try String(contentsOfFile: SiteFixture.checklists + "/production-deployment.md",
                                                               encoding: .utf8)))
        #expect(BuiltInTheme.templates["partials/item.mustache"] != nil)
        #expect(BuiltInTheme.publicFiles["icons/preflight.svg"] != nil)
    }

    /// Runs scripts/generate-theme.py with `arguments`; returns its exit status and stderr.
    private func generator(_ arguments: [String]) throws -> (status: Int32, message: String) {
        try ScriptRunner.run("generate-theme.py", arguments)
    }

    @Test func theCommittedEmbeddingIsWhatTheGeneratorWrites() throws {
        let run = try generator(["--check"])
        #expect(run.status == 0, "\(run.message)")
    }

    @Test func aDriftedEmbeddingIsReported() throws {
        let fixture = try Fixture()
        try fixture.write("templates/layout.mustache", "<main>{{{content}}}</main>\n")
        try fixture.write("Public/a.css", "a { color: #fff; }\n")
        try fixture.write("Public/raw.bin", Data([0, 1, 2, 13, 10, 255]))
        try fixture.write("content/checklists/production-deployment.md", "# Starter\n")
        let output = fixture.path("Files.swift")
        #expect(try generator(["--root", fixture.folder.path, "--output", output]).status == 0)
        #expect(try generator(["--root", fixture.folder.path, "--output", output, "--check"]).status == 0)
        let text = try String(contentsOfFile: output, encoding: .utf8)
        #expect(text.contains("\"layout.mustache\": #\"\"\"\n<main>{{{content}}}</main>\n\n\"\"\"#,"))
        #expect(text.contains("\"raw.bin\": decode(\"AAECDQr/\"),"))
        try fixture.write("Public/a.css", "a { color: #000; }\n")
        let run = try generator(["--root", fixture.folder.path, "--output", output, "--check"])
        #expect(run.status == 1)
        #expect(run.message.contains("the built-in theme is stale"), "\(run.message)")
    }

    @Test func aRawStringGetsEnoughHashesForWhatItHolds() throws {
        let fixture = try Fixture()
        try fixture.write("templates/layout.mustache", "a \"\"\"# b \\#(c) \"\"\"## d\n")
        try fixture.write("content/checklists/production-deployment.md", "# Starter\n")
        let output = fixture.path("Files.swift")
        #expect(try generator(["--root", fixture.folder.path, "--output", output]).status == 0)
        let text = try String(contentsOfFile: output, encoding: .utf8)
        #expect(text.contains("\"layout.mustache\": ###\"\"\"\n"))
    }

    // MARK: - Building with the built-in theme

    @Test func aFolderWithOnlyChecklistsAndRunsBuildsTheSameSiteAsThisRepository() throws {
        let project = try Project()
        let summary = try project.build()
        #expect(summary.problems.filter { $0.severity == .error }.isEmpty)
        let builtIn = SiteFixture.tree(project.fixture.path("_site"))
        for path in ["index.html", "runs/production-2026-11-16-1/index.html", "runs/production-2026-11-16-1/signoff.html",
                     "preflight.css", "sheet.css", "print-a4.css", "icons/preflight.svg", "schema/run.schema.json",
                     "trends/production-deployment/staging/index.html"] {
            #expect(builtIn[path] != nil, "\(path) is missing")
        }
        try SiteFixture.buildExample(into: project.fixture.path("repo-site"))
        let repository = SiteFixture.tree(project.fixture.path("repo-site"))
        #expect(builtIn.keys.sorted() == repository.keys.sorted())
        #expect(builtIn.keys.filter { builtIn[$0] != repository[$0] }.sorted() == [])
    }

    @Test func aFolderNamedExplicitlyMustExistButADefaultOneMayBeAbsent() throws {
        let project = try Project()
        let missing = project.fixture.path("no-templates")
        var options = project.options()
        options.templates = missing
        _ = try SiteBuilder(options: options).build()
        options.requireTemplates = true
        do {
            _ = try SiteBuilder(options: options).build()
            Issue.record("the build should fail")
        } catch {
            #expect(error.description == "\(missing): error: no such templates folder")
        }
        let explicit = SiteOptions(content: project.fixture.path("content/checklists"), runs: project.fixture.path("content/runs"),
                                   publicDir: missing, output: project.fixture.path("_site"))
        #expect(explicit.requirePublicDir && !explicit.requireTemplates)
        #expect(throws: DiagnosticList.self) { try SiteBuilder(options: explicit).build() }
    }

    @Test func aThemeFolderNamedInTheConfigFileOrByAFlagMustExist() throws {
        let defaults = try ProjectConfig(text: "[site]\ntitle = \"T\"\n", path: "preflight.toml").siteOptions
        #expect(!defaults.requireTemplates && !defaults.requirePublicDir)
        #expect(defaults.templates == "templates" && defaults.publicDir == "Public")
        var named = try ProjectConfig(text: "[paths]\ntemplates = \"theme/t\"\n", path: "preflight.toml")
        #expect(named.siteOptions.requireTemplates && named.siteOptions.templates == "theme/t")
        #expect(!named.siteOptions.requirePublicDir)
        named.set(.publicDir, path: "p", flag: "--public")
        #expect(named.siteOptions.requirePublicDir && named.siteOptions.publicDir == "p")
    }

    @Test func aCommandLineBuildInAFolderWithOnlyAChecklistWritesACompleteSite() throws {
        let fixture = try Fixture()
        try fixture.write("content/checklists/service.md", """
            # Service launch

            ## Health

            - [ ] **Health endpoint** answers 200 {#health}
            - [ ] **Alerts** page the on-call {#alerts}

            ## Sign-Off

            - [ ] **Service Owner**: ____

            """)
        let folder = fixture.folder
        let started = try CLI.run(["start-run", "--checklist", "service", "--environment", "staging"], in: folder)
        #expect(started.status == 0, "\(started.stderr)")
        let run = started.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let recorded = try CLI.run(["record", run, "--item", "health", "--status", "pass"], in: folder)
        #expect(recorded.status == 0, "\(recorded.stderr)")
        let built = try CLI.run(["build"], in: folder)
        #expect(built.status == 0, "\(built.stderr)")
        let site = SiteFixture.tree(fixture.path("_site"))
        let id = (run as NSString).lastPathComponent
        for path in ["index.html", "runs/\(id)/index.html", "runs/\(id)/signoff.html", "preflight.css", "sheet.css",
                     "icons/preflight.svg", "schema/run.schema.json", "schema/result.schema.json"] {
            #expect(site[path] != nil, "\(path) is missing; site has \(site.keys.sorted().prefix(20))")
        }
        #expect(site["preflight.css"].map(Array.init) == BuiltInTheme.publicFiles["preflight.css"])
        let page = String(decoding: site["runs/\(id)/index.html"] ?? Data(), as: UTF8.self)
        #expect(page.contains("Health endpoint"))
        #expect(!FileManager.default.fileExists(atPath: fixture.path("templates")))

        let missing = try CLI.run(["build", "--templates", "mine"], in: folder)
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("mine: error: no such templates folder\n"), "\(missing.stderr)")
    }

    // MARK: - Overrides

    @Test func overridingOneTemplateRebuildsThePagesAndRemovingItRestoresThem() throws {
        let project = try Project()
        let first = try project.build()
        #expect(first.counts.rendered == first.runs)
        let item = try #require(BuiltInTheme.templates["partials/item.mustache"])
        let marked = item.replacingOccurrences(of: "<span class=\"item-label\">", with: "<span class=\"item-label\" data-mine=\"1\">")
        #expect(marked != item)
        try project.fixture.write("templates/partials/item.mustache", marked)

        let overridden = try project.build()
        #expect(overridden.counts.rendered == overridden.runs)
        let page = try project.text("_site/runs/production-2026-11-16-1/index.html")
        #expect(page.contains("data-mine=\"1\""))
        // Every other template is still the built-in one.
        #expect(try project.text("_site/index.html") == (try SiteFixture.exampleText("index.html")))

        let unchanged = try project.build()
        #expect(unchanged.counts.rendered == 0)

        try FileManager.default.removeItem(atPath: project.fixture.path("templates"))
        let restored = try project.build()
        #expect(restored.counts.rendered == restored.runs)
        #expect(try project.text("_site/runs/production-2026-11-16-1/index.html")
            == (try SiteFixture.exampleText("runs/production-2026-11-16-1/index.html")))
    }

    @Test func aProjectTemplateWithANewPathIsAddedBesideTheBuiltInOnes() throws {
        let project = try Project()
        try project.fixture.write("templates/partials/footer-note.mustache", "<p class=\"footer-note\">ours</p>\n")
        let layout = try #require(BuiltInTheme.templates["layout.mustache"])
        try project.fixture.write("templates/layout.mustache", layout.replacingOccurrences(of: "</body>", with: "{{> partials/footer-note}}</body>"))
        try project.build()
        #expect(try project.text("_site/index.html").contains("<p class=\"footer-note\">ours</p>"))
    }

    @Test func anErrorInAnOverrideNamesTheProjectsFile() throws {
        let project = try Project()
        let path = try project.fixture.write("templates/partials/state.mustache", "{{> partials/nosuch}}\n")
        do {
            try SiteBuilder(options: project.options()).build()
            Issue.record("the build should fail")
        } catch {
            #expect(error.diagnostics.map(\.description)
                == ["\(path):1:1: error: partial 'partials/nosuch' does not exist (no partials/nosuch.mustache)"])
        }
    }

    @Test func anErrorInABuiltInTemplateNamesItsBuiltInPath() throws {
        let fixture = try Fixture()
        var options = SiteOptions(schema: nil)
        options.templates = fixture.path("templates")
        options.publicDir = fixture.path("Public")
        let theme = try Theme.effective(for: options)
        #expect(theme.templates.first { $0.path == "layout.mustache" }?.origin == "<built-in>/templates/layout.mustache")
        let library = try TemplateLibrary.load(theme.templates, directory: "templates")
        do {
            _ = try library.render("layout", LinkView(href: "a.html", text: "A"))
            Issue.record("rendering the layout with a link's model should fail")
        } catch {
            let first = try #require(error.diagnostics.first?.description)
            #expect(first.hasPrefix("<built-in>/templates/layout.mustache:"), "\(first)")
        }
    }

    @Test func overridingOneStylesheetCopiesItAndRemovingItBringsBackTheBuiltInOne() throws {
        let project = try Project()
        let mine = "body { background: #123456; }\n"
        try project.fixture.write("Public/preflight.css", mine)
        try project.fixture.write("Public/extra/logo.txt", "ours\n")
        let summary = try project.build()
        #expect(summary.counts.rendered == summary.runs)
        #expect(try project.text("_site/preflight.css") == mine)
        #expect(try project.text("_site/extra/logo.txt") == "ours\n")
        #expect(FileManager.default.contents(atPath: project.fixture.path("_site/sheet.css")).map(Array.init)
            == BuiltInTheme.publicFiles["sheet.css"])

        try FileManager.default.removeItem(atPath: project.fixture.path("Public/preflight.css"))
        let again = try project.build()
        #expect(again.counts.rendered == 0)
        #expect(FileManager.default.contents(atPath: project.fixture.path("_site/preflight.css")).map(Array.init)
            == BuiltInTheme.publicFiles["preflight.css"])
        #expect(try project.text("_site/extra/logo.txt") == "ours\n")
    }

    @Test func aProjectSchemaOverridesTheBuiltInOneByName() throws {
        let project = try Project()
        try project.fixture.write("schema/run.schema.json", "{}\n")
        try project.build()
        #expect(try project.text("_site/schema/run.schema.json") == "{}\n")
        #expect(try project.text("_site/schema/result.schema.json") == BuiltInTheme.schemas["result.schema.json"])
    }

    // MARK: - Eject

    @Test func ejectWritesTheBuiltInThemeAndNeverOverwrites() throws {
        let fixture = try Fixture()
        let mine = try fixture.write("project/templates/layout.mustache", "mine\n")
        let first = BuiltInTheme.eject(into: fixture.path("project"))
        #expect(first.problems.isEmpty)
        #expect(first.skipped == [mine])
        #expect(first.written.count == BuiltInTheme.templates.count + BuiltInTheme.publicFiles.count - 1)
        #expect(try String(contentsOfFile: mine, encoding: .utf8) == "mine\n")
        let tree = SiteFixture.tree(fixture.path("project"))
        for (path, text) in BuiltInTheme.templates where path != "layout.mustache" {
            #expect(tree["templates/" + path].map(Array.init) == Array(text.utf8), "\(path)")
        }
        for (path, bytes) in BuiltInTheme.publicFiles {
            #expect(tree["Public/" + path].map(Array.init) == bytes, "\(path)")
        }

        let second = BuiltInTheme.eject(into: fixture.path("project"))
        #expect(second.written == [])
        #expect(second.skipped.count == first.written.count + 1)
        #expect(SiteFixture.tree(fixture.path("project")) == tree)
    }

    @Test func ejectThroughTheCommandLineReportsWhatItWroteAndSkipped() throws {
        let fixture = try Fixture()
        try fixture.write("Public/preflight.css", "mine\n")
        let result = try CLI.run(["theme", "eject"], in: fixture.folder)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("wrote templates/layout.mustache"))
        #expect(lines.contains("wrote Public/icons/preflight.svg"))
        #expect(lines.contains("skipped Public/preflight.css (exists; left as it was)"))
        let total = BuiltInTheme.templates.count + BuiltInTheme.publicFiles.count
        #expect(lines.last?.hasPrefix("\(total - 1) file(s) written, 1 skipped;") == true, "\(lines.last ?? "")")
        #expect(try String(contentsOfFile: fixture.path("Public/preflight.css"), encoding: .utf8) == "mine\n")

        let into = try CLI.run(["theme", "eject", "elsewhere"], in: fixture.folder)
        #expect(into.status == 0)
        #expect(into.stdout.contains("wrote elsewhere/templates/partials/item.mustache\n"))

        try fixture.write("blocked", "a file where a folder should be\n")
        let blocked = try CLI.run(["theme", "eject", "blocked"], in: fixture.folder)
        #expect(blocked.status == 1)
        #expect(blocked.stderr.contains("blocked/"), "\(blocked.stderr)")
    }

    @Test func anEjectedThemeBuildsTheSameSite() throws {
        let project = try Project()
        #expect(BuiltInTheme.eject(into: project.root).problems.isEmpty)
        try project.build()
        let ejected = SiteFixture.tree(project.fixture.path("_site"))
        try FileManager.default.removeItem(atPath: project.fixture.path("templates"))
        try FileManager.default.removeItem(atPath: project.fixture.path("Public"))
        try project.build("builtin")
        let builtIn = SiteFixture.tree(project.fixture.path("builtin"))
        #expect(ejected.keys.sorted() == builtIn.keys.sorted())
        #expect(ejected.keys.filter { ejected[$0] != builtIn[$0] }.sorted() == [])
    }
}
