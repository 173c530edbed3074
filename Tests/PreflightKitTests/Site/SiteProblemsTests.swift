import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport
@testable import PreflightHistory
@testable import PreflightSite

/// Problems that belong to no run page still show on the site, on the dashboard.
@Suite("Problems without a run page")
struct SiteProblemsTests {
    @Test func brokenRunFoldersAndUnknownChecklistsShowOnTheDashboard() throws {
        let fixture = try Fixture()
        let runs = try SiteFixture.copyRuns(into: fixture)
        try FileManager.default.createDirectory(atPath: runs + "/orphan", withIntermediateDirectories: true)
        try #"{"checklist": "ghost", "environment": "qa", "started_at": "2026-11-20T10:00:00Z"}"#
            .write(toFile: runs + "/orphan/run.json", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: runs + "/no-manifest", withIntermediateDirectories: true)
        let output = fixture.path("_site")
        let summary = try SiteBuilder(options: SiteFixture.options(output: output, runs: runs)).build()
        let messages = summary.problems.map(\.description)
        #expect(messages.contains { $0.contains("orphan/run.json: error: run names unknown checklist 'ghost'") })
        #expect(messages.contains { $0.contains("no-manifest/run.json: error: no such file") })
        let dashboard = try String(contentsOfFile: output + "/index.html", encoding: .utf8)
        #expect(dashboard.contains("Problems in the inputs"))
        #expect(dashboard.contains("run names unknown checklist &#39;ghost&#39;"))
        #expect(dashboard.contains("no-manifest/run.json: error: no such file"))
        // The example runs still build.
        #expect(FileManager.default.fileExists(atPath: output + "/runs/production-2026-11-16-1/index.html"))
    }

    @Test func aCleanBuildShowsNoProblemsBlock() throws {
        let dashboard = try SiteFixture.exampleText("index.html")
        #expect(!dashboard.contains("Problems in the inputs"))
    }
}
