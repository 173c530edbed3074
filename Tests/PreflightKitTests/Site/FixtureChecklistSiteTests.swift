import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightSite

/// End to end on the realistic fixture checklists: what a reader of a public-style checklist sees.
@Suite struct FixtureChecklistSiteTests {
    typealias Site = FixtureChecklistSite

    @Test func wrappedLabelsAreWholeSentences() throws {
        let page = try Site.runPage(Site.serviceRuns[0])
        #expect(page.contains("the service keeps serving reads when its primary database fails over, and the failover has been exercised in staging within the last quarter.</span>"))
        let front = try Site.runPage(Site.frontendRun)
        #expect(front.contains("every page has a meta description that doesn’t possess more than 150 characters.</span>")
            || front.contains("every page has a meta description that doesn't possess more than 150 characters.</span>"))
    }

    @Test func aCodeBlockBetweenItemsStandsBetweenThem() throws {
        let page = try Site.runPage(Site.serviceRuns[0])
        let checklist = Fixture.parseFile(Site.checklists + "/service-readiness.md").checklist
        let boring = try #require(checklist.items.first { $0.text.hasPrefix("Choose boring technology") })
        let capacity = try #require(checklist.items.first { $0.id.hasSuffix("/capacity") })
        let before = try #require(page.range(of: "id=\"\(Anchor.item(boring.id))\""))
        let code = try #require(page.range(of: "http_client:"))
        let after = try #require(page.range(of: "id=\"\(Anchor.item(capacity.id))\""))
        #expect(before.lowerBound < code.lowerBound && code.lowerBound < after.lowerBound)
    }

    @Test func bareURLsAreLinks() throws {
        let page = try Site.runPage(Site.serviceRuns[0])
        #expect(page.contains("<a href=\"https://12factor.net/logs\">https://12factor.net/logs</a>"))
        #expect(page.contains("<a href=\"https://boringtechnology.club\">https://boringtechnology.club</a>"))
        #expect(page.contains("<a href=\"http://www.example.org/api-limits\">www.example.org/api-limits</a>"))
    }

    @Test func alertsAreCalloutsAndQuotesAreQuotes() throws {
        let page = try Site.runPage(Site.serviceRuns[0])
        #expect(page.contains("class=\"callout callout-note\""))
        #expect(page.contains("class=\"callout callout-warning\""))
        #expect(page.contains("class=\"callout callout-tip\""))
        #expect(!page.contains("[!NOTE]") && !page.contains("[!TIP]") && !page.contains("[!WARNING]"))
        #expect(page.contains("<blockquote>\n<p>Reliability is a feature"))
        #expect(try Site.runPage(Site.frontendRun).contains("class=\"callout callout-important\""))
    }

    @Test func theChecklistsOwnTableOfContentsLinksResolve() throws {
        for run in Site.serviceRuns + [Site.frontendRun] {
            let page = try Site.runPage(run)
            #expect(Site.unresolvedFragments(page).isEmpty, "\(run): \(Site.unresolvedFragments(page))")
        }
        let page = try Site.runPage(Site.serviceRuns[0])
        for anchor in ["-table-of-contents", "how-to-use-this-list", "the-checklist", "stability-and-reliability",
                       "scalability--performance", "monitoring", "documentation", "further-reading"] {
            #expect(page.contains("href=\"#\(anchor)\""), "\(anchor)")
            #expect(page.contains("id=\"\(anchor)\""), "\(anchor)")
        }
    }

    @Test func duplicateHeadingsGetNumberedAnchorsAndHeadingLinksStay() throws {
        let page = try Site.runPage(Site.frontendRun)
        #expect(page.contains("id=\"notes\""))
        #expect(page.contains("id=\"notes-1\""))
        #expect(page.contains("<a href=\"https://web.example.dev/images\">Images</a>"))
    }

    @Test func remoteImagesAreLinksAndRawHTMLKeepsItsText() throws {
        let page = try Site.runPage(Site.frontendRun)
        let images = page.components(separatedBy: "<img").dropFirst().map { String($0.prefix { $0 != ">" }) }
        #expect(images == [" src=\"../../icons/preflight.svg\" alt=\"\" width=\"20\" height=\"20\""], "only the site's own logo")
        #expect(page.contains("href=\"https://img.shields.io/badge/version-3.1-blue.svg\""))
        #expect(page.contains(">Version</a>"))
        #expect(page.contains("Press Tab through the page"))
        #expect(!page.contains("<kbd>") && !page.contains("raw HTML omitted"))
        #expect(page.contains("Why alt text matters"))
        #expect(!page.contains("<details><summary>Why alt text matters"))
    }

    @Test func repeatedBoldLeadsTakeTheirIdsFromTheLabel() throws {
        let checklist = Fixture.parseFile(Site.checklists + "/service-readiness.md").checklist
        let resiliency = checklist.items.filter { $0.text.hasPrefix("Resiliency") }.map(\.id)
        #expect(resiliency.count == 3)
        #expect(!resiliency.contains { $0.hasSuffix("/resiliency") || $0.hasSuffix("/resiliency-2") })
        #expect(resiliency.allSatisfy { $0.contains("/resiliency-") })
        #expect(Set(resiliency).count == 3)
        #expect(checklist.items.contains { $0.id == "the-checklist/monitoring/logging" })
        let boring = try #require(checklist.items.first { $0.text.hasPrefix("Choose boring") })
        #expect(!boring.id.contains("http"), "\(boring.id)")
    }

    @Test func byStreamSectionsUseTheLevelBelowTheWrapperHeading() throws {
        let trend = try Site.text("trends/service-readiness/staging/index.html")
        for title in ["Stability and Reliability", "Scalability &amp; Performance", "Monitoring", "Documentation"] {
            #expect(trend.contains(title), "\(title)")
        }
        let history = try Site.text("trends/service-readiness/staging/history.json")
        #expect(history.contains("\"the-checklist/monitoring\""))
        let sheet = try Site.text("runs/\(Site.serviceRuns[2])/signoff.html")
        #expect(sheet.contains("<td>Monitoring</td>"))
        #expect(!sheet.contains("<td>The Checklist</td>"))
    }

    @Test func changeListsTellWaivedAndLapsedApartFromFixed() throws {
        let page = try Site.runPage(Site.serviceRuns[1])
        let changes = try #require(page.components(separatedBy: "id=\"changes-heading\"").last?.components(separatedBy: "</section>").first)
        let fixed = try #require(changes.components(separatedBy: "<h3>Fixed</h3>").last?.components(separatedBy: "</ul>").first)
        #expect(fixed.contains("Alerting"))
        #expect(!fixed.contains("Capacity"))
        let waived = try #require(changes.components(separatedBy: "<h3>Newly waived</h3>").dropFirst().first?.components(separatedBy: "</ul>").first)
        #expect(waived.contains("Capacity") && waived.contains("fail → waived"))
        let lapsed = try #require(changes.components(separatedBy: "<h3>No longer known</h3>").dropFirst().first?.components(separatedBy: "</ul>").first)
        #expect(lapsed.contains("Dashboards") && lapsed.contains("pass → pending"))
    }

    @Test func pendingRowsAreNeutral() throws {
        let page = try Site.runPage(Site.frontendRun)
        let checklist = Fixture.parseFile(Site.checklists + "/frontend-launch.md").checklist
        let viewport = try #require(checklist.items.first { $0.text.hasPrefix("Viewport") })
        let row = try #require(Site.row(page, anchor: Anchor.item(viewport.id)))
        #expect(row.contains(" open") && !row.contains("failing"))
        #expect(row.contains("state-pending"))
    }

    @Test func theRolelessSheetHasSignatureRowsAndTheRuleInWords() throws {
        let sheet = try Site.text("runs/\(Site.frontendRun)/signoff.html")
        #expect(sheet.components(separatedBy: "<td class=\"signature-line\"><span class=\"signature-space\"></span></td>").count - 1 == 2)
        #expect(sheet.contains("This checklist defines no sign-off roles"))
        #expect(sheet.contains("<h2>Verdict rule</h2>"))
    }

    @Test func theNoGoCardSaysWhy() throws {
        let home = try Site.text("index.html")
        #expect(!home.contains("Open blockers: None"))
        #expect(home.contains("<h4>Why not GO</h4>"))
    }
}

/// A checklist written as a table of ☐ boxes has no task items: the error says what was found.
@Suite struct UnreadBoxesFixtureTests {
    @Test func aTableOfBoxesIsRefusedWithWhereTheBoxesAreAndTheFormToUse() throws {
        let parsed = Fixture.parseFile(FixtureChecklistSite.unread)
        #expect(parsed.checklist.items.isEmpty)
        let error = try #require(parsed.diagnostics.first { $0.severity == .error })
        #expect(error.message.contains("no task items"), "\(error.message)")
        #expect(error.message.contains("5 boxes in table rows (lines 7, 8, 9, …)"), "\(error.message)")
        #expect(error.message.contains("2 boxes at the start of lines (lines 15, 17)"), "\(error.message)")
        #expect(error.message.contains("- [ ] "), "\(error.message)")
    }
}
