import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightRuns
@testable import PreflightReport

/// Issue 14: `service` splits streams, so results, waivers and history never cross services,
/// and archives without services keep today's bytes.
@Suite("Service streams")
struct ServiceStreamTests {
    typealias Workspace = RunCommandsTests.Workspace

    func startRun(_ ws: Workspace, id: String, service: String?, now: String, env: [String: String] = [:]) throws -> String {
        var arguments = ["start-run", "--checklist", "gated", "--environment", "staging", "--content", ws.content,
                         "--runs", ws.runs, "--id", id]
        if let service { arguments += ["--service", service] }
        let outcome = try ws.run(arguments, env: env.merging(["PREFLIGHT_NOW": now]) { $1 })
        #expect(outcome.status == 0, "\(outcome.stderr)")
        return outcome.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func report(_ ws: Workspace, _ run: String) throws -> RunReport {
        let outcome = try ws.report(run, ["--format", "json"])
        return try JSONDecoder().decode(RunReport.self, from: Data(outcome.stdout.utf8))
    }

    @Test func resultsAndWaiversNeverCarryToAnotherService() throws {
        let ws = try Workspace()
        let payments = try startRun(ws, id: "payments-1", service: "payments", now: "2026-10-01T09:00:00Z")
        try ws.record(payments, "nogo/vulns", "pass", ["--valid-for", "P30D"], now: "2026-10-01T09:10:00Z")
        let waive = try ws.run(["waive", payments, "--item", "lint", "--reason", "linter migration", "--approved-by", "Kim",
                                "--expires", "2026-12-31", "--content", ws.content])
        #expect(waive.status == 0, "\(waive.stderr)")
        // The issue's case: a day later another service runs the same checklist in the same environment.
        let search = try startRun(ws, id: "search-1", service: "search", now: "2026-10-02T09:00:00Z")
        let other = try report(ws, search)
        #expect(other.item("nogo/vulns")?.state != .pass)
        #expect(other.item("nogo/vulns")?.carriedFrom == nil)
        #expect(other.item("lint")?.state != .waived)
        // A run of no service is a stream of its own too.
        let none = try startRun(ws, id: "plain-1", service: nil, now: "2026-10-02T10:00:00Z")
        #expect(try report(ws, none).item("nogo/vulns")?.carriedFrom == nil)
        // The same service still carries forward and keeps its waiver.
        let again = try startRun(ws, id: "payments-2", service: "payments", now: "2026-10-03T09:00:00Z")
        let same = try report(ws, again)
        #expect(same.item("nogo/vulns")?.state == .pass)
        #expect(same.item("nogo/vulns")?.carriedFrom == "payments-1")
        #expect(same.item("lint")?.state == .waived)
        #expect(same.run.service == "payments")
    }

    @Test func startRunTakesServiceAndOwnerFromTheEnvironmentAndValidatesIt() throws {
        let ws = try Workspace()
        let run = try startRun(ws, id: "r1", service: nil, now: "2026-10-01T09:00:00Z",
                               env: ["PREFLIGHT_SERVICE": "payments", "PREFLIGHT_OWNER": "team-payments"])
        let manifest = try RunReader.readManifest(folder: run)
        #expect(manifest.service == "payments")
        #expect(manifest.owner == "team-payments")
        let bad = try ws.run(["start-run", "--checklist", "gated", "--environment", "staging", "--content", ws.content,
                              "--runs", ws.runs, "--service", "../escape"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("invalid service '../escape'"))
        try ws.dir.write("runs/r2/run.json", #"{"checklist": "gated", "environment": "staging", "started_at": "2026-10-05", "service": "a/b"}"#)
        #expect(throws: Diagnostic.self) { try RunReader.readManifest(folder: ws.runs + "/r2") }
    }

    @Test func buildWritesTrendsPerServiceAndKeepsPreviousNextWithinAService() throws {
        let ws = try Workspace()
        let a1 = try startRun(ws, id: "a-1", service: "alpha", now: "2026-10-01T09:00:00Z")
        _ = try startRun(ws, id: "b-1", service: "beta", now: "2026-10-02T09:00:00Z")
        _ = try startRun(ws, id: "a-2", service: "alpha", now: "2026-10-03T09:00:00Z")
        try ws.record(a1, "lint", "pass")
        let site = ws.dir.url("site")
        let build = try ws.run(["build", "--content", ws.content, "--runs", ws.runs, "--output", site, "--quiet"])
        #expect(build.status == 0, "\(build.stderr)")
        let files = FileManager.default
        #expect(files.fileExists(atPath: site + "/trends/gated/alpha/staging/index.html"))
        #expect(files.fileExists(atPath: site + "/trends/gated/beta/staging/history.json"))
        #expect(files.fileExists(atPath: site + "/trends/gated/alpha/staging/badge.svg"))
        #expect(!files.fileExists(atPath: site + "/trends/gated/staging/index.html"))
        let trend = try String(contentsOfFile: site + "/trends/gated/alpha/staging/index.html", encoding: .utf8)
        #expect(trend.contains("href=\"../../../../runs/a-2/index.html"))
        #expect(!trend.contains("runs/b-1/"))
        let page = try String(contentsOfFile: site + "/runs/a-2/index.html", encoding: .utf8)
        #expect(page.contains("../../trends/gated/alpha/staging/index.html"))
        #expect(page.contains("a-1/index.html"))
        #expect(!page.contains("b-1/index.html"))
        let index = try String(contentsOfFile: site + "/index.json", encoding: .utf8)
        #expect(index.contains("\"service\":\"alpha\"") || index.contains("\"service\" : \"alpha\""))
        // The Markdown CI summary and the feed name the service.
        let markdown = try ws.report(ws.runs + "/a-2").stdout
        #expect(markdown.contains("alpha · staging"))
        let feed = try String(contentsOfFile: site + "/feed.xml", encoding: .utf8)
        #expect(feed.contains("alpha · staging"))
    }

    /// Tests/Fixtures/golden/no-service-site.sha256 was made by scripts/golden-no-service with the
    /// previous main; runs without `service` must keep those bytes.
    @Test func archivesWithoutServicesKeepThePreviousMainsBytes() throws {
        let root = Fixture.packageRoot.path
        let golden = try String(contentsOfFile: root + "/Tests/Fixtures/golden/no-service-site.sha256", encoding: .utf8)
        let dir = try TempDir()
        var actual: [String] = []
        for (name, content, runs) in [("content", "content/checklists", "content/runs"),
                                      ("fixtures", "Tests/Fixtures/checklists", "Tests/Fixtures/runs")] {
            let out = dir.url(name)
            _ = try CLI.run(["build", "--quiet", "--content", root + "/" + content, "--runs", root + "/" + runs, "--output", out])
            for folder in ["runs", "trends"] {
                let base = URL(fileURLWithPath: out + "/" + folder)
                let walker = try #require(FileManager.default.enumerator(atPath: base.path))
                for case let file as String in walker where file.hasSuffix(".html") || file.hasSuffix("/report.json") {
                    let data = try Data(contentsOf: base.appendingPathComponent(file))
                    actual.append("\(ContentKeys.hash(data))  \(name)/\(folder)/\(file)")
                }
            }
        }
        let expected = golden.split(separator: "\n").map(String.init)
        #expect(Set(actual) == Set(expected), "differs: \(Set(actual).symmetricDifference(Set(expected)).sorted())")
        #expect(actual.count == expected.count)
        #expect(expected.count > 60)
    }
}
