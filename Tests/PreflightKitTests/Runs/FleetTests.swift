import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport
@testable import PreflightHistory
@testable import PreflightSite
@testable import PreflightConfig

/// Issue 14: the dashboard's fleet matrix (services × environments), stale cells, the service
/// pages and the owner beside the service.
@Suite("Fleet matrix and service pages")
struct FleetTests {
    static let checklist = """
        # Fleet Check

        ## Checks

        - [ ] Lint passes {#lint}

        ## Go/No-Go Decision

        ### No-Go Criteria

        - [ ] Critical vulnerabilities {#nogo/vulns}

        """

    /// Five services in staging and production, dated 2020 so that any use of the build's clock
    /// would mark every cell stale; one run of no service. The newest run is beta-p (2020-03-20).
    static func archive() throws -> TempDir {
        let dir = try TempDir()
        try dir.write("checklists/fleet.md", checklist)
        // id, service, owner, environment, started, results (no nogo/vulns result: PENDING)
        let runs: [(String, String?, String?, String, String, [(String, String)])] = [
            ("zeta-s", "zeta", "team-z", "staging", "2020-03-01T09:00:00Z", [("nogo/vulns", "pass"), ("lint", "pass")]),
            ("zeta-p", "zeta", "team-z", "production", "2020-03-18T09:00:00Z", [("nogo/vulns", "fail"), ("lint", "pass")]),
            ("alpha-s", "alpha", "team-a", "staging", "2020-03-17T09:00:00Z", []),
            ("beta-s", "beta", nil, "staging", "2020-03-19T09:00:00Z", [("nogo/vulns", "pass"), ("lint", "pass")]),
            ("beta-p", "beta", nil, "production", "2020-03-20T09:00:00Z", [("nogo/vulns", "pass"), ("lint", "pass")]),
            ("gamma-s", "gamma", "team-g", "staging", "2020-03-10T09:00:00Z", [("nogo/vulns", "fail"), ("lint", "fail")]),
            ("delta-p", "delta", "team-d", "production", "2020-03-19T12:00:00Z", [("lint", "pass")]),
            ("plain-1", nil, nil, "staging", "2020-03-05T09:00:00Z", [("nogo/vulns", "pass")]),
        ]
        for (id, service, owner, environment, started, results) in runs {
            var manifest = #"{"checklist": "fleet", "environment": "\#(environment)", "started_at": "\#(started)""#
            if let service { manifest += #", "service": "\#(service)""# }
            if let owner { manifest += #", "owner": "\#(owner)""# }
            try dir.write("runs/\(id)/run.json", manifest + "}")
            if !results.isEmpty {
                try dir.write("runs/\(id)/probe.json", "[" + results.map { RunsFixtures.result($0.0, $0.1) }.joined(separator: ", ") + "]")
            }
        }
        return dir
    }

    /// The archive built into `site`; the folder lives as long as the value.
    struct Built {
        let dir: TempDir
        let site: String
    }

    static func built(config: String? = nil) throws -> Built {
        let dir = try archive()
        return Built(dir: dir, site: try build(dir, config: config))
    }

    /// Builds the archive into `name`, with `config` as preflight.toml when given.
    static func build(_ dir: TempDir, _ name: String = "site", config: String? = nil) throws -> String {
        var arguments = ["build", "--quiet", "--content", dir.url("checklists"), "--runs", dir.url("runs"), "--output", dir.url(name)]
        if let config { arguments += ["--config", try dir.write("\(name).toml", config)] }
        let outcome = try CLI.run(arguments)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        return dir.url(name)
    }

    static func read(_ site: String, _ path: String) throws -> String {
        try String(contentsOfFile: site + "/" + path, encoding: .utf8)
    }

    /// The service names of the matrix rows, in order.
    static func rowNames(_ html: String) -> [String] {
        html.matches(of: /<th scope="row"><a href="services\/fleet\/([a-z]+)\/index.html">/).map { String($0.1) }
    }

    @Test func rowsAreWorstFirstThenByNameAndTotalsCountTheServicesThatRan() throws {
        let built = try Self.built()
        let site = built.site
        let html = try Self.read(site, "index.html")
        // No-go (gamma, zeta: production), pending (alpha, delta), go (beta); by name within each.
        #expect(Self.rowNames(html) == ["gamma", "zeta", "alpha", "delta", "beta"])
        // Staging ran first, so it is the first column without a configured order.
        #expect(html.contains(#"<thead><tr><th scope="col">Service</th><th scope="col">staging</th><th scope="col">production</th></tr></thead>"#))
        #expect(html.contains(#"<li><span class="env">staging</span> 2 go · 1 pending · 1 no-go of 4 services; 1 with no run</li>"#))
        #expect(html.contains(#"<li><span class="env">production</span> 1 go · 1 pending · 1 no-go of 3 services; 2 with no run</li>"#))
        // The configured pipeline order wins over first appearance.
        let reordered = try Self.built(config: "[site]\nenvironments = [\"production\", \"staging\"]\n")
        let ordered = try Self.read(reordered.site, "index.html")
        #expect(ordered.contains(#"<th scope="col">Service</th><th scope="col">production</th><th scope="col">staging</th>"#))
        #expect(Self.rowNames(ordered) == ["gamma", "zeta", "alpha", "delta", "beta"])
    }

    @Test func totalsTextIsExact() {
        #expect(FleetMatrixView.totals([.go: 38, .pending: 7, .noGo: 5], ran: 50, without: 0)
                == "38 go · 7 pending · 5 no-go of 50 services")
        #expect(FleetMatrixView.totals([.pending: 1], ran: 1, without: 2) == "0 go · 1 pending · 0 no-go of 1 service; 2 with no run")
    }

    @Test func cellsShowVerdictReadinessAndAgeAgainstTheNewestRunAndMarkStaleOnes() throws {
        let dir = try Self.archive()
        let site = try Self.build(dir)
        let html = try Self.read(site, "index.html")
        // zeta's staging run is 19 days older than the newest run (beta-p): stale; its production run is 2 days old.
        #expect(html.contains(#"<tr><th scope="row"><a href="services/fleet/zeta/index.html">zeta</a> <span class="owner">team-z</span></th>"#
            + #"<td class="fleet-go stale"><a href="runs/zeta-s/index.html"><span class="verdict-chip verdict-go"><span aria-hidden="true">✔</span> GO</span> 100%</a>"#
            + #" <span class="age">19 days old</span> <b class="stale-mark">stale</b></td>"#
            + #"<td class="fleet-no-go"><a href="runs/zeta-p/index.html"><span class="verdict-chip verdict-no-go"><span aria-hidden="true">✖</span> NO-GO</span> 100%</a>"#
            + #" <span class="age">2 days old</span></td></tr>"#))
        // 10 days is within the default 14; a service without a run in an environment says so.
        #expect(html.contains(#"<td class="fleet-no-go"><a href="runs/gamma-s/index.html"><span class="verdict-chip verdict-no-go"><span aria-hidden="true">✖</span> NO-GO</span> 0%</a>"#
            + #" <span class="age">10 days old</span></td><td class="fleet-none">no run</td></tr>"#))
        #expect(html.contains(#"<span class="age">under a day old</span></td></tr>"#))
        #expect(html.contains("Ages count back from the newest run in the archive (2020-03-20 09:00 UTC); a latest run more than 14 days older is marked stale."))
        #expect(html.components(separatedBy: "stale-mark").count - 1 == 1)
        // A shorter stale_after marks gamma's 10-day-old run too.
        let strict = try Self.read(try Self.build(dir, "strict", config: "[dashboard]\nstale_after = \"P7D\"\n"), "index.html")
        #expect(strict.contains(#"<td class="fleet-no-go stale"><a href="runs/gamma-s/index.html">"#))
        #expect(strict.components(separatedBy: "stale-mark").count - 1 == 2)
        #expect(strict.contains("a latest run more than 7 days older is marked stale."))
    }

    @Test func theSameArchiveGivesTheSameBytesWhateverTheClock() throws {
        let dir = try Self.archive()
        let first = try Self.build(dir, "first")
        Thread.sleep(forTimeInterval: 1.1)
        let second = try Self.build(dir, "second")
        for page in ["index.html", "services/fleet/zeta/index.html", "services/fleet/alpha/index.html"] {
            #expect(try Data(contentsOf: URL(fileURLWithPath: first + "/" + page)) == Data(contentsOf: URL(fileURLWithPath: second + "/" + page)), "\(page)")
        }
        // The runs are from 2020: judged by the clock, every cell would be stale years ago.
        #expect(try Self.read(first, "index.html").contains(#"<span class="age">3 days old</span></td><td class="fleet-none">no run</td>"#))
        // Ages come from the archive's newest run, never from the build's clock.
        for file in ["Fleet.swift", "FleetMatrixView.swift", "ServicePage.swift", "DashboardPage.swift"] {
            let source = try String(contentsOfFile: RunsFixtures.packageRoot + "/Sources/PreflightSite/" + file, encoding: .utf8)
            #expect(!source.contains("Date("), "\(file) reads the clock")
        }
    }

    @Test func aServicePageListsItsEnvironmentsBlockersAndLinks() throws {
        let built = try Self.built()
        let site = built.site
        let zeta = try Self.read(site, "services/fleet/zeta/index.html")
        #expect(zeta.contains("<title>zeta · Fleet Check</title>"))
        #expect(zeta.contains(#"<h1><span class="service">zeta</span> Fleet Check</h1>"#))
        #expect(zeta.contains(#"<p class="owner-line">Owner: <b>team-z</b></p>"#))
        #expect(zeta.contains(#"<a href="../../../index.html#checklist-fleet">Fleet Check</a> › zeta"#))
        #expect(zeta.contains("The latest run of Fleet Check in each of its 2 environments, in pipeline order."))
        #expect(zeta.contains(#"<h2><span class="env">staging</span> <b class="stale-mark">stale</b></h2>"#))
        #expect(zeta.contains(#"<h2><span class="env">production</span></h2>"#))
        #expect(zeta.contains(#"<p class="run-when">Run <a href="../../../runs/zeta-s/index.html"><code>zeta-s</code></a>, 2020-03-01 09:00 UTC, 19 days old · 1 run</p>"#))
        #expect(zeta.contains(#"<a href="../../../runs/zeta-p/index.html#item-nogo--vulns">Critical vulnerabilities</a>"#))
        for link in ["trends/fleet/zeta/staging/index.html", "trends/fleet/zeta/production/index.html", "trends/fleet/zeta/production/badge.svg",
                     "runs/zeta-s/signoff.html", "runs/zeta-p/signoff.html"] {
            #expect(zeta.contains("href=\"../../../\(link)\""), "\(link)")
            #expect(FileManager.default.fileExists(atPath: site + "/" + link), "\(link)")
        }
        #expect(!zeta.contains("No run in"))
        let alpha = try Self.read(site, "services/fleet/alpha/index.html")
        #expect(alpha.contains("<p>No run in production.</p>"))
        #expect(alpha.contains("<h3>Why not GO</h3>"))
        #expect(try Self.read(site, "index.json").contains(#""service":"services/fleet/alpha/index.html""#))
        // The matrix's row header links to the page.
        #expect(try Self.read(site, "index.html").contains(#"<a href="services/fleet/alpha/index.html">alpha</a> <span class="owner">team-a</span>"#))
    }

    @Test func theOwnerStandsBesideTheServiceOnRunTrendAndSheetPages() throws {
        let built = try Self.built()
        let site = built.site
        let run = try Self.read(site, "runs/zeta-p/index.html")
        #expect(run.contains(#"<a href="../../index.html">Dashboard</a> › <a href="../../services/fleet/zeta/index.html">zeta</a> › "#))
        #expect(run.contains(#"Fleet Check <span class="service">zeta</span> <span class="env">production</span></h1>"#))
        #expect(run.contains(#"<div><dt>Service</dt><dd><a href="../../services/fleet/zeta/index.html">zeta</a></dd></div><div><dt>Owner</dt><dd>team-z</dd></div>"#))
        let trend = try Self.read(site, "trends/fleet/zeta/production/index.html")
        #expect(trend.contains(#"<h1>Fleet Check <span class="service">zeta</span> <span class="env">production</span></h1>"#))
        #expect(trend.contains(#"<p class="owner-line">Owner: <b>team-z</b></p>"#))
        #expect(trend.contains(#"<a href="../../../../services/fleet/zeta/index.html">zeta</a>"#))
        let sheet = try Self.read(site, "runs/zeta-p/signoff.html")
        #expect(sheet.contains(#"<div><dt>Service</dt><dd>zeta</dd></div><div><dt>Owner</dt><dd>team-z</dd></div><div><dt>Environment</dt>"#))
        // A service without an owner shows no owner line.
        let beta = try Self.read(site, "runs/beta-p/index.html")
        #expect(beta.contains(#"<div><dt>Service</dt><dd><a href="../../services/fleet/beta/index.html">beta</a></dd></div>\#n<div><dt>Started</dt>"#))
    }

    @Test func anOwnerIsEscapedWhereverItIsShown() throws {
        let dir = try TempDir()
        try dir.write("checklists/fleet.md", Self.checklist)
        try dir.write("runs/x-1/run.json", #"{"checklist": "fleet", "environment": "staging", "started_at": "2020-03-01", "service": "x", "owner": "R&D <ops>"}"#)
        let site = try Self.build(dir)
        for page in ["index.html", "services/fleet/x/index.html", "runs/x-1/index.html", "runs/x-1/signoff.html", "trends/fleet/x/staging/index.html"] {
            let html = try Self.read(site, page)
            #expect(html.contains("R&amp;D &lt;ops&gt;"), "\(page)")
            #expect(!html.contains("<ops>"), "\(page)")
        }
    }

    @Test func runsOfNoServiceKeepTheirCardsBesideTheMatrix() throws {
        let built = try Self.built()
        let site = built.site
        let html = try Self.read(site, "index.html")
        #expect(html.contains(#"<h3 class="cards-heading">Runs of no service</h3>"#))
        #expect(html.components(separatedBy: "<section class=\"card\"").count - 1 == 1)
        #expect(html.contains(#"<section class="card" aria-label="Fleet Check in staging">"#))
        #expect(html.contains(#"href="runs/plain-1/index.html""#))
        // Cards only for streams of no service: no card per service stream.
        #expect(!html.contains(#"href="trends/fleet/zeta/staging/index.html""#))
        // A checklist without services has no matrix.
        let example = try DashboardSiteTests.buildExample()
        let plain = try String(contentsOfFile: example + "/index.html", encoding: .utf8)
        #expect(!plain.contains("fleet-matrix"))
        #expect(!plain.contains("cards-heading"))
        #expect(!plain.contains("one row per service"))
        #expect(html.contains("A checklist that services run shows them as a matrix, one row per service."))
        #expect(plain.components(separatedBy: "<section class=\"card\"").count - 1 == 2)
        #expect(!FileManager.default.fileExists(atPath: example + "/services"))
    }

    @Test func staleAfterParsesAndABadValueIsAnErrorAtItsPlace() throws {
        let config = try ProjectConfig(text: "[dashboard]\nstale_after = \"PT36H\"\n", path: "preflight.toml")
        #expect(config.siteOptions.staleAfter.seconds == 36 * 3600)
        #expect(config.lines.last == "dashboard.stale_after = \"PT36H\"  # preflight.toml:2")
        #expect(ProjectConfig().siteOptions.staleAfter.seconds == 14 * 86_400)
        #expect(RunAge.words(try #require(ISODuration("PT36H"))) == "36 hours")
        #expect(RunAge.words(try #require(ISODuration("P2W"))) == "14 days")
        for (text, message) in [
            ("[dashboard]\nstale_after = \"14 days\"\n",
             #"preflight.toml:2:15: error: dashboard.stale_after must be an ISO-8601 duration longer than zero such as "P14D" or "PT36H", found "14 days""#),
            ("[dashboard]\nstale_after = \"P0D\"\n",
             #"preflight.toml:2:15: error: dashboard.stale_after must be an ISO-8601 duration longer than zero such as "P14D" or "PT36H", found "P0D""#),
            ("[dashboard]\nstale_after = 14\n", "preflight.toml:2:15: error: dashboard.stale_after: expected a string, found an integer"),
        ] {
            do {
                _ = try ProjectConfig(text: text, path: "preflight.toml")
                Issue.record("accepted \(text)")
            } catch {
                #expect(error.diagnostics.map(\.description) == [message])
            }
        }
    }

    @Test func ageAndStalenessAreJudgedAgainstTheNewestRun() throws {
        let newest = try #require(Timestamp("2020-03-20T09:00:00Z"))
        let age = RunAge(newest: newest.seconds, staleAfter: SiteOptions.defaultStaleAfter)
        let day: Double = 86_400
        #expect(age.text(newest) == "under a day old")
        #expect(age.text(Timestamp(seconds: newest.seconds - day)) == "1 day old")
        #expect(age.text(Timestamp(seconds: newest.seconds - 14 * day)) == "14 days old")
        #expect(!age.isStale(Timestamp(seconds: newest.seconds - 14 * day)))
        #expect(age.isStale(Timestamp(seconds: newest.seconds - 14 * day - 1)))
    }
}
