import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport
@testable import PreflightHistory
@testable import PreflightSite

/// Unchanged runs' files are hard-linked from the live site into the new one just before the
/// swap; the live site stays byte-identical, and the new site is still what a clean build writes.
@Suite("Run folders taken over from the previous site")
struct RunAdoptionTests {
    static let files = ["report.json", "index.html"]

    /// A live site with runs `a` (just its files, and an attachment) and `b` (plus a file added by
    /// hand), and a staging folder.
    static func sites(_ fixture: Fixture) throws -> (old: String, staging: String) {
        for (run, names) in [("a", files + ["attachments/ab12"]), ("b", files + ["notes.txt"])] {
            for name in names { _ = try fixture.write("site/runs/\(run)/\(name)", "\(run) \(name)") }
        }
        let staging = fixture.path("staging")
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        return (fixture.path("site"), staging)
    }

    static func inode(_ path: String) throws -> Int? {
        try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int
    }

    @Test func runFilesAreLinkedAndTheLiveSiteIsUntouched() throws {
        let fixture = try Fixture()
        let (old, staging) = try Self.sites(fixture)
        let before = SiteFixture.tree(old)
        try SiteOutput(destination: old).adopt(runs: ["a", "b"], files: Self.files, from: old, into: staging)
        #expect(SiteFixture.tree(old) == before)
        #expect(try String(contentsOfFile: "\(staging)/runs/a/index.html", encoding: .utf8) == "a index.html")
        #expect(try String(contentsOfFile: "\(staging)/runs/a/attachments/ab12", encoding: .utf8) == "a attachments/ab12")
        for path in ["runs/a/index.html", "runs/a/report.json", "runs/a/attachments/ab12", "runs/b/index.html"] {
            #expect(try Self.inode("\(staging)/\(path)") == Self.inode("\(old)/\(path)"), "\(path) is not a link to the live file")
        }
        // The hand-added file stays behind with the old site.
        #expect(!FileManager.default.fileExists(atPath: "\(staging)/runs/b/notes.txt"))
        #expect(FileManager.default.fileExists(atPath: "\(staging)/runs/b/report.json"))
    }

    @Test func aMissingFileIsAnErrorAndTheLiveSiteIsUntouched() throws {
        let fixture = try Fixture()
        let (old, staging) = try Self.sites(fixture)
        try FileManager.default.removeItem(atPath: "\(old)/runs/b/report.json")
        let before = SiteFixture.tree(old)
        #expect(throws: DiagnosticList.self) {
            try SiteOutput(destination: old).adopt(runs: ["a", "b"], files: Self.files, from: old, into: staging)
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
        // The other runs' files are the same files, linked, not rewritten.
        let after = try FileManager.default.attributesOfItem(atPath: output + "/runs/staging-2026-10-01-1/index.html")[.systemFileNumber] as? Int
        #expect(inode != nil && inode == after)
    }

    /// The site a swap replaces is kept as the spare; the next build renames its unchanged run
    /// folders (links to the live files) into the new site, so nothing of them goes to the trash.
    @Test func theReplacedSitesRunFoldersAreRenamedIntoTheNextBuild() throws {
        let fixture = try Fixture()
        let output = fixture.path("_site")
        let options = SiteFixture.options(output: output)
        _ = try SiteBuilder(options: options).build()
        _ = try SiteBuilder(options: options).build()
        let site = SiteOutput(destination: output, cache: options.cacheFolder)
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.spare + "/runs").count == 18)
        let third = try SiteBuilder(options: options).build()
        #expect(third.counts.reused == 18)
        // What is left of the previous spare went to the trash without a single run folder.
        let parked = try FileManager.default.contentsOfDirectory(atPath: site.trash)
        #expect(parked.count == 1)
        let left = (try? FileManager.default.contentsOfDirectory(atPath: "\(site.trash)/\(parked[0])/runs")) ?? []
        #expect(left.isEmpty, "\(left)")
        #expect(FileManager.default.fileExists(atPath: output + "/runs/staging-2026-10-01-1/index.html"))
    }
}
