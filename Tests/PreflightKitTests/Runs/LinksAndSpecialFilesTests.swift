import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport
@testable import PreflightSite

/// Nothing outside a run folder reaches the site through a link, and no special file stops a build.
@Suite struct LinksAndSpecialFilesTests {
    typealias F = RunsFixtures

    /// A record file linked to a file outside the archive used to put that file's text on the run page.
    @Test func aLinkedRecordFileIsAProblemAndItsTargetIsNotRead() throws {
        let fixture = try RunArchiveFixture(F.miniWithRole)
        try fixture.run("r1", started: "2026-10-05T09:00:00Z", files: ["good.json": F.result("build/lint", "pass")])
        try fixture.dir.write("secret.json", F.result("runtime/load", "pass", summary: "SECRET-OUTSIDE-THE-ARCHIVE"))
        try FileManager.default.createSymbolicLink(atPath: fixture.dir.url("runs/r1/linked.json"), withDestinationPath: fixture.dir.url("secret.json"))
        try FileManager.default.createSymbolicLink(atPath: fixture.dir.url("runs/r1/zero.json"), withDestinationPath: "/dev/zero")
        let report = try fixture.report("r1")
        let messages = report.problems.map(\.description)
        #expect(messages.contains("r1/linked.json: error: is a symbolic link, which is not followed here"), "\(messages)")
        #expect(messages.contains("r1/zero.json: error: is a symbolic link, which is not followed here"), "\(messages)")
        #expect(report.item("runtime/load")?.state == .pending)
        #expect(report.item("build/lint")?.state == .pass)
        #expect(!ContentKeys.contentKey(folder: fixture.dir.url("runs/r1")).isEmpty)
    }

    /// `mkfifo run/fifo.json` used to hang `report` and `build` on the open.
    @Test func aFIFOIsAProblemNotAHang() throws {
        let fixture = try RunArchiveFixture(F.miniWithRole)
        try fixture.run("r1", started: "2026-10-05T09:00:00Z", files: ["good.json": F.result("build/lint", "pass")])
        #expect(mkfifo(fixture.dir.url("runs/r1/fifo.json"), 0o644) == 0)
        let report = try fixture.report("r1")
        #expect(report.problems.map(\.description).contains("r1/fifo.json: error: is not a regular file (a FIFO, device or socket); not read"))
        #expect(report.item("build/lint")?.state == .pass)
        _ = ContentKeys.contentKey(folder: fixture.dir.url("runs/r1"))
        _ = ContentKeys.statFingerprint(folder: fixture.dir.url("runs/r1"))
    }

    /// A run folder that is a link is not built as a run.
    @Test func aLinkedRunFolderIsIgnoredWithAWarning() throws {
        let fixture = try RunArchiveFixture(F.miniWithRole)
        try fixture.run("r1", started: "2026-10-05T09:00:00Z")
        try fixture.dir.write("elsewhere/r2/run.json", #"{"checklist": "mini", "environment": "staging", "started_at": "2026-10-06T09:00:00Z"}"#)
        try FileManager.default.createSymbolicLink(atPath: fixture.dir.url("runs/r2"), withDestinationPath: fixture.dir.url("elsewhere/r2"))
        let archive = RunArchive.scan(fixture.runs)
        #expect(archive.manifests.map(\.id) == ["r1"])
        #expect(archive.problems.map(\.description) == [fixture.runs + "/r2: warning: ignored: a symbolic link is not followed, even to a run folder"])
    }

    /// A big file the reader ignores is not read for the content key either (3 GB used to cost 15 s).
    @Test func anIgnoredFileIsNotReadForTheContentKey() throws {
        let fixture = try RunArchiveFixture(F.miniWithRole)
        try fixture.run("r1", started: "2026-10-05T09:00:00Z")
        let log = fixture.dir.url("runs/r1/notes.log")
        #expect(FileManager.default.createFile(atPath: log, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: log))
        try handle.truncate(atOffset: 3 << 30)  // sparse: no disk used
        try handle.close()
        let before = ContentKeys.contentKey(folder: fixture.dir.url("runs/r1"))
        try Data("other bytes".utf8).write(to: URL(fileURLWithPath: log))
        #expect(ContentKeys.contentKey(folder: fixture.dir.url("runs/r1")) == before, "the ignored file's bytes are not part of the key")
    }

    /// A `Public/` file linked to /etc/passwd used to be copied into the site as a link.
    @Test func aLinkInThePublicFolderFailsTheBuildAndNamesIt() throws {
        let fixture = try Fixture()
        try fixture.write("checklists/mini.md", "# Mini\n\n## Build\n\n- [ ] Lint\n")
        try fixture.write("Public/own.css", "body{}\n")
        try FileManager.default.createSymbolicLink(atPath: fixture.path("Public/passwd.txt"), withDestinationPath: "/etc/passwd")
        let options = SiteFixture.options(output: fixture.path("_site"), content: fixture.path("checklists"), runs: fixture.path("runs"),
                                          publicDir: fixture.path("Public"))
        let error = #expect(throws: DiagnosticList.self) { try SiteBuilder(options: options).build() }
        #expect(error?.diagnostics.map(\.description) == [fixture.path("Public/passwd.txt") + ": error: is a symbolic link, which is not followed: put the file itself in the folder"])
        #expect(!FileManager.default.fileExists(atPath: fixture.path("_site")))
    }
}
