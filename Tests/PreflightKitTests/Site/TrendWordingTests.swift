import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport
@testable import PreflightHistory
@testable import PreflightSite

@Suite("Trend page counts and the latest run's changes")
struct TrendWordingTests {
    static func render(_ stream: RunStream, options: HistoryOptions) throws -> String {
        let templates = try TemplateLibrary.load(SiteFixture.templates)
        let page = try TrendPage(stream, history: StreamHistory(stream, options: options), blocks: FragmentCache(templates: templates))
        return try templates.render("trend", page)
    }

    @Test func oneFlipIsSingular() throws {
        let html = try Self.render(HistoryFixtures.stream([.pass, .fail]), options: HistoryOptions(flakyFlips: 1, longFailingRuns: 1))
        #expect(html.contains("<b>1 flip</b> in 2 runs"))
        #expect(!html.contains("1 flips"))
        #expect(html.contains(#"<p class="lede">2 runs. "#))
        #expect(html.contains("at least 1 time in the last 10 runs"))
        #expect(html.contains("not passing for at least 1 run in a row, counted from the first failing run"))
        #expect(html.contains("States of 1 item in the last 2 runs"))
    }

    @Test func manyFlipsArePlural() throws {
        let html = try Self.render(HistoryFixtures.stream([.pass, .fail, .pass, .fail]), options: HistoryOptions())
        #expect(html.contains("<b>3 flips</b> in 4 runs"))
        #expect(html.contains("at least 3 times in the last 10 runs"))
    }

    @Test func aOneRunStreamSaysOneRun() throws {
        let html = try Self.render(HistoryFixtures.stream([.pass]), options: HistoryOptions())
        #expect(html.contains(#"<p class="lede">1 run. "#))
        #expect(html.contains("The latest run is the stream's first."))
    }

    @Test func theLatestRunsWaiversAndLapsedResultsAreListed() throws {
        let checklist = HistoryFixtures.flat(2)
        let stream = RunStream(key: StreamKey(checklist: checklist.name, environment: "e"), checklist: checklist, summaries: [
            HistoryFixtures.summary("r1", day: 0, states: [.fail, .pass], checklist: checklist),
            HistoryFixtures.summary("r2", day: 1, states: [.waived, .pending], checklist: checklist),
        ])
        let html = try Self.render(stream, options: HistoryOptions())
        #expect(html.contains(#"<h3>Newly waived</h3><ul class="change-list"><li><a href="../../../runs/r2/index.html#item-i0">Item 0</a>: fail → waived</li>"#))
        #expect(html.contains(#"<h3>No longer known</h3><ul class="change-list"><li><a href="../../../runs/r2/index.html#item-i1">Item 1</a>: pass → pending</li>"#))
        #expect(!html.contains("<h3>Fixed</h3>"))
    }
}
