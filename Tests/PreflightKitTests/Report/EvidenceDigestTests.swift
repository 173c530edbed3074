import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport
@testable import PreflightHistory
@testable import PreflightSite

/// The evidence digest (what a signer judges) and sign-offs bound to it.
@Suite("Evidence digest and stale approvals")
struct EvidenceDigestTests {
    typealias F = RunsFixtures

    /// Results that make the gated checklist GO once both roles approve.
    static let evidence: [String: String] = [
        "tests.json": F.result("go/tests", "pass", at: "2026-10-05T09:10:00Z", summary: "212 passed"),
        "vulns.json": F.result("nogo/vulns", "pass", at: "2026-10-05T09:11:00Z"),
        "infra.json": F.result("nogo/infra", "pass", at: "2026-10-05T09:12:00Z"),
    ]

    /// A sign-off bound to `report`'s evidence, with the states it saw.
    static func boundSignoff(_ role: String, _ decision: String, at: String, on report: RunReport, name: String = "Sam") throws -> String {
        let states = try JSONEncoder.canonicalJSON(EvidenceDigest.states(report.items))
        let statesText = String(decoding: states, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return #"{"signoffs": [{"role": \#(F.quote(role)), "name": \#(F.quote(name)), "decision": \#(F.quote(decision)), "at": \#(F.quote(at)), "evidence_digest": \#(F.quote(report.evidenceDigest)), "item_states": \#(statesText)}]}"#
    }

    static func digest(_ files: [String: String], markdown: String = F.gated()) throws -> RunReport {
        try RunArchiveFixture(markdown, name: "gated").reportOne(files: files)
    }

    @Test func theDigestIsTheSameBytesEveryTimeAndPinned() throws {
        let first = try Self.digest(Self.evidence)
        let second = try Self.digest(Self.evidence)
        let bytes = EvidenceDigest.canonicalJSON(run: first.run, checklist: first.checklist, items: first.items)
        #expect(bytes == EvidenceDigest.canonicalJSON(run: second.run, checklist: second.checklist, items: second.items))
        #expect(first.evidenceDigest == second.evidenceDigest)
        #expect(first.evidenceDigest == ContentKeys.hash(Data(bytes)))
        // Pinned: a change of the canonical form must change `EvidenceDigest.format` and README.
        #expect(first.evidenceDigest == "099dfb8ca190e5c69ba80e43986da9e15135bc29a34a7cf9602384b142af658f")
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix(#"{"checklist":{"name":"gated","title":"Gated Release"},"format":"preflight-evidence/1","items":[{"carried_from":null,"checked":false,"id":"lint","kind":"check","result":null,"state":"pending","text":"Lint passes","waiver":null}"#), "\(text)")
        #expect(!text.contains("tests.json"), "where a record was read from is no evidence")
        #expect(EvidenceDigest.shortForm("3f9ac2e107bd5a44ffff") == "3f9a c2e1 07bd 5a44")
    }

    @Test func signingDoesNotChangeTheDigest() throws {
        let unsigned = try Self.digest(Self.evidence)
        let signed = try Self.digest(Self.evidence.merging([
            "tech.json": F.signoff("Technical Lead", "approve", at: "2026-10-05T10:00:00Z"),
            "sec.json": F.signoff("Security Lead", "reject", at: "2026-10-05T10:00:00Z", comment: "pen test"),
        ]) { $1 })
        #expect(signed.verdict == .noGo)
        #expect(unsigned.verdict == .pending)
        #expect(signed.evidenceDigest == unsigned.evidenceDigest)
        #expect(signed.item("sign-off/technical-lead")?.state == .pass)
    }

    @Test(arguments: [
        ("a result's status", ["tests.json": F.result("go/tests", "fail", at: "2026-10-05T09:10:00Z", summary: "212 passed")]),
        ("a result's summary", ["tests.json": F.result("go/tests", "pass", at: "2026-10-05T09:10:00Z", summary: "211 passed")]),
        ("a new result", ["lint.json": F.result("lint", "pass", at: "2026-10-05T09:13:00Z")]),
        ("a waiver", ["w.json": F.waiver("lint", until: "2027-01-01")]),
    ])
    func anyResultOrWaiverChangesTheDigest(_ change: (String, [String: String])) throws {
        let before = try Self.digest(Self.evidence)
        let after = try Self.digest(Self.evidence.merging(change.1) { $1 })
        #expect(before.evidenceDigest != after.evidenceDigest, "\(change.0)")
    }

    @Test func aChecklistChangeChangesTheDigest() throws {
        let before = try Self.digest(Self.evidence)
        let reworded = try Self.digest(Self.evidence, markdown: F.gated().replacingOccurrences(of: "Smoke tests", with: "Smoke tests on staging"))
        let ticked = try Self.digest(Self.evidence, markdown: F.gated().replacingOccurrences(of: "- [ ] Lint passes", with: "- [x] Lint passes"))
        #expect(Set([before.evidenceDigest, reworded.evidenceDigest, ticked.evidenceDigest]).count == 3)
    }

    @Test func anApprovalOfAnEarlierStateIsStaleListsTheChangesAndAReSignRestoresGo() throws {
        let fixture = try RunArchiveFixture(F.gated(), name: "gated")
        try fixture.run("r1", started: "2026-10-05T09:00:00Z", files: Self.evidence)
        let before = try fixture.report("r1")
        var files = Self.evidence
        files["tech.json"] = try Self.boundSignoff("Technical Lead", "approve", at: "2026-10-05T10:00:00Z", on: before, name: "Priya")
        files["sec.json"] = try Self.boundSignoff("Security Lead", "approve", at: "2026-10-05T10:00:00Z", on: before)
        try fixture.run("r1", started: "2026-10-05T09:00:00Z", files: files)
        let approved = try fixture.report("r1")
        #expect(approved.verdict == .go, "\(approved.reasons)")
        #expect(approved.signoffs.map(\.binding) == [.current, .current])

        // A smoke test fails after both approved.
        files["smoke.json"] = F.result("smoke", "fail", at: "2026-10-05T11:00:00Z")
        try fixture.run("r1", started: "2026-10-05T09:00:00Z", files: files)
        let changed = try fixture.report("r1")
        #expect(changed.problems.isEmpty, "\(changed.problems)")
        #expect(changed.evidenceDigest != before.evidenceDigest)
        #expect(changed.verdict == .pending)
        #expect(changed.reasons.map(\.item) == ["sign-off/technical-lead", "sign-off/security-lead"])
        #expect(changed.reasons.first?.why == "Technical Lead approved an earlier state (Priya) and must approve the current one; changed since: Smoke tests: pending → fail")
        let tech = try #require(changed.signoffs.first)
        #expect(tech.binding == .stale)
        #expect(tech.changes == [ItemChange(item: "smoke", text: "Smoke tests", was: .pending, now: .fail)])
        #expect(changed.item("sign-off/technical-lead")?.state == .pending)
        #expect(ReportFormatter.text(changed).contains("Technical Lead: approved by Priya on 2026-10-05 10:00 UTC [approved an earlier state; changed since: Smoke tests: pending → fail]"))
        #expect(ReportFormatter.markdown(changed).contains("approved an earlier state; changed since: Smoke tests: pending → fail"))
        let json = String(decoding: changed.canonicalJSON(relativeTo: fixture.runs), as: UTF8.self)
        #expect(json.contains(#""binding":"stale","changed_since":[{"item":"smoke","now":"fail","text":"Smoke tests","was":"pending"}]"#), "\(json)")
        #expect(json.contains(#""evidence_digest":"\#(changed.evidenceDigest)""#))

        // Both sign again on the current state.
        files["tech2.json"] = try Self.boundSignoff("Technical Lead", "approve", at: "2026-10-05T12:00:00Z", on: changed, name: "Priya")
        files["sec2.json"] = try Self.boundSignoff("Security Lead", "approve", at: "2026-10-05T12:00:00Z", on: changed)
        try fixture.run("r1", started: "2026-10-05T09:00:00Z", files: files)
        let resigned = try fixture.report("r1")
        #expect(resigned.verdict == .go, "\(resigned.reasons)")
        #expect(resigned.signoffs.map(\.binding) == [.current, .current])
    }

    @Test func aStaleRejectionStillVetoesAndAnUnchangedEvidenceKeepsApprovals() throws {
        let fixture = try RunArchiveFixture(F.gated(), name: "gated")
        try fixture.run("r1", started: "2026-10-05T09:00:00Z", files: Self.evidence)
        let before = try fixture.report("r1")
        var files = Self.evidence
        files["tech.json"] = try Self.boundSignoff("Technical Lead", "approve", at: "2026-10-05T10:00:00Z", on: before)
        files["sec.json"] = try Self.boundSignoff("Security Lead", "reject", at: "2026-10-05T10:00:00Z", on: before, name: "Ada")
        // The same results moved into other files: the evidence is identical.
        files["all.json"] = "[" + ["tests.json", "vulns.json", "infra.json"].compactMap { files.removeValue(forKey: $0) }.joined(separator: ",") + "]"
        try FileManager.default.removeItem(atPath: fixture.runs + "/r1")
        try fixture.run("r1", started: "2026-10-05T09:00:00Z", files: files)
        let moved = try fixture.report("r1")
        #expect(moved.evidenceDigest == before.evidenceDigest)
        #expect(moved.signoffs.map(\.binding) == [.current, .current])

        files["smoke.json"] = F.result("smoke", "pass", at: "2026-10-05T11:00:00Z")
        try FileManager.default.removeItem(atPath: fixture.runs + "/r1")
        try fixture.run("r1", started: "2026-10-05T09:00:00Z", files: files)
        let changed = try fixture.report("r1")
        #expect(changed.verdict == .noGo)
        #expect(changed.signoffs.map(\.binding) == [.stale, .stale])
        #expect(changed.reasons.map(\.item) == ["sign-off/security-lead"])
        #expect(changed.reasons.first?.why == "Security Lead rejected (Ada)")
    }

    @Test func aDecisionWithoutDigestIsUnboundAndCountsAMalformedOneIsStale() throws {
        let unbound = try Self.digest(Self.evidence.merging([
            "tech.json": F.signoff("Technical Lead", "approve", at: "2026-10-05T10:00:00Z"),
            "sec.json": #"{"signoffs": [{"role": "Security Lead", "name": "Ada", "decision": "approve", "at": "2026-10-05T10:00:00Z", "evidence_digest": "XYZ", "item_states": {"lint": "q"}}]}"#,
        ]) { $1 })
        #expect(unbound.signoffs.map(\.binding) == [.unbound, .stale])
        #expect(unbound.verdict == .pending)
        #expect(unbound.reasons.map(\.item) == ["sign-off/security-lead"])
        #expect(unbound.problems.map(\.message) == [
            "$.signoffs[0].evidence_digest: 'XYZ' is not a lowercase hex SHA-256, so the decision cannot be matched to the evidence",
            "$.signoffs[0].item_states.lint: 'q' is not a state letter (one of dfnpsvw)",
        ], "\(unbound.problems)")
        #expect(unbound.problems.allSatisfy { $0.severity == .warning && $0.path == "r1/sec.json" })
        #expect(ReportFormatter.signoffText(unbound.signoffs[0]) == "approved by Sam on 2026-10-05 10:00 UTC [unbound: recorded without an evidence digest]")
    }

    @Test func digestPrefixesNeedEightHexDigits() {
        #expect(EvidenceDigest.normalizedPrefix("3F9A C2E1") == "3f9ac2e1")
        #expect(EvidenceDigest.normalizedPrefix("3f9ac2e") == nil)
        #expect(EvidenceDigest.normalizedPrefix("3f9ac2eg") == nil)
        #expect(EvidenceDigest.normalizedPrefix(String(repeating: "a", count: 65)) == nil)
    }
}
