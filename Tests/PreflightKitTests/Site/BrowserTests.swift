import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport
@testable import PreflightHistory
@testable import PreflightSite

/// The example site in a real browser: sign-off sheets printed to PDF fit their paper, and the
/// DOM Chromium builds from each page kind holds the items and states the report says.
///
/// Chromium and poppler-utils come from `scripts/ensure-deps.sh --browser`. Without them the
/// suite is skipped with a message, except in CI (`CI` set) or with `PREFLIGHT_REQUIRE_BROWSER=1`,
/// where it runs and fails. Serialized: each Chromium call takes a core or two for a second.
@Suite(.serialized, .enabled(if: BrowserTools.shouldRun,
    "SKIPPED: chromium, pdftotext or pdfinfo not found on PATH (set CI=1 or PREFLIGHT_REQUIRE_BROWSER=1 to fail instead)"))
struct BrowserTests {
    static let roles = ["Technical Lead", "Security Lead", "Operations Lead", "Product Owner"]
    static let finalRun = "production-2026-11-16-1"
    static let rejectedRun = "production-2026-10-20-1"

    static func page(_ path: String) throws -> URL { try SiteFixture.exampleSite().appendingPathComponent(path) }

    /// Item id → state, from report.json.
    static func reportStates(_ run: String) throws -> [String: String] {
        let data = try Data(contentsOf: try page("runs/\(run)/report.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let items = try #require(object["items"] as? [[String: Any]])
        var states: [String: String] = [:]
        for item in items {
            if let id = item["id"] as? String, let state = item["state"] as? String { states[id] = state }
        }
        return states
    }

    /// Item anchor → the state class of the item's first state badge, from a DOM.
    static func domStates(_ dom: String) -> [String: String] {
        var states: [String: String] = [:]
        for chunk in dom.components(separatedBy: "<li class=\"item ").dropFirst() {
            guard let id = chunk.firstMatch(of: /^[^>]*\sid="([^"]+)"/),
                  let state = chunk.firstMatch(of: /<span class="state state-([a-z]+)">/) else { continue }
            states[String(id.1)] = String(state.1)
        }
        return states
    }

    /// Chromium logs a blocked resource or script as a console message naming the policy.
    static func expectNoPolicyViolations(_ log: String, _ page: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let violations = log.split(separator: "\n").filter { $0.contains("Content Security Policy") || $0.contains("Failed to load") }
        #expect(violations.isEmpty, "\(page): \(violations)", sourceLocation: sourceLocation)
    }

    /// The papers a sheet must print whole on, with their size in points.
    static let papers: [(paper: SheetPaper, width: Int, height: Int)] = [(.a4, 595, 842), (.letter, 612, 792)]

    /// The example site's sign-off sheet of `run` as a reader printing it on `paper` gets it. The
    /// one sheet sets no page size, so the print dialog's paper applies; the copy names that
    /// paper's stylesheet instead (the same rules plus the size), which is what that choice does.
    /// The copy sits in `fixture` beside copies of the stylesheets and icons: the shared example
    /// site is never written to. `.any` copies the sheet unchanged.
    static func sheet(_ run: String, on paper: SheetPaper, _ fixture: Fixture) throws -> URL {
        let site = try SiteFixture.exampleSite()
        let root = URL(fileURLWithPath: fixture.path("printed"))
        let folder = root.appendingPathComponent("runs/\(run)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["preflight.css", "sheet.css", "print.css", "print-a4.css", "print-letter.css", "icons"] {
            try FileManager.default.copyItem(at: site.appendingPathComponent(name), to: root.appendingPathComponent(name))
        }
        let html = try String(contentsOf: site.appendingPathComponent("runs/\(run)/signoff.html"), encoding: .utf8)
        let link = "href=\"../../print.css\""
        #expect(html.contains(link), "\(run)/signoff.html names no print.css")
        let sheet = folder.appendingPathComponent("signoff.html")
        try html.replacingOccurrences(of: link, with: "href=\"../../\(paper.stylesheet)\"").write(to: sheet, atomically: true, encoding: .utf8)
        return sheet
    }

    /// Prints `run`'s sheet on `paper` and returns (pages, width, height, text).
    static func printSheet(_ run: String, on paper: SheetPaper, _ fixture: Fixture) throws -> (pages: Int, width: Int, height: Int, text: String) {
        let tools = try BrowserTools.require()
        let pdf = fixture.path("sheet.pdf")
        let path = "runs/\(run)/signoff.html on \(paper.words)"
        let log = try tools.printPDF(try sheet(run, on: paper, fixture), to: pdf, profile: fixture.path("profile"))
        expectNoPolicyViolations(log, path)
        let info = try tools.pdfInfo(pdf)
        let text = try tools.pdfText(pdf)
        print("\(path): \(info.pages) page(s), \(info.width)x\(info.height) pt")
        return (info.pages, info.width, info.height, text)
    }

    @Test func theSheetPrintsOnAtMostTwoPagesOfEitherPaper() throws {
        for (paper, width, height) in Self.papers {
            let fixture = try Fixture()
            let sheet = try Self.printSheet(Self.finalRun, on: paper, fixture)
            #expect(sheet.width == width && sheet.height == height, "\(paper)")
            #expect((1...2).contains(sheet.pages), "\(paper): \(sheet.pages) pages")
            try expectFinalSheetText(sheet.text)
        }
    }

    /// The sheet as published sets no page size, so Chromium prints it on its default paper
    /// (US Letter), where a sheet made for A4 would have come out on A4.
    @Test func thePublishedSheetLeavesThePaperToThePrinter() throws {
        let fixture = try Fixture()
        let sheet = try Self.printSheet(Self.finalRun, on: .any, fixture)
        #expect(sheet.width == 612 && sheet.height == 792)
        #expect((1...2).contains(sheet.pages))
        try expectFinalSheetText(sheet.text)
        let css = try String(contentsOf: try SiteFixture.exampleSite().appendingPathComponent("print.css"), encoding: .utf8)
        #expect(css.contains("@page {") && css.firstMatch(of: /@page[^}]*size/) == nil)
        // The tests print each paper through its fixed stylesheet: that stands for the one sheet
        // only while those stylesheets are print.css plus a page size.
        func rules(_ text: String) -> [String] {
            text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("/*") }
                .map { $0.replacing(#/size: [a-zA-Z0-9]+; /#, with: "") }
        }
        for (paper, _, _) in Self.papers {
            let fixed = try String(contentsOf: try SiteFixture.exampleSite().appendingPathComponent(paper.stylesheet), encoding: .utf8)
            #expect(fixed.contains("size: "), "\(paper.stylesheet)")
            #expect(rules(fixed) == rules(css), "\(paper.stylesheet) is not print.css with a page size")
        }
    }

    @Test func theSheetWithTheMostFailuresStillFitsTwoPages() throws {
        let runs = try FileManager.default.contentsOfDirectory(atPath: SiteFixture.runs).filter { !$0.hasPrefix(".") }
        let failures = try runs.map { run in (run, try Self.reportStates(run).values.filter { $0 == "fail" }.count) }
        let (worst, count) = try #require(failures.sorted { ($1.1, $0.0) < ($0.1, $1.0) }.first)
        #expect(count >= 5)
        for (paper, width, height) in Self.papers {
            let fixture = try Fixture()
            let sheet = try Self.printSheet(worst, on: paper, fixture)
            #expect(sheet.width == width && sheet.height == height, "\(worst) on \(paper)")
            #expect((1...2).contains(sheet.pages), "\(worst) on \(paper): \(sheet.pages) pages")
            #expect(sheet.text.contains("NO-GO"))
            #expect(sheet.text.contains("Fail:"))
        }
    }

    /// Every example run's sheet on both papers: at most two pages; each role on one line, each
    /// decision's date whole, the evidence digest, no item id; the signature block on one page.
    @Test func everyExampleSheetPrintsWholeOnA4AndLetter() throws {
        let tools = try BrowserTools.require()
        let runs = try FileManager.default.contentsOfDirectory(atPath: SiteFixture.runs).filter { !$0.hasPrefix(".") }.sorted()
        #expect(runs.count == 18)
        for run in runs {
            let data = try Data(contentsOf: try Self.page("runs/\(run)/report.json"))
            let report = try JSONDecoder().decode(RunReport.self, from: data)
            for (paper, width, height) in Self.papers {
                let fixture = try Fixture()
                let pdf = fixture.path("sheet.pdf")
                let path = "runs/\(run)/signoff.html on \(paper.words)"
                Self.expectNoPolicyViolations(try tools.printPDF(try Self.sheet(run, on: paper, fixture), to: pdf, profile: fixture.path("profile")), path)
                let info = try tools.pdfInfo(pdf)
                #expect(info.width == width && info.height == height, "\(path)")
                #expect((1...2).contains(info.pages), "\(path): \(info.pages) pages")
                let pages = try tools.pdfPages(pdf)
                let lines = pages.flatMap { $0 }
                for role in Self.roles {
                    #expect(lines.contains { $0.contains(role) }, "\(path): \(role) is not on one line")
                }
                for status in report.signoffs {
                    guard let day = status.at?.day else { continue }
                    #expect(lines.contains { $0.contains(day) }, "\(path): \(status.role)'s date \(day) is broken")
                }
                let text = lines.joined(separator: " ")
                #expect(text.contains(EvidenceDigest.shortForm(report.evidenceDigest)), "\(path)")
                #expect(text.filter { !$0.isWhitespace }.contains(report.evidenceDigest), "\(path)")
                let ids = report.items.map(\.id).filter { $0.contains("/") }
                let printed = ids.filter { text.contains($0) }
                #expect(printed.isEmpty, "\(path): item ids on paper: \(printed)")
                // The page with the sign-off heading holds the whole block: the digest line and every role after it.
                let heading = pages.firstIndex { page in page.contains { $0.hasPrefix("Evidence digest ") && $0.contains("sign only if") } }
                let block = try #require(heading, "\(path): no signature block")
                let after = pages[block].drop { !($0.hasPrefix("Evidence digest ") && $0.contains("sign only if")) }
                for role in Self.roles {
                    #expect(after.contains { $0.contains(role) }, "\(path): \(role) is not on the signature block's page")
                }
            }
        }
    }

    private func expectFinalSheetText(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for role in Self.roles {
            #expect(text.contains(role), "\(role)", sourceLocation: sourceLocation)
        }
        for name in ["Daniel Okafor", "Priya Raman", "Marta Kowalczyk", "Sofia Lindqvist"] {
            #expect(text.contains(name), "\(name)", sourceLocation: sourceLocation)
        }
        #expect(text.components(separatedBy: "Approved").count - 1 == 4, sourceLocation: sourceLocation)
        #expect(text.contains(" GO "), sourceLocation: sourceLocation)
        #expect(!text.contains("NO-GO"), sourceLocation: sourceLocation)
        let digest = try #require(SiteFixture.sheetDigest(try SiteFixture.exampleText("runs/\(Self.finalRun)/signoff.html")),
                                  sourceLocation: sourceLocation)
        // A long digest may wrap in the PDF; it must be there once whitespace is ignored.
        #expect(text.filter { !$0.isWhitespace }.contains(digest), sourceLocation: sourceLocation)
    }

    @Test func theRunPageDOMHasEveryItemInItsState() throws {
        let fixture = try Fixture()
        let tools = try BrowserTools.require()
        for (run, verdict) in [(Self.finalRun, "GO"), (Self.rejectedRun, "NO-GO")] {
            let path = "runs/\(run)/index.html"
            let (dom, log) = try tools.dumpDOM(try Self.page(path), profile: fixture.path("profile"))
            Self.expectNoPolicyViolations(log, path)
            #expect(dom.contains("<span class=\"verdict-word\">\(verdict)</span>"), "\(run)")
            let states = Self.domStates(dom)
            let expected = try Self.reportStates(run)
            #expect(expected.count == 177)
            #expect(states.count == expected.count, "\(run)")
            for (id, state) in expected.sorted(by: { $0.key < $1.key }) {
                #expect(states[Anchor.item(id)] == state, "\(run): \(id)")
            }
        }
        // The states the brief names, looked up by anchor.
        let (finalDOM, _) = try tools.dumpDOM(try Self.page("runs/\(Self.finalRun)/index.html"), profile: fixture.path("profile"))
        let billing = try #require(Self.domStates(finalDOM).first { $0.key.hasSuffix("billing-alerts-configured") })
        #expect(billing.key == "item-pre-deployment-requirements--infrastructure-readiness--aws-account-setup--billing-alerts-configured")
        #expect(billing.value == "pass")
        let (rejected, _) = try tools.dumpDOM(try Self.page("runs/\(Self.rejectedRun)/index.html"), profile: fixture.path("profile"))
        #expect(Self.domStates(rejected).values.contains("fail"))
        #expect(rejected.contains("<tr class=\"decision-reject binding-unbound\"><th scope=\"row\"><a href=\"#item-sign-off--security-lead\">Security Lead</a></th><td>Rejected <span class=\"signoff-mark\">(unbound: signed without an evidence digest)</span></td>"))
    }

    @Test func theSheetDOMHasTheRolesVerdictAndDigest() throws {
        let fixture = try Fixture()
        let tools = try BrowserTools.require()
        let path = "runs/\(Self.finalRun)/signoff.html"
        let (dom, log) = try tools.dumpDOM(try Self.page(path), profile: fixture.path("profile"))
        Self.expectNoPolicyViolations(log, path)
        for role in Self.roles {
            #expect(dom.contains("<th scope=\"row\">\(role)</th>"), "\(role)")
        }
        #expect(dom.components(separatedBy: "<td class=\"decision\">Approved<span class=\"signoff-mark\">unbound").count - 1 == 4)
        #expect(dom.contains("<span class=\"verdict-word\">GO</span>"))
        let digest = try #require(SiteFixture.sheetDigest(dom))
        #expect(digest == (try SiteFixture.sha256sum(try Self.page("runs/\(Self.finalRun)/report.json").path)))
    }

    @Test func theFrontPageDOMLinksEachStreamsLatestRun() throws {
        let fixture = try Fixture()
        let tools = try BrowserTools.require()
        let (dom, log) = try tools.dumpDOM(try Self.page("index.html"), profile: fixture.path("profile"))
        Self.expectNoPolicyViolations(log, "index.html")
        #expect(dom.contains("<main id=\"main\">"))
        for run in [Self.finalRun, "staging-2026-11-12-1"] {
            #expect(dom.contains("href=\"runs/\(run)/index.html\""), "\(run)")
            #expect(dom.contains("href=\"runs/\(run)/signoff.html\""), "\(run)")
        }
        #expect(dom.contains("production"))
        #expect(dom.contains("staging"))
    }
}
