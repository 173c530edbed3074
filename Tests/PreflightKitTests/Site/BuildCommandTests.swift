import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport
@testable import PreflightHistory
@testable import PreflightSite

/// `preflight build` and `preflight verify` end to end: exit codes, problems on the page, digests.
@Suite struct BuildCommandTests {
    static func buildArguments(runs: String = SiteFixture.runs, output: String) -> [String] {
        ["build", "--content", SiteFixture.checklists, "--runs", runs, "--templates", SiteFixture.templates,
         "--public", SiteFixture.publicDir, "--schema", SiteFixture.schema, "--output", output]
    }

    @Test func aCleanBuildExitsZero() throws {
        let fixture = try Fixture()
        let output = fixture.path("_site")
        let result = try CLI.run(Self.buildArguments(output: output))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "")
        // Other pages may join the site; the page count is at least the runs' three files and the front page.
        let line = try #require(result.stderr.firstMatch(of: /^built (.+): 1 checklist\(s\), 18 run\(s\), (\d+) page\(s\), 0 problem\(s\) in [0-9.]+ s\n$/))
        #expect(String(line.1) == output)
        #expect((Int(line.2) ?? 0) >= 18 * 3 + 1)
        #expect(FileManager.default.fileExists(atPath: output + "/runs/production-2026-11-16-1/signoff.html"))

        let quiet = try CLI.run(Self.buildArguments(output: output) + ["--quiet"])
        #expect(quiet.status == 0)
        #expect(quiet.stderr == "")
    }

    @Test func aMalformedRunFileIsShownOnThePageAndExitsOne() throws {
        let fixture = try Fixture()
        let runs = try SiteFixture.copyRuns(into: fixture)
        let broken = runs + "/staging-2026-11-12-1/broken.json"
        try fixture.write("runs/staging-2026-11-12-1/broken.json", "[{\"item\": \"billing-alerts-configured\",\n  \"status\": }]\n")
        let output = fixture.path("_site")
        let result = try CLI.run(Self.buildArguments(runs: runs, output: output))
        #expect(result.status == 1)
        let problem = try #require(result.stderr.split(separator: "\n").first { $0.hasPrefix(broken + ":") }, "\(result.stderr)")
        #expect(problem.contains(": error: "))
        #expect(result.stderr.contains(" 1 problem(s) in "))

        // The site was still written, and the problem is on that run's page only.
        let page = try String(contentsOfFile: output + "/runs/staging-2026-11-12-1/index.html", encoding: .utf8)
        #expect(page.contains("<h2 id=\"problems-heading\">Problems in this run's input</h2>"))
        let shown = try #require(page.firstMatch(of: /<ul class="problems"><li class="problem-error"><code>([^<]*)<\/code><\/li><\/ul>/))
        let text = String(shown.1).replacingOccurrences(of: "&#39;", with: "'")
        #expect(text.hasPrefix("staging-2026-11-12-1/broken.json:2:13: error: malformed JSON"))
        #expect(text.hasSuffix(String(problem.split(separator: ": error: ", maxSplits: 1).last ?? "")))
        let other = try String(contentsOfFile: output + "/runs/staging-2026-11-09-1/index.html", encoding: .utf8)
        #expect(!other.contains("problems-heading"))
    }

    @Test func aBrokenTemplateExitsOneAndSaysTheSiteWasKept() throws {
        let fixture = try Fixture()
        let output = fixture.path("_site")
        let before = try SiteFixture.writeOldSite(output)
        let templates = try SiteFixture.copyTemplates(into: fixture)
        try "{{#verdict}}\n".write(toFile: templates + "/home.mustache", atomically: true, encoding: .utf8)
        var arguments = Self.buildArguments(output: output)
        arguments[arguments.firstIndex(of: SiteFixture.templates) ?? 0] = templates
        let result = try CLI.run(arguments)
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(templates)/home.mustache:"))
        #expect(result.stderr.hasSuffix("\(output): error: build failed; the site was left as it was\n"))
        #expect(SiteFixture.tree(output) == before)
    }

    /// The sheet's footer says how to check it; that exact command works in the site folder.
    @Test func theCommandPrintedOnTheSheetWorksInTheSite() throws {
        let site = try SiteFixture.exampleSite()
        let sheet = try SiteFixture.exampleText("runs/production-2026-11-16-1/signoff.html")
        let command = try #require(sheet.firstMatch(of: /<code>preflight (verify runs[^<]+)<\/code>/))
        let arguments = String(command.1).split(separator: " ").map(String.init)
        #expect(arguments.count == 4 && arguments[1] == "runs/production-2026-11-16-1" && arguments[2] == "--digest")
        let result = try CLI.run(arguments, in: site)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == (arguments.last ?? "") + "\n")

        var tampered = arguments
        tampered[3] = String(repeating: "0", count: 64)
        #expect(try CLI.run(tampered, in: site).status == 1)
        // A folder with neither run.json nor report.json is still an error.
        let empty = try CLI.run(["verify", "runs", "--digest", arguments[3]], in: site)
        #expect(empty.status == 1)
        #expect(empty.stderr.contains("runs/run.json: error: no such file"))
    }

    @Test func verifyAcceptsTheSheetDigestAndRejectsAnother() throws {
        let site = try SiteFixture.exampleSite()
        let sheet = try SiteFixture.exampleText("runs/production-2026-11-16-1/signoff.html")
        let digest = try #require(SiteFixture.sheetDigest(sheet))
        let report = site.appendingPathComponent("runs/production-2026-11-16-1/report.json").path
        #expect(try SiteFixture.sha256sum(report) == digest)
        // The run page prints the same digest.
        let page = try SiteFixture.exampleText("runs/production-2026-11-16-1/index.html")
        #expect(page.contains("report.json SHA-256: <code>\(digest)</code>"))

        let good = try CLI.run(["verify", "content/runs/production-2026-11-16-1", "--digest", digest])
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout == digest + "\n")

        let fromFile = try CLI.run(["verify", report, "--digest", digest.uppercased()])
        #expect(fromFile.status == 0)

        let wrong = String(digest.dropLast()) + (digest.hasSuffix("0") ? "1" : "0")
        let bad = try CLI.run(["verify", "content/runs/production-2026-11-16-1", "--digest", wrong])
        #expect(bad.status == 1)
        #expect(bad.stdout == digest + "\n")
        #expect(bad.stderr.contains("error: digest differs: the sheet says \(wrong), the run gives \(digest)"))

        // Another run's digest does not verify this run.
        let otherSheet = try SiteFixture.exampleText("runs/production-2026-10-20-1/signoff.html")
        let other = try #require(SiteFixture.sheetDigest(otherSheet))
        #expect(other != digest)
        #expect(try CLI.run(["verify", "content/runs/production-2026-11-16-1", "--digest", other]).status == 1)
    }
}
