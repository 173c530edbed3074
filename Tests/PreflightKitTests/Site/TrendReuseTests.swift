import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightSite

/// A stream whose runs did not change keeps its trend folder from the previous site (linked, not
/// rendered), and the site still equals a clean build.
@Suite struct TrendReuseTests {
    typealias Inputs = IncrementalBuildTests.Inputs

    static func inode(_ path: String) -> UInt64? {
        var info = stat()
        return lstat(path, &info) == 0 ? UInt64(info.st_ino) : nil
    }

    static let production = "_site/trends/production-deployment/production/"
    static let staging = "_site/trends/production-deployment/staging/"
    static let files = ["index.html", "badge.svg", "history.json"]

    @Test func aStreamWithoutChangesKeepsItsTrendFolder() throws {
        let inputs = try Inputs()
        _ = try inputs.build("_site")
        let before = Self.files.map { Self.inode(inputs.fixture.path(Self.production + $0)) }
        let stagingBefore = Self.inode(inputs.fixture.path(Self.staging + "index.html"))
        // A staging run older than the archive's newest time: production's reports stay as they are.
        try inputs.copyRun(try inputs.latestRun("staging"), as: "staging-2026-11-13-1", day: "2026-11-12", newDay: "2026-11-13")
        _ = try inputs.expectIncrementalEqualsClean("added staging run")
        #expect(before.allSatisfy { $0 != nil })
        #expect(Self.files.map { Self.inode(inputs.fixture.path(Self.production + $0)) } == before, "production's trend folder was rendered again")
        #expect(Self.inode(inputs.fixture.path(Self.staging + "index.html")) != stagingBefore, "staging's trend page was not rendered again")
        #expect(try String(contentsOfFile: inputs.fixture.path(Self.staging + "index.html"), encoding: .utf8).contains("staging-2026-11-13-1"))
    }

    @Test func anEditedTrendFileIsWrittenAgain() throws {
        let inputs = try Inputs()
        _ = try inputs.build("_site")
        let page = inputs.fixture.path(Self.production + "index.html")
        let before = Self.inode(page)
        _ = try inputs.expectIncrementalEqualsClean("no change")
        #expect(Self.inode(page) == before)
        try "tampered".write(toFile: page, atomically: false, encoding: .utf8)
        _ = try inputs.expectIncrementalEqualsClean("tampered trend page")
        #expect(try String(contentsOfFile: page, encoding: .utf8) != "tampered")
    }

    @Test func aChangedHistorySettingRendersEveryTrendFolder() throws {
        let inputs = try Inputs()
        _ = try inputs.build("_site")
        let page = inputs.fixture.path(Self.production + "index.html")
        let before = Self.inode(page)
        var options = SiteOptions(content: inputs.content, runs: inputs.runs, templates: inputs.templates, publicDir: inputs.publicDir,
                                  schema: SiteFixture.schema, output: inputs.fixture.path("_site"))
        options.history.matrixRuns = 2
        _ = try SiteBuilder(options: options).build()
        #expect(Self.inode(page) != before)
    }
}
