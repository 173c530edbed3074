import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport
@testable import PreflightHistory
@testable import PreflightSite

@Suite("Concurrent record processes")
struct ConcurrentRecordTests {
    static let checklist = """
        # Parallel

        ## Probes

        - [ ] Probe one {#p1}
        - [ ] Probe two {#p2}
        - [ ] Probe three {#p3}
        - [ ] Probe four {#p4}
        - [ ] Probe five {#p5}
        - [ ] Probe six {#p6}
        - [ ] Probe seven {#p7}
        - [ ] Probe eight {#p8}

        """

    @Test func eightParallelRecordProcessesLoseNoResult() throws {
        let dir = try TempDir()
        try dir.write("checklists/parallel.md", Self.checklist)
        try dir.write("runs/par-1/run.json", #"{"checklist": "parallel", "environment": "ci", "started_at": "2026-10-05T09:00:00Z"}"#)
        let run = dir.url("runs/par-1")
        let content = dir.url("checklists")
        // Same clock and same probe name for all: only the random part keeps the file names apart.
        let processes = try (1...8).map { index in
            try PreflightBinary.start(
                ["record", run, "--item", "p\(index)", "--status", index % 2 == 0 ? "pass" : "warn",
                 "--probe", "smoke", "--summary", "from process \(index)", "--content", content],
                cwd: dir.path, outputs: dir)
        }
        let outcomes = processes.map { $0.finish() }
        for (index, outcome) in outcomes.enumerated() {
            #expect(outcome.status == 0, "process \(index + 1): \(outcome.stderr)")
        }

        let files = dir.files(in: "runs/par-1")
        #expect(files.filter { $0 != "run.json" }.count == 8, "\(files)")
        #expect(!files.contains { $0.hasPrefix(".") }, "no temp file may be left behind")
        #expect(files.allSatisfy { $0 == "run.json" || ($0.hasPrefix("smoke-") && $0.hasSuffix(".json")) })

        let parsed = ChecklistParser().parse(Self.checklist, name: "parallel", path: "parallel.md")
        let archive = RunArchive.scan(dir.url("runs"))
        let manifest = try #require(archive.manifests.first)
        let report = StreamMerger(checklist: parsed.checklist, archive: archive).report(for: manifest)
        #expect(report.problems.isEmpty, "\(report.problems)")
        for index in 1...8 {
            let item = try #require(report.item("p\(index)"))
            #expect(item.results.count == 1)
            #expect(item.state == (index % 2 == 0 ? .pass : .warn))
            #expect(item.decidedBy?.summary == "from process \(index)")
        }
    }

    @Test func parallelRecordsOfTheSameItemAllStayListed() throws {
        let dir = try TempDir()
        try dir.write("checklists/parallel.md", Self.checklist)
        try dir.write("runs/par-2/run.json", #"{"checklist": "parallel", "environment": "ci", "started_at": "2026-10-05T09:00:00Z"}"#)
        let run = dir.url("runs/par-2")
        let processes = try (1...8).map { index in
            try PreflightBinary.start(["record", run, "--item", "p\((index - 1) % 2 + 1)", "--status", "pass",
                                       "--summary", "#\(index)", "--content", dir.url("checklists")],
                                      cwd: dir.path, outputs: dir)
        }
        #expect(processes.map { $0.finish().status } == Array(repeating: 0, count: 8))
        let parsed = ChecklistParser().parse(Self.checklist, name: "parallel", path: "parallel.md")
        let archive = RunArchive.scan(dir.url("runs"))
        let report = StreamMerger(checklist: parsed.checklist, archive: archive).report(for: try #require(archive.manifests.first))
        #expect(report.item("p1")?.results.count == 4)
        #expect(report.item("p2")?.results.count == 4)
        #expect(Set(report.items.flatMap(\.results).compactMap(\.summary)) == Set((1...8).map { "#\($0)" }))
    }
}
