import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightSite

/// Builds into one output take turns, and what a killed build leaves behind is cleared up.
@Suite struct BuildLockTests {
    typealias Inputs = IncrementalBuildTests.Inputs

    /// Eight concurrent incremental builds (separate processes, as CI jobs sharing a workspace
    /// are) used to fail with "cannot reuse the previous site's files" when one took the run
    /// folders another was reusing. Now they take turns and all succeed.
    @Test func concurrentIncrementalBuildsAllSucceedAndEqualACleanBuild() throws {
        let inputs = try Inputs()
        _ = try inputs.build("_site")
        guard FileManager.default.isExecutableFile(atPath: CLI.binary) else { throw CLI.Missing(path: CLI.binary) }
        // A changed result makes each build merge and render again, widening the window.
        let folder = inputs.runs + "/staging-2026-10-01-1"
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: folder).sorted().first { $0.hasPrefix("trivy") })
        try inputs.edit(folder + "/" + file) { $0.replacingOccurrences(of: "\"fail\"", with: "\"pass\"") }
        let arguments = ["build", "--content", inputs.content, "--runs", inputs.runs, "--templates", inputs.templates,
                         "--public", inputs.publicDir, "--schema", SiteFixture.schema, "--output", inputs.fixture.path("_site"), "--quiet"]
        let processes = (0..<8).map { _ in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CLI.binary)
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            return process
        }
        for process in processes { try process.run() }
        for process in processes { process.waitUntilExit() }
        #expect(processes.map(\.terminationStatus) == Array(repeating: 0, count: 8))
        _ = try inputs.expectIncrementalEqualsClean("after concurrent builds")
        #expect(SiteFixture.leftovers(beside: inputs.fixture.path("_site")).isEmpty)
    }

    /// While one build holds the output's lock, another waits for it instead of starting.
    @Test func aSecondBuildWaitsForTheFirst() throws {
        let inputs = try Inputs()
        guard FileManager.default.isExecutableFile(atPath: CLI.binary) else { throw CLI.Missing(path: CLI.binary) }
        var held: BuildLock? = try BuildLock(output: inputs.fixture.path("_site"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = ["build", "--content", inputs.content, "--runs", inputs.runs, "--templates", inputs.templates,
                             "--public", inputs.publicDir, "--schema", SiteFixture.schema, "--output", inputs.fixture.path("_site"), "--quiet"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: 3)
        #expect(process.isRunning, "the build did not wait for the lock")
        #expect(!FileManager.default.fileExists(atPath: inputs.fixture.path("_site")))
        withExtendedLifetime(held) { held = nil }
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(FileManager.default.fileExists(atPath: inputs.fixture.path("_site/index.html")))
    }

    /// A `kill -9` leaves its build folder behind; the next build clears it away.
    @Test func buildFoldersOfKilledBuildsAreRemovedByTheNextBuild() throws {
        let inputs = try Inputs()
        let output = inputs.fixture.path("_site")
        _ = try inputs.build("_site")
        for n in 1...3 {
            let left = inputs.fixture.path("._site.building-999\(n)-1")
            try FileManager.default.createDirectory(atPath: left + "/runs/x", withIntermediateDirectories: true)
            try Data("partial".utf8).write(to: URL(fileURLWithPath: left + "/runs/x/index.html"))
        }
        #expect(SiteFixture.leftovers(beside: output).count == 3)
        _ = try inputs.build("_site")
        #expect(SiteFixture.leftovers(beside: output).isEmpty)
        _ = try inputs.expectIncrementalEqualsClean("after clearing leftovers")
    }

    /// Killed between the swap's two renames, a build leaves the old site aside and none in place;
    /// the next build puts the old one back before it starts, so its run folders are reused.
    @Test func aSiteLeftAsideByAKillInTheSwapIsPutBack() throws {
        let inputs = try Inputs()
        let output = inputs.fixture.path("_site")
        _ = try inputs.build("_site")
        let aside = inputs.fixture.path("._site.building-4242-7.old")
        #expect(rename(output, aside) == 0)
        let summary = try inputs.build("_site")
        #expect(summary.counts.reused == summary.runs, "the old site's run pages are reused: \(summary.counts)")
        #expect(SiteFixture.leftovers(beside: output).isEmpty)
        _ = try inputs.expectIncrementalEqualsClean("after restoring the old site")
    }
}
