import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport
@testable import PreflightHistory
@testable import PreflightSite

@Suite("Carry-forward across runs of one stream")
struct CarryForwardTests {
    /// A stream of runs; the last one (`current`) is reported.
    struct CarryCase: Sendable, CustomTestStringConvertible {
        struct Run: Sendable {
            var id: String
            var started: String
            var environment = "staging"
            var checklist: String? = nil
            var files: [String: String] = [:]
        }

        let name: String
        let earlier: [Run]
        let current: Run
        let state: ItemState
        let carriedFrom: String?
        /// Run of the expired result the item shows, if any.
        let expiredFrom: String?

        var testDescription: String { name }
    }

    typealias F = RunsFixtures
    typealias Run = CarryCase.Run
    static let item = "runtime/load"

    static func result(_ status: String, at: String, validFor: String? = nil, expiresAt: String? = nil) -> [String: String] {
        ["load.json": F.result(item, status, at: at, summary: status, validFor: validFor, expiresAt: expiresAt)]
    }

    static let cases: [CarryCase] = [
        CarryCase(
            name: "valid_for still running → carried with its run",
            earlier: [Run(id: "r1", started: "2026-10-01T09:00:00Z", files: result("pass", at: "2026-10-01T09:05:00Z", validFor: "P7D"))],
            current: Run(id: "r2", started: "2026-10-05T09:00:00Z"),
            state: .pass, carriedFrom: "r1", expiredFrom: nil),
        CarryCase(
            name: "a carried fail is carried too",
            earlier: [Run(id: "r1", started: "2026-10-01T09:00:00Z", files: result("fail", at: "2026-10-01T09:05:00Z", validFor: "PT200H"))],
            current: Run(id: "r2", started: "2026-10-05T09:00:00Z"),
            state: .fail, carriedFrom: "r1", expiredFrom: nil),
        CarryCase(
            name: "valid_for ran out → expired, not applied",
            earlier: [Run(id: "r1", started: "2026-10-01T09:00:00Z", files: result("pass", at: "2026-10-01T09:05:00Z", validFor: "P1D"))],
            current: Run(id: "r2", started: "2026-10-05T09:00:00Z"),
            state: .pending, carriedFrom: nil, expiredFrom: "r1"),
        CarryCase(
            name: "expires_at in the future → carried",
            earlier: [Run(id: "r1", started: "2026-10-01T09:00:00Z", files: result("pass", at: "2026-10-01T09:05:00Z", expiresAt: "2026-10-06"))],
            current: Run(id: "r2", started: "2026-10-05T09:00:00Z"),
            state: .pass, carriedFrom: "r1", expiredFrom: nil),
        CarryCase(
            name: "expires_at before the run started → expired",
            earlier: [Run(id: "r1", started: "2026-10-01T09:00:00Z", files: result("pass", at: "2026-10-01T09:05:00Z", expiresAt: "2026-10-05T08:59:59Z"))],
            current: Run(id: "r2", started: "2026-10-05T09:00:00Z"),
            state: .pending, carriedFrom: nil, expiredFrom: "r1"),
        CarryCase(
            name: "a current result beats a carried one",
            earlier: [Run(id: "r1", started: "2026-10-01T09:00:00Z", files: result("pass", at: "2026-10-01T09:05:00Z", validFor: "P30D"))],
            current: Run(id: "r2", started: "2026-10-05T09:00:00Z", files: result("warn", at: "2026-10-05T09:01:00Z")),
            state: .warn, carriedFrom: nil, expiredFrom: nil),
        CarryCase(
            name: "a current result beats a carried one even when observed earlier",
            earlier: [Run(id: "r1", started: "2026-10-01T09:00:00Z", files: result("pass", at: "2026-10-06T00:00:00Z", validFor: "P30D"))],
            current: Run(id: "r2", started: "2026-10-05T09:00:00Z", files: result("fail", at: "2026-10-05T09:01:00Z")),
            state: .fail, carriedFrom: nil, expiredFrom: nil),
        CarryCase(
            name: "a result without validity is not carried",
            earlier: [Run(id: "r1", started: "2026-10-01T09:00:00Z", files: result("pass", at: "2026-10-01T09:05:00Z"))],
            current: Run(id: "r2", started: "2026-10-05T09:00:00Z"),
            state: .pending, carriedFrom: nil, expiredFrom: nil),
        CarryCase(
            name: "a newer result without validity in a later run ends the carry",
            earlier: [
                Run(id: "r1", started: "2026-10-01T09:00:00Z", files: result("pass", at: "2026-10-01T09:05:00Z", validFor: "P30D")),
                Run(id: "r2", started: "2026-10-02T09:00:00Z", files: result("fail", at: "2026-10-02T09:05:00Z")),
            ],
            current: Run(id: "r3", started: "2026-10-05T09:00:00Z"),
            state: .pending, carriedFrom: nil, expiredFrom: nil),
        CarryCase(
            name: "the latest valid result of the stream is carried",
            earlier: [
                Run(id: "r1", started: "2026-10-01T09:00:00Z", files: result("fail", at: "2026-10-01T09:05:00Z", validFor: "P30D")),
                Run(id: "r2", started: "2026-10-02T09:00:00Z", files: result("pass", at: "2026-10-02T09:05:00Z", validFor: "P30D")),
            ],
            current: Run(id: "r3", started: "2026-10-05T09:00:00Z"),
            state: .pass, carriedFrom: "r2", expiredFrom: nil),
        CarryCase(
            name: "another environment is another stream",
            earlier: [Run(id: "r1", started: "2026-10-01T09:00:00Z", environment: "production",
                          files: result("pass", at: "2026-10-01T09:05:00Z", validFor: "P30D"))],
            current: Run(id: "r2", started: "2026-10-05T09:00:00Z"),
            state: .pending, carriedFrom: nil, expiredFrom: nil),
        CarryCase(
            name: "another checklist is another stream",
            earlier: [Run(id: "r1", started: "2026-10-01T09:00:00Z", checklist: "other",
                          files: result("pass", at: "2026-10-01T09:05:00Z", validFor: "P30D"))],
            current: Run(id: "r2", started: "2026-10-05T09:00:00Z"),
            state: .pending, carriedFrom: nil, expiredFrom: nil),
        CarryCase(
            name: "a run that started later carries nothing back",
            earlier: [Run(id: "r9", started: "2026-10-06T09:00:00Z", files: result("pass", at: "2026-10-06T09:05:00Z", validFor: "P30D"))],
            current: Run(id: "r2", started: "2026-10-05T09:00:00Z"),
            state: .pending, carriedFrom: nil, expiredFrom: nil),
    ]

    @Test(arguments: cases)
    func carry(_ c: CarryCase) throws {
        let fixture = try RunArchiveFixture(F.mini)
        for run in c.earlier + [c.current] {
            try fixture.run(run.id, started: run.started, environment: run.environment, checklist: run.checklist, files: run.files)
        }
        let report = try fixture.report(c.current.id)
        let item = try #require(report.item(Self.item))
        #expect(item.state == c.state)
        #expect(item.carriedFrom == c.carriedFrom)
        #expect(item.expired?.source.run == c.expiredFrom)
        if c.carriedFrom != nil {
            #expect(item.decidedBy?.source.run == c.carriedFrom)
            #expect(item.results.isEmpty, "a carried result is not one of the run's own results")
        }
    }
}
