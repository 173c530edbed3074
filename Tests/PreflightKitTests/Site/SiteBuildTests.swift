import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport
@testable import PreflightHistory
@testable import PreflightSite

/// Builds are reproducible, and a site is replaced only by a complete new one.
@Suite struct SiteBuildTests {
    @Test func twoBuildsAreByteIdentical() throws {
        let fixture = try Fixture()
        let first = fixture.path("one/_site")
        let second = fixture.path("two/_site")
        try SiteFixture.buildExample(into: first)
        try SiteFixture.buildExample(into: second)
        let a = SiteFixture.tree(first)
        let b = SiteFixture.tree(second)
        #expect(a.count > 18 * 3)
        #expect(a.keys.sorted() == b.keys.sorted())
        for (path, data) in a.sorted(by: { $0.key < $1.key }) where b[path] != data {
            Issue.record("\(path) differs between two builds")
        }
    }

    @Test func theSiteHoldsPagesAssetsAndSchemas() throws {
        let site = try SiteFixture.exampleSite()
        let files = SiteFixture.tree(site.path)
        for asset in ["preflight.css", "print.css", "print-a4.css", "print-letter.css", "sheet.css"] {
            #expect(files[asset] == FileManager.default.contents(atPath: SiteFixture.publicDir + "/" + asset), "\(asset)")
        }
        let schemas = try FileManager.default.contentsOfDirectory(atPath: SiteFixture.schema).filter { $0.hasSuffix(".json") }
        #expect(schemas.count == 6)  // result, run, run-file, signoff, waiver, deployment
        for schema in schemas {
            #expect(files["schema/" + schema] == FileManager.default.contents(atPath: SiteFixture.schema + "/" + schema), "\(schema)")
        }
        // report.json is the canonical report: sorted keys, no whitespace, a trailing newline.
        let report = try #require(files["runs/production-2026-11-16-1/report.json"])
        let text = String(decoding: report, as: UTF8.self)
        #expect(text.hasPrefix("{\"checklist\":{\"name\":\"production-deployment\","))
        #expect(text.hasSuffix("\"verdict\":\"go\"}\n"))
        #expect(!text.dropLast().contains("\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: report) as? [String: Any])
        #expect(object["verdict"] as? String == "go")
    }

    @Test func aSuccessfulBuildReplacesTheOldSiteAndLeavesNoTemporaryFolders() throws {
        let fixture = try Fixture()
        let output = fixture.path("_site")
        _ = try SiteFixture.writeOldSite(output)
        try SiteFixture.buildExample(into: output)
        let files = SiteFixture.tree(output)
        #expect(files["runs/old/index.html"] == nil)
        #expect(String(decoding: files["index.html"] ?? Data(), as: UTF8.self).contains("Readiness dashboard"))
        #expect(SiteFixture.leftovers(beside: output) == [])
        // Besides the site, only the build cache (README: deleting it is always safe).
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.folder.path).sorted() == [".preflight-cache", "_site"])
    }

    /// Sites before one sheet per run also wrote signoff-letter.html (signoff-a4.html with
    /// letter paper); the next build drops them and equals a clean build.
    @Test func theNextBuildDropsAnOlderVersionsSecondSheet() throws {
        let fixture = try Fixture()
        let output = fixture.path("_site")
        try SiteFixture.buildExample(into: output)
        for run in ["production-2026-11-16-1", "staging-2026-10-22-1"] {
            for name in ["signoff-letter.html", "signoff-a4.html"] {
                try "<p>an older version's sheet</p>\n".write(toFile: "\(output)/runs/\(run)/\(name)", atomically: true, encoding: .utf8)
            }
        }
        try SiteFixture.buildExample(into: output)
        let clean = fixture.path("clean")
        try SiteFixture.buildExample(into: clean)
        let upgraded = SiteFixture.tree(output)
        #expect(upgraded.keys.filter { $0.contains("signoff-") }.isEmpty)
        #expect(upgraded == SiteFixture.tree(clean))
    }

    @Test func aBrokenTemplateLeavesTheBuiltSiteAlone() throws {
        let fixture = try Fixture()
        let output = fixture.path("_site")
        try SiteFixture.buildExample(into: output)
        let before = SiteFixture.tree(output)
        #expect(before.count > 18 * 3)
        let templates = try SiteFixture.copyTemplates(into: fixture)
        // Fails while rendering, after the staging folder has pages in it.
        try "<h1>{{pageTitle}}</h1>{{brokenVariable}}\n".write(toFile: templates + "/signoff.mustache", atomically: true, encoding: .utf8)
        #expect(throws: DiagnosticList.self) {
            try SiteBuilder(options: SiteFixture.options(output: output, templates: templates)).build()
        }
        #expect(SiteFixture.tree(output) == before)
        #expect(SiteFixture.leftovers(beside: output) == [])
    }

    @Test func aMissingPublicFolderFailsAndLeavesTheBuiltSiteAlone() throws {
        let fixture = try Fixture()
        let output = fixture.path("_site")
        try SiteFixture.buildExample(into: output)
        let before = SiteFixture.tree(output)
        let missing = fixture.path("no-public")
        do {
            _ = try SiteBuilder(options: SiteFixture.options(output: output, publicDir: missing)).build()
            Issue.record("the build should fail")
        } catch {
            #expect(error.description == "\(missing): error: no such folder of static files")
        }
        #expect(SiteFixture.tree(output) == before)
        #expect(SiteFixture.leftovers(beside: output) == [])
    }

    @Test func aPublicFileThatClashesWithAPageFails() throws {
        let fixture = try Fixture()
        let output = fixture.path("_site")
        let before = try SiteFixture.writeOldSite(output)
        try fixture.write("public/index.html", "<p>not mine</p>\n")
        do {
            _ = try SiteBuilder(options: SiteFixture.options(output: output, publicDir: fixture.path("public"))).build()
            Issue.record("the build should fail")
        } catch {
            #expect(error.description == "\(fixture.path("public/index.html")): error: would overwrite the generated file index.html")
        }
        #expect(SiteFixture.tree(output) == before)
        #expect(SiteFixture.leftovers(beside: output) == [])
    }

    @Test func aMissingChecklistFolderFailsBeforeTouchingTheOutput() throws {
        let fixture = try Fixture()
        let output = fixture.path("_site")
        let before = try SiteFixture.writeOldSite(output)
        #expect(throws: DiagnosticList.self) {
            try SiteBuilder(options: SiteFixture.options(output: output, content: fixture.path("none"))).build()
        }
        #expect(SiteFixture.tree(output) == before)
        #expect(SiteFixture.leftovers(beside: output) == [])
    }
}
