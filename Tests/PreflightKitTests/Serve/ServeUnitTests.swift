import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightSite
@testable import PreflightServe

/// The pieces of `serve` that need no server: paths, types, the reload script, the error page,
/// the input watcher and the rebuild state.
@Suite("serve: paths and pages")
struct ServePathTests {
    @Test(arguments: [
        "", "index.html", "*", "http://host/index.html", "//etc/passwd", "/a//b", "/..", "/../x", "/a/../../x", "/.",
        "/./x", "/%2e%2e/x", "/%2E%2e/x", "/.%2e/x", "/a%2fb", "/a%2Fb", "/a%5cb", "/a\\b", "/a%00b", "/a\u{7F}b",
        "/a\nb", "/%zz", "/%", "/%2e",
    ])
    func refusedPaths(_ raw: String) {
        #expect(SitePath.segments(of: raw) == nil)
    }

    @Test func acceptedPathsAreDecodedAndAFolderMeansItsIndex() {
        #expect(SitePath.segments(of: "/") == [""])
        #expect(SitePath.segments(of: "/runs/a/") == ["runs", "a", ""])
        #expect(SitePath.segments(of: "/runs/a/index.html?x=1") == ["runs", "a", "index.html"])
        #expect(SitePath.segments(of: "/a%20b.css") == ["a b.css"])
        #expect(SitePath.segments(of: "/%252e%252e") == ["%2e%2e"])
        #expect(SitePath.segments(of: "/..a/b..") == ["..a", "b.."])
        // A raw NUL, kept out of the parameterised cases so it never reaches the test log.
        #expect(SitePath.segments(of: "/index.html\u{0}.txt") == nil)
    }

    @Test func resolvesFilesInsideTheFolderOnly() throws {
        let fixture = try Fixture()
        let root = fixture.path("site")
        try fixture.write("site/index.html", "<p>home</p>")
        try fixture.write("site/runs/a/index.html", "<p>a</p>")
        try fixture.write("site/runs/empty/x.json", "{}")
        try fixture.write("secret.txt", "secret")
        try FileManager.default.createSymbolicLink(atPath: root + "/out.txt", withDestinationPath: fixture.path("secret.txt"))
        try FileManager.default.createSymbolicLink(atPath: root + "/up", withDestinationPath: fixture.folder.path)
        try FileManager.default.createSymbolicLink(atPath: root + "/home.html", withDestinationPath: "index.html")
        let real = try #require(SitePath.realPath(root))
        #expect(SitePath.resolve("/", root: root) == .file(real + "/index.html"))
        #expect(SitePath.resolve("/runs/a/", root: root) == .file(real + "/runs/a/index.html"))
        #expect(SitePath.resolve("/runs/a", root: root) == .redirect("/runs/a/"))
        #expect(SitePath.resolve("/runs/a?q", root: root) == .redirect("/runs/a/"))
        #expect(SitePath.resolve("/home.html", root: root) == .file(real + "/index.html"), "a link inside the folder is followed")
        for refused in ["/runs/empty", "/runs/empty/", "/runs", "/out.txt", "/up/secret.txt", "/up/", "/missing.html",
                        "/../secret.txt", fixture.path("secret.txt")] {
            #expect(SitePath.resolve(refused, root: root) == .notFound, "\(refused)")
        }
        #expect(SitePath.resolve("/", root: fixture.path("no-site")) == .notFound)
    }

    @Test func contentTypes() {
        let expected = [
            "a.html": "text/html; charset=utf-8", "a.css": "text/css; charset=utf-8", "a.js": "text/javascript; charset=utf-8",
            "a.svg": "image/svg+xml", "a.json": "application/json", "a.xml": "application/xml", "a.atom": "application/atom+xml",
            "a.png": "image/png", "a.txt": "text/plain; charset=utf-8", "dir/A.PNG": "image/png", "README": "application/octet-stream",
            ".hidden": "application/octet-stream", "a.unknown": "application/octet-stream",
        ]
        for (path, type) in expected { #expect(ContentType.of(path) == type, "\(path)") }
        let feed = Array(#"<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">"#.utf8)
        #expect(ContentType.of("feed.xml", leading: feed) == "application/atom+xml")
        #expect(ContentType.of("sitemap.xml", leading: Array("<urlset>".utf8)) == "application/xml")
        #expect(ContentType.of("a.css", leading: feed) == "text/css; charset=utf-8")
    }

    @Test func theReloadTagGoesBeforeTheLastBodyEnd() {
        let tag = LiveReload.tag(build: 7)
        #expect(tag == "<script src=\"/__preflight/reload.js?build=7\"></script>")
        #expect(LiveReload.inject(into: "<p>&lt;/body&gt; </body></p></BODY>\n</html>", build: 7)
            == "<p>&lt;/body&gt; </body></p>\(tag)</BODY>\n</html>")
        #expect(LiveReload.inject(into: "<p>no body end</p>", build: 7) == "<p>no body end</p>\(tag)")
        #expect(LiveReload.versionScript(build: 12) == "window.__preflightBuild = 12;\n")
        // Only what the page CSP allows: script elements from the same origin, no fetch or EventSource.
        for forbidden in ["fetch(", "EventSource", "XMLHttpRequest", "eval(", "innerHTML", "http://", "https://"] {
            #expect(!LiveReload.reloadScript.contains(forbidden), "\(forbidden)")
        }
    }

    @Test func theErrorPageEscapesEveryMessage() {
        let errors = [
            Diagnostic.error("templates/<b>run</b>.mustache", line: 3, column: 1, "unexpected <script>alert('x')</script> & more"),
            Diagnostic.error("content/\"q\".md", "bad"),
        ]
        let page = ErrorPage.html(errors, output: "_site<i>", build: 4)
        #expect(!page.contains("<script>alert"))
        #expect(!page.contains("<b>run</b>") && !page.contains("_site<i>"))
        #expect(page.contains("templates/&lt;b&gt;run&lt;/b&gt;.mustache:3:1: error: unexpected &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more"))
        #expect(page.contains("content/&quot;q&quot;.md: error: bad"))
        #expect(page.contains("2 errors stopped the last build"))
        #expect(page.contains("Content-Security-Policy") && page.contains("<link rel=\"stylesheet\" href=\"/__preflight/error.css\">"))
        #expect(page.contains(LiveReload.tag(build: 4) + "</body>"))
    }
}

@Suite("serve: watching and rebuilding")
struct ServeWatchTests {
    @Test func theWatcherSeesEditsNewAndRemovedFilesButNotOutsideLinksOrSkippedFolders() throws {
        let fixture = try Fixture()
        try fixture.write("content/a.md", "a")
        try fixture.write("content/runs/r/run.json", "{}")
        try fixture.write("content/_site/index.html", "built")
        try fixture.write("outside/big.txt", "outside")
        try fixture.write("preflight.toml", "title = 'x'\n")
        try FileManager.default.createSymbolicLink(atPath: fixture.path("content/out.txt"), withDestinationPath: fixture.path("outside/big.txt"))
        try FileManager.default.createSymbolicLink(atPath: fixture.path("content/outdir"), withDestinationPath: fixture.path("outside"))
        try FileManager.default.createSymbolicLink(atPath: fixture.path("content/loop"), withDestinationPath: fixture.path("content"))
        try FileManager.default.createSymbolicLink(atPath: fixture.path("content/in.md"), withDestinationPath: fixture.path("content/a.md"))
        let watcher = InputWatcher(roots: [fixture.path("content"), fixture.path("preflight.toml"), fixture.path("missing")],
                                   skipped: [fixture.path("content/_site")])
        let first = watcher.snapshot()
        let real = try #require(SitePath.realPath(fixture.folder.path))
        #expect(first.files.keys.sorted() == [real + "/content/a.md", real + "/content/in.md", real + "/content/runs/r/run.json",
                                              real + "/preflight.toml"])
        #expect(watcher.snapshot() == first)

        try fixture.write("outside/big.txt", "changed outside")
        try fixture.write("content/_site/index.html", "rebuilt")
        #expect(watcher.snapshot() == first, "changes outside the inputs are no change")

        try fixture.write("content/runs/r/run.json", "{ }")
        let edited = watcher.snapshot()
        #expect(edited != first)
        try fixture.write("content/runs/r/new.json", "[]")
        let added = watcher.snapshot()
        #expect(added != edited)
        try FileManager.default.removeItem(atPath: fixture.path("content/runs/r/new.json"))
        #expect(watcher.snapshot() == edited)
        try fixture.write("preflight.toml", "title = 'y'\n")
        #expect(watcher.snapshot() != edited)
    }

    @Test func theWatcherStopsAtItsLimit() throws {
        let fixture = try Fixture()
        for index in 0..<5 { try fixture.write("content/\(index).md", "x") }
        var watcher = InputWatcher(roots: [fixture.path("content")])
        watcher.limit = 3
        let snapshot = watcher.snapshot()
        #expect(snapshot.files.count == 3 && snapshot.truncated)
    }

    /// The example checklists, two runs and a copy of the templates, for in-process rebuilds.
    static func options(_ fixture: Fixture) throws -> SiteOptions {
        let runs = fixture.path("runs")
        try FileManager.default.createDirectory(atPath: runs, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: SiteFixture.runs + "/staging-2026-10-15-1", toPath: runs + "/staging-2026-10-15-1")
        return SiteFixture.options(output: fixture.path("_site"), runs: runs, templates: try SiteFixture.copyTemplates(into: fixture))
    }

    @Test func aFailedBuildKeepsItsErrorsUntilTheNextGoodOne() throws {
        let fixture = try Fixture()
        let options = try Self.options(fixture)
        let state = LiveState(output: options.output)
        let lines = LogLines()
        let rebuilder = Rebuilder(resolve: { options }, state: state, configFile: fixture.path("preflight.toml"), log: lines.add)
        rebuilder.build()
        #expect(state.snapshot.build == 1 && state.snapshot.errors == nil)
        let layout = options.templates + "/layout.mustache"
        let good = try String(contentsOfFile: layout, encoding: .utf8)
        try (good + "{{#unclosed}}").write(toFile: layout, atomically: true, encoding: .utf8)
        rebuilder.build()
        #expect(state.snapshot.build == 2)
        #expect(state.snapshot.errors?.map(\.message) == ["template syntax error: expectedSectionEnd"])
        #expect(lines.all.contains { $0.hasPrefix(layout + ":") })
        #expect(lines.all.last?.hasPrefix("build 2 failed; the last good site stays in \(options.output)") == true)
        try good.write(toFile: layout, atomically: true, encoding: .utf8)
        rebuilder.build()
        #expect(state.snapshot.build == 3 && state.snapshot.errors == nil)

        // Options that cannot be read (a bad preflight.toml) fail the build the same way.
        let unreadable = Rebuilder(resolve: { throw Diagnostic.error("preflight.toml", line: 2, column: 1, "unknown key 'x'") },
                                   state: state, log: lines.add)
        unreadable.build()
        #expect(state.snapshot.errors?.map(\.description) == ["preflight.toml:2:1: error: unknown key 'x'"])
    }

    @Test func aBurstOfWritesMakesOneRebuild() throws {
        let fixture = try Fixture()
        let options = try Self.options(fixture)
        let state = LiveState(output: options.output)
        let rebuilder = Rebuilder(resolve: { options }, state: state, configFile: fixture.path("preflight.toml"),
                                  pollInterval: 0.05, quietTime: 0.4, log: { _ in })
        rebuilder.startWatching(from: rebuilder.build())
        defer { rebuilder.stop() }
        let record = options.runs + "/staging-2026-10-15-1/burst.json"
        for index in 0..<6 {
            try "[{\"item\": \"alertmanager-configured\", \"status\": \"pass\", \"summary\": \"write \(index)\"}]"
                .write(toFile: record, atomically: true, encoding: .utf8)
            Thread.sleep(forTimeInterval: 0.05)
        }
        let deadline = Date().addingTimeInterval(10)
        while state.snapshot.build < 2 && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        #expect(state.snapshot.build == 2)
        Thread.sleep(forTimeInterval: 0.8)
        #expect(state.snapshot.build == 2, "one build for the burst, none while nothing changes")
        let page = try String(contentsOfFile: options.output + "/runs/staging-2026-10-15-1/index.html", encoding: .utf8)
        #expect(page.contains("write 5"))
    }
}

/// Log lines collected from another thread.
final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    var all: [String] { lock.withLock { lines } }
    var add: @Sendable (String) -> Void { { [self] line in lock.withLock { lines.append(line) } } }
}
