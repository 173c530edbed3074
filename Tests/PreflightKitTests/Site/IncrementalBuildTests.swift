import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport
@testable import PreflightHistory
@testable import PreflightSite

/// A build that reuses the cache and the previous site must write exactly what a clean build of
/// the same inputs writes, after every kind of change; and it must actually reuse.
@Suite("Incremental builds equal clean builds")
struct IncrementalBuildTests {
    /// A private copy of every input, so each test can change any of them.
    struct Inputs {
        let fixture: Fixture
        let content: String
        let runs: String
        let templates: String
        let publicDir: String

        init() throws {
            fixture = try Fixture()
            content = fixture.path("checklists")
            try FileManager.default.copyItem(atPath: SiteFixture.checklists, toPath: content)
            runs = try SiteFixture.copyRuns(into: fixture)
            templates = try SiteFixture.copyTemplates(into: fixture)
            publicDir = fixture.path("Public")
            try FileManager.default.copyItem(atPath: SiteFixture.publicDir, toPath: publicDir)
        }

        func build(_ name: String) throws -> BuildSummary {
            try SiteBuilder(options: SiteOptions(content: content, runs: runs, templates: templates, publicDir: publicDir,
                                                 schema: SiteFixture.schema, output: fixture.path(name))).build()
        }

        /// Builds `_site` incrementally and a fresh folder from scratch, and compares them file by file.
        func expectIncrementalEqualsClean(_ label: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> BuildSummary {
            let incremental = try build("_site")
            let cleanName = "clean-\(UUID().uuidString)"
            _ = try build(cleanName)
            let a = SiteFixture.tree(fixture.path("_site"))
            let b = SiteFixture.tree(fixture.path(cleanName))
            #expect(a.keys.sorted() == b.keys.sorted(), "\(label): file lists differ", sourceLocation: sourceLocation)
            let differing = a.keys.filter { a[$0] != b[$0] }.sorted()
            #expect(differing.isEmpty, "\(label): \(differing.prefix(5))", sourceLocation: sourceLocation)
            return incremental
        }

        func edit(_ path: String, _ change: (String) -> String) throws {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let changed = change(text)
            #expect(changed != text, "the edit of \(path) changed nothing")
            try changed.write(toFile: path, atomically: true, encoding: .utf8)
        }

        /// Adds run `id`: a copy of run `from` with its times moved from day `day` to `newDay`.
        func copyRun(_ from: String, as id: String, day: String, newDay: String) throws {
            let added = runs + "/" + id
            try FileManager.default.copyItem(atPath: runs + "/" + from, toPath: added)
            try edit(added + "/run.json") {
                $0.replacingOccurrences(of: "\"id\": \"\(from)\"", with: "\"id\": \"\(id)\"")
                    .replacingOccurrences(of: day + "T", with: newDay + "T")
            }
        }

        /// The newest run folder of an environment.
        func latestRun(_ environment: String) throws -> String {
            let names = try FileManager.default.contentsOfDirectory(atPath: runs).filter { $0.hasPrefix(environment) }.sorted()
            return try #require(names.last)
        }
    }

    /// A stream's first build takes content keys from the bytes it reads for merging; they must be
    /// the keys a later build computes from the folder, or every later build would merge again.
    @Test func contentKeysFromReadsEqualKeysFromTheFolder() throws {
        let archive = RunArchive.scan(SiteFixture.runs)
        let library = try ChecklistLibrary.load(SiteFixture.checklists)
        #expect(archive.manifests.count == 18)
        for manifest in archive.manifests {
            let checklist = try library.checklist(named: manifest.checklist, for: "")
            let folder = archive.folder(of: manifest.id)
            var seen: [String: [UInt8]] = [:]
            _ = RunReader.read(folder: folder, manifest: manifest, checklist: checklist, fileBytes: { seen[$0] = $1 })
            #expect(!seen.isEmpty)
            #expect(ContentKeys.contentKey(folder: folder, known: seen) == ContentKeys.contentKey(folder: folder), "\(manifest.id)")
        }
    }

    @Test func aSecondBuildReusesEveryRun() throws {
        let inputs = try Inputs()
        let first = try inputs.build("_site")
        #expect(first.counts.rendered == first.runs)
        let second = try inputs.expectIncrementalEqualsClean("unchanged")
        #expect(second.counts.merged == 0)
        #expect(second.counts.rendered == 0)
        #expect(second.counts.reused == first.runs)
    }

    @Test func addingARunRendersOnlyItAndItsPredecessor() throws {
        let inputs = try Inputs()
        _ = try inputs.build("_site")
        try inputs.copyRun(try inputs.latestRun("staging"), as: "staging-2026-11-30-1", day: "2026-11-12", newDay: "2026-11-30")
        let summary = try inputs.expectIncrementalEqualsClean("added run")
        // The new run and the one before it (its "next run" link changed), and the two deployed
        // production runs whose post-deployment phases are still open: the new run moved the
        // archive's newest time, which they are judged against.
        #expect(summary.counts.rendered == 4)
        #expect(summary.counts.merged == 4)
        #expect(summary.counts.reused == summary.runs - 4)
    }

    @Test func removingARunRemovesItEverywhere() throws {
        let inputs = try Inputs()
        _ = try inputs.build("_site")
        let latest = try inputs.latestRun("production")
        try FileManager.default.removeItem(atPath: inputs.runs + "/" + latest)
        _ = try inputs.expectIncrementalEqualsClean("removed run")
        #expect(!FileManager.default.fileExists(atPath: inputs.fixture.path("_site/runs/\(latest)")))
        let feed = try String(contentsOfFile: inputs.fixture.path("_site/feed.xml"), encoding: .utf8)
        #expect(!feed.contains(latest))
    }

    @Test func changingAResultInAnEarlyRunRedoesTheRunsAfterIt() throws {
        let inputs = try Inputs()
        _ = try inputs.build("_site")
        let folder = inputs.runs + "/staging-2026-10-01-1"
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: folder).sorted().first { $0.hasPrefix("trivy") })
        try inputs.edit(folder + "/" + file) { $0.replacingOccurrences(of: "\"fail\"", with: "\"pass\"") }
        let summary = try inputs.expectIncrementalEqualsClean("changed result")
        #expect(summary.counts.rendered > 0)
        #expect(summary.counts.reused > 0)  // production runs are another stream
    }

    @Test func changingAChecklistItemRebuildsItsRuns() throws {
        let inputs = try Inputs()
        _ = try inputs.build("_site")
        try inputs.edit(inputs.content + "/production-deployment.md") {
            $0.replacingOccurrences(of: "- [ ] Billing alerts configured", with: "- [ ] Billing alerts configured (revised)")
        }
        let summary = try inputs.expectIncrementalEqualsClean("changed checklist")
        #expect(summary.counts.rendered == summary.runs)
    }

    @Test func changingTheRunTemplateRerendersRunsAndATrendTemplateDoesNot() throws {
        let inputs = try Inputs()
        _ = try inputs.build("_site")
        try inputs.edit(inputs.templates + "/partials/item.mustache") { $0.replacingOccurrences(of: "<p class=\"meta\">", with: "<p class=\"meta item-meta\">") }
        let runChange = try inputs.expectIncrementalEqualsClean("changed item partial")
        #expect(runChange.counts.rendered == runChange.runs)

        try inputs.edit(inputs.templates + "/trend.mustache") { $0 + "\n<!-- trend footer -->\n" }
        let trendChange = try inputs.expectIncrementalEqualsClean("changed trend template")
        #expect(trendChange.counts.rendered == 0)
        #expect(try String(contentsOfFile: inputs.fixture.path("_site/trends/production-deployment/staging/index.html"), encoding: .utf8)
            .contains("trend footer"))
    }

    @Test func changingPublicCopiesTheNewFile() throws {
        let inputs = try Inputs()
        _ = try inputs.build("_site")
        try inputs.edit(inputs.publicDir + "/preflight.css") { $0 + "\n/* changed */\n" }
        let summary = try inputs.expectIncrementalEqualsClean("changed stylesheet")
        #expect(summary.counts.rendered == 0)
        #expect(try String(contentsOfFile: inputs.fixture.path("_site/preflight.css"), encoding: .utf8).contains("/* changed */"))
    }

    @Test func anEditedOutputFileIsWrittenAgain() throws {
        let inputs = try Inputs()
        _ = try inputs.build("_site")
        let latest = try inputs.latestRun("staging")
        try "tampered".write(toFile: inputs.fixture.path("_site/runs/\(latest)/index.html"), atomically: false, encoding: .utf8)
        let summary = try inputs.expectIncrementalEqualsClean("tampered output")
        #expect(summary.counts.rendered == 1)
    }

    @Test func deletingTheCacheGivesAFullBuildOfTheSameBytes() throws {
        let inputs = try Inputs()
        _ = try inputs.build("_site")
        try FileManager.default.removeItem(atPath: inputs.fixture.path(".preflight-cache"))
        let summary = try inputs.expectIncrementalEqualsClean("no cache")
        #expect(summary.counts.rendered == summary.runs)
    }
}
