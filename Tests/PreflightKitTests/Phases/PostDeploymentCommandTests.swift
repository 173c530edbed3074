import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightRuns

/// `preflight deployed`, `due`, `report` and `build` with deployments, run as the built binary.
@Suite("Post-deployment commands end to end")
struct PostDeploymentCommandTests {
    /// A workspace with the release checklist and one production run started at 09:00 whose first
    /// hour's "watch errors" passed at 10:30; `deployed` says when the release went out.
    struct Workspace {
        let dir: TempDir
        var content: String { dir.url("checklists") }
        var runs: String { dir.url("runs") }
        var run: String { dir.url("runs/production-1") }

        init() throws {
            dir = try TempDir()
            try dir.write("checklists/release.md", PostDeploymentStateTests.markdown)
            try dir.write("runs/production-1/run.json", """
                {"checklist": "release", "environment": "production", "started_at": "2026-11-16T09:00:00Z"}
                """)
            try dir.write("runs/production-1/probe.json", """
                [{"item": "watch-errors", "status": "pass", "observed_at": "2026-11-16T10:30:00Z"}]
                """)
        }

        func run(_ arguments: [String], env: [String: String] = [:]) throws -> PreflightBinary.Outcome {
            try PreflightBinary.run(arguments, env: env, in: dir)
        }

        func deploy(at: String) throws {
            let outcome = try run(["deployed", run, "--at", at, "--release", "v1", "--by", "Dana"])
            #expect(outcome.status == 0, "\(outcome.stderr)")
        }

        func due(_ extra: [String] = []) throws -> PreflightBinary.Outcome {
            try run(["due", "--content", content, "--runs", runs] + extra)
        }

        /// Every file of a folder, path → bytes.
        func tree(_ folder: String) -> [String: Data] {
            var files: [String: Data] = [:]
            let enumerator = FileManager.default.enumerator(atPath: folder)
            while let name = enumerator?.nextObject() as? String {
                if let data = FileManager.default.contents(atPath: folder + "/" + name), !isDirectory(folder + "/" + name) { files[name] = data }
            }
            return files
        }

        private func isDirectory(_ path: String) -> Bool {
            var flag: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &flag) && flag.boolValue
        }
    }

    @Test func deployedWritesAnOrdinaryRecordFile() throws {
        let ws = try Workspace()
        let outcome = try ws.run(["deployed", ws.run, "--at", "2026-11-16T10:00:00Z", "--release", "v1", "--by", "Dana"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let path = outcome.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect((path as NSString).lastPathComponent.hasPrefix("deployed-"))
        let written = try JSONValue.parse(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        #expect(written == (try JSONValue.parse(bytes: Array(#"{"deployments": [{"at": "2026-11-16T10:00:00Z", "by": "Dana", "release": "v1"}]}"#.utf8))))
    }

    @Test func deployedFillsInWhatCITellsIt() throws {
        let ws = try Workspace()
        let outcome = try ws.run(["deployed", ws.run], env: [
            "PREFLIGHT_NOW": "2026-11-16T10:00:00Z", "GITHUB_ACTIONS": "true", "GITHUB_SHA": "abc123", "GITHUB_SERVER_URL": "https://github.example",
            "GITHUB_REPOSITORY": "acme/shop", "GITHUB_RUN_ID": "77",
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let path = outcome.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let written = try JSONValue.parse(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        #expect(written == (try JSONValue.parse(bytes: Array("""
            {"deployments": [{"at": "2026-11-16T10:00:00Z", "by": "github-actions", "release": "abc123",
                              "url": "https://github.example/acme/shop/actions/runs/77"}]}
            """.utf8))))
    }

    @Test func aDeploymentBeforeTheRunStartedIsAnError() throws {
        let ws = try Workspace()
        let before = try FileManager.default.contentsOfDirectory(atPath: ws.run).sorted()
        let refused = try ws.run(["deployed", ws.run, "--at", "2026-11-16T08:59:59Z"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("error: --at 2026-11-16T08:59:59Z is before the run started (2026-11-16T09:00:00Z)"), "\(refused.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: ws.run).sorted() == before)

        // Written by hand, it is a problem of the run, and the report exits 1; the run still has its report.
        try ws.dir.write("runs/production-1/manual.json", #"{"deployments": [{"at": "2026-11-16T08:00:00Z"}]}"#)
        let report = try ws.run(["report", ws.run, "--content", ws.content])
        #expect(report.status == 1)
        #expect(report.stderr.contains("manual.json: error: $.deployments[0].at: 2026-11-16T08:00:00Z is before the run started (2026-11-16T09:00:00Z)"),
                "\(report.stderr)")
        #expect(!report.stdout.contains("Post-deployment"))
    }

    @Test func dueExitsTwoWhenSomethingIsOverdueAndZeroOtherwise() throws {
        let ws = try Workspace()
        try ws.deploy(at: "2026-11-16T10:00:00Z")
        // The newest time in the archive is the 10:30 result: nothing is due before 11:00.
        let onTrack = try ws.due()
        #expect(onTrack.status == 0, "\(onTrack.stderr)")
        #expect(onTrack.stdout == """
            As of 2026-11-16 10:30 UTC

            Release · production · run production-1 · deployed 2026-11-16 10:00 UTC · release v1 · by Dana · post-deployment: on track
              OPEN first-hour/check-logs (First Hour, due 2026-11-16 11:00 UTC): open, due in 30 minutes
              OPEN first-24-hours/review-costs (First 24 Hours, due 2026-11-17 10:00 UTC): open, due in 23 hours 30 minutes

            """)
        let soon = try ws.due(["--within", "PT1H"])
        #expect(soon.status == 0)
        #expect(!soon.stdout.contains("review-costs"))
        #expect(soon.stdout.contains("first-hour/check-logs"))

        let late = try ws.due(["--as-of", "2026-11-16T11:00:01Z"])
        #expect(late.status == 2)
        #expect(late.stdout.contains("  OVERDUE first-hour/check-logs (First Hour, due 2026-11-16 11:00 UTC): overdue by 1 second\n"))
        #expect(late.stdout.contains("post-deployment: 1 overdue\n"))
    }

    @Test func dueSpeaksJSONAndMarkdown() throws {
        let ws = try Workspace()
        try ws.deploy(at: "2026-11-16T10:00:00Z")
        let json = try ws.due(["--format", "json", "--as-of", "2026-11-16T12:00:00Z"])
        #expect(json.status == 2)
        let value = try JSONValue.parse(bytes: Array(json.stdout.utf8))
        #expect(value["as_of"]?.textValue == "2026-11-16T12:00:00Z")
        #expect(value["overdue"] == .number(1))
        guard case .array(let streams)? = value["streams"], let stream = streams.first, case .array(let items)? = stream["items"] else {
            Issue.record("no streams in \(json.stdout)")
            return
        }
        #expect(stream["run"]?.textValue == "production-1")
        #expect(stream["status"]?.textValue == "overdue")
        #expect(stream["service"] == .null)
        #expect(items.map { $0["id"]?.textValue ?? "" } == ["first-hour/check-logs", "first-24-hours/review-costs"])
        #expect(items.map { $0["state"]?.textValue ?? "" } == ["overdue", "open"])
        #expect(items.first?["seconds"] == .number(3600))

        let markdown = try ws.due(["--format", "markdown", "--as-of", "2026-11-16T12:00:00Z"])
        #expect(markdown.status == 2)
        #expect(markdown.stdout.contains("### Release · production: 1 overdue\n"))
        #expect(markdown.stdout.contains("| `first-hour/check-logs` | First Hour | 2026-11-16 11:00 UTC | overdue by 1 hour |\n"))
    }

    /// A service's deployed run: its fleet cell and service page carry the chip, its trend page the
    /// phase times, index.json the status; complete once every item is done.
    @Test func fleetServiceTrendAndIndexShowThePhases() throws {
        let ws = try Workspace()
        try ws.dir.write("runs/production-1/run.json", """
            {"checklist": "release", "environment": "production", "service": "shop", "owner": "team-a", "started_at": "2026-11-16T09:00:00Z"}
            """)
        try ws.deploy(at: "2026-11-16T10:00:00Z")
        try ws.dir.write("runs/production-1/follow-up.json", """
            [{"item": "check-logs", "status": "pass", "observed_at": "2026-11-16T11:30:00Z"},
             {"item": "review-costs", "status": "pass", "observed_at": "2026-11-16T20:00:00Z"}]
            """)
        let outcome = try ws.run(["build", "--content", ws.content, "--runs", ws.runs, "--output", ws.dir.url("site"), "--quiet"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let site = ws.tree(ws.dir.url("site"))
        func page(_ path: String) throws -> String { String(decoding: try #require(site[path], "\(path)"), as: UTF8.self) }
        let chip = "<a class=\"post-chip post-complete\" href=\"runs/production-1/index.html#deployment-timeline\">post-deployment: complete</a>"
        #expect(try page("index.html").contains(chip))
        #expect(try page("services/release/shop/index.html").contains("post-deployment: complete</a>"))
        let trend = try page("trends/release/shop/production/index.html")
        #expect(trend.contains("<thead><tr><th scope=\"col\">Run</th><th scope=\"col\">Deployed</th><th scope=\"col\">First Hour</th><th scope=\"col\">First 24 Hours</th></tr></thead>"))
        // The first hour's last item came 30 minutes late; the day's within 10 hours.
        #expect(trend.contains("<td>2026-11-16 10:00 UTC</td><td class=\"phase-time post-complete\">1 hour 30 minutes</td><td class=\"phase-time post-complete\">10 hours</td>"))
        let run = try page("runs/production-1/index.html")
        #expect(run.contains("<span class=\"phase-state\">done 30 minutes late</span> <a href=\"#item-first-hour--check-logs\">Check logs</a>"))
        #expect(run.contains("<b>Post-deployment: complete</b>. "))
        let index = try JSONValue.parse(bytes: Array(try #require(site["index.json"])))
        guard case .array(let streams)? = index["streams"], let post = streams.first?["latest"]?["post_deployment"] else {
            Issue.record("no post_deployment in index.json")
            return
        }
        #expect(post["status"]?.textValue == "complete")
        #expect(post["deployed_at"]?.textValue == "2026-11-16T10:00:00Z")
        #expect(post["as_of"] == nil)
        let report = try JSONValue.parse(bytes: Array(try #require(site["runs/production-1/report.json"])))
        #expect(report["post_deployment"]?["status"]?.textValue == "complete")
        #expect(report["verdict"]?.textValue == "pending")
    }

    @Test func theSameArchiveGivesTheSameSiteOnAnyDayWithoutAsOf() throws {
        let ws = try Workspace()
        try ws.deploy(at: "2026-11-16T10:00:00Z")
        func build(_ output: String, now: String, _ extra: [String] = []) throws -> [String: Data] {
            let outcome = try ws.run(["build", "--content", ws.content, "--runs", ws.runs, "--output", ws.dir.url(output), "--quiet"] + extra,
                                     env: ["PREFLIGHT_NOW": now])
            #expect(outcome.status == 0, "\(outcome.stderr)")
            return ws.tree(ws.dir.url(output))
        }
        let monday = try build("monday", now: "2026-11-16T12:00:00Z")
        let nextMonth = try build("december", now: "2026-12-16T12:00:00Z")
        #expect(!monday.isEmpty)
        #expect(monday == nextMonth)
        let page = String(decoding: try #require(monday["runs/production-1/index.html"]), as: UTF8.self)
        #expect(page.contains("<b>Post-deployment: on track</b> as of 2026-11-16 10:30 UTC (the newest time in the archive)."))

        // --as-of now does follow the clock, and the pages say so.
        let scheduled = try build("scheduled", now: "2026-12-16T12:00:00Z", ["--as-of", "now"])
        #expect(scheduled != nextMonth)
        let overdue = String(decoding: try #require(scheduled["runs/production-1/index.html"]), as: UTF8.self)
        #expect(overdue.contains("<b>Post-deployment: 2 overdue</b> as of 2026-12-16 12:00 UTC (the time this site was built for)."))
        let home = String(decoding: try #require(scheduled["index.html"]), as: UTF8.self)
        #expect(home.contains("<p class=\"as-of\">Post-deployment statuses as of 2026-12-16 12:00 UTC.</p>"))
        #expect(home.contains(">post-deployment: 2 overdue</a>"))
    }
}

private extension JSONValue {
    var textValue: String? { if case .string(let text) = self { text } else { nil } }
}
