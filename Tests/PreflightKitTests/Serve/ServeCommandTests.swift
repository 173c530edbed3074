import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `preflight serve` end to end: the built binary on an ephemeral port, asked over raw sockets.
@Suite("preflight serve", .serialized)
struct ServeCommandTests {
    static let run = "staging-2026-10-15-1"
    static let record = "alertmanager-358101e4.json"
    static let summary = "amtool config routes test: 12/12 routing cases matched"

    /// A folder with two example runs (small, so rebuilds are quick) and its own copy of the templates.
    struct Site {
        let fixture: Fixture
        var runs: String { fixture.path("runs") }
        var templates: String { fixture.path("templates") }
        var output: String { fixture.path("_site") }
        var arguments: [String] {
            ["--content", SiteFixture.checklists, "--runs", runs, "--templates", templates, "--public", SiteFixture.publicDir,
             "--schema", SiteFixture.schema, "--output", output]
        }

        init() throws {
            fixture = try Fixture()
            try FileManager.default.createDirectory(atPath: runs, withIntermediateDirectories: true)
            for run in ["staging-2026-10-12-1", ServeCommandTests.run] {
                try FileManager.default.copyItem(atPath: SiteFixture.runs + "/" + run, toPath: runs + "/" + run)
            }
            try FileManager.default.copyItem(atPath: SiteFixture.templates, toPath: templates)
        }

        func serve() throws -> ServeProcess { try ServeProcess(arguments, in: fixture.folder) }
    }

    @Test func pagesAreServedWithTheReloadScriptThatTheSiteOnDiskNeverHas() throws {
        let site = try Site()
        let server = try site.serve()
        defer { server.stop() }
        let home = try server.get("/")
        #expect(home.status == 200)
        #expect(home.header("Content-Type") == "text/html; charset=utf-8")
        #expect(home.text.hasSuffix("<script src=\"/__preflight/reload.js?build=1\"></script></body>\n</html>\n"))
        // The page is the file on disk plus the tag, nothing else.
        let onDisk = try String(contentsOfFile: site.output + "/index.html", encoding: .utf8)
        #expect(home.text.replacingOccurrences(of: "<script src=\"/__preflight/reload.js?build=1\"></script>", with: "") == onDisk)
        let runPage = try server.get("/runs/\(Self.run)/")
        #expect(runPage.status == 200)
        #expect(runPage.text.contains(Self.summary))
        #expect(runPage.text.contains("/__preflight/reload.js"))

        let reload = try server.get("/__preflight/reload.js")
        #expect(reload.status == 200 && reload.header("Content-Type") == "text/javascript; charset=utf-8")
        #expect(reload.text.contains("/__preflight/version.js?n=") && reload.text.contains("location.reload()"))
        #expect(try server.get("/__preflight/version.js").text == "window.__preflightBuild = 1;\n")

        let files = SiteFixture.tree(site.output)
        #expect(files.count > 10)
        for (path, bytes) in files {
            #expect(!String(decoding: bytes, as: UTF8.self).contains("__preflight"), "\(path) on disk holds the reload script")
        }
        #expect(!FileManager.default.fileExists(atPath: site.output + "/__preflight"))
    }

    @Test func answersGetAndHeadOnlyWithTheRightTypes() throws {
        let site = try Site()
        let server = try site.serve()
        defer { server.stop() }
        let types = [
            "/preflight.css": "text/css; charset=utf-8", "/icons/preflight.svg": "image/svg+xml",
            "/index.json": "application/json", "/feed.xml": "application/atom+xml",
            "/runs/\(Self.run)/report.json": "application/json", "/runs/\(Self.run)/signoff.html": "text/html; charset=utf-8",
        ]
        for (path, type) in types {
            let answer = try server.get(path)
            #expect(answer.status == 200, "\(path)")
            #expect(answer.header("Content-Type") == type, "\(path)")
            #expect(answer.header("X-Content-Type-Options") == "nosniff")
        }
        let get = try server.get("/preflight.css")
        let head = try RawHTTP.request("HEAD", "/preflight.css", port: server.port)
        #expect(head.status == 200)
        #expect(head.header("Content-Length") == String(get.body.count) && get.body.count > 1000)
        #expect(head.body.isEmpty)
        for method in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"] {
            let answer = try RawHTTP.request(method, "/", port: server.port)
            #expect(answer.status == 405, "\(method)")
            #expect(answer.header("Allow") == "GET, HEAD", "\(method)")
        }
        let folder = try server.get("/runs/\(Self.run)")
        #expect(folder.status == 301 && folder.header("Location") == "/runs/\(Self.run)/")
        #expect(try server.get("/no-such-page.html").status == 404)
    }

    @Test func traversalAttemptsGet404() throws {
        let site = try Site()
        let secret = "top secret \(UUID().uuidString)"
        try site.fixture.write("secret.txt", secret)
        let server = try site.serve()
        defer { server.stop() }
        // Links planted in the served folder, pointing out of it.
        try FileManager.default.createSymbolicLink(atPath: site.output + "/leak.txt", withDestinationPath: site.fixture.path("secret.txt"))
        try FileManager.default.createSymbolicLink(atPath: site.output + "/up", withDestinationPath: site.fixture.folder.path)
        #expect(try server.get("/index.html").status == 200)
        let attempts = [
            "/../secret.txt", "/runs/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/.%2e/secret.txt",
            "/..%2fsecret.txt", "/runs%2f..%2f..%2fsecret.txt", "/%2e%2e%2fsecret.txt", "/..%5csecret.txt", "/..\\secret.txt",
            "//\(site.fixture.path("secret.txt"))", site.fixture.path("secret.txt"), "/etc/passwd", "//etc/passwd",
            "/leak.txt", "/up/secret.txt", "/index.html%00", "/index.html%00.txt", "/./index.html", "/runs/./../secret.txt",
            "/%252e%252e/secret.txt", "secret.txt", "*", "http://127.0.0.1/../secret.txt",
        ]
        for attempt in attempts {
            let answer = try RawHTTP.request("GET", attempt, port: server.port)
            #expect(answer.status == 404, "\(attempt) answered \(answer.status)")
            #expect(!answer.text.contains(secret), "\(attempt) leaked the file")
        }
    }

    @Test func aChangedRecordShowsOnThePageWithinThreeSeconds() throws {
        let site = try Site()
        let server = try site.serve()
        defer { server.stop() }
        let page = "/runs/\(Self.run)/"
        #expect(try server.get(page).text.contains(Self.summary))
        let record = site.runs + "/\(Self.run)/\(Self.record)"
        let text = try String(contentsOfFile: record, encoding: .utf8)
        let changed = "routes changed on disk \(UUID().uuidString.prefix(8))"
        try text.replacingOccurrences(of: Self.summary, with: changed).write(toFile: record, atomically: true, encoding: .utf8)
        let started = Date()
        let answer = try server.poll(page, within: 3) { $0.text.contains(changed) }
        #expect(answer.text.contains(changed), "not on the page after \(Date().timeIntervalSince(started)) s: \(server.log)")
        #expect(Date().timeIntervalSince(started) < 3)
        #expect(!answer.text.contains(Self.summary))
        // Open pages see a new build number (at least one rebuild; the burst test counts them exactly).
        // The number moves once the build has finished (cache saved), a moment after the new
        // site is in place, so it is polled too rather than read once.
        let first = "window.__preflightBuild = 1;\n"
        let version = try server.poll("/__preflight/version.js", within: 3) { $0.text != first }.text
        #expect(version.hasPrefix("window.__preflightBuild = ") && version != first)
    }

    @Test func aBrokenTemplateShowsTheErrorPageAndFixingItRecovers() throws {
        let site = try Site()
        let server = try site.serve()
        defer { server.stop() }
        let page = "/runs/\(Self.run)/"
        let path = site.templates + "/run.mustache"
        let good = try String(contentsOfFile: path, encoding: .utf8)
        let goodIndex = try String(contentsOfFile: site.output + "/index.html", encoding: .utf8)
        try (good + "{{#verdict}}\n<p>never closed</p>\n").write(toFile: path, atomically: true, encoding: .utf8)

        let broken = try server.poll(page, within: 5) { $0.status == 500 }
        #expect(broken.status == 500)
        #expect(broken.header("Content-Type") == "text/html; charset=utf-8")
        #expect(broken.text.contains("<h1>Build failed</h1>"))
        #expect(broken.text.contains("\(path):"), "the error names the template")
        #expect(broken.text.contains("error: template syntax error: expectedSectionEnd"))
        #expect(broken.text.contains("<script src=\"/__preflight/reload.js?build=2\"></script>"))
        #expect(try server.get("/").status == 500, "every page shows the error")
        #expect(try server.get("/preflight.css").status == 200, "assets of the last good site are still served")
        #expect(try String(contentsOfFile: site.output + "/index.html", encoding: .utf8) == goodIndex, "the last good site stays")
        #expect(server.log.contains("\(path):"))
        #expect(server.log.contains("build 2 failed"))

        try good.write(toFile: path, atomically: true, encoding: .utf8)
        let fixed = try server.poll(page, within: 5) { $0.status == 200 }
        #expect(fixed.status == 200)
        #expect(fixed.text.contains(Self.summary))
        #expect(fixed.text.contains("<script src=\"/__preflight/reload.js?build=3\"></script>"))
    }

    @Test(arguments: [SIGTERM, SIGINT])
    func aSignalStopsItCleanly(_ signal: Int32) throws {
        let site = try Site()
        let server = try site.serve()
        #expect(try server.get("/").status == 200)
        #expect(server.stop(signal) == 0)
        #expect(server.log.contains("stopped (\(signal == SIGTERM ? "SIGTERM" : "SIGINT"))"))
        #expect(SiteFixture.leftovers(beside: site.output).isEmpty)
        #expect((try? RawHTTP.request("GET", "/", port: server.port)) == nil, "still listening")
    }

    @Test func aBusyPortAndABadAddressAreErrors() throws {
        let site = try Site()
        let server = try site.serve()
        defer { server.stop() }
        let second = try CLI.run(["serve", "--port", String(server.port)] + site.arguments, in: site.fixture.folder)
        #expect(second.status == 1)
        #expect(second.stderr.contains("127.0.0.1:\(server.port): error: cannot listen: bind: Address already in use"),
                "\(second.stderr)")
        let bad = try CLI.run(["serve", "--bind", "localhost:80"] + site.arguments, in: site.fixture.folder)
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--bind 'localhost:80' is not an IPv4 or IPv6 address"))
    }
}
