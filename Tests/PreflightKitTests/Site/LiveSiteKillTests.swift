import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightSite

/// Issue 16 defect 1: a `kill -9` used to land while an incremental build moved unchanged run
/// folders out of the live site (4,080 files fell to 72). Now they are hard-linked, and the swap is
/// one atomic exchange: a build killed at any named moment (`PREFLIGHT_TEST_KILL_AT`) leaves a whole
/// site in place, and the next build equals a clean one.
@Suite struct LiveSiteKillTests {
    typealias Inputs = IncrementalBuildTests.Inputs

    /// Builds `_site` with the binary, killed with SIGKILL at `point`; returns how it ended.
    static func killedBuild(_ inputs: Inputs, at point: String, environment extra: [String: String] = [:]) throws -> (Process.TerminationReason, Int32) {
        guard FileManager.default.isExecutableFile(atPath: CLI.binary) else { throw CLI.Missing(path: CLI.binary) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = ["build", "--content", inputs.content, "--runs", inputs.runs, "--templates", inputs.templates,
                             "--public", inputs.publicDir, "--schema", SiteFixture.schema, "--output", inputs.fixture.path("_site"), "--quiet"]
        process.environment = ProcessInfo.processInfo.environment.merging(["PREFLIGHT_TEST_KILL_AT": point].merging(extra) { $1 }) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return (process.terminationReason, process.terminationStatus)
    }

    /// A site built, then one run changed, so the next build both renders and reuses runs.
    static func builtAndChanged() throws -> Inputs {
        let inputs = try Inputs()
        _ = try inputs.build("_site")
        let folder = inputs.runs + "/staging-2026-10-01-1"
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: folder).sorted().first { $0.hasPrefix("trivy") })
        try inputs.edit(folder + "/" + file) { $0.replacingOccurrences(of: "\"fail\"", with: "\"pass\"") }
        return inputs
    }

    @Test func aKillAfterRunsAreAdoptedLeavesTheLiveSiteByteIdentical() throws {
        let inputs = try Self.builtAndChanged()
        let output = inputs.fixture.path("_site")
        let before = SiteFixture.tree(output)
        #expect(before.count > 50)
        let (reason, status) = try Self.killedBuild(inputs, at: "adopted")
        #expect(reason == .uncaughtSignal && status == SIGKILL, "the build was not killed at the hook: \(reason) \(status)")
        #expect(SiteFixture.tree(output) == before)
        #expect(SiteFixture.leftovers(beside: output).count == 1)
        let summary = try inputs.expectIncrementalEqualsClean("after a kill once runs were adopted")
        #expect(summary.counts.reused > 0)
        #expect(SiteFixture.leftovers(beside: output).isEmpty)
    }

    /// Killed right after the exchange, the new site is in place and whole; the old one, left
    /// under the build folder's name, goes to the trash with the next build.
    @Test func aKillRightAfterTheExchangeLeavesTheNewSiteInPlace() throws {
        let inputs = try Self.builtAndChanged()
        let output = inputs.fixture.path("_site")
        let (reason, status) = try Self.killedBuild(inputs, at: "exchanged")
        #expect(reason == .uncaughtSignal && status == SIGKILL, "the build was not killed at the hook: \(reason) \(status)")
        #expect(SiteFixture.leftovers(beside: output).count == 1)
        let killed = SiteFixture.tree(output)
        _ = try inputs.build("clean")
        #expect(killed == SiteFixture.tree(inputs.fixture.path("clean")))
        _ = try inputs.expectIncrementalEqualsClean("after a kill right after the exchange")
        #expect(SiteFixture.leftovers(beside: output).isEmpty)
    }

    /// Where the file system cannot exchange, the old site is renamed aside first; a kill between
    /// the two renames leaves it aside, and the next build puts it back and reuses its runs.
    @Test func aKillInTheFallbackSwapIsRecoveredByTheNextBuild() throws {
        let inputs = try Self.builtAndChanged()
        let output = inputs.fixture.path("_site")
        let before = SiteFixture.tree(output)
        let (reason, status) = try Self.killedBuild(inputs, at: "set-aside", environment: ["PREFLIGHT_TEST_NO_EXCHANGE": "1"])
        #expect(reason == .uncaughtSignal && status == SIGKILL, "the build was not killed at the hook: \(reason) \(status)")
        #expect(!FileManager.default.fileExists(atPath: output))
        let aside = try #require(SiteFixture.leftovers(beside: output).first { $0.hasSuffix(".old") })
        #expect(SiteFixture.tree(inputs.fixture.path(aside)) == before)
        let summary = try inputs.expectIncrementalEqualsClean("after a kill between the fallback's renames")
        #expect(summary.counts.reused > 0)
        #expect(SiteFixture.leftovers(beside: output).isEmpty)
    }
}
