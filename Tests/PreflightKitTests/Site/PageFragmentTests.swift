import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport
@testable import PreflightHistory
@testable import PreflightSite

/// Run pages, sheets and their layout render from fragments cached by model shape; the bytes
/// must be those Mustache renders from the real model, whether the shape was new or known.
@Suite("Pages from placeholders")
struct PageFragmentTests {
    @Test func everyExamplePageEqualsDirectRendering() throws {
        let templates = try TemplateLibrary.load(SiteFixture.templates)
        let cache = FragmentCache(templates: templates)
        let rows = ItemRowRenderer(fragments: cache)
        let library = try ChecklistLibrary.load(SiteFixture.checklists)
        var problems: [Diagnostic] = []
        let streams = StreamSet.mergeReports(archive: RunArchive.scan(SiteFixture.runs), library: library, problems: &problems)
        var compared = 0
        for (checklist, _, reports) in streams {
            var previous: RunSummary?
            for report in reports {
                let context = RunContext(checklist: checklist, summarySections: checklist.summarySections, report: report,
                                         summary: RunSummary(report, checklist: checklist),
                                         archive: SiteFixture.runs, previous: previous, next: nil, digest: "d1g35t")
                let page = try RunPage(context, rows: rows, blocks: cache)
                let sheet = SignoffPage(context)
                let layout = LayoutView(root: "../../", pageTitle: page.pageTitle, bodyClass: "run", stylesheets: ["x.css"],
                                        content: RawHTML("<p>a & b</p>"), version: "1.0", siteTitle: "Acme & <Co>")
                // Twice: the first call may render the shape, the second fills a known one.
                for _ in 0..<2 {
                    #expect(try cache.render("run", page).renderText == templates.render("run", page), "\(report.run.id)")
                    #expect(try cache.render("signoff", sheet).renderText == templates.render("signoff", sheet), "\(report.run.id)")
                    #expect(try cache.render("signoff", SignoffPage(context, paper: .letter)).renderText
                            == templates.render("signoff", SignoffPage(context, paper: .letter)), "\(report.run.id)")
                    #expect(try cache.render("layout", layout).renderText == templates.render("layout", layout))
                    let changes = ChangesView(previous, RunSummary(report, checklist: checklist), checklist: checklist)
                    #expect(try cache.render(RunPage.changesTemplate, changes).renderText
                            == templates.render(RunPage.changesTemplate, changes), "\(report.run.id)")
                    compared += 5
                }
                previous = RunSummary(report, checklist: checklist)
            }
        }
        #expect(compared == 18 * 10)
    }

    /// Texts differ between two models of one shape; emptiness, presence and list lengths do not.
    @Test func shapeKeepsFlagsListsAndEmptinessButNotTexts() {
        func shape(_ view: ChangesView) -> [UInt8] {
            var shape = ModelShape(template: "t")
            view.recordShape(&shape)
            return shape.key
        }
        let change = ChangeView(href: "#a", id: "a", text: "A", from: "pass", to: "fail")
        var other = change
        other.text = "Something else & more"
        let base = ChangesView(checklistTitle: "C", environment: "e", previous: nil, newlyFailing: [change], fixed: [], newlyWaived: [], noLongerKnown: [], newBlockers: [], none: false)
        #expect(shape(base) == shape(ChangesView(checklistTitle: "C", environment: "e", previous: nil, newlyFailing: [other], fixed: [], newlyWaived: [], noLongerKnown: [], newBlockers: [], none: false)))
        #expect(shape(base) != shape(ChangesView(checklistTitle: "C", environment: "e", previous: nil, newlyFailing: [change, change], fixed: [], newlyWaived: [], noLongerKnown: [], newBlockers: [], none: false)))
        #expect(shape(base) != shape(ChangesView(checklistTitle: "C", environment: "e", previous: nil, newlyFailing: [], fixed: [change], newlyWaived: [], noLongerKnown: [], newBlockers: [], none: false)))
        #expect(shape(base) != shape(ChangesView(checklistTitle: "C", environment: "e", previous: LinkView(href: "h", text: "t"), newlyFailing: [change], fixed: [],
                                                 newlyWaived: [], noLongerKnown: [], newBlockers: [], none: false)))
        #expect(shape(base) != shape(ChangesView(checklistTitle: "C", environment: "e", previous: nil, newlyFailing: [change], fixed: [], newlyWaived: [], noLongerKnown: [], newBlockers: [], none: true)))
        #expect(shape(base) != shape(ChangesView(checklistTitle: "C", environment: "e", previous: nil, newlyFailing: [change], fixed: [],
                                                 newlyWaived: [change], noLongerKnown: [], newBlockers: [], none: false)))
        #expect(shape(base) != shape(ChangesView(checklistTitle: "C", environment: "e", previous: nil, newlyFailing: [change], fixed: [],
                                                 newlyWaived: [], noLongerKnown: [change], newBlockers: [], none: false)))
        var empty = change
        empty.text = ""
        #expect(shape(base) != shape(ChangesView(checklistTitle: "C", environment: "e", previous: nil, newlyFailing: [empty], fixed: [], newlyWaived: [], noLongerKnown: [], newBlockers: [], none: false)))
    }

    /// A template that tests a text with `empty(...)` still renders what the real text gives.
    @Test func emptyTextTestsRenderAsDirectly() throws {
        let fixture = try Fixture()
        let templates = try SiteFixture.copyTemplates(into: fixture)
        try "{{#empty(word)}}<i>no word</i>{{/empty(word)}}{{^empty(word)}}<b>{{word}}</b>{{/empty(word)}}\n"
            .write(toFile: templates + "/word.mustache", atomically: true, encoding: .utf8)
        let library = try TemplateLibrary.load(templates)
        let cache = FragmentCache(templates: library)
        for word in ["GO", "", "NO-GO <&>", ""] {
            var verdict = VerdictView(.go)
            verdict.word = word
            let direct = try library.render("word", verdict)
            #expect(try cache.render("word", verdict).renderText == direct, "\(word)")
            #expect(direct == (word.isEmpty ? "<i>no word</i>\n" : "<b>\(HTMLEscaping.escape(word))</b>\n"))
        }
    }
}
