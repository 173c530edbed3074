import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport
@testable import PreflightHistory
@testable import PreflightSite

/// A fresh folder under the system temp directory, removed when the value goes away.
final class TempDir {
    let path: String

    init() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("preflight-runs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        path = url.path
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func url(_ relative: String) -> String { (path as NSString).appendingPathComponent(relative) }

    /// Writes text (creating folders on the way) and returns the full path.
    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String {
        try write(relative, data: Data(text.utf8))
    }

    @discardableResult
    func write(_ relative: String, data: Data) throws -> String {
        let full = url(relative)
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: full))
        return full
    }

    func read(_ relative: String) throws -> String {
        try String(contentsOfFile: url(relative), encoding: .utf8)
    }

    func files(in relative: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: url(relative))) ?? []).sorted()
    }
}

/// Small checklists the run tests share; every id is explicit so the tests do not depend on slugging.
enum RunsFixtures {
    /// No Go/No-Go sections, no sign-off roles; one parent item, a subsection and two ids ending in `health`.
    static let mini = """
        # Mini Release

        ## Build

        - [ ] Lint passes {#build/lint}
        - [x] Changelog written {#build/changelog}

        ### Database

        - [ ] **Database** {#build/database}
          - [ ] Migrations applied {#build/database/migrations}
          - [ ] Backups restored {#build/database/backups}

        ## Runtime

        - [ ] API health {#runtime/api/health}
        - [ ] Web health {#runtime/web/health}
        - [ ] Load test {#runtime/load}

        """

    /// `mini` plus a sign-off section with one role.
    static let miniWithRole = mini + """

        ## Sign-Off

        - [ ] **Release Manager**: ____

        """

    /// Go and No-Go criteria and two sign-off roles.
    static func gated(infraChecked: Bool = false) -> String {
        """
        # Gated Release

        ## Checks

        - [ ] Lint passes {#lint}
        - [ ] Smoke tests {#smoke}

        ## Go/No-Go Decision

        ### Go Criteria

        - [ ] All tests passing {#go/tests}
        - [x] Rollback plan tested {#go/rollback}

        ### No-Go Criteria

        - [ ] Critical vulnerabilities {#nogo/vulns}
        - [\(infraChecked ? "x" : " ")] Infrastructure issues {#nogo/infra}

        ## Sign-Off

        - [ ] **Technical Lead**: ____
        - [ ] **Security Lead**: ____

        """
    }

    static func checklist(_ markdown: String, name: String = "mini") -> Checklist {
        let parsed = ChecklistParser().parse(markdown, name: name, path: "\(name).md")
        return parsed.checklist
    }

    /// The package root, found from this file's location (Tests/PreflightKitTests/Support/…).
    static var packageRoot: String {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }

    static var seedPath: String { packageRoot + "/content/checklists/production-deployment.md" }

    /// A result object as JSON text.
    static func result(_ item: String, _ status: String, at: String? = nil, summary: String? = nil,
                       validFor: String? = nil, expiresAt: String? = nil) -> String {
        var fields = ["\"item\": \(quote(item))", "\"status\": \(quote(status))"]
        if let at { fields.append("\"observed_at\": \(quote(at))") }
        if let summary { fields.append("\"summary\": \(quote(summary))") }
        if let validFor { fields.append("\"valid_for\": \(quote(validFor))") }
        if let expiresAt { fields.append("\"expires_at\": \(quote(expiresAt))") }
        return "{" + fields.joined(separator: ", ") + "}"
    }

    static func waiver(_ item: String, until: String, reason: String = "accepted risk", by: String = "Dana") -> String {
        #"{"waivers": [{"item": \#(quote(item)), "reason": \#(quote(reason)), "approved_by": \#(quote(by)), "expires_at": \#(quote(until))}]}"#
    }

    static func signoff(_ role: String, _ decision: String, at: String, name: String = "Sam", comment: String? = nil) -> String {
        let extra = comment.map { ", \"comment\": \(quote($0))" } ?? ""
        return #"{"signoffs": [{"role": \#(quote(role)), "name": \#(quote(name)), "decision": \#(quote(decision)), "at": \#(quote(at))\#(extra)}]}"#
    }

    static func quote(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

/// A runs archive in a temp folder: write run folders, then merge one the way `preflight report` does.
struct RunArchiveFixture {
    let dir: TempDir
    let checklist: Checklist

    init(_ markdown: String, name: String = "mini") throws {
        dir = try TempDir()
        checklist = RunsFixtures.checklist(markdown, name: name)
    }

    init(checklist: Checklist) throws {
        dir = try TempDir()
        self.checklist = checklist
    }

    var runs: String { dir.url("runs") }

    /// Writes `runs/<id>/run.json` and the record files.
    func run(_ id: String, started: String, environment: String = "staging", checklist name: String? = nil,
             files: [String: String] = [:]) throws {
        let manifest = """
            {"checklist": \(RunsFixtures.quote(name ?? checklist.name)), "environment": \(RunsFixtures.quote(environment)), "started_at": \(RunsFixtures.quote(started))}
            """
        try dir.write("runs/\(id)/run.json", manifest)
        for (file, text) in files { try dir.write("runs/\(id)/\(file)", text) }
    }

    /// The merged report of one run (with carry-forward from earlier runs of its stream), its
    /// problem paths relative to the runs folder as report.json and the pages show them.
    func report(_ id: String) throws -> RunReport {
        let archive = RunArchive.scan(runs)
        let manifest = try #require(archive.manifests.first { $0.id == id }, "run \(id) not in archive: \(archive.problems)")
        var report = StreamMerger(checklist: checklist, archive: archive).report(for: manifest)
        #expect(report.problems.allSatisfy { $0.path.hasPrefix(runs + "/") }, "paths stay as found until printed")
        report.problems = report.problems.map { $0.relative(to: runs) }
        return report
    }

    /// A single-run report written and merged in one step.
    func reportOne(started: String = "2026-10-05T09:00:00Z", files: [String: String]) throws -> RunReport {
        try run("r1", started: started, files: files)
        return try report("r1")
    }
}

/// The built `preflight` executable, run as a child process with its output captured in files.
enum PreflightBinary {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// `PREFLIGHT_BIN`, else the `preflight` next to the test bundle, else `.build/debug/preflight`.
    static var path: String {
        let env = ProcessInfo.processInfo.environment
        if let given = env["PREFLIGHT_BIN"], !given.isEmpty { return given }
        var candidates: [String] = []
        if let first = CommandLine.arguments.first {
            var url = URL(fileURLWithPath: first)
            // The runner may be `…/debug/preflightPackageTests.xctest` (a file on Linux, a bundle on macOS).
            for _ in 0..<4 {
                url.deleteLastPathComponent()
                candidates.append(url.appendingPathComponent("preflight").path)
            }
        }
        candidates.append(RunsFixtures.packageRoot + "/.build/debug/preflight")
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates.last!
    }

    /// Variables a CI system sets; cleared so the tests behave the same on CI and locally.
    static let ciPrefixes = ["GITHUB_", "GITLAB_", "CI_", "BUILDKITE", "JENKINS_", "BUILD_", "GIT_", "BRANCH_NAME"]

    static func environment(_ extra: [String: String]) -> [String: String] {
        var env = ProcessInfo.processInfo.environment.filter { key, _ in !ciPrefixes.contains { key.hasPrefix($0) } }
        env["PREFLIGHT_NOW"] = "2026-10-05T09:30:00Z"
        for (key, value) in extra { env[key] = value }
        return env
    }

    /// Starts the binary; call `finish` on the result to wait for it.
    static func start(_ arguments: [String], env: [String: String] = [:], cwd: String, outputs: TempDir) throws -> Running {
        #expect(FileManager.default.isExecutableFile(atPath: path), "no preflight binary at \(path); run `swift build` or set PREFLIGHT_BIN")
        let id = UUID().uuidString
        let out = outputs.url(".out-\(id)")
        let err = outputs.url(".err-\(id)")
        _ = FileManager.default.createFile(atPath: out, contents: nil)
        _ = FileManager.default.createFile(atPath: err, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = environment(env)
        process.currentDirectoryURL = URL(fileURLWithPath: cwd)
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
        try process.run()
        return Running(process: process, out: out, err: err)
    }

    struct Running {
        let process: Process
        let out: String
        let err: String

        func finish() -> Outcome {
            process.waitUntilExit()
            let stdout = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
            let stderr = (try? String(contentsOfFile: err, encoding: .utf8)) ?? ""
            try? FileManager.default.removeItem(atPath: out)
            try? FileManager.default.removeItem(atPath: err)
            return Outcome(status: process.terminationStatus, stdout: stdout, stderr: stderr)
        }
    }

    /// Runs the binary to completion in `dir`.
    static func run(_ arguments: [String], env: [String: String] = [:], in dir: TempDir) throws -> Outcome {
        try start(arguments, env: env, cwd: dir.path, outputs: dir).finish()
    }
}
