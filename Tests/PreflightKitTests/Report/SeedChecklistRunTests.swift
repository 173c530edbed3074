import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport
@testable import PreflightHistory
@testable import PreflightSite

/// The seed checklist (`content/checklists/production-deployment.md`) with realistic runs.
@Suite("Seed checklist runs")
struct SeedChecklistRunTests {
    typealias F = RunsFixtures

    static func seed() throws -> Checklist {
        let parsed = try ChecklistParser().parse(fileAt: F.seedPath)
        #expect(!parsed.hasErrors, "\(parsed.diagnostics)")
        return parsed.checklist
    }

    static func ids(_ checklist: Checklist, _ kind: ItemKind) -> [String] {
        checklist.items.filter { $0.kind == kind }.map(\.id)
    }

    /// What probes in a typical pipeline report, by trailing id parts.
    static let probeResults = "[" + [
        F.result("terraform-configuration/all-required-variables-set", "pass", at: "2026-10-05T09:01:00Z", summary: "terraform validate: exit 0"),
        F.result("terraform-version-150", "pass", at: "2026-10-05T09:01:00Z", summary: "terraform 1.7.5"),
        F.result("unit-tests/all-unit-tests-passing", "pass", at: "2026-10-05T09:04:00Z", summary: "1,204 tests"),
        F.result("unit-tests/test-coverage-80", "warn", at: "2026-10-05T09:04:00Z", summary: "coverage 78.9%"),
        F.result("encryption/kms-keys-created", "pass", at: "2026-10-05T09:02:00Z", validFor: "P30D"),
    ].joined(separator: ",\n") + "]"

    static func criteria(_ checklist: Checklist, status: String, except: [String: String] = [:]) -> String {
        let entries = (ids(checklist, .go) + ids(checklist, .noGo)).map { id in
            F.result(id, except.first { id.hasSuffix($0.key) }?.value ?? status, at: "2026-10-05T09:20:00Z")
        }
        return "{\"results\": [" + entries.joined(separator: ",\n") + "]}"
    }

    static func signoffs(_ roles: [String], decision: String = "approve") -> String {
        let entries = roles.map {
            #"{"role": \#(F.quote($0)), "name": "Alex", "decision": \#(F.quote(decision)), "at": "2026-10-05T09:45:00Z"}"#
        }
        return "{\"signoffs\": [" + entries.joined(separator: ",") + "]}"
    }

    @Test func seedHasTheExpectedShape() throws {
        let checklist = try Self.seed()
        #expect(checklist.items.count == 177)
        #expect(Self.ids(checklist, .go).count == 8)
        #expect(Self.ids(checklist, .noGo).count == 6)
        #expect(checklist.signoffRoles == ["Technical Lead", "Security Lead", "Operations Lead", "Product Owner"])
    }

    @Test func freshRunIsPendingWithEveryCriterionOpen() throws {
        let fixture = try RunArchiveFixture(checklist: try Self.seed())
        let report = try fixture.reportOne(started: "2026-10-05T09:00:00Z", files: ["probes.json": Self.probeResults])
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(report.verdict == .pending)
        // 8 go criteria open, 6 blockers unverified, 4 roles unsigned.
        #expect(report.reasons.count == 18)
        #expect(report.reasons.filter { $0.why.hasPrefix("blocker unverified") }.count == 6)
        #expect(report.reasons.filter { $0.why.hasSuffix("has not signed off") }.count == 4)
        let terraform = try #require(report.item("pre-deployment-requirements/infrastructure-readiness/terraform-configuration"))
        #expect(terraform.state == .pending, "two children pass, two are open")
        #expect(report.item("pre-deployment-requirements/testing/unit-tests")?.state == .warn)
        #expect(report.counts["pass"] == 4)
        #expect(report.counts["warn"] == 1)
    }

    @Test func blockedRunIsNoGoWithTheBlockerAsReason() throws {
        let checklist = try Self.seed()
        let fixture = try RunArchiveFixture(checklist: checklist)
        let report = try fixture.reportOne(files: [
            "probes.json": Self.probeResults,
            "criteria.json": Self.criteria(checklist, status: "pass"),
            "trivy-7f3a.json": F.result("no-go-criteria-any-one-blocks/critical-security-vulnerabilities", "fail",
                                        at: "2026-10-05T09:30:00Z", summary: "trivy: 2 critical CVEs in api:1.4.0"),
            "signoffs.json": Self.signoffs(checklist.signoffRoles),
        ])
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(report.verdict == .noGo)
        #expect(report.reasons.count == 1)
        #expect(report.reasons.first?.item == "gono-go-decision/no-go-criteria-any-one-blocks/critical-security-vulnerabilities")
        #expect(report.reasons.first?.why == "blocker present: Critical security vulnerabilities (trivy: 2 critical CVEs in api:1.4.0)")
        #expect(report.item("gono-go-decision/no-go-criteria-any-one-blocks/critical-security-vulnerabilities")?.results.count == 2)
    }

    @Test func runWaitingForAStakeholderIsPending() throws {
        let checklist = try Self.seed()
        let fixture = try RunArchiveFixture(checklist: checklist)
        let report = try fixture.reportOne(files: [
            "probes.json": Self.probeResults,
            "criteria.json": Self.criteria(checklist, status: "pass", except: ["stakeholder-approval-received": "skip"]),
            "signoffs.json": Self.signoffs(["Technical Lead", "Security Lead", "Operations Lead"]),
        ])
        #expect(report.verdict == .pending)
        #expect(report.reasons.map(\.item).sorted() == [
            "gono-go-decision/go-criteria-all-must-be-met/stakeholder-approval-received", "sign-off/product-owner",
        ])
        #expect(report.reasons.contains { $0.why == "Product Owner has not signed off" })
    }

    @Test func readyRunIsGoAndCarriesAValidResultToTheNextRun() throws {
        let checklist = try Self.seed()
        let fixture = try RunArchiveFixture(checklist: checklist)
        try fixture.run("staging-100", started: "2026-10-05T09:00:00Z", files: [
            "probes.json": Self.probeResults,
            "criteria.json": Self.criteria(checklist, status: "pass"),
            "signoffs.json": Self.signoffs(checklist.signoffRoles),
        ])
        let report = try fixture.report("staging-100")
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(report.verdict == .go)
        #expect(report.reasons.map(\.why) == [
            "every Go criterion is met and every No-Go criterion is clear", "all 4 sign-off roles approved",
        ])
        #expect(report.item("sign-off/security-lead")?.state == .pass)

        try fixture.run("staging-101", started: "2026-10-12T09:00:00Z")
        let next = try fixture.report("staging-101")
        let kms = try #require(next.item("pre-deployment-requirements/security-configuration/encryption/kms-keys-created"))
        #expect(kms.state == .pass)
        #expect(kms.carriedFrom == "staging-100")
        #expect(next.item("pre-deployment-requirements/infrastructure-readiness/terraform-configuration/terraform-version-150")?.state == .pending)
        #expect(next.verdict == .pending)
    }
}
