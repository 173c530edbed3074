import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport
@testable import PreflightHistory
@testable import PreflightSite

/// Decisions signed with real ed25519 keys made by `ssh-keygen` in a temp folder, checked against
/// `content/allowed_signers`. Skipped visibly without OpenSSH, except in CI.
@Suite(.enabled(if: SignoffSignature.sshKeygen != nil || !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty,
                "SKIPPED: ssh-keygen (openssh-client) not found on PATH"))
struct SignedSignoffTests {
    typealias Workspace = RunCommandsTests.Workspace

    /// A workspace with keys `priya` (Security Lead only), `dan` (any role) and `mallory` (not listed).
    static func workspace() throws -> Workspace {
        let ws = try Workspace()
        for name in ["priya", "dan", "mallory"] {
            let keygen = try BrowserTools.run("/usr/bin/env", ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", ws.dir.url(name)])
            #expect(keygen.status == 0, "\(keygen.stderr)")
        }
        let priya = try ws.dir.read("priya.pub").trimmingCharacters(in: .whitespacesAndNewlines)
        let dan = try ws.dir.read("dan.pub").trimmingCharacters(in: .whitespacesAndNewlines)
        try ws.dir.write("content/allowed_signers", """
            # Security Lead only; Dan may sign for any role.
            priya@example.com namespaces="preflight-signoff-security-lead" \(priya)
            dan@example.com \(dan)

            """)
        return ws
    }

    func sign(_ ws: Workspace, _ run: String, _ role: String, key: String?, name: String = "Priya",
              now: String = "2026-10-05T10:00:00Z") throws -> PreflightBinary.Outcome {
        try ws.run(["sign", run, "--role", role, "--name", name, "--decision", "approve", "--content", ws.content]
                   + (key.map { ["--key", ws.dir.url($0)] } ?? []), env: ["PREFLIGHT_NOW": now])
    }

    func signoffs(_ ws: Workspace, _ run: String) throws -> [String: String] {
        let outcome = try ws.report(run, ["--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        var marks: [String: String] = [:]
        for status in try #require(json["signoffs"] as? [[String: Any]]) {
            marks[status["role"] as? String ?? "?"] = status["signature"] as? String ?? "-"
        }
        return marks
    }

    @Test func eachDecisionIsVerifiedUnsignedOrInvalid() throws {
        let ws = try Self.workspace()
        let run = try ws.startRun(id: "r1")
        #expect(try sign(ws, run, "Security Lead", key: "priya").status == 0)
        #expect(try sign(ws, run, "Technical Lead", key: nil).status == 0)
        var marks = try signoffs(ws, run)
        let fingerprint = try #require(marks["Security Lead"]?.firstMatch(of: /SHA256:[A-Za-z0-9+\/]+/)).0
        let keygen = try BrowserTools.run("/usr/bin/env", ["ssh-keygen", "-l", "-f", ws.dir.url("priya.pub")])
        #expect(keygen.stdout.contains(String(fingerprint)), "the fingerprint ssh-keygen gives")
        #expect(marks == ["Security Lead": "verified: priya@example.com (\(fingerprint))", "Technical Lead": "unsigned"])

        // A key allowed for another role only, and a key nobody listed.
        #expect(try sign(ws, run, "Technical Lead", key: "priya", now: "2026-10-05T11:00:00Z").status == 0)
        marks = try signoffs(ws, run)
        #expect(marks["Technical Lead"] == "invalid: priya@example.com may not sign for Technical Lead")
        let other = try startOther(ws)
        #expect(try sign(ws, other, "Security Lead", key: "mallory", name: "Mallory").status == 0)
        #expect(try signoffs(ws, other)["Security Lead"] == "invalid: the signer's key is not in allowed_signers")
        // Dan's line has no role restriction.
        #expect(try sign(ws, other, "Technical Lead", key: "dan", name: "Dan").status == 0)
        #expect(try signoffs(ws, other)["Technical Lead"]?.hasPrefix("verified: dan@example.com (SHA256:") == true)

        let text = try ws.report(run).stdout
        #expect(text.contains("Security Lead: approved by Priya on 2026-10-05 10:00 UTC [verified: priya@example.com (\(fingerprint))]"), "\(text)")
    }

    func startOther(_ ws: Workspace) throws -> String { try ws.startRun(id: "r2", now: "2026-10-06T09:00:00Z") }

    @Test func aTamperedRecordIsInvalid() throws {
        let ws = try Self.workspace()
        let run = try ws.startRun(id: "r1")
        let signed = try sign(ws, run, "Security Lead", key: "priya")
        let file = signed.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let path = file.hasPrefix("/") ? file : ws.dir.url(file)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("\"name\" : \"Priya\""), "\(text)")
        try text.replacingOccurrences(of: "\"name\" : \"Priya\"", with: "\"name\" : \"Eve\"").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try signoffs(ws, run)["Security Lead"] == "invalid: bad signature or a signature over other data")
        let report = try ws.report(run)
        #expect(report.stderr.contains("\(path): warning: $.signoffs[0].signature: invalid signature: bad signature or a signature over other data"), "\(report.stderr)")
    }

    @Test func requireSignedSignoffsCountsOnlyVerifiedDecisions() throws {
        let ws = try Self.workspace()
        let run = try ws.startRun(id: "r1")
        try ws.record(run, "go/tests", "pass")
        try ws.record(run, "nogo/vulns", "pass")
        try ws.record(run, "nogo/infra", "pass")
        #expect(try sign(ws, run, "Security Lead", key: "priya").status == 0)
        #expect(try sign(ws, run, "Technical Lead", key: nil, name: "Dan").status == 0)
        #expect(try ws.report(run).stdout.contains("Verdict: GO"))

        try ws.dir.write("preflight.toml", "[checklist]\nrequire_signed_signoffs = true\n")
        let required = try ws.report(run).stdout
        #expect(required.contains("Verdict: PENDING"), "\(required)")
        #expect(required.contains("sign-off/technical-lead: Technical Lead has no verified decision (1 unverified decision not counted)"), "\(required)")
        #expect(try sign(ws, run, "Technical Lead", key: "dan", name: "Dan", now: "2026-10-05T11:00:00Z").status == 0)
        #expect(try ws.report(run).stdout.contains("Verdict: GO"))
    }
}

extension SignedSignoffTests {
    @Test func aMalformedAllowedSignersLineIsAProblemAtItsLineAndColumn() throws {
        let ws = try Self.workspace()
        let priya = try ws.dir.read("priya.pub").trimmingCharacters(in: .whitespacesAndNewlines)
        try ws.dir.write("content/allowed_signers", """
            priya@example.com roles="Security Lead" \(priya)
            just-a-name

            """)
        let run = try ws.startRun(id: "r1")
        #expect(try sign(ws, run, "Security Lead", key: "priya").status == 0)
        let report = try ws.report(run)
        #expect(report.stderr.contains("content/allowed_signers:1:19: error: unknown option 'roles=\"Security Lead\"'"), "\(report.stderr)")
        #expect(report.stderr.contains("content/allowed_signers:2:1: error: expected 'principals [options] key-type base64-key'"), "\(report.stderr)")
        // The decision stays listed, shown as invalid, never dropped.
        #expect(try signoffs(ws, run)["Security Lead"]?.hasPrefix("invalid: ") == true)
    }
}

extension SignedSignoffTests {
    @Test func theSiteShowsEachDecisionsSignatureAndRebuildsWhenTheSignersChange() throws {
        let ws = try Self.workspace()
        let run = try ws.startRun(id: "r1")
        #expect(try sign(ws, run, "Security Lead", key: "priya").status == 0)
        #expect(try sign(ws, run, "Technical Lead", key: nil, name: "Dan").status == 0)
        let site = ws.dir.url("site")
        let build = { try ws.run(["build", "--content", ws.content, "--runs", ws.runs, "--output", site, "--quiet"]) }
        #expect(try build().status == 0)
        var page = try String(contentsOfFile: site + "/runs/r1/index.html", encoding: .utf8)
        #expect(page.contains("<span class=\"signature-mark signature-verified\">(verified: priya@example.com (SHA256:"), "\(page)")
        #expect(page.contains("<span class=\"signature-mark signature-unsigned\">(unsigned)</span>"))
        let sheet = try String(contentsOfFile: site + "/runs/r1/signoff.html", encoding: .utf8)
        #expect(sheet.contains("<span class=\"signoff-mark signature-unsigned\">unsigned</span>"))
        #expect(sheet.contains("<span class=\"signoff-mark signature-verified\">verified: priya@example.com (SHA256:"))

        // Priya is struck from allowed_signers: the next (incremental) build says so.
        let dan = try ws.dir.read("dan.pub").trimmingCharacters(in: .whitespacesAndNewlines)
        try ws.dir.write("content/allowed_signers", "dan@example.com \(dan)\n")
        #expect(try build().status == 0)
        page = try String(contentsOfFile: site + "/runs/r1/index.html", encoding: .utf8)
        #expect(page.contains("<span class=\"signature-mark signature-invalid\">(invalid: the signer&#39;s key is not in allowed_signers)</span>"), "\(page)")
    }
}
