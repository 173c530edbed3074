import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightRuns

/// `preflight import …` and `record --attach`, run as the built binary in a temp folder holding
/// the seed checklist: what a bad input prints and that it leaves the run folder as it was.
@Suite("Import commands end to end")
struct ImportCommandTests {
    static let junit = """
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuite name="shop" tests="3" failures="1" time="192.4">
          <testcase classname="shop.CartTest" name="adds" time="0.1"/>
          <testcase classname="shop.CartTest" name="removes" time="0.1"><failure message="expected 2, got 3"/></testcase>
          <testcase classname="shop.CartTest" name="empties" time="0.1"><skipped/></testcase>
        </testsuite>

        """

    /// A temp folder with `checklists/production-deployment.md` (the seed), `checklists/mini.md` and `runs/`.
    struct Workspace {
        let dir: TempDir
        var content: String { dir.url("checklists") }

        init() throws {
            dir = try TempDir()
            try dir.write("checklists/production-deployment.md", String(contentsOfFile: RunsFixtures.seedPath, encoding: .utf8))
            try dir.write("checklists/mini.md", RunsFixtures.mini)
        }

        func run(_ arguments: [String]) throws -> PreflightBinary.Outcome {
            try PreflightBinary.run(arguments, env: ["PREFLIGHT_NOW": "2026-10-05T09:40:00Z"], in: dir)
        }

        /// A new run of `checklist`; returns its folder.
        func startRun(_ checklist: String = "production-deployment", id: String = "r1") throws -> String {
            let outcome = try run(["start-run", "--checklist", checklist, "--environment", "staging", "--id", id,
                                   "--content", content, "--runs", dir.url("runs")])
            #expect(outcome.status == 0, "\(outcome.stderr)")
            return outcome.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }

        /// Every path under the run folder, with each file's size: what "nothing written" compares.
        func listing(_ run: String) -> [String] {
            ((try? FileManager.default.subpathsOfDirectory(atPath: run)) ?? []).sorted().map { path in
                let size = (try? FileManager.default.attributesOfItem(atPath: run + "/" + path)[.size] as? Int) ?? -1
                return "\(path) \(size)"
            }
        }

        /// The run's record files (not run.json), parsed.
        func records(_ run: String) throws -> [JSONValue] {
            try FileManager.default.contentsOfDirectory(atPath: run).filter { $0.hasSuffix(".json") && $0 != "run.json" }.sorted()
                .map { try JSONValue.parse(Data(contentsOf: URL(fileURLWithPath: run + "/" + $0))) }
        }

        /// The results of every record file of the run.
        func results(_ run: String) throws -> [JSONValue] {
            try records(run).flatMap { record -> [JSONValue] in
                if case .array(let results)? = record["results"] { return results }
                return [record]
            }
        }
    }

    /// Runs `arguments` and expects exit 1 with exactly `message` on stderr and the run folder untouched.
    func expectRefused(_ ws: Workspace, _ run: String, _ arguments: [String], _ message: String,
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = ws.listing(run)
        let outcome = try ws.run(arguments)
        #expect(outcome.status == 1, "\(outcome.stdout)\(outcome.stderr)", sourceLocation: sourceLocation)
        #expect(outcome.stderr == message + "\n", sourceLocation: sourceLocation)
        #expect(outcome.stdout == "", sourceLocation: sourceLocation)
        #expect(ws.listing(run) == before, sourceLocation: sourceLocation)
        #expect(!FileManager.default.fileExists(atPath: run + "/attachments"), sourceLocation: sourceLocation)
    }

    // MARK: Bad files write nothing

    @Test func malformedXMLIsAnErrorAtItsLineAndColumnAndWritesNothing() throws {
        let ws = try Workspace()
        let run = try ws.startRun()
        let good = try ws.dir.write("reports/good.xml", Self.junit)
        let bad = try ws.dir.write("reports/bad.xml", "<testsuite name=\"x\">\n  <testcase name=\"a\">\n</testsuite>\n")
        // The good file comes first: it is read but not stored, because the second is bad.
        try expectRefused(ws, run, ["import", "junit", run, good, bad, "--item", "all-unit-tests-passing", "--content", ws.content],
                          "\(bad):3:13: error: malformed XML: an end tag that does not match the open element <testcase>")
    }

    @Test func malformedJSONIsAnErrorAtItsLineAndColumnAndWritesNothing() throws {
        let ws = try Workspace()
        let run = try ws.startRun()
        let bad = try ws.dir.write("scan.sarif", "{\"version\": \"2.1.0\",\n \"runs\": [}\n")
        try expectRefused(ws, run, ["import", "sarif", run, bad, "--item", "static-code-analysis-completed", "--content", ws.content],
                          "\(bad):2:11: error: malformed JSON: unexpected character '}'; expected a value")
    }

    @Test func sarifOtherThan210IsRefusedAndWritesNothing() throws {
        let ws = try Workspace()
        let run = try ws.startRun()
        let old = try ws.dir.write("old.sarif", #"{"version": "1.0.0", "runs": []}"#)
        try expectRefused(ws, run, ["import", "sarif", run, old, "--item", "static-code-analysis-completed", "--content", ws.content],
                          "\(old): error: SARIF version 1.0.0 is not supported (expected 2.1.0)")
    }

    @Test func unknownAndAmbiguousItemsAreRefusedAndWriteNothing() throws {
        let ws = try Workspace()
        let run = try ws.startRun()
        let file = try ws.dir.write("junit.xml", Self.junit)
        try expectRefused(ws, run, ["import", "junit", run, file, "--item", "all-unit-test-passing", "--content", ws.content],
                          "\(run): error: unknown item 'all-unit-test-passing'; nearest ids: "
                          + "pre-deployment-requirements/testing/unit-tests/all-unit-tests-passing, "
                          + "gono-go-decision/go-criteria-all-must-be-met/all-tests-passing, "
                          + "deployment-steps/4-post-deployment-validation/all-smoke-tests-pass, "
                          + "pre-deployment-requirements/testing/e2e-tests/e2e-tests-passing")
        let mini = try ws.startRun("mini", id: "m1")
        try expectRefused(ws, mini, ["import", "junit", mini, file, "--item", "health", "--content", ws.content],
                          "\(mini): error: item reference 'health' is ambiguous; it matches: runtime/api/health, runtime/web/health")
    }

    @Test func aFileOverTheLimitIsRefusedWithTheLimitAndNothingIsWritten() throws {
        let ws = try Workspace()
        let run = try ws.startRun()
        let small = try ws.dir.write("small.log", "ok\n")
        let big = try ws.dir.write("big.log", "")
        // Sparse: 65 MiB on paper, no disk used.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: big))
        try handle.truncate(atOffset: 65 << 20)
        try handle.close()
        let message = "\(big): error: file is 65.0 MiB, over the 64.0 MiB limit for an attachment or imported file"
        // Every file is checked before any is stored: the small one is not kept either.
        try expectRefused(ws, run, ["record", run, "--item", "all-unit-tests-passing", "--status", "pass", "--attach", small,
                                    "--attach", big, "--content", ws.content], message)
        try expectRefused(ws, run, ["import", "coverage", run, big, "--item", "test-coverage-80", "--min", "80", "--content", ws.content],
                          message)
    }

    // MARK: What gets written

    @Test func recordAttachStoresTheFileByItsHash() throws {
        let ws = try Workspace()
        let run = try ws.startRun()
        let log = try ws.dir.write("smoke output.log", "smoke: 12 checks passed\n")
        let outcome = try ws.run(["record", run, "--item", "all-unit-tests-passing", "--status", "pass", "--attach", log,
                                  "--content", ws.content])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let sha = Attachment.digest(Array("smoke: 12 checks passed\n".utf8))
        #expect(try String(contentsOfFile: "\(run)/attachments/\(sha)", encoding: .utf8) == "smoke: 12 checks passed\n")
        let result = try #require(try ws.results(run).first)
        #expect(result["attachments"] == .array([.object([("name", .string("smoke_output.log")), ("sha256", .string(sha)),
                                                          ("size", .number(24))])]))
        // report.json lists the attachment with the result it decides.
        let report = try ws.run(["report", run, "--format", "json", "--content", ws.content])
        let json = try JSONValue.parse(Data(report.stdout.utf8))
        guard case .array(let items)? = json["items"] else { Issue.record("no items in report.json"); return }
        let item = items.first { item in
            if case .string(let id)? = item["id"] { return id.hasSuffix("/all-unit-tests-passing") }
            return false
        }
        // Format 2: `decided_by` is the deciding result's index in the item's `results`.
        guard case .number(let index)? = item?["decided_by"], case .array(let results)? = item?["results"],
              results.indices.contains(Int(index)) else { Issue.record("no decided_by index: \(String(describing: item))"); return }
        #expect(results[Int(index)]["attachments"] == result["attachments"], "\(results[Int(index)])")
        // The same bytes attached again are stored once.
        let again = try ws.run(["record", run, "--item", "test-coverage-80", "--status", "pass", "--attach", log, "--content", ws.content])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: run + "/attachments") == [sha])
    }

    @Test func importMappingsSayWhatEachReadAndWhichMatchedNothing() throws {
        let ws = try Workspace()
        let run = try ws.startRun()
        try ws.dir.write("reports/junit/TEST-cart.xml", Self.junit)
        try ws.dir.write("reports/junit/TEST-empty.xml", #"<testsuite name="empty"><testcase classname="e" name="ok"/></testsuite>"#)
        try ws.dir.write("reports/lcov.info", "SF:a.py\nLF:10\nLH:9\nend_of_record\n")
        try ws.dir.write("preflight.toml", """
            [paths]
            content = "checklists"

            [[import]]
            files = "reports/junit/*.xml"
            format = "junit"
            item = "all-unit-tests-passing"
            max_failures = 1

            [[import]]
            files = "reports/*.sarif"
            format = "sarif"
            item = "static-code-analysis-completed"

            [[import]]
            files = "reports/**/lcov.info"
            format = "coverage"
            item = "test-coverage-80"
            min = 80

            """)
        let outcome = try ws.run(["import", run])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let lines = outcome.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[0] == "preflight.toml:4: junit read reports/junit/TEST-cart.xml, reports/junit/TEST-empty.xml")
        #expect(lines[1].hasSuffix(".json: pass: 4 tests: 2 passed, 1 failed, 1 skipped in 3 m 12 s"), "\(lines[1])")
        #expect(lines[2] == "preflight.toml:15: coverage read reports/lcov.info")
        #expect(lines[3].hasSuffix(".json: pass: line coverage 90.0% (minimum 80%)"), "\(lines[3])")
        #expect(outcome.stderr.contains("preflight.toml:10: warning: 'reports/*.sarif' matched no file; nothing imported for it\n"))
        let results = try ws.results(run)
        #expect(Set(results.compactMap { $0["item"]?.text }) == ["pre-deployment-requirements/testing/unit-tests/all-unit-tests-passing",
                                                                    "pre-deployment-requirements/testing/unit-tests/test-coverage-80"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: run + "/attachments").count == 3)
    }

    @Test func aMappingWithABadItemOrFileFailsAloneAndTheCommandExitsOne() throws {
        let ws = try Workspace()
        let run = try ws.startRun()
        try ws.dir.write("junit.xml", Self.junit)
        try ws.dir.write("broken.xml", "<testsuite>\n")
        try ws.dir.write("preflight.toml", """
            [paths]
            content = "checklists"

            [[import]]
            files = "junit.xml"
            format = "junit"
            item = "no-such-item"

            [[import]]
            files = "broken.xml"
            format = "junit"
            item = "integration-tests-passing"

            [[import]]
            files = "junit.xml"
            format = "junit"
            item = "all-unit-tests-passing"
            max_failures = 1

            """)
        let outcome = try ws.run(["import", run])
        #expect(outcome.status == 1)
        #expect(outcome.stderr == """
            preflight.toml:4: error: unknown item 'no-such-item'
            broken.xml:1:12: error: malformed XML: the document ends before <testsuite> is closed

            """)
        let lines = outcome.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4, "\(lines)")
        #expect(Array(lines.prefix(3)) == ["preflight.toml:4: junit read junit.xml", "preflight.toml:9: junit read broken.xml",
                                           "preflight.toml:14: junit read junit.xml"])
        // Only the good mapping wrote a result (and its one attachment).
        #expect(try ws.results(run).compactMap { $0["item"]?.text } == ["pre-deployment-requirements/testing/unit-tests/all-unit-tests-passing"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: run + "/attachments").count == 1)
    }

    // MARK: A filled-in copy of the seed checklist

    /// The seed with `labels` ticked, edited by `edit`.
    func filled(_ labels: [String], edit: (String) -> String = { $0 }) throws -> String {
        var text = try String(contentsOfFile: RunsFixtures.seedPath, encoding: .utf8)
        for label in labels {
            #expect(text.contains("- [ ] \(label)\n"), "\(label)")
            text = text.replacingOccurrences(of: "- [ ] \(label)\n", with: "- [x] \(label)\n")
        }
        return edit(text)
    }

    @Test func aFilledCopyOfTheSeedRecordsAttestedPassesForExactlyItsTicks() throws {
        let ws = try Workspace()
        let run = try ws.startRun()
        let copy = try ws.dir.write("filled.md", try filled(["All unit tests passing", "Test coverage >= 80%", "Integration tests passing"]))
        let outcome = try ws.run(["import", "checklist", run, copy, "--by", "Priya Shah", "--at", "2026-10-05T09:35:00Z",
                                  "--content", ws.content])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr == "")
        #expect(outcome.stdout.hasSuffix(".json: 3 item(s) attested by Priya Shah\n"), "\(outcome.stdout)")
        let results = try ws.results(run)
        #expect(results.compactMap { $0["item"]?.text } == [
            "pre-deployment-requirements/testing/unit-tests/all-unit-tests-passing",
            "pre-deployment-requirements/testing/unit-tests/test-coverage-80",
            "pre-deployment-requirements/testing/integration-tests/integration-tests-passing",
        ])
        #expect(results.allSatisfy { $0["status"] == .string("pass") && $0["summary"] == .string("attested by Priya Shah")
            && $0["observed_at"] == .string("2026-10-05T09:35:00Z") })
        let report = try ws.run(["report", run, "--content", ws.content, "--format", "json"])
        #expect(report.stdout.contains("attested by Priya Shah"))
    }

    @Test func aCopyWithoutTheTitleMatchesAndStrayLinesAndMissingItemsAreListed() throws {
        let ws = try Workspace()
        let run = try ws.startRun()
        let text = try filled(["All unit tests passing"]) { text in
            text.replacingOccurrences(of: "# Production Deployment Checklist\n", with: "")
                .replacingOccurrences(of: "  - [ ] Billing alerts configured\n", with: "")
                .replacingOccurrences(of: "  - [ ] Read replicas configured (if applicable)\n",
                                      with: "  - [ ] Read replicas configured (if applicable)\n  - [x] Our own extra check\n")
        }
        let extraLine = text.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("Our own extra check") }.map { $0 + 1 } ?? 0
        let copy = try ws.dir.write("issue-body.md", text)
        let outcome = try ws.run(["import", "checklist", run, copy, "--by", "Priya Shah", "--content", ws.content])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.hasSuffix(".json: 1 item(s) attested by Priya Shah\n"), "\(outcome.stdout)")
        #expect(outcome.stderr == """
            \(copy):\(extraLine): warning: matches no item of 'production-deployment': Our own extra check
            \(copy): warning: 1 item(s) of 'production-deployment' are not in the copy: \
            pre-deployment-requirements/infrastructure-readiness/aws-account-setup/billing-alerts-configured

            """)
        #expect(try ws.results(run).compactMap { $0["item"]?.text } == ["pre-deployment-requirements/testing/unit-tests/all-unit-tests-passing"])
    }

    @Test func aCopyOfADifferentChecklistIsRefused() throws {
        let ws = try Workspace()
        let run = try ws.startRun()
        let copy = try ws.dir.write("mini-filled.md", RunsFixtures.mini.replacingOccurrences(of: "- [ ]", with: "- [x]"))
        try expectRefused(ws, run, ["import", "checklist", run, copy, "--by", "Priya Shah", "--content", ws.content],
                          "\(copy): error: 8 of its 8 boxes match no item of checklist 'production-deployment' "
                          + "(line 5: Lint passes; line 6: Changelog written; line 10: Database); refusing a copy of a different checklist")
    }
}

extension JSONValue {
    /// The string this value holds, if it is one.
    var text: String? { if case .string(let text) = self { text } else { nil } }
}
