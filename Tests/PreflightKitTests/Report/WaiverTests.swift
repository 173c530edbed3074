import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport
@testable import PreflightHistory
@testable import PreflightSite

@Suite("Waivers")
struct WaiverTests {
    struct WaiverCase: Sendable, CustomTestStringConvertible {
        let name: String
        /// Files of an earlier run of the same stream (started 2026-10-01), if any.
        let earlier: [String: String]
        let current: [String: String]
        let item: String
        let state: ItemState
        let applied: Bool
        let expiredShown: Bool

        var testDescription: String { name }
    }

    typealias F = RunsFixtures
    static let later = "2026-12-31"
    static let past = "2026-10-04T00:00:00Z"

    static let cases: [WaiverCase] = [
        WaiverCase(name: "a failing item is waived until expires_at", earlier: [:],
                   current: ["r.json": F.result("build/lint", "fail"), "w.json": F.waiver("build/lint", until: later)],
                   item: "build/lint", state: .waived, applied: true, expiredShown: false),
        WaiverCase(name: "a warning item is waived", earlier: [:],
                   current: ["r.json": F.result("build/lint", "warn"), "w.json": F.waiver("lint", until: later)],
                   item: "build/lint", state: .waived, applied: true, expiredShown: false),
        WaiverCase(name: "a pending item is waived", earlier: [:],
                   current: ["w.json": F.waiver("runtime/load", until: later)],
                   item: "runtime/load", state: .waived, applied: true, expiredShown: false),
        WaiverCase(name: "a passing item is not waived", earlier: [:],
                   current: ["r.json": F.result("build/lint", "pass"), "w.json": F.waiver("build/lint", until: later)],
                   item: "build/lint", state: .pass, applied: false, expiredShown: false),
        WaiverCase(name: "a done item is not waived", earlier: [:],
                   current: ["w.json": F.waiver("build/changelog", until: later)],
                   item: "build/changelog", state: .done, applied: false, expiredShown: false),
        WaiverCase(name: "a skipped item stays skipped", earlier: [:],
                   current: ["r.json": F.result("build/lint", "skip"), "w.json": F.waiver("build/lint", until: later)],
                   item: "build/lint", state: .skip, applied: false, expiredShown: false),
        WaiverCase(name: "an expired waiver is shown, not applied", earlier: [:],
                   current: ["r.json": F.result("build/lint", "fail"), "w.json": F.waiver("build/lint", until: past)],
                   item: "build/lint", state: .fail, applied: false, expiredShown: true),
        WaiverCase(name: "the waiver lasting longest wins within a run", earlier: [:],
                   current: ["r.json": F.result("build/lint", "fail"), "w1.json": F.waiver("build/lint", until: later),
                             "w2.json": F.waiver("build/lint", until: past)],
                   item: "build/lint", state: .waived, applied: true, expiredShown: false),
        WaiverCase(name: "a waiver carries to later runs of the stream",
                   earlier: ["w.json": F.waiver("build/lint", until: later)],
                   current: ["r.json": F.result("build/lint", "fail")],
                   item: "build/lint", state: .waived, applied: true, expiredShown: false),
        WaiverCase(name: "a carried waiver that expired is shown, not applied",
                   earlier: ["w.json": F.waiver("build/lint", until: past)],
                   current: ["r.json": F.result("build/lint", "fail")],
                   item: "build/lint", state: .fail, applied: false, expiredShown: true),
    ]

    @Test(arguments: cases)
    func waiver(_ c: WaiverCase) throws {
        let fixture = try RunArchiveFixture(F.mini)
        if !c.earlier.isEmpty { try fixture.run("r0", started: "2026-10-01T09:00:00Z", files: c.earlier) }
        try fixture.run("r1", started: "2026-10-05T09:00:00Z", files: c.current)
        let report = try fixture.report("r1")
        let item = try #require(report.item(c.item))
        #expect(item.state == c.state)
        #expect((item.waiver != nil) == c.applied)
        #expect((item.expiredWaiver != nil) == c.expiredShown)
        if let waiver = item.waiver {
            #expect(waiver.reason == "accepted risk")
            #expect(waiver.approvedBy == "Dana")
            #expect(waiver.expiresAt == Timestamp(Self.later))
        }
        #expect(report.problems.isEmpty, "\(report.problems)")
    }
}
