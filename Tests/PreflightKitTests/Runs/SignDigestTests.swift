import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport
@testable import PreflightHistory
@testable import PreflightSite

/// `preflight sign` binds the decision to the evidence; `--digest` signs exactly what a sheet printed.
@Suite("Sign with the evidence digest")
struct SignDigestTests {
    typealias Workspace = RunCommandsTests.Workspace

    static func evidenceDigest(_ ws: Workspace, _ run: String) throws -> String {
        let outcome = try ws.report(run, ["--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        return try #require(json["evidence_digest"] as? String)
    }

    func sign(_ ws: Workspace, _ run: String, _ role: String, digest: String?, now: String = "2026-10-05T10:00:00Z") throws -> PreflightBinary.Outcome {
        try ws.run(["sign", run, "--role", role, "--name", "Priya", "--decision", "approve", "--content", ws.content]
                   + (digest.map { ["--digest", $0] } ?? []), env: ["PREFLIGHT_NOW": now])
    }

    /// The sign-off record files of the run folder `run` (under the workspace's `runs/`).
    func signoffFiles(_ ws: Workspace, _ run: String) -> [String] {
        ws.dir.files(in: "runs/" + (run as NSString).lastPathComponent).filter { $0.hasPrefix("signoff-") }
    }

    @Test func signRecordsTheDigestAndTheStatesTheSignerSaw() throws {
        let ws = try Workspace()
        let run = try ws.startRun(id: "r1")
        try ws.record(run, "go/tests", "pass")
        let digest = try Self.evidenceDigest(ws, run)
        #expect(try sign(ws, run, "Technical Lead", digest: nil).status == 0)
        let file = try #require(signoffFiles(ws, run).first)
        let record = try #require(try JSONSerialization.jsonObject(with: Data(ws.dir.read("runs/r1/" + file).utf8)) as? [String: Any])
        let signoff = try #require((record["signoffs"] as? [[String: Any]])?.first)
        #expect(signoff["evidence_digest"] as? String == digest)
        #expect(signoff["item_states"] as? [String: String] == [
            "lint": "n", "smoke": "n", "go/tests": "p", "go/rollback": "d", "nogo/vulns": "n", "nogo/infra": "n",
        ])
    }

    @Test func aMatchingDigestOrPrefixSigns() throws {
        let ws = try Workspace()
        let run = try ws.startRun(id: "r1")
        try ws.record(run, "go/tests", "pass")
        let digest = try Self.evidenceDigest(ws, run)
        let full = try sign(ws, run, "Technical Lead", digest: digest)
        #expect(full.status == 0, "\(full.stderr)")
        // The short form as printed on the sheet, groups and all.
        let grouped = EvidenceDigest.shortForm(digest).uppercased()
        let prefix = try sign(ws, run, "Security Lead", digest: grouped)
        #expect(prefix.status == 0, "\(prefix.stderr)")
        #expect(signoffFiles(ws, run).count == 2)
    }

    @Test func aTooShortPrefixIsRefused() throws {
        let ws = try Workspace()
        let run = try ws.startRun(id: "r1")
        let digest = try Self.evidenceDigest(ws, run)
        let outcome = try sign(ws, run, "Technical Lead", digest: String(digest.prefix(7)))
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("--digest '\(digest.prefix(7))' is not a digest: give at least 8 hex digits, as the sheet prints them"), "\(outcome.stderr)")
        #expect(signoffFiles(ws, run).isEmpty)
    }

    @Test func aDigestThatIsNoLongerCurrentIsRefusedWithWhatChanged() throws {
        let ws = try Workspace()
        let run = try ws.startRun(id: "r1")
        try ws.record(run, "go/tests", "pass")
        let printed = try Self.evidenceDigest(ws, run)
        #expect(try sign(ws, run, "Technical Lead", digest: printed).status == 0)
        try ws.record(run, "smoke", "fail", now: "2026-10-05T10:30:00Z")
        let current = try Self.evidenceDigest(ws, run)
        let outcome = try sign(ws, run, "Security Lead", digest: String(printed.prefix(8)), now: "2026-10-05T11:00:00Z")
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("the evidence changed since \(printed.prefix(8)): the sheet's digest is not the current evidence of run r1 (now \(EvidenceDigest.shortForm(current)), \(current))"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("changed since: Smoke tests: pending → fail"), "\(outcome.stderr)")
        #expect(signoffFiles(ws, run).count == 1, "the refused decision is not recorded")
        // The report shows the first approval as stale.
        let report = try ws.report(run)
        #expect(report.stdout.contains("Technical Lead: approved by Priya on 2026-10-05 10:00 UTC [approved an earlier state; changed since: Smoke tests: pending → fail]"), "\(report.stdout)")
    }
}
