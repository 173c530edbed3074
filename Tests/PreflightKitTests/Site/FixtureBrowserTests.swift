import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightSite

/// The fixture checklists' pages as headless Chromium builds them: in-page links land, no image
/// reaches outside the site, pending rows are not styled as failing, role-less sheets can be signed.
@Suite(.serialized, .enabled(if: BrowserTools.shouldRun,
    "SKIPPED: chromium, pdftotext or pdfinfo not found on PATH (set CI=1 or PREFLIGHT_REQUIRE_BROWSER=1 to fail instead)"))
struct FixtureBrowserTests {
    typealias Site = FixtureChecklistSite

    static func dom(_ path: String, _ fixture: Fixture) throws -> String {
        let tools = try BrowserTools.require()
        let (dom, log) = try tools.dumpDOM(try Site.site().appendingPathComponent(path), profile: fixture.path("profile"))
        BrowserTests.expectNoPolicyViolations(log, path)
        return dom
    }

    static let runPages = (Site.serviceRuns + [Site.frontendRun]).map { "runs/\($0)/index.html" }

    @Test func everyInPageLinkResolvesToAnElement() throws {
        let fixture = try Fixture()
        for path in Self.runPages {
            let dom = try Self.dom(path, fixture)
            #expect(dom.contains("class=\"section"), "\(path): the DOM holds the checklist")
            #expect(Site.unresolvedFragments(dom).isEmpty, "\(path): \(Site.unresolvedFragments(dom))")
        }
    }

    @Test func noImagePointsOutsideTheSite() throws {
        let fixture = try Fixture()
        for path in Self.runPages + ["index.html", "runs/\(Site.frontendRun)/signoff.html"] {
            let dom = try Self.dom(path, fixture)
            let sources = dom.components(separatedBy: "<img").dropFirst().compactMap { tag in
                Site.attributes("src", in: String(tag.prefix { $0 != ">" })).first
            }
            let outside = sources.filter { $0.contains("://") || $0.hasPrefix("//") }
            #expect(outside.isEmpty, "\(path): \(outside)")
        }
    }

    @Test func pendingItemsDoNotCarryTheFailingStyle() throws {
        let fixture = try Fixture()
        let dom = try Self.dom("runs/\(Site.frontendRun)/index.html", fixture)
        let rows = dom.components(separatedBy: "<li class=\"item ").dropFirst().map { String($0.prefix { $0 != ">" }) }
        let pending = rows.filter { $0.contains("row-pending") }
        #expect(pending.count == 9, "nine of the launch list's items have no result yet")
        #expect(pending.allSatisfy { !$0.contains("failing") && $0.contains(" open") }, "\(pending.filter { $0.contains("failing") })")
        #expect(rows.contains { $0.contains("row-fail") && $0.contains(" failing") })
    }

    @Test func theSheetOfARolelessChecklistHasSignatureRows() throws {
        let fixture = try Fixture()
        let dom = try Self.dom("runs/\(Site.frontendRun)/signoff.html", fixture)
        let table = try #require(dom.components(separatedBy: "general-approval").dropFirst().first)
        let rows = table.components(separatedBy: "</tbody>")[0].components(separatedBy: "<tr>").dropFirst(2)
        #expect(rows.count == 2, "\(rows)")
        #expect(rows.allSatisfy { $0.contains("signature-line") })
    }
}
