import PreflightSupport
import PreflightChecklist
import PreflightRuns

/// The one merge of a stream: reads its runs in `started_at` order, carries results and waivers
/// forward, and builds each run's report. `preflight build`, `report`, `verify` and the tests all
/// merge through it, so they cannot disagree.
///
/// Runs are read and merged a chunk at a time: the reading and the report building of a chunk
/// run on every core, and only the carry-forward between runs is sequential (each run's update
/// to the pool is worked out in the parallel read). Only a chunk of full reports is in memory.
package struct StreamMerger: Sendable {
    package let checklist: Checklist
    /// The runs folder the manifests are in.
    package let archive: RunArchive
    private let builder: ReportBuilder
    private let resolver: ItemResolver
    /// Runs per chunk.
    package var chunk = 64

    package init(checklist: Checklist, archive: RunArchive) {
        self.checklist = checklist
        self.archive = archive
        builder = ReportBuilder(checklist: checklist)
        resolver = ItemResolver(checklist)
    }

    /// A chunk of merged runs, handed to the caller in order.
    package struct Chunk<Summary: Sendable> {
        /// Positions of the chunk's runs in the stream.
        package var range: Range<Int>
        /// Each run's report, taken once each (see `Handoff`), so it is freed where it is used.
        package var reports: Handoff<RunReport>
        /// What `summarize` made of each report, kept after the reports are gone.
        package var summaries: [Summary]
        /// Each run's content key (see `ContentKeys.contentKey`), when asked for; empty otherwise.
        package var contentKeys: [String]
    }

    /// Merges `manifests[start...]`, the runs of one stream, starting from `carry`, the pool
    /// before `manifests[start]`. `summarize` runs on the worker that built each report; `body`
    /// gets every chunk in order. With `contentKeys`, each run's content key is worked out from
    /// the bytes read for merging (no second read). Returns the pool before the last run, when
    /// the merge reached it.
    @discardableResult
    package func merge<Summary: Sendable, Failure: Error>(
        _ manifests: [RunManifest], from start: Int = 0, carry: CarryPool = CarryPool(), contentKeys: Bool = false,
        summarize: @Sendable (RunReport) -> Summary, _ body: (Chunk<Summary>) throws(Failure) -> Void
    ) throws(Failure) -> CarryPool? {
        let n = manifests.count
        var carry = carry
        var lastPool: CarryPool?
        var chunkStart = start
        while chunkStart < n {
            let range = chunkStart..<min(n, chunkStart + chunk)
            // Inside a closure so that only the handoff holds the inputs afterwards.
            let (inputs, updates, keys) = { () -> (Handoff<RunInput>, [CarryPool.Update], [String]) in
                let read = ParallelMap.run(Array(range)) { index -> (input: RunInput, update: CarryPool.Update, key: String) in
                    var seen: [String: [UInt8]] = [:]
                    let folder = archive.folder(of: manifests[index].id)
                    let input = RunReader.read(folder: folder, manifest: manifests[index], checklist: checklist,
                                               resolver: resolver, policy: archive.signoffPolicy, fileBytes: contentKeys ? { seen[$0] = $1 } : nil)
                    let key = contentKeys ? ContentKeys.contentKey(folder: folder, known: seen) : ""
                    return (input, CarryPool.Update(input), key)
                }
                return (Handoff(read.map(\.input)), read.map(\.update), contentKeys ? read.map(\.key) : [])
            }()
            var pools: [CarryPool] = []
            pools.reserveCapacity(inputs.count)
            for offset in 0..<inputs.count {
                if range.lowerBound + offset == n - 1 { lastPool = carry }
                pools.append(carry)
                carry.apply(updates[offset])
            }
            let starts = pools
            // Workers take inputs out of their handoff, so each is freed on a worker thread as
            // soon as it is used, not all at once on this one.
            let built = ParallelMap.run(Array(0..<inputs.count)) { offset -> (report: RunReport, summary: Summary) in
                let report = builder.build(inputs.take(offset), carry: starts[offset])
                return (report, summarize(report))
            }
            try body(Chunk(range: range, reports: Handoff(built.map(\.report)), summaries: built.map(\.summary),
                           contentKeys: keys))
            chunkStart = range.upperBound
        }
        return lastPool
    }

    /// Every run's report, in order.
    package func reports(_ manifests: [RunManifest]) -> [RunReport] {
        var reports: [RunReport] = []
        merge(manifests, summarize: { _ in () }) { (chunk: Chunk<Void>) in
            for offset in 0..<chunk.range.count { reports.append(chunk.reports.take(offset)) }
        }
        return reports
    }

    /// The report of one run of the archive, with what the earlier runs of its stream carry.
    package func report(for manifest: RunManifest) -> RunReport {
        let runs = archive.earlierRuns(than: manifest) + [manifest]
        var last: RunReport?
        // Only the last report of each chunk is kept; the last chunk's is the run's.
        merge(runs, summarize: { _ in () }) { (chunk: Chunk<Void>) in last = chunk.reports.take(chunk.range.count - 1) }
        // `runs` ends with `manifest`, so the merge always hands over at least one chunk.
        return last ?? builder.build(RunReader.read(folder: archive.folder(of: manifest.id), manifest: manifest, checklist: checklist,
                                                    policy: archive.signoffPolicy))
    }
}
