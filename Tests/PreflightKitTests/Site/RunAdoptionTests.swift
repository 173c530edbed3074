import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport
@testable import PreflightHistory
@testable import PreflightSite

/// Unchanged run folders move from the live site into the new one just before the swap; the
/// new site must still be what a clean build writes, and a failure must give every folder back.
@Suite("Run folders taken over from the previous site")
struct RunAdoptionTests {
    static let files = ["report.json", "index.html"]

    /// A live site with runs `a` (just its files) and `b` (plus a file added by hand), and a staging folder.
    static func sites(_ fixture: Fixture) throws -> (old: String, staging: String) {
        for (run, names) in [("a", files), ("b", files + ["notes.txt"])] {
            for name in names { _ = try fixture.write("site/runs/\(run)/\(name)", "\(run) \(name)") }
        }
        let staging = fixture.path("staging")
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        return (fixture.path("site"), staging)
    }

    @Test func cleanFoldersMoveAndOthersAreCopiedFileByFile() throws {
        let fixture = try Fixture()
        let (old, staging) = try Self.sites(fixture)
        var copied: [String] = []
        let moved = try SiteOutput(destination: old).adopt(runs: ["a", "b"], files: Self.files, from: old, into: staging) { id, from in
            copied.append(id)
            try? FileManager.default.createDirectory(atPath: "\(staging)/runs/\(id)", withIntermediateDirectories: true)
            for name in Self.files { try? FileManager.default.copyItem(atPath: "\(from)/runs/\(id)/\(name)", toPath: "\(staging)/runs/\(id)/\(name)") }
        }
        #expect(moved == ["a"])
        #expect(copied == ["b"])
        #expect(!FileManager.default.fileExists(atPath: "\(old)/runs/a"))
        #expect(try String(contentsOfFile: "\(staging)/runs/a/index.html", encoding: .utf8) == "a index.html")
        // The hand-added file stays behind with the old site.
        #expect(!FileManager.default.fileExists(atPath: "\(staging)/runs/b/notes.txt"))
        #expect(FileManager.default.fileExists(atPath: "\(staging)/runs/b/report.json"))
    }

    @Test func aFailureGivesEveryMovedFolderBack() throws {
        let fixture = try Fixture()
        let (old, staging) = try Self.sites(fixture)
        let before = SiteFixture.tree(old)
        #expect(throws: DiagnosticList.self) {
            _ = try SiteOutput(destination: old).adopt(runs: ["a", "b"], files: Self.files, from: old, into: staging) { id, _ throws(DiagnosticList) in
                throw DiagnosticList([.error(id, "cannot copy")])
            }
        }
        #expect(SiteFixture.tree(old) == before)
    }

    /// End to end: a file put into a run folder of the site by hand is gone after the next build.
    @Test func aHandAddedFileDoesNotSurviveARebuild() throws {
        let fixture = try Fixture()
        let output = fixture.path("_site")
        let options = SiteFixture.options(output: output)
        _ = try SiteBuilder(options: options).build()
        let run = output + "/runs/staging-2026-10-05-1"
        try "mine".write(toFile: run + "/notes.txt", atomically: true, encoding: .utf8)
        let inode = try FileManager.default.attributesOfItem(atPath: output + "/runs/staging-2026-10-01-1/index.html")[.systemFileNumber] as? Int
        let second = try SiteBuilder(options: options).build()
        #expect(second.counts.reused == 18)
        #expect(!FileManager.default.fileExists(atPath: run + "/notes.txt"))
        #expect(FileManager.default.fileExists(atPath: run + "/index.html"))
        // The other runs' files are the same files, moved, not rewritten.
        let after = try FileManager.default.attributesOfItem(atPath: output + "/runs/staging-2026-10-01-1/index.html")[.systemFileNumber] as? Int
        #expect(inode != nil && inode == after)
    }
}
