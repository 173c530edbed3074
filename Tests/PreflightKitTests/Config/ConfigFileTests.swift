import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightHistory
@testable import PreflightSite
@testable import PreflightConfig
@testable import PreflightImport

@Suite("preflight.toml: keys, errors at line:col, precedence")
struct ConfigFileTests {
    /// The one diagnostic `text` gives, as printed.
    static func error(_ text: String) -> String {
        do {
            _ = try ProjectConfig(text: text, path: "preflight.toml")
            return "no error"
        } catch {
            return error.diagnostics.map(\.description).joined(separator: "\n")
        }
    }

    @Test(arguments: [
        // Unknown keys and tables, with the nearest known key.
        ("[paths]\noutptu = \"x\"\n", "preflight.toml:2:1: error: unknown key 'paths.outptu'; did you mean 'paths.output'?"),
        ("[site]\n  content = \"x\"\n", "preflight.toml:2:3: error: unknown key 'site.content'; did you mean 'paths.content'?"),
        ("[sitee]\ntitle = \"x\"\n", "preflight.toml:1:1: error: unknown table 'sitee'; did you mean 'site'?"),
        ("title = \"x\"\n", "preflight.toml:1:1: error: unknown key 'title'; did you mean 'site.title' (under [site])?"),
        ("[history]\nzzz = 1\n", "preflight.toml:2:1: error: unknown key 'history.zzz' (known keys of [history]: flaky_flips, "
            + "flaky_window, long_failing_runs, matrix_runs, sparkline_runs, chart_points, time_to_green_rows, page_size)"),
        // Wrong types, pointing at the value.
        ("[paths]\noutput = 3\n", "preflight.toml:2:10: error: paths.output: expected a string, found an integer"),
        ("[site]\nenvironments = \"dev\"\n", "preflight.toml:2:16: error: site.environments: expected an array of strings, found a string"),
        ("[site]\nenvironments = [\"dev\", 2]\n", "preflight.toml:2:16: error: site.environments[1]: expected a string, found an integer"),
        ("[history]\nflaky_flips = 2.5\n", "preflight.toml:2:15: error: history.flaky_flips: expected an integer, found a float"),
        ("site = 1\n", "preflight.toml:1:8: error: site: expected a table, found an integer"),
        // Bad values.
        ("[site]\npaper = \"a5\"\n", "preflight.toml:2:9: error: site.paper must be \"any\", \"a4\" or \"letter\", found \"a5\""),
        ("[site]\nbase_url = \"ftp://x\"\n", "preflight.toml:2:12: error: site.base_url must be an http:// or https:// URL, found \"ftp://x\""),
        ("[site]\nbase_url = \"https://\"\n", "preflight.toml:2:12: error: site.base_url has no host: \"https://\""),
        ("[history]\nflaky_window = -3\n", "preflight.toml:2:16: error: history.flaky_window must be at least 2, found -3"),
        ("[site]\nenvironments = [\"dev\", \"  \"]\n", "preflight.toml:2:16: error: site.environments[1] must not be empty"),
        ("[site]\nenvironments = [\"dev\", \"dev\"]\n", "preflight.toml:2:16: error: site.environments[1] repeats \"dev\""),
        ("[site]\ntitle = \"\"\n", "preflight.toml:2:9: error: site.title must not be empty"),
        ("[checklist]\ngo_headings = []\n", "preflight.toml:2:15: error: checklist.go_headings must name at least one heading"),
        // Keys written dotted or in an inline table are found too.
        ("site.paper = \"a5\"\n", "preflight.toml:1:14: error: site.paper must be \"any\", \"a4\" or \"letter\", found \"a5\""),
        ("paths = { runs = \"r\", output = 1 }\n", "preflight.toml:1:32: error: paths.output: expected a string, found an integer"),
    ])
    func badConfig(_ text: String, _ expected: String) {
        #expect(Self.error(text) == expected)
    }

    @Test func syntaxErrorsKeepTOMLKitsMessageAndPosition() {
        #expect(Self.error("[site]\ntitle = \"open\n") == "preflight.toml:2:14: error: Error while parsing string: "
                + "unescaped control characters other than TAB (U+0009) are explicitly prohibited")
        #expect(Self.error("[paths\n") == "preflight.toml:1:7: error: Error while parsing table header: expected ']', saw '\\n'")
        #expect(Self.error("[site]\ntitle = \"x\"\ntitle = \"y\"\n")
                == "preflight.toml:3:9: error: Error while parsing key-value pair: cannot redefine existing string 'title'")
    }

    @Test func everyProblemIsReportedInFileOrder() {
        let message = Self.error("[site]\npaper = \"a5\"\ntitle = 1\n[paths]\nnope = \"x\"\n")
        #expect(message.split(separator: "\n").map { String($0.prefix(19)) }
                == ["preflight.toml:2:9:", "preflight.toml:3:9:", "preflight.toml:5:1:"])
    }

    @Test func stringsAndCommentsDoNotMisleadTheLocator() throws {
        let text = """
            # paper = "x" in a comment
            [site]
            title = "a = b # [paths]"   # trailing
            description = \"\"\"
            paper = "inside a string"
            \"\"\"
            paper = "a5"
            """
        let message = Self.error(text)
        #expect(message.contains("preflight.toml:4:1: error: unknown key 'site.description'"))
        #expect(message.contains("preflight.toml:7:9: error: site.paper must be"))
    }

    @Test func unreadableAndMissingFiles() throws {
        let fixture = try Fixture()
        do {
            _ = try ProjectConfig.load(fixture.path("none.toml"))
            Issue.record("a missing --config file must be an error")
        } catch {
            #expect(error.description == fixture.path("none.toml") + ": error: no such file")
        }
        let folder = fixture.path("folder.toml")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        #expect(throws: DiagnosticList.self) { try ProjectConfig.load(folder) }
        let bad = try fixture.write("bad.toml", Data([0x5B, 0x73, 0x69, 0x74, 0x65, 0x5D, 0x0A, 0xFF, 0xFE]))
        do {
            _ = try ProjectConfig.load(bad)
            Issue.record("invalid UTF-8 must be an error")
        } catch {
            #expect(error.description.hasPrefix(bad + ":2:1: error: "), "\(error)")
        }
    }

    @Test func noFileMeansTheDefaults() throws {
        let settings = ProjectConfig()
        let options = settings.siteOptions
        #expect(options.content == "content/checklists" && options.runs == "content/runs" && options.output == "_site")
        #expect(options.cache == nil && options.title == "Preflight" && options.baseURL == nil && options.paper == .any)
        #expect(options.environments.isEmpty)
        #expect(settings.checklistOptions.goHeadings == ChecklistOptions.default.goHeadings)
        #expect(settings.historyOptions == .default)
        #expect(settings.origin(.output) == .byDefault)
    }

    @Test func flagOverFileOverDefault() throws {
        var settings = try ProjectConfig(text: """
            [paths]
            output = "public"
            runs = "archive"
            [site]
            title = "Acme readiness"
            paper = "letter"
            environments = ["dev", "staging", "production"]
            """, path: "preflight.toml")
        // From the file.
        #expect(settings.siteOptions.output == "public" && settings.origin(.output) == .file("preflight.toml", line: 2))
        #expect(settings.siteOptions.title == "Acme readiness" && settings.origin(.title) == .file("preflight.toml", line: 5))
        #expect(settings.siteOptions.paper == .letter)
        #expect(settings.siteOptions.environments == ["dev", "staging", "production"])
        // Untouched by the file: the default.
        #expect(settings.siteOptions.templates == "templates" && settings.origin(.templates) == .byDefault)
        // Flags win.
        settings.set(.output, path: "flagged", flag: "--output")
        settings.set(.title, .string("From a flag"), flag: "--title")
        settings.set(.paper, .string("a4"), flag: "--paper")
        settings.set(.environments, .strings(["prod"]), flag: "--environments")
        settings.set(.runs, path: nil, flag: "--runs")
        #expect(settings.siteOptions.output == "flagged" && settings.origin(.output) == .flag("--output"))
        #expect(settings.siteOptions.title == "From a flag" && settings.siteOptions.paper == .a4)
        #expect(settings.siteOptions.environments == ["prod"])
        #expect(settings.siteOptions.runs == "archive", "an option not given leaves the file's value")
    }

    @Test func pathsInAFileElsewhereAreRelativeToIt() throws {
        let settings = try ProjectConfig(text: "[paths]\ncontent = \"lists\"\noutput = \"/tmp/abs\"\n", path: "proj/preflight.toml")
        #expect(settings.siteOptions.content == "proj/lists")
        #expect(settings.siteOptions.output == "/tmp/abs")
        #expect(settings.siteOptions.runs == "content/runs", "defaults stay relative to the current folder")
    }

    @Test func historyAndHeadingsReachTheirOptions() throws {
        let settings = try ProjectConfig(text: """
            [checklist]
            go_headings = ["Ship when"]
            no_go_headings = ["Stop if"]
            signoff_headings = ["Approvals"]
            [history]
            flaky_flips = 4
            flaky_window = 12
            long_failing_runs = 5
            matrix_runs = 20
            sparkline_runs = 10
            chart_points = 50
            time_to_green_rows = 7
            page_size = 25
            """, path: "preflight.toml")
        #expect(settings.checklistOptions.goHeadings == ["Ship when"])
        #expect(settings.checklistOptions.noGoHeadings == ["Stop if"])
        #expect(settings.checklistOptions.signoffHeadings == ["Approvals"])
        #expect(settings.historyOptions == HistoryOptions(flakyFlips: 4, flakyWindow: 12, longFailingRuns: 5, matrixRuns: 20,
                                                          sparklineRuns: 10, chartPoints: 50, timeToGreenRows: 7, pageSize: 25))
        #expect(settings.siteOptions.history == settings.historyOptions)
        #expect(settings.siteOptions.checklist.goHeadings == ["Ship when"])
    }

    @Test func feedEntriesReachTheSiteAndAreAtLeastOne() throws {
        #expect(try ProjectConfig(text: "", path: "preflight.toml").siteOptions.feedEntries == 100)
        #expect(try ProjectConfig(text: "[site]\nfeed_entries = 20\n", path: "preflight.toml").siteOptions.feedEntries == 20)
        #expect(throws: DiagnosticList.self) { try ProjectConfig(text: "[site]\nfeed_entries = 0\n", path: "preflight.toml") }
    }

    @Test func headingWordsFromTheFileChangeItemKinds() throws {
        let settings = try ProjectConfig(text: "[checklist]\ngo_headings = [\"Ship when\"]\nno_go_headings = [\"Stop if\"]\n",
                                         path: "preflight.toml")
        let markdown = "# Launch\n\n## Ship when\n\n- [ ] Error rate under 1%\n\n## Stop if\n\n- [ ] Data loss\n\n## Go Criteria\n\n- [ ] Plain\n"
        let configured = Fixture.parse(markdown, options: settings.checklistOptions)
        #expect(configured.item(text: "Error rate under 1%")?.kind == .go)
        #expect(configured.item(text: "Data loss")?.kind == .noGo)
        #expect(configured.item(text: "Plain")?.kind != .go, "the default words no longer apply")
        let plain = Fixture.parse(markdown)
        #expect(plain.item(text: "Error rate under 1%")?.kind != .go)
        #expect(plain.item(text: "Plain")?.kind == .go)
    }

    @Test func theCommentedTemplateNamesEveryKeyAndChangesNothing() throws {
        let template = ProjectConfig.commentedTemplate
        for key in ConfigKey.all {
            #expect(template.contains("\n# \(key.name) = "), "\(key) missing from the template")
        }
        let settings = try ProjectConfig(text: template, path: "preflight.toml")
        #expect(ConfigKey.all.allSatisfy { settings.origin($0) == .byDefault })
        #expect(settings.imports.isEmpty)
        // Every commented line, uncommented, is a valid setting: keys and [[import]] headers alike.
        let uncommented = template.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix("# ") && (line.contains(" = ") || line.hasPrefix("# [[")) ? String(line.dropFirst(2)) : String(line)
        }.joined(separator: "\n")
        let all = try ProjectConfig(text: uncommented, path: "preflight.toml")
        #expect(ConfigKey.all.allSatisfy { if case .file = all.origin($0) { true } else { false } })
        #expect(all.siteOptions.paper == .any && all.siteOptions.title == "Preflight")
        #expect(all.imports.map(\.format) == [.junit, .sarif, .coverage, .checklist])
        #expect(all.imports.map(\.item) == ["all-unit-tests-passing", "static-code-analysis-completed", "test-coverage-80", nil])
        #expect(all.imports[0].maxFailures == 0)
        #expect(all.imports[1].failOn == "error" && all.imports[1].failOnSeverity == "high")
        #expect(all.imports[2].min == 80)
        #expect(all.imports[3].by == "Release Manager")
    }

    @Test func configListsEveryKeyWithItsOrigin() throws {
        var settings = try ProjectConfig(text: "# top\n[site]\ntitle = \"Acme \\\"Ops\\\"\"\nenvironments = [\"dev\", \"prod\"]\n",
                                         path: "preflight.toml")
        settings.set(.output, path: "out/site", flag: "--output")
        let lines = settings.lines
        #expect(lines.count == ConfigKey.all.count)
        #expect(lines[0] == "paths.content = \"content/checklists\"  # default")
        #expect(lines.contains("paths.output = \"out/site\"  # --output"))
        #expect(lines.contains("paths.cache = \"out/.preflight-cache\"  # default"))
        #expect(lines.contains("site.title = \"Acme \\\"Ops\\\"\"  # preflight.toml:3"))
        #expect(lines.contains("# site.base_url is not set  # default"))
        #expect(lines.contains("site.environments = [\"dev\", \"prod\"]  # preflight.toml:4"))
        #expect(lines.contains("history.page_size = 100  # default"))
        let json = try JSONValue.parse(Data(settings.json))
        guard case .array(let entries)? = json["settings"] else { Issue.record("no settings array"); return }
        #expect(entries.count == ConfigKey.all.count)
        #expect(entries.contains { $0["key"] == .string("site.title") && $0["origin"] == .string("preflight.toml:3")
            && $0["value"] == .string("Acme \"Ops\"") })
        #expect(entries.contains { $0["key"] == .string("site.base_url") && $0["value"] == .null })
    }

    @Test func configShowsTheImportMappingsWithTheirLines() throws {
        let text = """
            [site]
            title = "Shop"

            [[import]]
            files = "reports/**/*.xml"
            format = "junit"
            item = "all-unit-tests-passing"
            max_failures = 2

            [[import]]
            files = "cov/lcov.info"
            format = "coverage"
            item = "test-coverage-80"
            min = 82.5

            """
        let settings = try ProjectConfig(text: text, path: "preflight.toml")
        #expect(Array(settings.lines.dropFirst(ConfigKey.all.count)) == [
            "", "[[import]]  # preflight.toml:4", #"files = "reports/**/*.xml""#, #"format = "junit""#,
            #"item = "all-unit-tests-passing""#, "max_failures = 2",
            "", "[[import]]  # preflight.toml:10", #"files = "cov/lcov.info""#, #"format = "coverage""#,
            #"item = "test-coverage-80""#, "min = 82.5",
        ])
        // The whole output is TOML that reads back to the same mappings.
        let again = try ProjectConfig(text: settings.lines.map { $0.replacing(#/  # .*$/#, with: "") }
            .filter { !$0.hasPrefix("#") }.joined(separator: "\n"), path: "again.toml")
        #expect(again.imports.map(\.files) == ["reports/**/*.xml", "cov/lcov.info"])
        #expect(again.imports.map(\.min) == [nil, 82.5])
        let json = try JSONValue.parse(Data(settings.json))
        guard case .array(let imports)? = json["imports"] else { Issue.record("no imports array"); return }
        #expect(imports.count == 2)
        #expect(imports.first?["origin"] == .string("preflight.toml:4"))
        #expect(imports.first?["max_failures"] == .number(2))
        #expect(imports.last?["min"] == .number(82.5))
        #expect(imports.last?["max_failures"] == nil)
    }

    @Test func suggestionsPickTheNearestKey() {
        #expect(Suggestion.distance("kitten", "sitting") == 3)
        #expect(Suggestion.distance("", "abc") == 3)
        #expect(Suggestion.text(for: ["history", "flaky_flip"]) == "; did you mean 'history.flaky_flips'?")
        #expect(Suggestion.text(for: ["zzzzzzzz"]).hasPrefix(" (known tables: paths, site"))
    }
}
