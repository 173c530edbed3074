import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport
@testable import PreflightHistory
@testable import PreflightSite

@Suite("Summary sections: the rows of \"by section\"")
struct SummarySectionsTests {
    /// Everything under one `## The Checklist`, beside a sign-off section.
    static let wrapped = """
        # Wrapped Release

        Read this first.

        ## The Checklist

        ### Alpha

        - [ ] One {#alpha/one}
        - [ ] Two {#alpha/two}

        ### Beta

        - [ ] Three {#beta/three}

        #### Beta Deep

        - [ ] Four {#beta/deep/four}

        ### Notes Only

        Nothing to check here.

        ## Sign-Off

        - [ ] **Release Manager**: ____

        """

    static func ids(_ markdown: String) -> [String] {
        let checklist = RunsFixtures.checklist(markdown, name: "c")
        return checklist.summarySections.map { checklist.sections[$0].id }
    }

    @Test func aChecklistWrappedInOneHeadingIsSummedUpOneLevelDown() {
        #expect(Self.ids(Self.wrapped) == ["the-checklist/alpha", "the-checklist/beta"])
    }

    @Test func severalTopLevelSectionsStayTheRows() {
        let ids = Self.ids("# T\n\n## A\n\n- [ ] a {#a}\n\n### A1\n\n- [ ] b {#b}\n\n## B\n\n- [ ] c {#c}\n")
        #expect(ids == ["a", "b"])
    }

    @Test func sectionsWithoutCheckItemsDoNotCountOrShow() {
        // Go criteria and sign-offs have no readiness: level 2 holds checks in one section only.
        let markdown = """
            # T

            ## Intro

            Words.

            ## Checks

            ### Build

            - [ ] Lint {#lint}

            ### Deploy

            - [ ] Roll out {#roll}

            ## Go/No-Go Decision

            ### Go Criteria

            - [ ] Tests pass {#go/tests}

            """
        #expect(Self.ids(markdown) == ["checks/build", "checks/deploy"])
    }

    @Test func skippedHeadingLevelsAreFollowed() {
        #expect(Self.ids("# T\n\n## Wrap\n\n#### A\n\n- [ ] a {#a}\n\n#### B\n\n- [ ] b {#b}\n") == ["wrap/a", "wrap/b"])
    }

    @Test func withoutALevelOfSeveralTheTopLevelIsKept() {
        #expect(Self.ids("# T\n\n## Only\n\n### Inner\n\n- [ ] a {#a}\n\n## Empty\n\nText.\n") == ["only", "empty"])
        #expect(Self.ids("# T\n\n- [ ] a {#a}\n") == [])
        #expect(Self.ids("") == [])
    }

    /// The seed's rows are its level-2 sections, as under the old top-level rule.
    @Test func theSeedChecklistKeepsItsTopLevelRows() throws {
        let text = try String(contentsOfFile: RunsFixtures.seedPath, encoding: .utf8)
        let seed = RunsFixtures.checklist(text, name: "production-deployment")
        let ids = seed.summarySections.map { seed.sections[$0].id }
        #expect(ids == ["pre-deployment-requirements", "deployment-steps", "post-deployment"])
        #expect(seed.summarySections.allSatisfy { seed.sections[$0].parent == 0 && seed.sections[$0].level == 2 })
    }

    // MARK: Where the rows are used

    static func wrappedStream() throws -> (RunStream, RunArchiveFixture) {
        let fixture = try RunArchiveFixture(wrapped, name: "wrapped")
        let stream = try HistoryFixtures.merged(fixture, runs: [
            HistoryFixtures.results([("alpha/one", "pass"), ("alpha/two", "fail"), ("beta/three", "pass")]),
            HistoryFixtures.results([("alpha/one", "pass"), ("alpha/two", "pass"), ("beta/three", "pass"), ("beta/deep/four", "pass")]),
        ])
        return (stream, fixture)
    }

    @Test func historyAndHistoryJSONUseTheSummarySections() throws {
        let (stream, _) = try Self.wrappedStream()
        let history = StreamHistory(stream)
        #expect(history.sections.map(\.id) == ["the-checklist/alpha", "the-checklist/beta"])
        #expect(history.sections.map(\.title) == ["Alpha", "Beta"])
        #expect(history.points.map(\.sections) == [["the-checklist/alpha": 0.5, "the-checklist/beta": 0.5],
                                                   ["the-checklist/alpha": 1, "the-checklist/beta": 1]])
        let json = String(decoding: HistoryDocument(history).canonicalJSON(), as: UTF8.self)
        #expect(json.contains(#""sections":{"the-checklist/alpha":0.5,"the-checklist/beta":0.5}"#))
        #expect(!json.contains(#""the-checklist":"#))
    }

    @Test func theTrendPageHasARowPerSummarySection() throws {
        let (stream, _) = try Self.wrappedStream()
        let templates = try TemplateLibrary.load(SiteFixture.templates)
        let page = try TrendPage(stream, history: StreamHistory(stream), blocks: FragmentCache(templates: templates))
        #expect(page.sectionTrends.map(\.title) == ["Alpha", "Beta"])
        let html = try templates.render("trend", page)
        #expect(html.contains(#"<tr><th scope="row">Alpha</th>"#))
        #expect(html.contains(#"<tr><th scope="row">Beta</th>"#))
        #expect(!html.contains(#"<th scope="row">The Checklist</th>"#))
    }

    @Test func theSignoffSheetHasARowPerSummarySection() throws {
        let (stream, fixture) = try Self.wrappedStream()
        let report = try fixture.report("r1")
        let checklist = fixture.checklist
        let context = RunContext(checklist: checklist, summarySections: checklist.summarySections, report: report,
                                 summary: try #require(stream.summaries.first), archive: fixture.runs, previous: nil, next: nil,
                                 digest: "d")
        let sheet = SignoffPage(context, paper: .a4)
        #expect(sheet.sections.map(\.title) == ["Alpha", "Beta"])
        #expect(sheet.sections.map(\.indent) == ["level-3", "level-3"])
        #expect(sheet.sections.map(\.passing) == [1, 1])
        #expect(sheet.sections.map(\.applicable) == [2, 2])
    }
}
