import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightSite
@testable import PreflightConfig

/// preflight.toml through the binary: `preflight config`, precedence over flags, errors, exit codes.
@Suite("preflight.toml and `preflight config` end to end")
struct ConfigCommandTests {
    /// A project folder whose preflight.toml points at the example content and names a title.
    static func project(_ extra: String = "") throws -> Fixture {
        let fixture = try Fixture()
        try fixture.write("preflight.toml", """
            # Example project
            [paths]
            content = "\(SiteFixture.checklists)"
            runs = "\(SiteFixture.runs)"
            templates = "\(SiteFixture.templates)"
            public = "\(SiteFixture.publicDir)"
            schema = "\(SiteFixture.schema)"
            output = "from-file"

            [site]
            title = "Acme readiness"
            \(extra)
            """)
        return fixture
    }

    @Test func configPrintsEverySettingWithItsOrigin() throws {
        let fixture = try Self.project("paper = \"letter\"\n")
        let result = try CLI.run(["config", "--output", "flagged"], in: fixture.folder)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == ConfigKey.all.count)
        #expect(lines[0] == "paths.content = \"\(SiteFixture.checklists)\"  # preflight.toml:3")
        #expect(lines.contains("paths.output = \"flagged\"  # --output"))
        #expect(lines.contains("paths.cache = \".preflight-cache\"  # default"))
        #expect(lines.contains("site.title = \"Acme readiness\"  # preflight.toml:11"))
        #expect(lines.contains("site.paper = \"letter\"  # preflight.toml:12"))
        #expect(lines.contains("site.environments = []  # default"))
        #expect(lines.contains("checklist.go_headings = [\"Go Criteria\"]  # default"))
        #expect(lines.contains("history.page_size = 100  # default"))
        #expect(lines.last == "dashboard.stale_after = \"P14D\"  # default")
        let json = try CLI.run(["config", "--format", "json"], in: fixture.folder)
        #expect(json.status == 0)
        let parsed = try JSONValue.parse(Data(json.stdout.utf8))
        guard case .array(let entries)? = parsed["settings"] else { Issue.record("no settings"); return }
        #expect(entries.contains { $0["key"] == .string("paths.output") && $0["value"] == .string("from-file")
            && $0["origin"] == .string("preflight.toml:8") })
    }

    @Test func buildTakesPathsAndTitleFromTheFileAndFlagsWin() throws {
        let fixture = try Self.project()
        let fromFile = try CLI.run(["build", "--quiet"], in: fixture.folder)
        #expect(fromFile.status == 0, "\(fromFile.stderr)")
        let home = try String(contentsOfFile: fixture.path("from-file/index.html"), encoding: .utf8)
        #expect(home.contains("<title>Acme readiness dashboard</title>"))
        #expect(FileManager.default.fileExists(atPath: fixture.path(".preflight-cache/from-file/cache.json")))

        let flagged = try CLI.run(["build", "--quiet", "--output", "from-flag"], in: fixture.folder)
        #expect(flagged.status == 0, "\(flagged.stderr)")
        #expect(FileManager.default.fileExists(atPath: fixture.path("from-flag/index.html")))

        // Without a file: the defaults.
        let bare = try Fixture()
        let defaults = try CLI.run(["config"], in: bare.folder)
        #expect(defaults.status == 0, "\(defaults.stderr)")
        #expect(defaults.stdout.split(separator: "\n").allSatisfy { $0.hasSuffix("  # default") })
        #expect(defaults.stdout.hasPrefix("paths.content = \"content/checklists\"  # default\n"))
    }

    @Test func aFileNamedByConfigIsUsedAndMustExist() throws {
        let fixture = try Self.project()
        let elsewhere = try Fixture()
        let result = try CLI.run(["config", "--config", fixture.path("preflight.toml")], in: elsewhere.folder)
        #expect(result.status == 0, "\(result.stderr)")
        // Paths of a file elsewhere are relative to its folder.
        #expect(result.stdout.contains("paths.output = \"\(fixture.path("from-file"))\"  # \(fixture.path("preflight.toml")):8"))
        let missing = try CLI.run(["config", "--config", "nope.toml"], in: elsewhere.folder)
        #expect(missing.status == 1)
        #expect(missing.stderr == "nope.toml: error: no such file\n")
    }

    @Test(arguments: [["config"], ["build"], ["check"], ["ids", "x.md"],
                      ["start-run", "--checklist", "production-deployment", "--environment", "staging"]])
    func aBadFileStopsEveryCommandWithExitOne(_ command: [String]) throws {
        let fixture = try Self.project("paper = \"a5\"\n")
        let result = try CLI.run(command, in: fixture.folder)
        #expect(result.status == 1)
        #expect(result.stderr == "preflight.toml:12:9: error: site.paper must be \"any\", \"a4\" or \"letter\", found \"a5\"\n")
        #expect(result.stdout == "")
    }

    @Test func unknownKeysAndSyntaxErrorsExitOne() throws {
        let fixture = try Fixture()
        try fixture.write("preflight.toml", "[paths]\noutptu = \"x\"\n")
        let unknown = try CLI.run(["config"], in: fixture.folder)
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "preflight.toml:2:1: error: unknown key 'paths.outptu'; did you mean 'paths.output'?\n")
        try fixture.write("preflight.toml", "[paths\n")
        let syntax = try CLI.run(["build"], in: fixture.folder)
        #expect(syntax.status == 1)
        #expect(syntax.stderr == "preflight.toml:1:7: error: Error while parsing table header: expected ']', saw '\\n'\n")
    }

    @Test func startRunAndCheckUseTheFilesPaths() throws {
        let fixture = try Fixture()
        try FileManager.default.copyItem(atPath: SiteFixture.checklists, toPath: fixture.path("lists"))
        try fixture.write("preflight.toml", "[paths]\ncontent = \"lists\"\nruns = \"archive\"\n")
        let started = try CLI.run(["start-run", "--checklist", "production-deployment", "--environment", "staging", "--id", "s-1"],
                                  in: fixture.folder)
        #expect(started.status == 0, "\(started.stderr)")
        #expect(started.stdout == "archive/s-1\n")
        #expect(FileManager.default.fileExists(atPath: fixture.path("archive/s-1/run.json")))
        let flagged = try CLI.run(["start-run", "--checklist", "production-deployment", "--environment", "staging", "--id", "s-2",
                                   "--runs", "other"], in: fixture.folder)
        #expect(flagged.stdout == "other/s-2\n")
        let check = try CLI.run(["check"], in: fixture.folder)
        #expect(check.stderr.contains("checked 1 checklist(s)"), "\(check.stderr)")
    }

    @Test func headingWordsFromTheFileReachTheCommands() throws {
        let fixture = try Fixture()
        try fixture.write("lists/launch.md", "# Launch\n\n## Ship when\n\n- [ ] Error rate under 1%\n")
        let plain = try CLI.run(["ids", "--format", "json", "lists/launch.md"], in: fixture.folder)
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(!plain.stdout.contains("\"go\""), "\(plain.stdout)")
        try fixture.write("preflight.toml", "[checklist]\ngo_headings = [\"Ship when\"]\n")
        let configured = try CLI.run(["ids", "--format", "json", "lists/launch.md"], in: fixture.folder)
        #expect(configured.status == 0, "\(configured.stderr)")
        #expect(configured.stdout.contains("\"go\""), "\(configured.stdout)")
    }
}
