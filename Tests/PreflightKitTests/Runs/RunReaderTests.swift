import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport
@testable import PreflightHistory
@testable import PreflightSite

@Suite("Run folders: run.json and record files")
struct RunReaderTests {
    struct ManifestCase: Sendable, CustomTestStringConvertible {
        let name: String
        let folder: String
        let json: String
        let message: String
        var testDescription: String { name }
    }

    typealias F = RunsFixtures

    @Test func fullManifestIsRead() throws {
        let dir = try TempDir()
        try dir.write("runs/staging-42/run.json", """
            {"id": "staging-42", "checklist": "mini", "environment": "staging", "started_at": "2026-10-05T09:30:00+02:00",
             "title": "Release 1.4", "commit": "0123abcd", "branch": "main", "url": "https://ci.example/42",
             "trigger": "push", "labels": {"team": "payments", "tier": "1"}}
            """)
        let manifest = try RunReader.readManifest(folder: dir.url("runs/staging-42"))
        #expect(manifest.id == "staging-42")
        #expect(manifest.checklist == "mini")
        #expect(manifest.environment == "staging")
        #expect(manifest.startedAt == Timestamp("2026-10-05T07:30:00Z"))
        #expect(manifest.startedAt.text == "2026-10-05T09:30:00+02:00")
        #expect(manifest.title == "Release 1.4")
        #expect(manifest.commit == "0123abcd")
        #expect(manifest.branch == "main")
        #expect(manifest.url == "https://ci.example/42")
        #expect(manifest.trigger == "push")
        #expect(manifest.labels == ["team": "payments", "tier": "1"])
    }

    @Test func minimalManifestTakesItsIdFromTheFolder() throws {
        let dir = try TempDir()
        try dir.write("runs/r.1_x-2/run.json", #"{"checklist": "mini", "environment": "prod", "started_at": "2026-10-05"}"#)
        let manifest = try RunReader.readManifest(folder: dir.url("runs/r.1_x-2"))
        #expect(manifest.id == "r.1_x-2")
        #expect(manifest.title == nil)
        #expect(manifest.labels == nil)
        #expect(manifest.startedAt == Timestamp("2026-10-05T00:00:00Z"))
    }

    static let badManifests: [ManifestCase] = [
        ManifestCase(name: "missing checklist", folder: "r1", json: #"{"environment": "prod", "started_at": "2026-10-05"}"#,
                     message: "$: missing required field 'checklist'"),
        ManifestCase(name: "missing environment", folder: "r1", json: #"{"checklist": "mini", "started_at": "2026-10-05"}"#,
                     message: "$: missing required field 'environment'"),
        ManifestCase(name: "missing started_at", folder: "r1", json: #"{"checklist": "mini", "environment": "prod"}"#,
                     message: "$: missing required field 'started_at'"),
        ManifestCase(name: "bad started_at", folder: "r1", json: #"{"checklist": "mini", "environment": "prod", "started_at": "5 Oct"}"#,
                     message: "$.started_at: '5 Oct' is not an ISO-8601 time"),
        ManifestCase(name: "id differs from folder", folder: "r1",
                     json: #"{"id": "r2", "checklist": "mini", "environment": "prod", "started_at": "2026-10-05"}"#,
                     message: "$.id: 'r2' differs from the folder name 'r1'"),
        ManifestCase(name: "labels not strings", folder: "r1",
                     json: #"{"checklist": "mini", "environment": "prod", "started_at": "2026-10-05", "labels": {"n": 1}}"#,
                     message: "$.labels.n: expected a string, found a number"),
        ManifestCase(name: "not an object", folder: "r1", json: "[]", message: "run.json must hold an object, found an array"),
        ManifestCase(name: "malformed", folder: "r1", json: "{\"checklist\": }", message: "malformed JSON: unexpected character '}'"),
        ManifestCase(name: "folder name is not a run id", folder: "-bad", json: #"{"checklist": "mini", "environment": "prod", "started_at": "2026-10-05"}"#,
                     message: "invalid run id '-bad': use 1–128 letters, digits, '.', '_' or '-', starting with a letter or digit"),
    ]

    @Test(arguments: badManifests)
    func badManifest(_ c: ManifestCase) throws {
        let dir = try TempDir()
        try dir.write("runs/\(c.folder)/run.json", c.json)
        let error = #expect(throws: Diagnostic.self) { try RunReader.readManifest(folder: dir.url("runs/\(c.folder)")) }
        #expect(error?.message.contains(c.message) == true, "\(String(describing: error))")
        #expect(error?.path.hasPrefix(dir.url("runs/\(c.folder)")) == true)
    }

    @Test func missingRunJSONIsAProblem() throws {
        let dir = try TempDir()
        try dir.write("runs/r1/a.json", "{}")
        let error = #expect(throws: Diagnostic.self) { try RunReader.readManifest(folder: dir.url("runs/r1")) }
        #expect(error?.path == dir.url("runs/r1/run.json"))
        #expect(error?.message == "no such file")
    }

    @Test(arguments: [
        ("a", true), ("staging-42", true), ("R.1_2-x", true), ("9", true), (String(repeating: "a", count: 128), true),
        ("", false), ("-x", false), (".hidden", false), ("_x", false), ("a/b", false), ("a b", false), ("é", false),
        (String(repeating: "a", count: 129), false), ("..", false),
    ])
    func runIDs(_ id: String, _ valid: Bool) {
        let problem = RunID.validate(id)
        #expect((problem == nil) == valid)
        if let problem { #expect(problem.hasPrefix("invalid run id '\(id)'")) }
    }

    @Test func archiveSkipsBrokenRunsAndOrdersByStart() throws {
        let fixture = try RunArchiveFixture(F.mini)
        try fixture.run("b-late", started: "2026-10-06T00:00:00Z")
        try fixture.run("a-early", started: "2026-10-04T00:00:00Z")
        try fixture.run("c-same", started: "2026-10-04T00:00:00Z")
        try fixture.dir.write("runs/broken/run.json", "{}")
        try fixture.dir.write("runs/stray.json", "{}")
        let archive = RunArchive.scan(fixture.runs)
        #expect(archive.manifests.map(\.id) == ["a-early", "c-same", "b-late"])
        #expect(archive.problems.count == 2)
        #expect(archive.problems.contains { $0.path.hasSuffix("broken/run.json") && $0.message.contains("missing required field 'checklist'") })
        #expect(archive.problems.contains { $0.path.hasSuffix("stray.json") && $0.severity == .warning })
        let missing = RunArchive.scan(fixture.dir.url("nowhere"))
        #expect(missing.manifests.isEmpty && missing.problems.isEmpty)
    }

    @Test func recordFilesComeInEveryShapeAndTheirNamesCarryNoMeaning() throws {
        let fixture = try RunArchiveFixture(F.miniWithRole)
        let report = try fixture.reportOne(files: [
            // One result object.
            "zzz.json": F.result("build/lint", "pass"),
            // An array of results.
            "run-notes.json": "[" + F.result("runtime/load", "warn") + "," + F.result("runtime/api/health", "fail") + "]",
            // The grouped form with all three arrays.
            "signoff.json": """
                {"results": [{"item": "runtime/web/health", "status": "pass", "probe": "curl", "duration_ms": 120,
                              "details": "HTTP 200", "evidence": [{"label": "log", "url": "https://ci.example/log"}, {"url": "https://x.example"}]}],
                 "waivers": [{"item": "build/database/backups", "reason": "restore drill next week", "approved_by": "Kim", "expires_at": "2026-12-01"}],
                 "signoffs": [{"role": "Release Manager", "name": "Lee", "decision": "approve", "at": "2026-10-05T10:00:00Z", "comment": "ok"}]}
                """,
            // Only one group.
            "waiver.json": #"{"results": []}"#,
        ])
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(report.item("build/lint")?.state == .pass)
        #expect(report.item("runtime/load")?.state == .warn)
        #expect(report.item("runtime/api/health")?.state == .fail)
        let web = try #require(report.item("runtime/web/health")?.decidedBy)
        #expect(web.probe == "curl")
        #expect(web.durationMs == 120)
        #expect(web.details == "HTTP 200")
        #expect(web.evidence == [Evidence(label: "log", url: "https://ci.example/log"), Evidence(label: "https://x.example", url: "https://x.example")])
        #expect(web.source.path == "$.results[0]")
        #expect(report.item("build/database/backups")?.state == .waived)
        #expect(report.signoffs.first?.decision == .approve)
        #expect(report.signoffs.first?.comment == "ok")
    }

    @Test func nonJSONFilesAndFoldersAreIgnoredWithAWarningAndTempFilesSilently() throws {
        let fixture = try RunArchiveFixture(F.mini)
        try fixture.run("r1", started: "2026-10-05T09:00:00Z", files: [
            "README.md": "hello", ".tmp-123": "{", "sub/x.json": F.result("build/lint", "fail"), "ok.json": F.result("build/lint", "pass"),
        ])
        let report = try fixture.report("r1")
        #expect(report.problems.map(\.path).sorted() == ["r1/README.md", "r1/sub"])
        #expect(report.problems.allSatisfy { $0.severity == .warning })
        #expect(report.item("build/lint")?.state == .pass)
    }
}
