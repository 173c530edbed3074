import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport
@testable import PreflightHistory
@testable import PreflightSite

/// `preflight start-run | record | sign | waive | report`, run as the built binary.
@Suite("Run commands end to end")
struct RunCommandsTests {
    typealias F = RunsFixtures

    /// A temp folder with `checklists/<name>.md` and an empty `runs/`.
    struct Workspace {
        let dir: TempDir
        var content: String { dir.url("checklists") }
        var runs: String { dir.url("runs") }

        init(_ markdown: String = F.gated(), name: String = "gated") throws {
            dir = try TempDir()
            try dir.write("checklists/\(name).md", markdown)
        }

        func run(_ arguments: [String], env: [String: String] = [:]) throws -> PreflightBinary.Outcome {
            try PreflightBinary.run(arguments, env: env, in: dir)
        }

        /// `start-run` and the folder it printed.
        func startRun(id: String? = nil, checklist: String = "gated", now: String = "2026-10-05T09:30:00Z",
                      env: [String: String] = [:]) throws -> String {
            var arguments = ["start-run", "--checklist", checklist, "--environment", "staging", "--content", content, "--runs", runs]
            if let id { arguments += ["--id", id] }
            let outcome = try run(arguments, env: env.merging(["PREFLIGHT_NOW": now]) { $1 })
            #expect(outcome.status == 0, "\(outcome.stderr)")
            return outcome.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }

        func record(_ run: String, _ item: String, _ status: String, _ extra: [String] = [], now: String = "2026-10-05T09:40:00Z") throws {
            let outcome = try self.run(["record", run, "--item", item, "--status", status, "--content", content] + extra,
                                       env: ["PREFLIGHT_NOW": now])
            #expect(outcome.status == 0, "\(outcome.stderr)")
        }

        func sign(_ run: String, _ role: String, _ decision: String = "approve", now: String = "2026-10-05T09:30:00Z") throws {
            let outcome = try self.run(["sign", run, "--role", role, "--name", "Alex", "--decision", decision, "--content", content],
                                       env: ["PREFLIGHT_NOW": now])
            #expect(outcome.status == 0, "\(outcome.stderr)")
        }

        func report(_ run: String, _ extra: [String] = []) throws -> PreflightBinary.Outcome {
            try self.run(["report", run, "--content", content] + extra)
        }

        /// A run that reaches Go: the go criterion passes, both blockers are clear, both roles approve.
        func goRun() throws -> String {
            let run = try startRun(id: "go-1")
            try record(run, "go/tests", "pass")
            try record(run, "nogo/vulns", "pass")
            try record(run, "nogo/infra", "pass")
            try sign(run, "Technical Lead")
            try sign(run, "security lead")
            return run
        }
    }

    @Test func startRunOnGitHubActionsFillsRunJSONFromTheEnvironment() throws {
        let ws = try Workspace()
        let run = try ws.startRun(env: [
            "GITHUB_ACTIONS": "true", "GITHUB_RUN_ID": "9876", "GITHUB_SHA": "0a1b2c3d4e5f60718293a4b5c6d7e8f901234567",
            "GITHUB_REF_NAME": "main", "GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "acme/shop",
            "GITHUB_EVENT_NAME": "push",
        ])
        #expect(run == ws.runs + "/staging-9876")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: run + "/run.json"))) as? [String: Any])
        #expect(json["id"] as? String == "staging-9876")
        #expect(json["checklist"] as? String == "gated")
        #expect(json["environment"] as? String == "staging")
        #expect(json["started_at"] as? String == "2026-10-05T09:30:00Z")
        #expect(json["commit"] as? String == "0a1b2c3d4e5f60718293a4b5c6d7e8f901234567")
        #expect(json["branch"] as? String == "main")
        #expect(json["url"] as? String == "https://github.com/acme/shop/actions/runs/9876")
        #expect(json["trigger"] as? String == "push")
        let manifest = try RunReader.readManifest(folder: run)
        #expect(manifest.id == "staging-9876")
    }

    @Test func startRunWithoutCINamesTheRunByEnvironmentAndTime() throws {
        let ws = try Workspace()
        let run = try ws.startRun()
        #expect(run == ws.runs + "/staging-20261005-093000")
        let manifest = try RunReader.readManifest(folder: run)
        #expect(manifest.commit == nil)
        #expect(manifest.url == nil)
        // The same run id again must not reuse the folder.
        let again = try ws.run(["start-run", "--checklist", "gated", "--environment", "staging", "--content", ws.content,
                                "--runs", ws.runs, "--id", "staging-20261005-093000"])
        #expect(again.status == 1)
        #expect(again.stderr.contains("cannot create the run folder"))
    }

    @Test func startRunRejectsABadRunIDAndAnUnknownChecklist() throws {
        let ws = try Workspace()
        let badID = try ws.run(["start-run", "--checklist", "gated", "--environment", "staging", "--content", ws.content,
                                "--runs", ws.runs, "--id", "../escape"])
        #expect(badID.status != 0)
        #expect(badID.stderr.contains("invalid run id '../escape'"))
        let unknown = try ws.run(["start-run", "--checklist", "prod", "--environment", "staging", "--content", ws.content, "--runs", ws.runs])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("run names unknown checklist 'prod' (known: gated)"))
        #expect(ws.dir.files(in: "runs").isEmpty)
    }

    @Test func recordWritesOneAtomicFileNamedAfterTheProbe() throws {
        let ws = try Workspace()
        let run = try ws.startRun(id: "r1")
        try ws.record(run, "lint", "pass", ["--probe", "eslint", "--summary", "0 problems", "--valid-for", "P7D",
                                            "--evidence", "log=https://ci.example/1", "--duration-ms", "1500"])
        let files = ws.dir.files(in: "runs/r1").filter { $0 != "run.json" }
        #expect(files.count == 1)
        let name = try #require(files.first)
        #expect(name.hasPrefix("eslint-20261005094000-") && name.hasSuffix(".json"), "\(name)")
        let value = try JSONValue.parse(try ws.dir.read("runs/r1/\(name)"))
        #expect(value["item"] == .string("lint"))
        #expect(value["status"] == .string("pass"))
        #expect(value["observed_at"] == .string("2026-10-05T09:40:00Z"))
        #expect(value["valid_for"] == .string("P7D"))
        #expect(value["duration_ms"] == .number(1500))
        #expect(value["evidence"] == .array([.object([("label", .string("log")), ("url", .string("https://ci.example/1"))])]))
    }

    @Test func recordWithAnAmbiguousOrUnknownReferenceExits1AndWritesNothing() throws {
        let ws = try Workspace(F.mini, name: "mini")
        let run = try ws.startRun(id: "r1", checklist: "mini")
        let ambiguous = try ws.run(["record", run, "--item", "health", "--status", "pass", "--content", ws.content])
        #expect(ambiguous.status == 1)
        #expect(ambiguous.stderr.contains("item reference 'health' is ambiguous; it matches: runtime/api/health, runtime/web/health"))
        let unknown = try ws.run(["record", run, "--item", "lnit", "--status", "pass", "--content", ws.content])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("unknown item 'lnit'; nearest ids: build/lint"))
        #expect(ws.dir.files(in: "runs/r1") == ["run.json"], "nothing may be written, not even a temp file")
    }

    @Test func reportFailOnNoGoExits2OnANoGoRun() throws {
        let ws = try Workspace()
        let run = try ws.goRun()
        try ws.record(run, "nogo/vulns", "fail", ["--summary", "2 critical CVEs"], now: "2026-10-05T09:50:00Z")
        let outcome = try ws.report(run, ["--fail-on", "no-go"])
        #expect(outcome.status == 2)
        #expect(outcome.stdout.contains("Verdict: NO-GO"))
        #expect(outcome.stdout.contains("nogo/vulns: blocker present: Critical vulnerabilities (2 critical CVEs)"))
        #expect(try ws.report(run, ["--fail-on", "pending"]).status == 2)
        #expect(try ws.report(run).status == 0, "--fail-on defaults to never")
    }

    @Test func reportFailOnPendingExits2OnAPendingRunAndNoGoDoesNot() throws {
        let ws = try Workspace()
        let run = try ws.startRun(id: "r1")
        try ws.record(run, "go/tests", "pass")
        #expect(try ws.report(run, ["--fail-on", "pending"]).status == 2)
        let noGoGate = try ws.report(run, ["--fail-on", "no-go"])
        #expect(noGoGate.status == 0)
        #expect(noGoGate.stdout.contains("Verdict: PENDING"))
    }

    @Test func reportExits1OnInputProblemsUnlessTheGateExits2() throws {
        let ws = try Workspace()
        let run = try ws.goRun()
        try ws.dir.write("runs/go-1/broken.json", "{\"item\": \"lint\",")
        let outcome = try ws.report(run, ["--fail-on", "never"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("\(ws.runs)/go-1/broken.json:1:17: error: malformed JSON: expected a quoted key"), "\(outcome.stderr)")
        #expect(outcome.stdout.contains("Verdict: GO"), "the rest of the run still merges")
        try ws.record(run, "go/tests", "fail", now: "2026-10-05T09:50:00Z")
        #expect(try ws.report(run, ["--fail-on", "no-go"]).status == 2)
    }

    @Test func reportOfACleanGoRunExits0AndPrintsMarkdown() throws {
        let ws = try Workspace()
        let run = try ws.goRun()
        let outcome = try ws.report(run, ["--format", "markdown", "--fail-on", "pending"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.isEmpty)
        #expect(outcome.stdout.hasPrefix("## ✅ GO: Gated Release · staging\n"))
        #expect(outcome.stdout.contains("| Security Lead | approved by Alex on 2026-10-05 09:30 UTC |"))
    }

    @Test func reportJSONHasTheDocumentedKeys() throws {
        let ws = try Workspace()
        let run = try ws.goRun()
        try ws.record(run, "lint", "fail", ["--summary", "3 errors"])
        try ws.record(run, "lint", "pass", now: "2026-10-05T09:41:00Z")
        // The new results change the evidence the roles approved: they approve again.
        try ws.sign(run, "Technical Lead", now: "2026-10-05T09:50:00Z")
        try ws.sign(run, "Security Lead", now: "2026-10-05T09:50:00Z")
        let outcome = try ws.report(run, ["--format", "json"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        for key in ["run", "checklist", "verdict", "reasons", "readiness", "counts", "items", "sections", "signoffs", "problems", "evidence_digest"] {
            #expect(json[key] != nil, "missing key \(key)")
        }
        #expect(json["verdict"] as? String == "go")
        #expect((json["run"] as? [String: Any])?["id"] as? String == "go-1")
        #expect((json["checklist"] as? [String: Any])?["name"] as? String == "gated")
        #expect(json["readiness"] as? Double == 0.5)
        let items = try #require(json["items"] as? [[String: Any]])
        #expect(items.count == 8)
        for item in items {
            for key in ["id", "kind", "state", "results", "carried_from", "waiver"] {
                #expect(item.keys.contains(key), "item \(item["id"] ?? "?") lacks \(key)")
            }
        }
        let lint = try #require(items.first { $0["id"] as? String == "lint" })
        #expect(lint["state"] as? String == "pass")
        #expect((lint["results"] as? [Any])?.count == 2)
        #expect(lint["carried_from"] is NSNull)
        #expect((items.first { $0["id"] as? String == "nogo/vulns" })?["kind"] as? String == "no-go")
        #expect((json["signoffs"] as? [Any])?.count == 2)
        #expect((json["problems"] as? [Any])?.isEmpty == true)
        // And it decodes back into the library's type.
        let report = try JSONDecoder().decode(RunReport.self, from: Data(outcome.stdout.utf8))
        #expect(report.verdict == .go)
    }

    @Test func reportUsesTheRunFoldersParentAsArchiveForCarryForwardAndWaivers() throws {
        let ws = try Workspace()
        let first = try ws.startRun(id: "r1", now: "2026-10-01T09:00:00Z")
        try ws.record(first, "smoke", "pass", ["--valid-for", "P7D"], now: "2026-10-01T09:10:00Z")
        let waive = try ws.run(["waive", first, "--item", "lint", "--reason", "linter migration", "--approved-by", "Kim",
                                "--expires", "2026-12-31", "--content", ws.content])
        #expect(waive.status == 0, "\(waive.stderr)")
        let second = try ws.startRun(id: "r2", now: "2026-10-05T09:00:00Z")
        let outcome = try ws.report(second, ["--format", "json"])
        let report = try JSONDecoder().decode(RunReport.self, from: Data(outcome.stdout.utf8))
        #expect(report.item("smoke")?.state == .pass)
        #expect(report.item("smoke")?.carriedFrom == "r1")
        #expect(report.item("lint")?.state == .waived)
        #expect(report.item("lint")?.waiver?.reason == "linter migration")
    }

    @Test func signRejectsARoleTheChecklistLacks() throws {
        let ws = try Workspace()
        let run = try ws.startRun(id: "r1")
        let outcome = try ws.run(["sign", run, "--role", "CFO", "--name", "Kim", "--decision", "approve", "--content", ws.content])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("'CFO' is not a sign-off role of 'gated' (roles: Technical Lead, Security Lead)"))
        #expect(ws.dir.files(in: "runs/r1") == ["run.json"])
    }

    @Test func reportOfARunNamingAnUnknownChecklistExits1() throws {
        let ws = try Workspace()
        try ws.dir.write("runs/r1/run.json", #"{"checklist": "gone", "environment": "staging", "started_at": "2026-10-05"}"#)
        let outcome = try ws.report(ws.runs + "/r1")
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("\(ws.runs)/r1/run.json: error: run names unknown checklist 'gone' (known: gated)"))
    }
}
