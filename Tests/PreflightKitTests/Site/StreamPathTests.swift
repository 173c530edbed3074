import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightRuns
@testable import PreflightSite

/// Issue 16 defects 4 and 5: streams whose names map to one site folder (environments `Staging`,
/// `staging`, `staging!`; checklists `prod deploy` and `prod-deploy`) used to overwrite each
/// other's history with exit 0, and one environment of 300 characters stopped the whole build with
/// "File name too long". Now each such stream fails alone, with a problem naming the other
/// inputs; everything else is built and the build exits 1.
@Suite struct StreamPathTests {
    static let checklist = """
        # Paths

        ## Checks

        - [ ] Lint passes {#lint}

        """

    /// Writes checklists (file name → nothing) and runs (id, checklist, environment); builds with
    /// the binary; returns the outcome and the site folder.
    static func build(checklists: [String], runs: [(id: String, checklist: String, environment: String)]) throws -> (CLI.Result, TempDir) {
        let dir = try TempDir()
        for name in checklists { try dir.write("checklists/\(name).md", checklist) }
        for (index, run) in runs.enumerated() {
            let environment = String(decoding: try JSONEncoder().encode(run.environment), as: UTF8.self)
            try dir.write("runs/\(run.id)/run.json", #"{"checklist": "\#(run.checklist)", "environment": \#(environment), "started_at": "2026-11-0\#(index + 1)T09:00:00Z"}"#)
            try dir.write("runs/\(run.id)/probe.json", "[" + RunsFixtures.result("lint", "pass") + "]")
        }
        let outcome = try CLI.run(["build", "--quiet", "--content", dir.url("checklists"), "--runs", dir.url("runs"), "--output", dir.url("site")])
        return (outcome, dir)
    }

    static func exists(_ dir: TempDir, _ path: String) -> Bool { FileManager.default.fileExists(atPath: dir.url("site/" + path)) }

    @Test func environmentsSharingAFolderFailAloneEachNamingTheOthers() throws {
        let (outcome, dir) = try Self.build(checklists: ["paths"], runs: [
            ("a-1", "paths", "Staging"), ("b-1", "paths", "staging"), ("c-1", "paths", "staging!"), ("p-1", "paths", "production"),
        ])
        #expect(outcome.status == 1, "\(outcome.stderr)")
        let runs = dir.url("runs")
        #expect(outcome.stderr.contains("\(runs)/a-1: error: environment 'Staging' of checklist 'paths' and environment 'staging' of checklist 'paths' (run b-1), "
            + "environment 'staging!' of checklist 'paths' (run c-1) both map to the site folder trends/paths/staging/; neither stream's pages are built until one is renamed"),
            "\(outcome.stderr)")
        #expect(outcome.stderr.contains("\(runs)/c-1: error: environment 'staging!' of checklist 'paths' and environment 'Staging' of checklist 'paths' (run a-1), "
            + "environment 'staging' of checklist 'paths' (run b-1) both map"), "\(outcome.stderr)")
        #expect(outcome.stderr.components(separatedBy: "both map to the site folder").count == 4)
        // None of the three wrote over another; the stream that collides with nothing is whole.
        #expect(!Self.exists(dir, "trends/paths/staging"))
        for run in ["a-1", "b-1", "c-1"] { #expect(!Self.exists(dir, "runs/\(run)")) }
        #expect(Self.exists(dir, "trends/paths/production/history.json"))
        #expect(Self.exists(dir, "runs/p-1/index.html"))
        // The problems are listed on the dashboard.
        let dashboard = try dir.read("site/index.html")
        #expect(dashboard.contains("environment &#39;staging!&#39; of checklist &#39;paths&#39;") || dashboard.contains("environment 'staging!' of checklist 'paths'"))
    }

    @Test func checklistsSharingAFolderFailAloneEachNamingTheOther() throws {
        let (outcome, dir) = try Self.build(checklists: ["prod deploy", "prod-deploy", "other"], runs: [
            ("a-1", "prod deploy", "staging"), ("b-1", "prod-deploy", "production"), ("o-1", "other", "staging"),
        ])
        #expect(outcome.status == 1, "\(outcome.stderr)")
        let content = dir.url("checklists")
        #expect(outcome.stderr.contains("\(content)/prod deploy.md: error: checklist 'prod deploy' and checklist 'prod-deploy' (\(content)/prod-deploy.md) "
            + "both map to the site folder trends/prod-deploy/; the runs of neither are built until one is renamed"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("\(content)/prod-deploy.md: error: checklist 'prod-deploy' and checklist 'prod deploy' (\(content)/prod deploy.md) both map"),
                "\(outcome.stderr)")
        #expect(!Self.exists(dir, "trends/prod-deploy"))
        #expect(!Self.exists(dir, "runs/a-1") && !Self.exists(dir, "runs/b-1"))
        #expect(Self.exists(dir, "runs/o-1/index.html") && Self.exists(dir, "trends/other/staging/index.html"))
    }

    @Test func anEnvironmentTooLongForAFolderFailsOnlyItsStream() throws {
        let long = String(repeating: "e", count: 300)
        let (outcome, dir) = try Self.build(checklists: ["paths"], runs: [("long-1", "paths", long), ("p-1", "paths", "production")])
        #expect(outcome.status == 1, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("\(dir.url("runs"))/long-1: error: environment '\(String(repeating: "e", count: 40))…' (300 characters) makes a folder "
            + "name of 300 bytes, over the limit of 255; the 1 run(s) of its stream are not built"), "\(outcome.stderr)")
        #expect(!outcome.stderr.contains("too long"))
        #expect(!Self.exists(dir, "runs/long-1"))
        #expect(Self.exists(dir, "runs/p-1/index.html") && Self.exists(dir, "trends/paths/production/index.html") && Self.exists(dir, "index.html"))
    }

    /// Names that collide with nothing keep today's folders, and a service's folder, as written,
    /// is told apart from another that differs only in case.
    @Test func namesThatCollideWithNothingKeepTheirFolders() throws {
        let (outcome, dir) = try Self.build(checklists: ["paths"], runs: [("a-1", "paths", "Staging Env!"), ("p-1", "paths", "production")])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(Self.exists(dir, "trends/paths/staging-env/index.html") && Self.exists(dir, "runs/a-1/index.html"))
    }

    @Test func servicesDifferingOnlyInCaseAreTheSameFolder() throws {
        var archive = RunArchive(directory: "/runs", manifests: [
            RunManifest(id: "a", checklist: "paths", environment: "staging", startedAt: Timestamp(seconds: 1), service: "Pay"),
            RunManifest(id: "b", checklist: "paths", environment: "production", startedAt: Timestamp(seconds: 2), service: "pay"),
            RunManifest(id: "c", checklist: "paths", environment: "staging", startedAt: Timestamp(seconds: 3), service: "web"),
        ], problems: [])
        let problems = archive.setAsideUnplaceableStreams(checklists: ["paths": "/c/paths.md"])
        #expect(problems.map(\.message) == [
            "environment 'staging' of service 'Pay' of checklist 'paths' and environment 'production' of service 'pay' of checklist 'paths' (run b) "
                + "both map to the site folder services/paths/pay/; neither stream's pages are built until one is renamed",
            "environment 'production' of service 'pay' of checklist 'paths' and environment 'staging' of service 'Pay' of checklist 'paths' (run a) "
                + "both map to the site folder services/paths/pay/; neither stream's pages are built until one is renamed",
        ])
        #expect(archive.manifests.map(\.id) == ["c"])
    }
}
