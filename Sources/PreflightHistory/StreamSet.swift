import Foundation
import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport

/// The runs of one checklist in one environment, ordered by `started_at`.
package struct RunStream: Sendable {
    package var checklist: Checklist
    package var environment: String
    /// One summary per run, ordered by `started_at`.
    package var summaries: [RunSummary]

    package var runs: [RunManifest] { summaries.map(\.run) }
    /// `<checklist>/<environment>` as used in trend page paths.
    package var path: String { "\(Slug.make(checklist.name))/\(Slug.make(environment, fallback: "env"))" }

    package init(checklist: Checklist, environment: String, summaries: [RunSummary]) {
        self.checklist = checklist
        self.environment = environment
        self.summaries = summaries
    }
}

/// Every stream of an archive with its merged reports.
package enum StreamSet {
    /// Reads all runs (in parallel), then merges each stream in order so results carry forward.
    /// Problems of each run are appended to `problems` with paths a user can open.
    package static func merge(archive: RunArchive, library: ChecklistLibrary, problems: inout [Diagnostic]) -> [RunStream] {
        mergeReports(archive: archive, library: library, problems: &problems).map { checklist, environment, reports in
            RunStream(checklist: checklist, environment: environment, summaries: reports.map { RunSummary($0, checklist: checklist) })
        }
    }

    /// The full report of every run, stream by stream (the build itself goes through `RunPipeline`).
    package static func mergeReports(archive: RunArchive, library: ChecklistLibrary,
                                    problems: inout [Diagnostic]) -> [(Checklist, String, [RunReport])] {
        var known: [(Checklist, [RunManifest])] = []
        for (_, manifests) in archive.streams() {
            guard let first = manifests.first else { continue }
            do {
                known.append((try library.checklist(named: first.checklist, for: archive.folder(of: first.id) + "/run.json"), manifests))
            } catch {
                problems += manifests.map { .error(archive.folder(of: $0.id) + "/run.json", error.message) }
            }
        }
        var resolvers: [String: ItemResolver] = [:]
        for (checklist, _) in known where resolvers[checklist.name] == nil { resolvers[checklist.name] = ItemResolver(checklist) }
        let jobs = known.flatMap { checklist, manifests in manifests.map { (checklist, $0, resolvers[checklist.name]) } }
        let inputs = ParallelMap.run(jobs) { checklist, manifest, resolver in
            RunReader.read(folder: archive.folder(of: manifest.id), manifest: manifest, checklist: checklist, resolver: resolver)
        }
        var streams: [(Checklist, String, [RunReport])] = []
        var offset = 0
        for (checklist, manifests) in known {
            var carry = CarryPool()
            var reports: [RunReport] = []
            let builder = ReportBuilder(checklist: checklist)
            for input in inputs[offset..<(offset + manifests.count)] {
                reports.append(builder.build(input, carry: carry, archive: archive.directory))
                problems += input.problems
                carry.add(input)
            }
            offset += manifests.count
            streams.append((checklist, manifests[0].environment, reports))
        }
        return streams
    }
}
