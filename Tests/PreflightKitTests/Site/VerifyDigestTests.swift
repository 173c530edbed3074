import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport
@testable import PreflightHistory
@testable import PreflightSite

/// `preflight verify DIGEST`: a digest from paper looked up in the archive or a built site.
@Suite("Verify a digest without a path")
struct VerifyDigestTests {
    typealias Workspace = RunCommandsTests.Workspace

    /// A run signed by the Technical Lead on its first state, then changed by a failing smoke test.
    static func changedRun() throws -> (ws: Workspace, printed: String, current: String, reportDigest: String) {
        let ws = try Workspace()
        let run = try ws.startRun(id: "r1")
        try ws.record(run, "go/tests", "pass")
        let printed = try SignDigestTests.evidenceDigest(ws, run)
        try ws.sign(run, "Technical Lead", now: "2026-10-05T10:00:00Z")
        try ws.record(run, "smoke", "fail", now: "2026-10-05T10:30:00Z")
        let current = try SignDigestTests.evidenceDigest(ws, run)
        let verified = try ws.run(["verify", run, "--content", ws.content])
        #expect(verified.status == 0, "\(verified.stderr)")
        return (ws, printed, current, verified.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    static let changedLines = [
        "  decided on it: Technical Lead approved (Alex, 2026-10-05 10:00 UTC)",
        "  changed since: Smoke tests: pending → fail",
    ]

    @Test func aDigestIsLookedUpInTheArchive() throws {
        let (ws, printed, current, reportDigest) = try Self.changedRun()
        let where_ = ["--runs", ws.runs, "--content", ws.content]

        let now = try ws.run(["verify", EvidenceDigest.shortForm(current)] + where_)
        #expect(now.status == 0, "\(now.stderr)")
        #expect(now.stdout == """
            \(current): evidence digest of run r1 (Gated Release · staging); its sheet is runs/r1/signoff.html
              current: this is still the run's evidence

            """)

        let old = try ws.run(["verify", String(printed.prefix(8))] + where_)
        #expect(old.status == 1)
        #expect(old.stdout == ([
            "\(printed): evidence digest of run r1 (Gated Release · staging); its sheet is runs/r1/signoff.html",
            Self.changedLines[0],
            "  changed: the run's evidence is now \(EvidenceDigest.shortForm(current)) (\(current))",
            Self.changedLines[1],
        ].joined(separator: "\n") + "\n"), "\(old.stdout)")

        let report = try ws.run(["verify", String(reportDigest.prefix(12))] + where_)
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.hasPrefix("\(reportDigest): report.json digest of run r1"), "\(report.stdout)")

        let missing = try ws.run(["verify", "00000000"] + where_)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("00000000: error: no run in the runs archive \(ws.runs) has an evidence or report.json digest starting 00000000"), "\(missing.stderr)")
        #expect(try ws.run(["verify", "0000000"] + where_).status == 1)
    }

    @Test func aDigestIsLookedUpInABuiltSite() throws {
        let (ws, printed, current, _) = try Self.changedRun()
        let site = ws.dir.url("site")
        let build = try ws.run(["build", "--content", ws.content, "--runs", ws.runs, "--output", site, "--quiet"])
        #expect(build.status == 0, "\(build.stderr)")
        let index = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: site + "/index.json"))) as? [String: Any])
        let stream = try #require((index["streams"] as? [[String: Any]])?.first)
        let digests = try #require(stream["digests"] as? [[String: String]])
        let reportJSON = try Data(contentsOf: URL(fileURLWithPath: site + "/runs/r1/report.json"))
        #expect(digests == [["run": "r1", "evidence": current, "report": ContentKeys.hash(reportJSON)]])

        // The stale approval, on the run page and the sheet, with what changed since.
        let page = try String(contentsOfFile: site + "/runs/r1/index.html", encoding: .utf8)
        #expect(page.contains("<td>Approved <span class=\"signoff-mark\">(approved an earlier state)</span><ul class=\"changed-since\"><li>Smoke tests: pending → fail</li></ul></td><td>Alex</td>"), "\(page)")
        #expect(page.contains("Evidence digest: <code class=\"digest-short\">\(EvidenceDigest.shortForm(current))</code> <code>\(current)</code>: the checklist, every item's state and deciding result, and the waivers."))
        let sheet = try String(contentsOfFile: site + "/runs/r1/signoff.html", encoding: .utf8)
        #expect(sheet.contains("<tr class=\"binding-stale\"><th scope=\"row\">Technical Lead</th><td class=\"signer\">Alex</td><td class=\"decision\">Approved<span class=\"signoff-mark\">approved an earlier state</span></td>"), "\(sheet)")
        #expect(sheet.contains("<li>Technical Lead approved an earlier state (Alex) and must approve the current one; changed since: Smoke tests: pending → fail</li>"))
        #expect(!sheet.contains("sign-off/technical-lead"))

        let now = try ws.run(["verify", String(current.prefix(16)), "--site", site])
        #expect(now.status == 0, "\(now.stderr)")
        #expect(now.stdout.contains("current: this is still the run's evidence"))

        let old = try ws.run(["verify", String(printed.prefix(10)), "--site", site])
        #expect(old.status == 1)
        for line in Self.changedLines { #expect(old.stdout.contains(line + "\n"), "\(old.stdout)") }

        let report = try ws.run(["verify", ContentKeys.hash(reportJSON), "--site", site])
        #expect(report.status == 0)
        #expect(try ws.run(["verify", "abcdef0123", "--site", site]).status == 1)
    }
}
