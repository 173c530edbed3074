import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport
@testable import PreflightHistory
@testable import PreflightSite

@Suite("Verdict rules")
struct VerdictTests {
    struct VerdictCase: Sendable, CustomTestStringConvertible {
        enum Checklist: Sendable { case gated, gatedInfraChecked, plain, plainWithRole }

        let name: String
        let checklist: Checklist
        let files: [String: String]
        let verdict: Verdict
        /// Items the reasons must name (in any order), `""` for a general reason.
        let reasonItems: [String]
        /// A fragment one of the reasons must contain.
        let reasonText: String

        var testDescription: String { name }
    }

    typealias F = RunsFixtures
    static let tech = "sign-off/technical-lead"
    static let security = "sign-off/security-lead"

    /// Everything a gated Go needs: go/tests passes, both blockers clear, both roles approve.
    static func allGood(except drop: Set<String> = [], adding extra: [String: String] = [:]) -> [String: String] {
        var files: [String: String] = [
            "tests.json": F.result("go/tests", "pass"),
            "vulns.json": F.result("nogo/vulns", "pass"),
            "infra.json": F.result("nogo/infra", "pass"),
            "tech.json": F.signoff("Technical Lead", "approve", at: "2026-10-05T10:00:00Z"),
            "security.json": F.signoff("Security Lead", "approve", at: "2026-10-05T10:00:00Z"),
        ]
        for key in drop { files[key] = nil }
        files.merge(extra) { $1 }
        return files
    }

    static let gatedCases: [VerdictCase] = [
        VerdictCase(name: "every go met, every blocker clear, every role approved → go", checklist: .gated,
                    files: allGood(), verdict: .go, reasonItems: ["", ""], reasonText: "every Go criterion is met"),
        VerdictCase(name: "failing check items do not decide when criteria exist", checklist: .gated,
                    files: allGood(adding: ["lint.json": F.result("lint", "fail")]), verdict: .go, reasonItems: ["", ""],
                    reasonText: "all 2 sign-off roles approved"),
        VerdictCase(name: "a no-go criterion with a fail result → no-go", checklist: .gated,
                    files: allGood(adding: ["vulns.json": F.result("nogo/vulns", "fail", summary: "2 critical CVEs")]),
                    verdict: .noGo, reasonItems: ["nogo/vulns"], reasonText: "blocker present: Critical vulnerabilities (2 critical CVEs)"),
        VerdictCase(name: "a checked no-go box without a result → no-go", checklist: .gatedInfraChecked,
                    files: allGood(except: ["infra.json"]), verdict: .noGo, reasonItems: ["nogo/infra"],
                    reasonText: "blocker present: Infrastructure issues"),
        VerdictCase(name: "a pass result clears a checked no-go box", checklist: .gatedInfraChecked,
                    files: allGood(), verdict: .go, reasonItems: ["", ""], reasonText: "every No-Go criterion is clear"),
        VerdictCase(name: "a no-go criterion with nothing → pending", checklist: .gated,
                    files: allGood(except: ["infra.json"]), verdict: .pending, reasonItems: ["nogo/infra"],
                    reasonText: "blocker unverified: Infrastructure issues"),
        VerdictCase(name: "a failing go criterion → no-go", checklist: .gated,
                    files: allGood(adding: ["tests.json": F.result("go/tests", "fail", summary: "4 failed")]),
                    verdict: .noGo, reasonItems: ["go/tests"], reasonText: "go criterion failed: All tests passing (4 failed)"),
        VerdictCase(name: "a go criterion without result → pending", checklist: .gated,
                    files: allGood(except: ["tests.json"]), verdict: .pending, reasonItems: ["go/tests"],
                    reasonText: "go criterion open (pending): All tests passing"),
        VerdictCase(name: "a warning go criterion → pending", checklist: .gated,
                    files: allGood(adding: ["tests.json": F.result("go/tests", "warn")]), verdict: .pending,
                    reasonItems: ["go/tests"], reasonText: "go criterion open (warn)"),
        VerdictCase(name: "a waived go criterion counts as met", checklist: .gated,
                    files: allGood(adding: ["tests.json": F.result("go/tests", "fail"), "w.json": F.waiver("go/tests", until: "2027-01-01")]),
                    verdict: .go, reasonItems: ["", ""], reasonText: "every Go criterion is met"),
        VerdictCase(name: "a rejecting sign-off → no-go", checklist: .gated,
                    files: allGood(adding: ["security.json": F.signoff("Security Lead", "reject", at: "2026-10-05T10:00:00Z", name: "Ada", comment: "pen test open")]),
                    verdict: .noGo, reasonItems: [security], reasonText: "Security Lead rejected (Ada): pen test open"),
        VerdictCase(name: "the newest sign-off per role decides: approve after reject → go", checklist: .gated,
                    files: allGood(adding: ["security-old.json": F.signoff("Security Lead", "reject", at: "2026-10-05T09:00:00Z")]),
                    verdict: .go, reasonItems: ["", ""], reasonText: "all 2 sign-off roles approved"),
        VerdictCase(name: "the newest sign-off per role decides: reject after approve → no-go", checklist: .gated,
                    files: allGood(adding: ["security-new.json": F.signoff("Security Lead", "reject", at: "2026-10-05T11:00:00Z", name: "Ada")]),
                    verdict: .noGo, reasonItems: [security], reasonText: "Security Lead rejected (Ada)"),
        VerdictCase(name: "a role names case-insensitively", checklist: .gated,
                    files: allGood(adding: ["security.json": F.signoff("security lead", "approve", at: "2026-10-05T10:00:00Z")]),
                    verdict: .go, reasonItems: ["", ""], reasonText: "all 2 sign-off roles approved"),
        VerdictCase(name: "a role that has not signed → pending", checklist: .gated,
                    files: allGood(except: ["tech.json"]), verdict: .pending, reasonItems: [tech],
                    reasonText: "Technical Lead has not signed off"),
        VerdictCase(name: "blockers outrank open items and list every blocker", checklist: .gated,
                    files: allGood(except: ["tech.json", "tests.json"], adding: ["vulns.json": F.result("nogo/vulns", "fail"),
                                                                                    "infra.json": F.result("nogo/infra", "fail")]),
                    verdict: .noGo, reasonItems: ["nogo/vulns", "nogo/infra"], reasonText: "blocker present: Infrastructure issues"),
    ]

    static let plainCases: [VerdictCase] = [
        VerdictCase(name: "no criteria: every applicable item passes → go", checklist: .plain,
                    files: plainAll("pass"), verdict: .go, reasonItems: [""], reasonText: "every applicable item passes"),
        VerdictCase(name: "no criteria: one failing item → no-go", checklist: .plain,
                    files: plainAll("pass", override: ["runtime/load": "fail"]), verdict: .noGo,
                    reasonItems: ["runtime/load"], reasonText: "failing: Load test"),
        VerdictCase(name: "no criteria: a failing child makes its parent fail too", checklist: .plain,
                    files: plainAll("pass", override: ["build/database/backups": "fail"]), verdict: .noGo,
                    reasonItems: ["build/database", "build/database/backups"], reasonText: "failing: Backups restored"),
        VerdictCase(name: "no criteria: one pending item → pending", checklist: .plain,
                    files: plainAll("pass", drop: ["runtime/load"]), verdict: .pending,
                    reasonItems: ["runtime/load"], reasonText: "pending: Load test"),
        VerdictCase(name: "no criteria: a warning item → pending", checklist: .plain,
                    files: plainAll("pass", override: ["runtime/load": "warn"]), verdict: .pending,
                    reasonItems: ["runtime/load"], reasonText: "warn: Load test"),
        VerdictCase(name: "no criteria: skipped items are not applicable", checklist: .plain,
                    files: plainAll("pass", override: ["runtime/load": "skip"]), verdict: .go,
                    reasonItems: [""], reasonText: "every applicable item passes"),
        VerdictCase(name: "no criteria: a waived failure counts as passing", checklist: .plain,
                    files: plainAll("pass", override: ["runtime/load": "fail"]).merging(["w.json": F.waiver("runtime/load", until: "2027-01-01")]) { $1 },
                    verdict: .go, reasonItems: [""], reasonText: "every applicable item passes"),
        VerdictCase(name: "no criteria, a role: unsigned → pending", checklist: .plainWithRole,
                    files: plainAll("pass"), verdict: .pending, reasonItems: ["sign-off/release-manager"],
                    reasonText: "Release Manager has not signed off"),
        VerdictCase(name: "no criteria, a role: approved → go", checklist: .plainWithRole,
                    files: plainAll("pass").merging(["s.json": F.signoff("Release Manager", "approve", at: "2026-10-05T10:00:00Z")]) { $1 },
                    verdict: .go, reasonItems: ["", ""], reasonText: "all 1 sign-off roles approved"),
        VerdictCase(name: "no criteria, a role: rejected → no-go", checklist: .plainWithRole,
                    files: plainAll("pass").merging(["s.json": F.signoff("Release Manager", "reject", at: "2026-10-05T10:00:00Z")]) { $1 },
                    verdict: .noGo, reasonItems: ["sign-off/release-manager"], reasonText: "Release Manager rejected"),
    ]

    /// Results for every unchecked leaf of `mini` (build/changelog is checked: done).
    static func plainAll(_ status: String, override: [String: String] = [:], drop: Set<String> = []) -> [String: String] {
        let leaves = ["build/lint", "build/database/migrations", "build/database/backups",
                      "runtime/api/health", "runtime/web/health", "runtime/load"]
        var files: [String: String] = [:]
        for (index, id) in leaves.enumerated() where !drop.contains(id) {
            files["p\(index).json"] = F.result(id, override[id] ?? status)
        }
        return files
    }

    @Test(arguments: gatedCases + plainCases)
    func verdict(_ c: VerdictCase) throws {
        let markdown: String
        switch c.checklist {
        case .gated: markdown = F.gated()
        case .gatedInfraChecked: markdown = F.gated(infraChecked: true)
        case .plain: markdown = F.mini
        case .plainWithRole: markdown = F.miniWithRole
        }
        let fixture = try RunArchiveFixture(markdown)
        let report = try fixture.reportOne(files: c.files)
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(report.verdict == c.verdict)
        #expect(report.reasons.map(\.item).sorted() == c.reasonItems.sorted(), "\(report.reasons)")
        #expect(report.reasons.contains { $0.why.contains(c.reasonText) }, "\(report.reasons.map(\.why))")
    }

    @Test func criterionStatusesAreReported() throws {
        let fixture = try RunArchiveFixture(F.gated(infraChecked: true))
        let report = try fixture.reportOne(files: ["a.json": F.result("nogo/vulns", "pass"), "b.json": F.result("go/tests", "fail")])
        #expect(report.item("go/tests")?.criterion == .notMet)
        #expect(report.item("go/rollback")?.criterion == .met)
        #expect(report.item("nogo/vulns")?.criterion == .clear)
        #expect(report.item("nogo/infra")?.criterion == .present)
        #expect(report.item("lint")?.criterion == nil)
        let signoffs = report.signoffs.map(\.role)
        #expect(signoffs == ["Technical Lead", "Security Lead"])
    }

    @Test func everySignoffRecordStaysListedAndTheNewestDecides() throws {
        let fixture = try RunArchiveFixture(F.gated())
        let report = try fixture.reportOne(files: [
            "a.json": F.signoff("Security Lead", "reject", at: "2026-10-05T09:00:00Z", name: "Ada"),
            "b.json": F.signoff("Security Lead", "approve", at: "2026-10-05T12:00:00Z", name: "Bo", comment: "fixed"),
        ])
        let security = try #require(report.signoffs.first { $0.role == "Security Lead" })
        #expect(security.records.count == 2)
        #expect(security.decision == .approve)
        #expect(security.name == "Bo")
        #expect(security.comment == "fixed")
        #expect(report.item(Self.security)?.state == .pass)
        #expect(report.item(Self.tech)?.state == .pending)
    }
}
