import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightSite
@testable import PreflightConfig

/// Settings from a preflight.toml text, carried through a real build.
@Suite("preflight.toml settings in the built site")
struct ConfigSiteTests {
    /// Site options for the example history into a fresh folder, with `toml` over the defaults.
    static func options(_ toml: String, fixture: Fixture) throws -> SiteOptions {
        var options = try ProjectConfig(text: toml, path: "preflight.toml").siteOptions
        let example = SiteFixture.options(output: fixture.path("_site"))
        options.content = example.content
        options.runs = example.runs
        options.templates = example.templates
        options.publicDir = example.publicDir
        options.schema = example.schema
        options.output = example.output
        return options
    }

    static func read(_ options: SiteOptions, _ path: String) throws -> String {
        try String(contentsOfFile: options.output + "/" + path, encoding: .utf8)
    }

    /// Every file of the site but the feed, as text.
    static func pages(_ options: SiteOptions) throws -> [(String, String)] {
        let files = FileManager.default.enumerator(atPath: options.output)?.allObjects as? [String] ?? []
        return try files.filter { ($0.hasSuffix(".html") || $0.hasSuffix(".json") || $0.hasSuffix(".svg")) && !$0.hasPrefix("schema/") }
            .sorted().map { ($0, try read(options, $0)) }
    }

    @Test func theFeedUsesTheBaseURLAndPagesStayRelative() throws {
        let fixture = try Fixture()
        let options = try Self.options("[site]\nbase_url = \"https://ops.example.com/ready\"\n", fixture: fixture)
        _ = try SiteBuilder(options: options).build()
        let feed = try Self.read(options, "feed.xml")
        _ = try XML.document(feed)
        #expect(feed.contains("<id>https://ops.example.com/ready/feed.xml</id>"))
        #expect(feed.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"https://ops.example.com/ready/feed.xml\"/>"))
        #expect(feed.contains("<link rel=\"alternate\" type=\"text/html\" href=\"https://ops.example.com/ready/index.html\"/>"))
        #expect(feed.contains("<id>https://ops.example.com/ready/runs/staging-2026-11-12-1/index.html</id>"))
        #expect(feed.contains("href=\"https://ops.example.com/ready/runs/production-2026-11-16-1/index.html\""))
        #expect(!feed.contains("tag:preflight"))
        let pages = try Self.pages(options)
        #expect(pages.count > 20)
        for (path, text) in pages {
            #expect(!text.contains("ops.example.com"), "\(path) names the base URL")
        }
        // Without a base URL the feed is relative, as before.
        let plain = try Fixture()
        let relative = try Self.options("", fixture: plain)
        _ = try SiteBuilder(options: relative).build()
        let plainFeed = try Self.read(relative, "feed.xml")
        #expect(plainFeed.contains("<id>tag:preflight,2026:runs</id>"))
        #expect(plainFeed.contains("href=\"runs/production-2026-11-16-1/index.html\""))
        #expect(!plainFeed.contains("https://"))
    }

    @Test func theTitleNamesTheSiteAndIsEscaped() throws {
        let fixture = try Fixture()
        let options = try Self.options("[site]\ntitle = \"Acme <Ops> & co\"\n", fixture: fixture)
        _ = try SiteBuilder(options: options).build()
        let home = try Self.read(options, "index.html")
        #expect(home.contains("<title>Acme &lt;Ops&gt; &amp; co dashboard</title>"))
        #expect(home.contains("> Acme &lt;Ops&gt; &amp; co</a>"))
        #expect(home.contains("title=\"Acme &lt;Ops&gt; &amp; co runs\""))
        let run = try Self.read(options, "runs/staging-2026-11-12-1/index.html")
        #expect(run.contains("> Acme &lt;Ops&gt; &amp; co</a>"))
        #expect(!run.contains("> Preflight</a>"))
        #expect(try Self.read(options, "feed.xml").contains("<title>Acme &lt;Ops&gt; &amp; co runs</title>"))
    }

    @Test func aChosenPaperFixesTheOneSheetsPageSize() throws {
        let fixture = try Fixture()
        let options = try Self.options("[site]\npaper = \"letter\"\n", fixture: fixture)
        _ = try SiteBuilder(options: options).build()
        let folder = options.output + "/runs/production-2026-11-16-1/"
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: folder))
        #expect(files == ["report.json", "index.html", "signoff.html"])
        let letter = try String(contentsOfFile: folder + "signoff.html", encoding: .utf8)
        #expect(letter.contains("href=\"../../print-letter.css\"") && letter.contains("paper: US Letter."))
        #expect(letter.contains("<body class=\"sheet paper-letter\">"))
        #expect(try String(contentsOfFile: options.output + "/print-letter.css", encoding: .utf8).contains("size: letter"))
        // An incremental rebuild keeps the same files.
        let again = try SiteBuilder(options: options).build()
        #expect(again.counts.rendered == 0)
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: folder)) == files)
        // Another paper renders the sheets again, still one per run.
        var a4Options = options
        a4Options.paper = .a4
        let a4Build = try SiteBuilder(options: a4Options).build()
        #expect(a4Build.counts.rendered > 0)
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: folder)) == files)
        let a4 = try String(contentsOfFile: folder + "signoff.html", encoding: .utf8)
        #expect(a4.contains("href=\"../../print-a4.css\"") && a4.contains("paper: A4."))
        // The default is either paper.
        #expect(SiteOptions().paper == .any)
    }

    @Test func environmentOrderChangesTheDashboardOrder() throws {
        let fixture = try Fixture()
        // dev starts first, so it leads by default.
        try ExampleHistory.writeTinyArchive(fixture, environment: "dev", count: 2, startDay: 0)
        try ExampleHistory.writeTinyArchive(fixture, environment: "prod", count: 2, startDay: 1)
        try ExampleHistory.writeTinyArchive(fixture, environment: "qa", count: 2, startDay: 2)
        func cards(_ toml: String) throws -> [String] {
            var options = try ProjectConfig(text: toml, path: "preflight.toml").siteOptions
            let base = ExampleHistory.options(content: fixture.path("checklists"), runs: fixture.path("runs"), output: fixture.path("_site"))
            (options.content, options.runs, options.templates, options.publicDir, options.schema, options.output)
                = (base.content, base.runs, base.templates, base.publicDir, base.schema, base.output)
            _ = try SiteBuilder(options: options).build()
            let html = try String(contentsOfFile: fixture.path("_site/index.html"), encoding: .utf8)
            return html.components(separatedBy: "<span class=\"env\">").dropFirst().map { String($0.prefix { $0 != "<" }) }
        }
        #expect(try cards("") == ["dev", "prod", "qa"])
        #expect(try cards("[site]\nenvironments = [\"qa\", \"prod\", \"dev\"]\n") == ["qa", "prod", "dev"])
        // Unlisted environments follow the listed ones, in their usual order.
        #expect(try cards("[site]\nenvironments = [\"prod\"]\n") == ["prod", "dev", "qa"])
    }

    @Test func theCacheFolderIsConfigurable() throws {
        let fixture = try Fixture()
        var options = try Self.options("", fixture: fixture)
        options.cache = fixture.path("caches")
        _ = try SiteBuilder(options: options).build()
        #expect(FileManager.default.fileExists(atPath: fixture.path("caches/_site/cache.json")))
        #expect(!FileManager.default.fileExists(atPath: fixture.path(".preflight-cache")))
        let again = try SiteBuilder(options: options).build()
        #expect(again.counts.merged == 0 && again.counts.rendered == 0, "the second build uses the configured cache")
    }

    @Test func changedSettingsRerenderCachedPages() throws {
        let fixture = try Fixture()
        var options = try Self.options("", fixture: fixture)
        _ = try SiteBuilder(options: options).build()
        options.title = "Renamed"
        let renamed = try SiteBuilder(options: options).build()
        #expect(renamed.counts.rendered == renamed.runs, "run pages show the title, so all are rendered again")
        #expect(try Self.read(options, "runs/staging-2026-11-12-1/index.html").contains("> Renamed</a>"))
        options.checklist = ChecklistOptions(goHeadings: ["Nothing matches this"])
        let reworded = try SiteBuilder(options: options).build()
        #expect(reworded.counts.merged == reworded.runs, "heading words change item kinds, so every report is merged again")
    }
}
