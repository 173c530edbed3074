import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport

/// The runs of one stream, ordered by `started_at`, as history keeps them.
package struct RunStream: Sendable {
    package var key: StreamKey
    package var checklist: Checklist
    /// One summary per run, ordered by `started_at`.
    package var summaries: [RunSummary]

    package init(key: StreamKey, checklist: Checklist, summaries: [RunSummary]) {
        self.key = key
        self.checklist = checklist
        self.summaries = summaries
    }

    package var runs: [RunManifest] { summaries.map(\.run) }
    /// The stream's folder below `trends/` on the site.
    package var path: String { key.path }
    /// What tells the stream apart from the other streams of its checklist (`staging`).
    package var environment: String { key.environment }
}

/// Every stream of an archive, merged without a build cache: for tools and tests that want
/// whole reports. The site build merges through the same `StreamMerger`, with its cache.
package enum StreamSet {
    /// Every stream with one summary per run; problems (unknown checklists, each run's input
    /// problems) are appended to `problems`.
    package static func merge(archive: RunArchive, library: ChecklistLibrary, problems: inout [Diagnostic]) -> [RunStream] {
        mergeReports(archive: archive, library: library, problems: &problems).map { checklist, key, reports in
            RunStream(key: key, checklist: checklist, summaries: reports.map { RunSummary($0, checklist: checklist) })
        }
    }

    /// The full report of every run, stream by stream.
    package static func mergeReports(archive: RunArchive, library: ChecklistLibrary,
                                     problems: inout [Diagnostic]) -> [(Checklist, StreamKey, [RunReport])] {
        let (streams, unknown) = archive.streams(in: library)
        problems += unknown
        return streams.map { stream in
            let reports = StreamMerger(checklist: stream.checklist, archive: archive).reports(stream.manifests)
            problems += reports.flatMap(\.problems)
            return (stream.checklist, stream.key, reports)
        }
    }
}
