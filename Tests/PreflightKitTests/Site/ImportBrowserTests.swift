import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightRuns

/// A run filled by `preflight import` and `record --attach`, built into a site and opened in
/// headless Chromium: the run page shows the imported summaries, every attachment link reaches
/// a file of the site, and a script inside an attached HTML or SVG file never runs.
@Suite(.serialized, .enabled(if: BrowserTools.shouldRun,
    "SKIPPED: chromium, pdftotext or pdfinfo not found on PATH (set CI=1 or PREFLIGHT_REQUIRE_BROWSER=1 to fail instead)"))
struct ImportBrowserTests {
    /// Each script marks the document in a way its own source text does not contain
    /// (the attribute value is built by concatenation), so the mark means the script ran.
    static let evilHTML = """
        <!doctype html><html><head><title>attached</title></head><body><p>report</p>
        <script>document.title = 'PWN' + 'ED'; document.body.setAttribute('data-ran', 'scr' + 'ipt');</script></body></html>

        """
    static let evilSVG = """
        <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">
        <script>document.documentElement.setAttribute('data-ran', 'scr' + 'ipt');</script><rect width="10" height="10"/></svg>

        """
    static let marker = #"data-ran="script""#

    static let cobertura = """
        <?xml version="1.0" ?>
        <!DOCTYPE coverage SYSTEM "http://cobertura.sourceforge.net/xml/coverage-04.dtd">
        <coverage line-rate="0.834" branch-rate="0.7" lines-covered="834" lines-valid="1000" version="7.0" timestamp="1">
        <packages/></coverage>

        """
    static let sarif = """
        {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "Semgrep", "rules": [{"id": "python.eval", "properties": {"security-severity": "8.1"}}]}},
          "results": [{"ruleId": "python.eval", "level": "error", "message": {"text": "eval of user input"},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": "app.py"}, "region": {"startLine": 12}}}]}]}]}

        """

    /// The report files: from the real tools when their virtualenv is there, else written by hand.
    static func reports(in ws: ImportCommandTests.Workspace) throws -> (junit: String, coverage: String, sarif: String) {
        let venv = RealToolImportTests.venv
        if FileManager.default.isExecutableFile(atPath: venv + "/ruff") {
            let tools = RealToolImportTests()
            try ws.dir.write("test_sample.py", RealToolImportTests.tests)
            try ws.dir.write("app.py", RealToolImportTests.app)
            try tools.tool("coverage", ["run", "-m", "pytest", "-q", "-p", "no:cacheprovider", "--junitxml=junit.xml", "test_sample.py"], in: ws.dir)
            try tools.tool("coverage", ["xml", "-o", "coverage.xml"], in: ws.dir)
            try tools.tool("ruff", ["check", "--no-cache", "--select", "E711,S", "--output-format", "sarif", "-o", "ruff.sarif", "app.py"], in: ws.dir)
            print("ImportBrowserTests: report files from the real tools in \(venv)")
            return (ws.dir.url("junit.xml"), ws.dir.url("coverage.xml"), ws.dir.url("ruff.sarif"))
        }
        print("ImportBrowserTests: hand-written report files (no \(venv))")
        return (try ws.dir.write("junit.xml", ImportCommandTests.junit), try ws.dir.write("coverage.xml", cobertura),
                try ws.dir.write("scan.sarif", sarif))
    }

    /// The `href`s of a DOM's evidence links into attachment folders.
    static func attachmentLinks(_ dom: String) -> [String] {
        dom.matches(of: /<a href="([^"]*\/attachments\/[0-9a-f]{64}\/[^"]+)"/).map { String($0.1) }
    }

    @Test func anImportedRunShowsItsSummariesAndItsAttachmentsAreInertText() throws {
        let tools = try BrowserTools.require()
        let ws = try ImportCommandTests.Workspace()
        let run = try ws.startRun()
        let files = try Self.reports(in: ws)
        let html = try ws.dir.write("evil.html", Self.evilHTML)
        let svg = try ws.dir.write("evil.svg", Self.evilSVG)
        for arguments in [
            ["import", "junit", run, files.junit, "--item", "all-unit-tests-passing"],
            ["import", "coverage", run, files.coverage, "--item", "test-coverage-80", "--min", "80"],
            ["import", "sarif", run, files.sarif, "--item", "static-code-analysis-completed"],
            ["record", run, "--item", "container-images-scanned-for-vulnerabilities", "--status", "pass", "--attach", html, "--attach", svg],
        ] {
            let outcome = try ws.run(arguments + ["--content", ws.content])
            #expect(outcome.status == 0, "\(arguments): \(outcome.stderr)")
        }
        let summaries = try ws.results(run).compactMap { $0["summary"]?.text }
        #expect(summaries.count == 3)

        let site = ws.dir.url("_site")
        let build = try ws.run(["build", "--content", ws.content, "--runs", ws.dir.url("runs"), "--templates", SiteFixture.templates,
                                "--public", SiteFixture.publicDir, "--schema", SiteFixture.schema, "--output", site])
        #expect(build.status == 0, "\(build.stderr)")
        #expect(build.stderr.contains(", 0 problem(s) in "), "\(build.stderr)")

        let pageFolder = URL(fileURLWithPath: site + "/runs/r1/")
        let (dom, log) = try tools.dumpDOM(pageFolder.appendingPathComponent("index.html"), profile: ws.dir.url("profile"))
        BrowserTests.expectNoPolicyViolations(log, "runs/r1/index.html")
        for summary in summaries {
            #expect(dom.contains("<p class=\"summary\">\(summary)</p>"), "\(summary)")
        }
        // Details the importers wrote are on the page too: the failing test, the SARIF rule.
        #expect(dom.contains("<summary>Details</summary>"))

        let links = Self.attachmentLinks(dom)
        // junit.xml, coverage.xml, the SARIF file, evil.html and evil.svg.
        #expect(links.count == 5, "\(links)")
        for link in links {
            #expect(FileManager.default.fileExists(atPath: pageFolder.appendingPathComponent(link).standardized.path), "\(link)")
        }
        // Each is listed as its name and size.
        for (name, text) in [("evil.html", Self.evilHTML), ("evil.svg", Self.evilSVG)] {
            #expect(dom.contains(">\(name) (\(ByteCount.format(text.utf8.count)))</a>"), "\(name)")
        }
        let evil = links.filter { $0.contains("/evil.") }
        #expect(evil.map { ($0 as NSString).lastPathComponent }.sorted() == ["evil.html.txt", "evil.svg.txt"])

        // The control: opened under their own names, both scripts run in this Chromium.
        for file in [html, svg] {
            let (own, _) = try tools.dumpDOM(URL(fileURLWithPath: file), profile: ws.dir.url("profile"))
            #expect(own.contains(Self.marker), "the script of \(file) should run when opened as itself")
        }
        // Through the site's links, they are text: the scripts stay words on the page.
        for link in evil {
            let url = pageFolder.appendingPathComponent(link).standardized
            let (opened, _) = try tools.dumpDOM(url, profile: ws.dir.url("profile"))
            #expect(!opened.contains(Self.marker), "\(link) ran its script")
            #expect(!opened.contains("<title>PWNED</title>"), "\(link) ran its script")
            #expect(opened.contains("setAttribute('data-ran', 'scr' + 'ipt')"), "\(link) is shown as its text")
        }
    }
}
