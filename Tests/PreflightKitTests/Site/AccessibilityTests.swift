import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightSite

/// axe-core's WCAG 2.0/2.1 A and AA rules in headless Chromium (scripts/axe-check.py, driven by
/// selenium and chromedriver from `scripts/ensure-deps.sh --browser`): zero violations on every
/// kind of page, in the light and the dark colour scheme, of the example history and of the
/// realistic fixture checklists.
@Suite(.serialized, .enabled(if: BrowserTools.shouldRun,
    "SKIPPED: chromium, pdftotext or pdfinfo not found on PATH (set CI=1 or PREFLIGHT_REQUIRE_BROWSER=1 to fail instead)"))
struct AccessibilityTests {
    static let python = SiteFixture.root(".build/test-venv/bin/python")
    static let script = SiteFixture.root("scripts/axe-check.py")

    /// Page → violation ids, from axe.
    static func violations(site: URL, pages: [String]) throws -> [String: [String]] {
        guard FileManager.default.isExecutableFile(atPath: python) else {
            throw BrowserTools.Failed(description: "\(python) is missing: run scripts/ensure-deps.sh --browser")
        }
        let output = try BrowserTools.run(python, [script, site.path] + pages, timeout: 300)
        guard output.status == 0, let data = output.stdout.data(using: .utf8),
              let object = try JSONSerialization.jsonObject(with: data) as? [String: [[String: Any]]] else {
            throw BrowserTools.Failed(description: "axe-check failed (\(output.status)):\n\(output.stdout)\n\(output.stderr)")
        }
        #expect(Set(object.keys) == Set(pages + pages.map { $0 + " (dark)" }), "axe checked every page in both schemes")
        return object.mapValues { $0.map { "\($0["id"] ?? "?"): \($0["help"] ?? "") \($0["targets"] ?? "")" } }
    }

    @Test func theExampleHistoryHasNoViolations() throws {
        let pages = ["index.html", "runs/production-2026-11-16-1/index.html", "runs/production-2026-10-20-1/index.html",
                     "runs/staging-2026-10-22-1/index.html", "runs/production-2026-11-16-1/signoff.html",
                     "trends/production-deployment/production/index.html",
                     "trends/production-deployment/staging/index.html"]
        let found = try Self.violations(site: try SiteFixture.exampleSite(), pages: pages)
        for page in found.keys.sorted() { #expect(found[page] == [], "\(page): \(found[page] ?? [])") }
    }

    @Test func theFixtureChecklistsHaveNoViolations() throws {
        let pages = ["index.html", "runs/\(FixtureChecklistSite.serviceRuns[1])/index.html",
                     "runs/\(FixtureChecklistSite.frontendRun)/index.html", "runs/\(FixtureChecklistSite.frontendRun)/signoff.html",
                     "trends/service-readiness/staging/index.html"]
        let found = try Self.violations(site: try FixtureChecklistSite.site(), pages: pages)
        for page in found.keys.sorted() { #expect(found[page] == [], "\(page): \(found[page] ?? [])") }
    }

    /// Issue 14: the dashboard with a fleet matrix (stale cells, cells of no run, cards of runs of no
    /// service beside it), service pages, and a service's run, trend and sheet pages with its owner.
    @Test func theFleetPagesHaveNoViolations() throws {
        let dir = try FleetTests.archive()
        let site = try FleetTests.build(dir)
        let pages = ["index.html", "services/fleet/zeta/index.html", "services/fleet/alpha/index.html", "runs/zeta-p/index.html",
                     "trends/fleet/zeta/production/index.html", "runs/zeta-p/signoff.html"]
        let found = try Self.violations(site: URL(fileURLWithPath: site), pages: pages)
        for page in found.keys.sorted() { #expect(found[page] == [], "\(page): \(found[page] ?? [])") }
    }

    /// Issue 16: the page kinds the tests above do not reach: a dashboard listing problems (two
    /// environments sharing a folder, a run of an unknown checklist), a stream's second page of
    /// runs (`page-2.html`, over 100 runs), and its trend and run pages.
    @Test func theDashboardWithProblemsAndASecondPageOfRunsHaveNoViolations() throws {
        let dir = try TempDir()
        try dir.write("checklists/fleet.md", FleetTests.checklist)
        for index in 0..<101 {
            let started = String(format: "2026-%02d-%02dT09:00:00Z", 1 + index / 28, 1 + index % 28)
            try dir.write("runs/s-\(index)/run.json", #"{"checklist": "fleet", "environment": "staging", "started_at": "\#(started)"}"#)
            try dir.write("runs/s-\(index)/probe.json", "[" + RunsFixtures.result("lint", index % 3 == 0 ? "fail" : "pass") + "]")
        }
        for (id, environment) in [("a-1", "Prod"), ("b-1", "prod!")] {
            try dir.write("runs/\(id)/run.json", #"{"checklist": "fleet", "environment": "\#(environment)", "started_at": "2026-11-01T09:00:00Z"}"#)
        }
        try dir.write("runs/u-1/run.json", #"{"checklist": "nowhere", "environment": "staging", "started_at": "2026-11-01T09:00:00Z"}"#)
        let site = dir.url("site")
        let outcome = try CLI.run(["build", "--quiet", "--content", dir.url("checklists"), "--runs", dir.url("runs"), "--output", site])
        #expect(outcome.status == 1, "the problems make it exit 1: \(outcome.stderr)")
        let dashboard = try String(contentsOfFile: site + "/index.html", encoding: .utf8)
        #expect(dashboard.contains("both map to the site folder trends/fleet/prod/"))
        let pages = ["index.html", "trends/fleet/staging/index.html", "trends/fleet/staging/page-2.html", "runs/s-100/index.html"]
        let found = try Self.violations(site: URL(fileURLWithPath: site), pages: pages)
        for page in found.keys.sorted() { #expect(found[page] == [], "\(page): \(found[page] ?? [])") }
    }

    /// The page `preflight serve` shows while the last build failed, as served (its stylesheet
    /// and reload script come from the server).
    @Test func theServeErrorPageHasNoViolations() throws {
        let site = try ServeCommandTests.Site()
        let server = try site.serve()
        defer { server.stop() }
        let path = site.templates + "/run.mustache"
        let good = try String(contentsOfFile: path, encoding: .utf8)
        try (good + "{{#verdict}}\n<p>never closed</p>\n").write(toFile: path, atomically: true, encoding: .utf8)
        let broken = try server.poll("/", within: 5) { $0.status == 500 }
        #expect(broken.text.contains("<h1>Build failed</h1>"))
        let page = "http://127.0.0.1:\(server.port)/"
        let found = try Self.violations(site: URL(fileURLWithPath: site.output), pages: [page])
        for page in found.keys.sorted() { #expect(found[page] == [], "\(page): \(found[page] ?? [])") }
    }
}
