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
                     "runs/production-2026-11-16-1/signoff-letter.html", "trends/production-deployment/production/index.html",
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
}
