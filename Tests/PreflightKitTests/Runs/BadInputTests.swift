import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport
@testable import PreflightHistory
@testable import PreflightSite

@Suite("Bad input becomes problems, never a crash")
struct BadInputTests {
    /// One bad record file next to a good one: the problem names the file, the good file still counts.
    struct BadInputCase: Sendable, CustomTestStringConvertible {
        let name: String
        let file: String
        let bytes: [UInt8]
        let message: String
        /// The problem carries a line and column (syntax errors).
        var located = false

        init(_ name: String, file: String = "bad.json", text: String, message: String, located: Bool = false) {
            self.name = name
            self.file = file
            self.bytes = Array(text.utf8)
            self.message = message
            self.located = located
        }

        init(_ name: String, file: String = "bad.json", bytes: [UInt8], message: String, located: Bool = false) {
            self.name = name
            self.file = file
            self.bytes = bytes
            self.message = message
            self.located = located
        }

        var testDescription: String { name }
    }

    typealias F = RunsFixtures

    static let cases: [BadInputCase] = [
        BadInputCase("malformed JSON", text: "{\n  \"item\": \"build/lint\",\n  \"status\": \n}",
                     message: "malformed JSON: unexpected character '}'; expected a value", located: true),
        BadInputCase("trailing comma", text: #"[{"item": "build/lint", "status": "pass"},]"#,
                     message: "malformed JSON: unexpected character ']'", located: true),
        BadInputCase("empty file", text: "", message: "malformed JSON: the file is empty", located: true),
        BadInputCase("missing status", text: #"{"item": "runtime/load"}"#, message: "$: missing required field 'status'"),
        BadInputCase("missing item", text: #"{"status": "pass"}"#, message: "$: missing required field 'item'"),
        BadInputCase("unknown status", text: #"{"item": "runtime/load", "status": "passed"}"#,
                     message: "$.status: unknown value 'passed' (expected one of: pass, fail, warn, skip)"),
        BadInputCase("status of the wrong type", text: #"{"item": "runtime/load", "status": true}"#,
                     message: "$.status: expected a string, found a boolean"),
        BadInputCase("unknown item", text: #"{"item": "runtime/loadd", "status": "pass"}"#,
                     message: "$.item: unknown item 'runtime/loadd'; nearest ids: runtime/load"),
        BadInputCase("ambiguous item", text: #"{"results": [{"item": "health", "status": "pass"}]}"#,
                     message: "$.results[0].item: item reference 'health' is ambiguous; it matches: runtime/api/health, runtime/web/health"),
        BadInputCase("sign-off role the checklist lacks",
                     text: #"{"signoffs": [{"role": "CFO", "name": "Kim", "decision": "approve", "at": "2026-10-05T10:00:00Z"}]}"#,
                     message: "$.signoffs[0].role: 'CFO' is not a sign-off role of checklist 'mini' (roles: Release Manager)"),
        BadInputCase("unknown sign-off decision",
                     text: #"{"signoffs": [{"role": "Release Manager", "name": "Kim", "decision": "maybe", "at": "2026-10-05T10:00:00Z"}]}"#,
                     message: "$.signoffs[0].decision: unknown value 'maybe' (expected one of: approve, reject)"),
        BadInputCase("sign-off without time",
                     text: #"{"signoffs": [{"role": "Release Manager", "name": "Kim", "decision": "approve"}]}"#,
                     message: "$.signoffs[0]: missing required field 'at'"),
        BadInputCase("bad observed_at", text: #"{"item": "runtime/load", "status": "pass", "observed_at": "yesterday"}"#,
                     message: "$.observed_at: 'yesterday' is not an ISO-8601 time (e.g. 2026-10-05T09:30:00Z)"),
        BadInputCase("impossible date", text: #"{"item": "runtime/load", "status": "pass", "expires_at": "2026-02-30"}"#,
                     message: "$.expires_at: '2026-02-30' is not an ISO-8601 time"),
        BadInputCase("bad valid_for", text: #"{"item": "runtime/load", "status": "pass", "valid_for": "30 days"}"#,
                     message: "$.valid_for: '30 days' is not an ISO-8601 duration (e.g. P30D, PT12H)"),
        BadInputCase("valid_for and expires_at together",
                     text: #"{"item": "runtime/load", "status": "pass", "valid_for": "P1D", "expires_at": "2026-12-01"}"#,
                     message: "$: give either valid_for or expires_at, not both"),
        BadInputCase("negative duration_ms", text: #"{"item": "runtime/load", "status": "pass", "duration_ms": -5}"#,
                     message: "$.duration_ms: expected a whole number of 0 or more, found a number"),
        BadInputCase("evidence without url", text: #"{"item": "runtime/load", "status": "pass", "evidence": [{"label": "log"}]}"#,
                     message: "$.evidence[0]: missing required field 'url'"),
        BadInputCase("waiver without approver",
                     text: #"{"waivers": [{"item": "runtime/load", "reason": "later", "expires_at": "2026-12-01"}]}"#,
                     message: "$.waivers[0]: missing required field 'approved_by'"),
        BadInputCase("waiver with a bad expiry",
                     text: #"{"waivers": [{"item": "runtime/load", "reason": "later", "approved_by": "Kim", "expires_at": "soon"}]}"#,
                     message: "$.waivers[0].expires_at: 'soon' is not an ISO-8601 time"),
        BadInputCase("results that are not an array", text: #"{"results": {"item": "runtime/load"}}"#,
                     message: "$.results: expected an array, found an object"),
        BadInputCase("a bare string", text: #""pass""#,
                     message: "expected a result object, an array of results or {results, signoffs, waivers, deployments}; found a string"),
        BadInputCase("an array entry that is not an object", text: #"[42]"#, message: "$[0]: expected a result object, found a number"),
        BadInputCase("not UTF-8", bytes: Array(#"{"item": "runtime/load", "summary": ""#.utf8) + [0xFF, 0xFE] + Array(#""}"#.utf8),
                     message: "file is not valid UTF-8 (bad byte 0xFF)", located: true),
        BadInputCase("a NUL byte", bytes: [0x7B, 0x00, 0x7D], message: "file contains a NUL byte", located: true),
        // A second "results" used to replace the first one's failing result without a word.
        BadInputCase("a repeated key",
                     text: #"{"results": [{"item": "runtime/load", "status": "fail"}], "results": [{"item": "runtime/load", "status": "pass"}]}"#,
                     message: "duplicate key \"results\" in object", located: true),
    ]

    @Test(arguments: cases)
    func badRecordFile(_ c: BadInputCase) throws {
        let fixture = try RunArchiveFixture(F.miniWithRole)
        try fixture.run("r1", started: "2026-10-05T09:00:00Z", files: ["good.json": F.result("build/lint", "pass", summary: "still counts")])
        try fixture.dir.write("runs/r1/\(c.file)", data: Data(c.bytes))
        let report = try fixture.report("r1")

        let errors = report.problems.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(report.problems)")
        let problem = try #require(errors.first)
        #expect(problem.path == "r1/\(c.file)")
        #expect(problem.message.contains(c.message), "\(problem.message)")
        #expect((problem.line != nil) == c.located)
        #expect(problem.description.hasPrefix("r1/\(c.file)"))
        #expect(problem.description.contains(": error: "))
        #expect(report.hasErrors)

        let good = try #require(report.item("build/lint"))
        #expect(good.state == .pass)
        #expect(good.decidedBy?.summary == "still counts")
        #expect(report.item("runtime/load")?.state == .pending, "a rejected result must not count")
    }

    @Test func malformedJSONPointsAtLineAndColumn() throws {
        let fixture = try RunArchiveFixture(F.mini)
        let report = try fixture.reportOne(files: ["x.json": "{\n  \"item\": \"build/lint\",\n  \"status\": \n}"])
        let problem = try #require(report.problems.first)
        #expect(problem.line == 4)
        #expect(problem.column == 1)
        #expect(problem.description == "r1/x.json:4:1: error: malformed JSON: unexpected character '}'; expected a value")
    }

    @Test func recordFileOverTheLimitIsReportedNotRead() throws {
        let fixture = try RunArchiveFixture(F.mini)
        try fixture.run("r1", started: "2026-10-05T09:00:00Z", files: ["good.json": F.result("build/lint", "pass")])
        // A valid result padded with spaces to one byte over 8 MiB: only the size makes it bad.
        var big = Array(F.result("runtime/load", "pass").utf8)
        big += [UInt8](repeating: 0x20, count: RunReader.fileSizeLimit + 1 - big.count)
        try fixture.dir.write("runs/r1/big.json", data: Data(big))
        let report = try fixture.report("r1")
        #expect(RunReader.fileSizeLimit == 8 * 1024 * 1024)
        let problem = try #require(report.problems.first)
        #expect(problem.path == "r1/big.json")
        #expect(problem.message == "file is 8.0 MiB, over the 8.0 MiB limit")
        #expect(report.item("runtime/load")?.state == .pending)
        #expect(report.item("build/lint")?.state == .pass)
    }

    @Test func recordFileAtTheLimitIsRead() throws {
        let fixture = try RunArchiveFixture(F.mini)
        var exact = Array(F.result("runtime/load", "pass").utf8)
        exact += [UInt8](repeating: 0x0A, count: RunReader.fileSizeLimit - exact.count)
        try fixture.run("r1", started: "2026-10-05T09:00:00Z")
        try fixture.dir.write("runs/r1/exact.json", data: Data(exact))
        let report = try fixture.report("r1")
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(report.item("runtime/load")?.state == .pass)
    }

    @Test func checklistOverSixteenMiBIsRejected() throws {
        let dir = try TempDir()
        var text = Array("# Big\n\n- [ ] One item\n".utf8)
        text += [UInt8](repeating: 0x0A, count: (16 << 20) + 1 - text.count)
        let path = try dir.write("checklists/big.md", data: Data(text))
        #expect(ChecklistOptions.default.sizeLimit == 16 * 1024 * 1024)
        #expect(throws: Diagnostic.error(path, "file is 16.0 MiB, over the 16.0 MiB limit")) {
            try ChecklistParser().parse(fileAt: path)
        }
        let library = try ChecklistLibrary.load(dir.url("checklists"))
        #expect(library.names.isEmpty)
        #expect(library.failures.map(\.message) == ["file is 16.0 MiB, over the 16.0 MiB limit"])
    }

    @Test func runNamingAnUnknownChecklistIsAProblem() throws {
        let dir = try TempDir()
        try dir.write("checklists/mini.md", F.mini)
        let library = try ChecklistLibrary.load(dir.url("checklists"))
        #expect(library.names == ["mini"])
        #expect(throws: Diagnostic.error("runs/r1/run.json", "run names unknown checklist 'prod' (known: mini)")) {
            try library.checklist(named: "prod", for: "runs/r1/run.json")
        }
    }

    @Test func everyBadFileIsListedAndTheRestStillMerges() throws {
        let fixture = try RunArchiveFixture(F.miniWithRole)
        let report = try fixture.reportOne(files: [
            "a.json": "{",
            "b.json": #"{"item": "nope", "status": "pass"}"#,
            "c.json": #"{"results": [{"item": "runtime/load", "status": "pass"}, {"item": "runtime/api/health", "status": "bad"}]}"#,
            "notes.txt": "not a record",
        ])
        #expect(report.problems.filter { $0.severity == .error }.map(\.path) == ["r1/a.json", "r1/b.json", "r1/c.json"])
        #expect(report.problems.contains { $0.severity == .warning && $0.path == "r1/notes.txt" && $0.message.contains("ignored") })
        #expect(report.item("runtime/load")?.state == .pass)
        #expect(report.item("runtime/api/health")?.state == .pending)
    }

    @Test func unknownFieldsAreWarningsNotErrors() throws {
        let fixture = try RunArchiveFixture(F.mini)
        let report = try fixture.reportOne(files: ["a.json": #"{"item": "runtime/load", "status": "pass", "colour": "green"}"#])
        #expect(report.problems == [.warning("r1/a.json", "$.colour: unknown field ignored")])
        #expect(!report.hasErrors)
        #expect(report.item("runtime/load")?.state == .pass)
    }
}
