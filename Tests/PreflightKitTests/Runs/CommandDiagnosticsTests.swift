import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns

/// The CLI's errors are `Diagnostic`s: one `path: error: message` line each, exactly.
@Suite("Command diagnostics end to end")
struct CommandDiagnosticsTests {
    typealias Workspace = RunCommandsTests.Workspace

    @Test func signWithAnUnknownRolePrintsOneDiagnosticLine() throws {
        let ws = try Workspace()
        let run = try ws.startRun(id: "r1")
        let outcome = try ws.run(["sign", run, "--role", "CFO", "--name", "Kim", "--decision", "approve", "--content", ws.content])
        #expect(outcome.status == 1)
        #expect(outcome.stderr == "\(run): error: 'CFO' is not a sign-off role of 'gated' (roles: Technical Lead, Security Lead)\n")
    }

    @Test func verifyWithAnotherDigestPrintsOneDiagnosticLine() throws {
        let ws = try Workspace()
        let run = try ws.goRun()
        let wrong = String(repeating: "0", count: 64)
        let outcome = try ws.run(["verify", run, "--digest", wrong, "--content", ws.content])
        #expect(outcome.status == 1)
        let actual = outcome.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(actual.count == 64 && actual != wrong)
        #expect(outcome.stderr == "\(run): error: digest differs: the sheet says \(wrong), the run gives \(actual)\n")
    }

    @Test func verifyOfAMissingReportNamesTheFile() throws {
        let ws = try Workspace()
        let missing = ws.dir.url("gone/report.json")
        let outcome = try ws.run(["verify", missing, "--digest", "00"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr == "\(missing): error: cannot read the file\n")
    }

    @Test func recordWithAnUnknownItemNamesTheRunFolder() throws {
        let ws = try Workspace(RunsFixtures.mini, name: "mini")
        let run = try ws.startRun(id: "r1", checklist: "mini")
        let outcome = try ws.run(["record", run + "/", "--item", "lnit", "--status", "pass", "--content", ws.content])
        #expect(outcome.status == 1)
        #expect(outcome.stderr == "\(run): error: unknown item 'lnit'; nearest ids: build/lint, runtime/load\n")
    }

    @Test func startRunReportsAnUnusableCIRunIDAgainstTheRunsFolder() throws {
        let ws = try Workspace()
        let outcome = try ws.run(["start-run", "--checklist", "gated", "--environment", "staging", "--content", ws.content,
                                  "--runs", ws.runs], env: ["GITHUB_ACTIONS": "true", "GITHUB_RUN_ID": "bad id!"])
        #expect(outcome.status == 1)
        let problem = "invalid run id 'staging-bad id!': use 1–128 letters, digits, '.', '_' or '-', starting with a letter or digit"
        #expect(outcome.stderr == "\(ws.runs): error: \(problem)\n")
        #expect(ws.dir.files(in: "runs").isEmpty)
    }

    @Test func startRunOfAnExistingRunNamesItsFolder() throws {
        let ws = try Workspace()
        let run = try ws.startRun(id: "r1")
        let again = try ws.run(["start-run", "--checklist", "gated", "--environment", "staging", "--content", ws.content,
                                "--runs", ws.runs, "--id", "r1"])
        #expect(again.status == 1)
        #expect(again.stderr == "\(run): error: cannot create the run folder (does the run already exist?)\n")
    }
}
