import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport
@testable import PreflightHistory

/// Streams for history tests: summaries made straight from states, or real runs merged in a temp archive.
enum HistoryFixtures {
    /// `count` leaf items `i0`, `i1`… in one section.
    static func flat(_ count: Int) -> Checklist {
        RunsFixtures.checklist("# Flat\n\n## Checks\n\n" + (0..<count).map { "- [ ] Item \($0) {#i\($0)}\n" }.joined(), name: "flat")
    }

    /// A summary of run `id`, `day` days after the epoch, with these item states (no criteria).
    static func summary(_ id: String, day: Int, states: [ItemState], checklist: Checklist) -> RunSummary {
        RunSummary(run: RunManifest(id: id, checklist: checklist.name, environment: "e", startedAt: Timestamp(seconds: Double(day) * 86_400)),
                   verdict: .pending, reasons: [], readiness: 0, counts: [:],
                   sectionReadiness: [Double?](repeating: nil, count: checklist.sections.count), states: states,
                   criteria: [CriterionStatus?](repeating: nil, count: states.count), problems: [])
    }

    /// One item's states over runs one day apart, as a stream of the one-item checklist.
    static func stream(_ states: [ItemState]) -> RunStream {
        let checklist = flat(1)
        return RunStream(key: StreamKey(checklist: checklist.name, environment: "e"), checklist: checklist,
                         summaries: states.enumerated().map { summary("r\($0.offset + 1)", day: $0.offset, states: [$0.element], checklist: checklist) })
    }

    /// Writes one run per entry of `runs` (file name → JSON text), a day apart from 2026-10-01,
    /// and merges the stream the way the site build does.
    static func merged(_ fixture: RunArchiveFixture, runs: [[String: String]]) throws -> RunStream {
        for (index, files) in runs.enumerated() {
            try fixture.run("r\(index + 1)", started: String(format: "2026-10-%02dT09:00:00Z", index + 1), files: files)
        }
        let archive = RunArchive.scan(fixture.runs)
        let manifests = archive.manifests.filter { $0.checklist == fixture.checklist.name }.sorted(by: RunArchive.order)
        let reports = StreamMerger(checklist: fixture.checklist, archive: archive).reports(manifests)
        return RunStream(key: StreamKey(checklist: fixture.checklist.name, environment: "staging"), checklist: fixture.checklist,
                         summaries: reports.map { RunSummary($0, checklist: fixture.checklist) })
    }

    /// A results file: item id → status.
    static func results(_ pairs: [(String, String)]) -> [String: String] {
        ["probe.json": "[" + pairs.map { RunsFixtures.result($0.0, $0.1) }.joined(separator: ", ") + "]"]
    }
}
