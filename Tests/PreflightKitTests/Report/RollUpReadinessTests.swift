import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport
@testable import PreflightHistory
@testable import PreflightSite

@Suite("Parent roll-up and readiness")
struct RollUpReadinessTests {
    /// A parent with two children whose states are set by a result, a box, a waiver or nothing.
    struct RollUpCase: Sendable, CustomTestStringConvertible {
        /// `pass|fail|warn|skip` (a result), `done` (checked box), `pending` (nothing), `waived` (fail + waiver).
        let children: [String]
        let parent: ItemState
        /// A result on the parent itself.
        var parentResult: String? = nil

        var testDescription: String {
            children.joined(separator: " + ") + " → \(parent.rawValue)" + (parentResult.map { " (parent result \($0))" } ?? "")
        }
    }

    typealias F = RunsFixtures

    static let cases: [RollUpCase] = [
        RollUpCase(children: ["fail", "warn"], parent: .fail),
        RollUpCase(children: ["pass", "fail"], parent: .fail),
        RollUpCase(children: ["warn", "pending"], parent: .warn),
        RollUpCase(children: ["pending", "waived"], parent: .pending),
        RollUpCase(children: ["waived", "done"], parent: .waived),
        RollUpCase(children: ["done", "pass"], parent: .done),
        RollUpCase(children: ["pass", "pass"], parent: .pass),
        RollUpCase(children: ["skip", "pass"], parent: .pass),
        RollUpCase(children: ["skip", "fail"], parent: .fail),
        RollUpCase(children: ["skip", "skip"], parent: .skip),
        RollUpCase(children: ["fail", "fail"], parent: .pass, parentResult: "pass"),
        RollUpCase(children: ["pass", "pass"], parent: .warn, parentResult: "warn"),
    ]

    static func markdown(children: [String]) -> String {
        var lines = ["# Roll", "", "## Section", "", "- [ ] **Parent** {#parent}"]
        for (index, state) in children.enumerated() {
            lines.append("  - [\(state == "done" ? "x" : " ")] Child \(index) {#parent/c\(index)}")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test(arguments: cases)
    func rollUp(_ c: RollUpCase) throws {
        let fixture = try RunArchiveFixture(Self.markdown(children: c.children), name: "roll")
        var files: [String: String] = [:]
        for (index, state) in c.children.enumerated() {
            let id = "parent/c\(index)"
            switch state {
            case "pass", "fail", "warn", "skip": files["c\(index).json"] = F.result(id, state)
            case "waived":
                files["c\(index).json"] = F.result(id, "fail")
                files["w\(index).json"] = F.waiver(id, until: "2027-01-01")
            default: break
            }
        }
        if let parentResult = c.parentResult { files["parent.json"] = F.result("parent", parentResult) }
        let report = try fixture.reportOne(files: files)
        #expect(report.problems.isEmpty, "\(report.problems)")
        for (index, state) in c.children.enumerated() {
            #expect(report.item("parent/c\(index)")?.state.rawValue == state)
        }
        #expect(report.item("parent")?.state == c.parent)
    }

    @Test func readinessCountsLeafChecksPerSectionWithSubsections() throws {
        let fixture = try RunArchiveFixture(F.mini)
        // Leaves: build/lint, build/changelog (done), build/database/{migrations,backups},
        // runtime/{api,web}/health, runtime/load. The parent build/database does not count.
        let report = try fixture.reportOne(files: [
            "a.json": "[" + [
                F.result("build/lint", "fail"),
                F.result("build/database/migrations", "pass"),
                F.result("build/database/backups", "skip"),
                F.result("runtime/api/health", "pass"),
                F.result("runtime/web/health", "warn"),
                F.result("build/database", "pass"),
            ].joined(separator: ",") + "]",
            "w.json": F.waiver("runtime/load", until: "2027-01-01"),
        ])
        // passing: changelog (done), migrations (pass), api (pass), load (waived) = 4 of 6 (backups skipped)
        #expect(report.readiness == 4.0 / 6.0)
        #expect(report.counts["pass"] == 2)
        #expect(report.counts["done"] == 1)
        #expect(report.counts["waived"] == 1)
        #expect(report.counts["skip"] == 1)
        #expect(report.counts["fail"] == 1)
        #expect(report.counts["warn"] == 1)
        #expect(report.counts["pending"] == 0)
        let sections = Dictionary(uniqueKeysWithValues: report.sections.map { ($0.id, $0) })
        // build: lint (fail), changelog (done), migrations (pass); backups skipped → 2 of 3, subsection included
        #expect(sections["build"]?.passing == 2)
        #expect(sections["build"]?.applicable == 3)
        #expect(sections["build/database"]?.passing == 1)
        #expect(sections["build/database"]?.applicable == 1)
        #expect(sections["build/database"]?.readiness == 1.0)
        #expect(sections["runtime"]?.passing == 2)
        #expect(sections["runtime"]?.applicable == 3)
    }

    @Test func readinessOfAFreshRunCountsOnlyCheckedBoxes() throws {
        let fixture = try RunArchiveFixture(F.mini)
        let report = try fixture.reportOne(files: [:])
        #expect(report.readiness == 1.0 / 7.0)
        #expect(report.counts["pending"] == 6)
        #expect(report.counts["done"] == 1)
    }

    @Test func sectionWithOnlySkippedItemsHasNoReadinessAndOverallIgnoresIt() throws {
        let fixture = try RunArchiveFixture(F.mini)
        let skips = ["runtime/api/health", "runtime/web/health", "runtime/load"].map { F.result($0, "skip") }
        let report = try fixture.reportOne(files: ["s.json": "[" + skips.joined(separator: ",") + "]"])
        let runtime = try #require(report.sections.first { $0.id == "runtime" })
        #expect(runtime.readiness == nil)
        #expect(runtime.applicable == 0)
        #expect(report.readiness == 1.0 / 4.0)
    }

    @Test func goNoGoAndSignoffItemsDoNotCountTowardsReadiness() throws {
        let fixture = try RunArchiveFixture(F.gated(), name: "gated")
        let report = try fixture.reportOne(files: [
            "a.json": "[" + F.result("lint", "pass") + "," + F.result("go/tests", "fail") + "," + F.result("nogo/vulns", "fail") + "]",
        ])
        // Only lint and smoke are check items.
        #expect(report.readiness == 0.5)
        #expect(report.counts.values.reduce(0, +) == 2)
    }
}
