import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport
@testable import PreflightHistory
@testable import PreflightSite

@Suite("Dashboard, trend pages, feed and badges of the example history")
struct DashboardSiteTests {
    /// Builds the example site into a fresh temp folder and returns the site folder.
    static func buildExample() throws -> String {
        let fixture = try Fixture()
        let output = fixture.path("_site")
        _ = try SiteBuilder(options: ExampleHistory.options(output: output)).build()
        return output
    }

    static func read(_ site: String, _ path: String) throws -> String {
        try String(contentsOfFile: site + "/" + path, encoding: .utf8)
    }

    @Test func dashboardPutsBothEnvironmentsSideBySide() throws {
        let site = try Self.buildExample()
        let html = try Self.read(site, "index.html")
        let groups = html.components(separatedBy: "<section class=\"stream-group\"").dropFirst()
        #expect(groups.count == 1)
        let group = try #require(groups.first)
        let cards = group.components(separatedBy: "<section class=\"card\"").dropFirst()
        #expect(cards.count == 2)
        // Staging started first, so it leads; production says how far it trails.
        #expect(cards.first?.contains("<span class=\"env\">staging</span>") == true)
        #expect(cards.last?.contains("<span class=\"env\">production</span>") == true)
        #expect(cards.last?.contains("4 points behind staging (PENDING 100% on 2026-11-12)") == true)
        #expect(cards.first?.contains("verdict-pending") == true)
        #expect(cards.last?.contains("verdict-go") == true)
        #expect(cards.last?.contains("<span class=\"verdict-word\">GO</span>") == true)
        #expect(cards.first?.contains("href=\"trends/production-deployment/staging/index.html\"") == true)
        #expect(cards.first?.contains("href=\"runs/staging-2026-11-12-1/index.html\"") == true)
        #expect(cards.last?.contains("href=\"runs/production-2026-11-16-1/signoff.html\"") == true)
        #expect(cards.first?.contains("Readiness over the last 14 runs") == true)
        #expect(cards.last?.contains("Readiness over the last 4 runs") == true)
        for svg in XML.svgFragments(html) { _ = try XML.document(svg) }
        #expect(XML.svgFragments(html).count == 2)
    }

    @Test func openBlockersAppearOnTheCard() throws {
        // Production run 3 has a critical vulnerability present: a site built up to it shows the blocker.
        let fixture = try Fixture()
        let runs = fixture.path("runs")
        try FileManager.default.createDirectory(atPath: runs, withIntermediateDirectories: true)
        for id in ["production-2026-10-20-1", "production-2026-11-02-1", "production-2026-11-09-1"] {
            try FileManager.default.copyItem(atPath: ExampleHistory.root + "/content/runs/" + id, toPath: runs + "/" + id)
        }
        _ = try SiteBuilder(options: ExampleHistory.options(runs: runs, output: fixture.path("_site"))).build()
        let html = try Self.read(fixture.path("_site"), "index.html")
        #expect(html.contains("runs/production-2026-11-09-1/index.html#item-gono-go-decision--no-go-criteria-any-one-blocks--critical-security-vulnerabilities"))
        #expect(!html.contains("<p class=\"no-blockers\">None.</p>"))
    }

    @Test func trendPageShowsChartMatrixAndFindings() throws {
        let site = try Self.buildExample()
        let html = try Self.read(site, "trends/production-deployment/staging/index.html")
        #expect(html.contains("class=\"chart readiness-chart\""))
        #expect(html.contains("<title>Readiness of Production Deployment Checklist in staging over 14 runs: 64% in the first run (staging-2026-09-28-1), 100% in the latest (staging-2026-11-12-1, PENDING)</title>"))
        let svgs = XML.svgFragments(html)
        #expect(svgs.count == 4)  // the chart and three top-level sections
        for svg in svgs { _ = try XML.document(svg) }
        #expect(html.contains("<table class=\"matrix\">"))
        #expect(html.contains("<td class=\"s-fail\" title=\"fail\">✖</td>"))
        #expect(html.components(separatedBy: "<th scope=\"col\" class=\"run-col\">").count - 1 == 14)
        #expect(html.contains("<a href=\"../../../runs/staging-2026-09-28-1/index.html\" title=\"staging-2026-09-28-1 · 2026-09-28 · NO-GO\">1</a>"))
        // Rows that were not always passing come before steady ones.
        let firstSteady = try #require(html.range(of: "<tr class=\"steady\">"))
        let crossRegion = try #require(html.range(of: ">Cross-region replication configured</a>"))
        #expect(crossRegion.lowerBound < firstSteady.lowerBound)
        #expect(html.contains("Circuit breakers tested under load</a> <code>pre-deployment-requirements/testing/load-testing/circuit-breakers-tested-under-load</code>: <b>6 flips</b>"))
        #expect(html.contains("No run of this stream has reached GO yet."))
        #expect(html.contains("Runs 1–14 of 14, newest first (page 1 of 1)"))
        #expect(!html.contains("class=\"pagination\""))

        let production = try Self.read(site, "trends/production-deployment/production/index.html")
        #expect(production.contains("review-cost-metrics"))
        #expect(production.contains("<code>production-2026-11-09-1</code></a> (2026-11-09)</td><td>2</td><td>6.7</td>"))  // 2 runs, 6.7 days
        #expect(production.contains("first run <a href=\"../../../runs/production-2026-10-20-1/index.html\"><code>production-2026-10-20-1</code></a></td><td>3</td><td>26.8</td>"))
    }

    @Test func historyJSON() throws {
        let site = try Self.buildExample()
        let data = try Data(contentsOf: URL(fileURLWithPath: site + "/trends/production-deployment/staging/history.json"))
        let document = try JSONDecoder().decode(HistoryDocument.self, from: data)
        #expect(document.checklist == "production-deployment")
        #expect(document.environment == "staging")
        #expect(document.points.count == 14)
        #expect(document.points.first?.run == "staging-2026-09-28-1")
        #expect(document.points.first?.sections["pre-deployment-requirements"] == 0.5833333333333334)
        #expect(document.items[StreamHistoryTests.circuitBreakers] ==
            [.pending, .pending, .pass, .pass, .pass, .fail, .pass, .fail, .fail, .pass, .fail, .pass, .pass, .pass])
        #expect(document.items.values.allSatisfy { $0.count == 14 })
        #expect(document.flaky.map(\.id) == [StreamHistoryTests.circuitBreakers])
        #expect(document.longFailing.isEmpty)
        // Deterministic: sorted keys, and the same bytes as encoding the history again.
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"long_failing\":["))
        #expect(try JSONEncoder.canonicalJSON(document) == data)
        let second = try Self.buildExample()
        #expect(try Data(contentsOf: URL(fileURLWithPath: second + "/trends/production-deployment/staging/history.json")) == data)
        #expect(try Self.read(second, "feed.xml") == Self.read(site, "feed.xml"))
    }

    @Test func indexJSON() throws {
        let site = try Self.buildExample()
        let data = try Data(contentsOf: URL(fileURLWithPath: site + "/index.json"))
        let index = try JSONDecoder().decode(SiteIndex.self, from: data)
        #expect(index.streams.map(\.environment) == ["production", "staging"])
        let production = try #require(index.streams.first)
        #expect(production.latest.id == "production-2026-11-16-1")
        #expect(production.latest.verdict == .go)
        #expect(production.latest.counts["warn"] == 1)
        #expect(production.runs == 4)
        #expect(production.pages.trend == "trends/production-deployment/production/index.html")
        #expect(production.pages.badge == "trends/production-deployment/production/badge.svg")
        #expect(production.pages.signoff == "runs/production-2026-11-16-1/signoff.html")
        #expect(index.streams.last?.latest.verdict == .pending)
        #expect(index.streams.last?.latest.readiness == 1)
        for entry in index.streams {
            for path in [entry.pages.trend, entry.pages.history, entry.pages.badge, entry.pages.run, entry.pages.report] {
                #expect(FileManager.default.fileExists(atPath: site + "/" + path), "\(path)")
            }
        }
    }

    @Test func atomFeedParsesAndListsRunsNewestFirst() throws {
        let site = try Self.buildExample()
        let document = try XML.document(try Self.read(site, "feed.xml"))
        let feed = try #require(document.rootElement())
        #expect(feed.name == "feed")
        #expect(feed.elements(forName: "id").first?.stringValue == "tag:preflight,2026:runs")
        #expect(feed.elements(forName: "updated").first?.stringValue == "2026-11-16T09:02:47Z")
        let entries = feed.elements(forName: "entry")
        #expect(entries.count == 18)
        let first = try #require(entries.first)
        #expect(first.elements(forName: "id").first?.stringValue == "tag:preflight,2026:run/production-2026-11-16-1")
        #expect(first.elements(forName: "title").first?.stringValue == "GO 96% · Production Deployment Checklist · production · production-2026-11-16-1")
        #expect(first.elements(forName: "link").first?.xmlString.contains("href=\"runs/production-2026-11-16-1/index.html\"") == true)
        #expect(first.elements(forName: "summary").first?.stringValue?.hasPrefix("Production Deployment Checklist in production, run production-2026-11-16-1: GO, readiness 96%") == true)
        #expect(entries.last?.elements(forName: "id").first?.stringValue == "tag:preflight,2026:run/staging-2026-09-28-1")
        let updated = entries.compactMap { $0.elements(forName: "updated").first?.stringValue }
        #expect(updated == updated.sorted(by: >))
    }

    @Test(arguments: [(Verdict.go, 1.0, "GO 100%"), (.noGo, 0.625, "NO-GO 62%"), (.pending, 0.8, "PENDING 80%")])
    func badgeText(verdict: Verdict, readiness: Double, text: String) throws {
        #expect(Badge.text(verdict, readiness: readiness) == text)
        let svg = Badge.svg(verdict, readiness: readiness)
        let root = try #require(try XML.document(svg).rootElement())
        #expect(root.name == "svg")
        #expect(root.elements(forName: "title").first?.stringValue == "readiness: \(text)")
        #expect(!svg.contains("href"))
        #expect(svg.contains(">\(text)</text>"))
    }

    @Test func exampleBadges() throws {
        let site = try Self.buildExample()
        #expect(try Self.read(site, "trends/production-deployment/production/badge.svg").contains("<title>readiness: GO 96%</title>"))
        #expect(try Self.read(site, "trends/production-deployment/staging/badge.svg").contains("<title>readiness: PENDING 100%</title>"))
    }

    @Test func svgEscapesText() throws {
        let svg = Sparkline.svg([0.5, nil, 1], label: "a <b> & \"c\" 'd'")
        let root = try #require(try XML.document(svg).rootElement())
        #expect(root.elements(forName: "title").first?.stringValue == "a <b> & \"c\" 'd'")
        _ = try XML.document(ReadinessChart.svg([], limit: 200, subject: "<x>"))
    }

    @Test func paginationPast100AndAOneRunStream() throws {
        let fixture = try Fixture()
        try ExampleHistory.writeTinyArchive(fixture, environment: "ci", count: 150)
        try ExampleHistory.writeTinyArchive(fixture, environment: "prod", count: 1, startDay: 200)
        let site = fixture.path("_site")
        let summary = try SiteBuilder(options: ExampleHistory.options(content: fixture.path("checklists"), runs: fixture.path("runs"), output: site)).build()
        #expect(summary.runs == 151)
        #expect(summary.problems.isEmpty)
        let first = try Self.read(site, "trends/tiny/ci/index.html")
        let second = try Self.read(site, "trends/tiny/ci/page-2.html")
        #expect(!FileManager.default.fileExists(atPath: site + "/trends/tiny/ci/page-3.html"))
        func rows(_ html: String) -> Int { html.components(separatedBy: "<tr><td>").count - 1 }
        #expect(rows(first) == 100)
        #expect(rows(second) == 50)
        #expect(first.contains("Runs 51–150 of 150, newest first (page 1 of 2)"))
        #expect(second.contains("Runs 1–50 of 150, newest first (page 2 of 2)"))
        #expect(first.contains("<a href=\"page-2.html\">2</a>"))
        #expect(second.contains("<a href=\"index.html\">1</a>"))
        func runRow(_ id: String) -> String { "<th scope=\"row\"><a href=\"../../../runs/\(id)/index.html\"><code>\(id)</code></a></th><td>" }
        #expect(first.contains(runRow("ci-00150")))
        #expect(!first.contains(runRow("ci-00050")))
        // The feed lists the newest 100 of the 151 runs, newest first, across both streams.
        let atom = try #require(try XML.document(try Self.read(site, "feed.xml")).rootElement())
        let ids = atom.elements(forName: "entry").compactMap { $0.elements(forName: "id").first?.stringValue }
        #expect(ids.count == SiteOptions.defaultFeedEntries)
        #expect(ids.first == "tag:preflight,2026:run/prod-00001")
        #expect(ids.dropFirst().first == "tag:preflight,2026:run/ci-00150")
        #expect(ids.last == "tag:preflight,2026:run/ci-00052")
        #expect(second.contains(runRow("ci-00050")))
        // Every second or third run reaches GO again, yet the time-to-green table keeps to the newest 30.
        let green = try #require(first.components(separatedBy: "<table class=\"time-to-green\">").last?.components(separatedBy: "</table>").first)
        #expect(green.components(separatedBy: "<tr><th scope=\"row\">").count - 1 == 30)
        #expect(first.contains("The newest 30 of 100; history.json lists them all."))
        // The matrix keeps to the newest 30 runs; the chart draws every run up to 200.
        #expect(first.components(separatedBy: "<th scope=\"col\" class=\"run-col\">").count - 1 == 30)
        #expect(first.contains(">121</a></th>") && !first.contains(">120</a></th>"))
        let history = try JSONDecoder().decode(HistoryDocument.self, from: Data(contentsOf: URL(fileURLWithPath: site + "/trends/tiny/ci/history.json")))
        #expect(history.points.count == 150)
        #expect(history.items["checks/alpha"]?.count == 150)
        #expect(history.flaky.map(\.id) == ["checks/alpha"])  // fails every third run: 6 flips in 10

        let single = try Self.read(site, "trends/tiny/prod/index.html")
        #expect(single.contains("over 1 run:"))
        #expect(single.contains("Runs 1–1 of 1"))
        for svg in XML.svgFragments(single) { _ = try XML.document(svg) }
        let dashboard = try Self.read(site, "index.html")
        #expect(dashboard.components(separatedBy: "<section class=\"card\"").count - 1 == 2)
        #expect(try Self.read(site, "trends/tiny/prod/badge.svg").contains("readiness: GO 100%"))
    }
}
