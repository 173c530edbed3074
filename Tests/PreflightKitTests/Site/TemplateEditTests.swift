import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport
@testable import PreflightHistory
@testable import PreflightSite

/// Editing any one template, partials included, and building again over the previous site and
/// its cache must write exactly what a clean build with the edited templates writes. The page
/// key has to follow every template a page renders, not a list kept by hand.
@Suite("Editing any template rebuilds what renders it")
struct TemplateEditTests {
    /// Every template of the repository's `templates/` folder by name (`layout`, `partials/item`),
    /// found by listing the folder, so a new template is covered without touching this file.
    static let templateNames: [String] = {
        let files = FileManager.default.enumerator(atPath: SiteFixture.templates)?.allObjects as? [String] ?? []
        return files.filter { $0.hasSuffix(".mustache") }.map { String($0.dropLast(".mustache".count)) }.sorted()
    }()

    /// The comment put into `name`, visible in every page that renders it.
    static func marker(_ name: String) -> String { "<!-- edited \(name) -->" }

    @Test func theTemplatesFolderIsListed() {
        // A wrong path would give no cases at all and a suite that passes without testing anything.
        #expect(Self.templateNames.count >= 10)
        for name in ["layout", "run", "signoff", "home", "trend", "partials/item", "partials/run-changes"] {
            #expect(Self.templateNames.contains(name), "\(name)")
        }
    }

    /// The example history (18 runs), plus a stream of 101 runs of a tiny checklist: the example's
    /// streams fit on one run-table page, so without it `trend-runs` (page-2.html) renders nowhere;
    /// and one run of a service, for `service`.
    static func inputs() throws -> IncrementalBuildTests.Inputs {
        let inputs = try IncrementalBuildTests.Inputs()
        try ExampleHistory.writeTinyArchive(inputs.fixture, environment: "ci", count: 101)
        // A run of a service, so that `service` (the service page) renders somewhere.
        try inputs.fixture.write("runs/svc-1/run.json", """
            {"checklist": "tiny", "environment": "ci", "service": "svc", "owner": "team-s", "started_at": "2026-09-20T00:00:00Z"}
            """)
        return inputs
    }

    /// The fixture reaches the templates' conditional parts: run pages listing changes (not only
    /// "first run" texts), so `partials/run-changes` renders lists, and a second run-table page.
    @Test func theFixtureRendersListsOfChangesAndASecondRunTablePage() throws {
        let inputs = try Self.inputs()
        let summary = try inputs.build("_site")
        #expect(summary.runs == 18 + 101 + 1)
        #expect(summary.problems.isEmpty)
        let site = SiteFixture.tree(inputs.fixture.path("_site"))
        let runPages = site.filter { $0.key.hasPrefix("runs/") && $0.key.hasSuffix("/index.html") }
        let listing = runPages.filter { String(decoding: $0.value, as: UTF8.self).contains("<ul class=\"change-list\">") }
        #expect(runPages.count == 120)
        #expect(site["services/tiny/svc/index.html"] != nil)
        #expect(listing.keys.contains { $0.hasPrefix("runs/staging-") })
        #expect(listing.keys.contains { $0.hasPrefix("runs/ci-") })
        #expect(site["trends/tiny/ci/page-2.html"] != nil)
    }

    @Test(arguments: templateNames)
    func editingATemplateGivesTheCleanBuild(_ name: String) throws {
        let inputs = try Self.inputs()
        _ = try inputs.build("_site")
        // At the end of the file: inside no section, so it is rendered wherever the template is.
        let marker = Self.marker(name)
        try inputs.edit(inputs.templates + "/\(name).mustache") { $0 + marker + "\n" }

        let summary = try inputs.build("_site")
        let cleanName = "clean-\(UUID().uuidString)"
        _ = try inputs.build(cleanName)
        let incremental = SiteFixture.tree(inputs.fixture.path("_site"))
        let clean = SiteFixture.tree(inputs.fixture.path(cleanName))

        // The edit shows in the clean build, so the comparison below is not vacuous.
        let edited = clean.filter { $0.value.range(of: Data(marker.utf8)) != nil }.keys.sorted()
        #expect(!edited.isEmpty, "\(name): the edit shows in no file of the clean build")

        let onlyIncremental = Set(incremental.keys).subtracting(clean.keys).sorted()
        let onlyClean = Set(clean.keys).subtracting(incremental.keys).sorted()
        #expect(onlyIncremental.isEmpty, "after editing \(name): files only in the incremental build: \(onlyIncremental.prefix(5))")
        #expect(onlyClean.isEmpty, "after editing \(name): files only in the clean build: \(onlyClean.prefix(5))")
        let differing = clean.keys.filter { incremental[$0] != nil && incremental[$0] != clean[$0] }.sorted()
        let stale = edited.filter { incremental[$0] != clean[$0] }
        #expect(differing.isEmpty, """
            after editing \(name): \(differing.count) files differ from a clean build \
            (\(stale.count) of the \(edited.count) that render it lack the edit; \
            \(summary.counts.rendered) of \(summary.runs) runs rendered): \(differing.prefix(5))
            """)
    }
}
