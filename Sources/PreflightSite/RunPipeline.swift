import Foundation
import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport
import PreflightHistory

/// How much of a build was new work.
public struct BuildCounts: Sendable, Equatable {
    /// Runs whose folders were read and merged.
    public var merged = 0
    /// Runs whose pages were rendered.
    public var rendered = 0
    /// Runs whose pages were reused from the previous site.
    public var reused = 0

    public init() {}
}

/// Reads, merges and renders every run, stream by stream, reusing what the cache says is
/// unchanged. Runs are merged in order (results carry forward), in chunks so that only a chunk
/// of full reports is in memory; their pages render in parallel; history keeps slim reports.
struct RunPipeline {
    let archive: RunArchive
    let library: ChecklistLibrary
    let renderer: PageRenderer
    let oldOutput: String
    let cache: BuildCache
    /// What besides a run's own data its pages depend on, templates aside (see `templatesUnchanged`): the generator.
    let pagesKey: String
    /// Whether the templates the cached run pages were rendered from are unchanged.
    let templatesUnchanged: Bool
    /// `build --as-of`; nil: the archive's newest timestamp.
    var asOf: Timestamp? = nil

    /// What a pipeline run produced: the streams for the site-wide pages, the next cache, and the
    /// runs whose folders the new site takes over unchanged from the previous one.
    struct Outcome {
        var streams: [RunStream] = []
        var cache = BuildCache()
        var unchanged: [String] = []
        /// The reference time of post-deployment phases.
        var asOf = Timestamp(seconds: 0)
    }

    /// A deployed run's pages wait for the archive's newest timestamp, known once every stream is merged.
    struct Deferred {
        var index: Int
        var context: RunContext
    }

    /// A deployed run with open phases whose pages were reused on condition: rendered again when the
    /// reference time they were judged at (`judgedAt`) is no longer the build's.
    struct TimeBound {
        var index: Int
        var judgedAt: String?
    }

    private typealias Written = (fingerprint: String, problems: [Diagnostic], reportDigest: String)

    /// `problems` receives each run's input problems (shown on its run page); `outside` those of
    /// runs that get no page (a run of an unknown checklist).
    func run(problems: inout [Diagnostic], counts: inout BuildCounts, outside: inout [Diagnostic]) throws(DiagnosticList) -> Outcome {
        var result = Outcome()
        let (streams, unknown) = archive.streams(in: library)
        outside += unknown
        var deferred: [(stream: Int, run: Deferred)] = []
        var reusedOnCondition: [(stream: Int, run: TimeBound)] = []
        for stream in streams {
            let (merged, entry, unchanged, waiting, timeBound) = try process(stream, cached: cache.streams[stream.key], counts: &counts)
            deferred += waiting.map { (result.streams.count, $0) }
            reusedOnCondition += timeBound.map { (result.streams.count, $0) }
            result.streams.append(merged)
            result.cache.streams[stream.key] = entry
            result.unchanged += unchanged
        }
        result.asOf = asOf ?? Timestamp(seconds: result.streams.lazy.flatMap(\.summaries).map(\.latest).max() ?? 0)
        // The reference time moved: those pages are merged (up to their run) and rendered again.
        let moved = reusedOnCondition.filter { $0.run.judgedAt != result.asOf.text }
        for (stream, run) in moved {
            let merged = result.streams[stream]
            let manifest = merged.summaries[run.index].run
            let report = StreamMerger(checklist: merged.checklist, archive: archive).report(for: manifest)
            deferred.append((stream, Deferred(index: run.index, context: RunContext(
                checklist: merged.checklist, summarySections: merged.checklist.summarySections, report: report,
                summary: RunSummary(report, checklist: merged.checklist), archive: archive.directory,
                previous: run.index > 0 ? merged.summaries[run.index - 1] : nil,
                next: run.index + 1 < merged.summaries.count ? merged.summaries[run.index + 1].run : nil, digest: "", asOfGiven: asOf != nil))))
            result.unchanged.removeAll { $0 == manifest.id }
            counts.reused -= 1
            counts.merged += 1
        }
        if !deferred.isEmpty { try renderDeferred(deferred, into: &result, counts: &counts) }
        for stream in result.streams { for summary in stream.summaries { problems += summary.problems } }
        return result
    }

    /// Renders the deployed runs' pages against the reference time, and notes them as rendered.
    private func renderDeferred(_ deferred: [(stream: Int, run: Deferred)], into result: inout Outcome,
                                counts: inout BuildCounts) throws(DiagnosticList) {
        let asOf = result.asOf
        let written = ParallelMap.run(deferred) { entry -> Result<Written, DiagnosticList> in
            var context = entry.run.context
            context.report.settle(asOf: asOf, checklist: context.checklist)
            do {
                return .success(try renderer.writeRun(context))
            } catch let error as DiagnosticList {
                return .failure(error)
            } catch {
                return .failure(DiagnosticList([.error(context.report.run.id, "\(error)")]))
            }
        }
        var failures: [Diagnostic] = []
        for (entry, outcome) in zip(deferred, written) {
            switch outcome {
            case .failure(let error): failures += error.diagnostics
            case .success(let page):
                let key = result.streams[entry.stream].key
                var summary = entry.run.context.summary
                summary.problems += page.problems
                summary.reportDigest = page.reportDigest
                result.streams[entry.stream].summaries[entry.run.index] = summary
                result.cache.streams[key]?.runs[entry.run.index].summary = summary
                result.cache.streams[key]?.runs[entry.run.index].outputs = page.fingerprint
                let open = summary.phaseFacts.map { !$0.isComplete } ?? false
                result.cache.streams[key]?.runs[entry.run.index].asOf = open ? asOf.text : nil
                counts.rendered += 1
            }
        }
        if !failures.isEmpty { throw DiagnosticList(Array(Set(failures)).sorted { $0.description < $1.description }) }
    }

    /// One stream: keys, then the runs that need merging, then pages.
    private func process(_ stream: RunArchive.ResolvedStream, cached: StreamCache?,
                         counts: inout BuildCounts) throws(DiagnosticList) -> (RunStream, StreamCache, [String], [Deferred], [TimeBound]) {
        let manifests = stream.manifests
        let checklist = stream.checklist
        let summarySections = checklist.summarySections
        let n = manifests.count
        let folders = manifests.map { archive.folder(of: $0.id) }
        let old = Dictionary((cached?.runs ?? []).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })

        let stats = ParallelMap.run(Array(0..<n)) { index in
            archive.fingerprints[manifests[index].id] ?? ContentKeys.statFingerprint(folder: folders[index])
        }
        // Content keys: from the cache while stat says the folder is unchanged. On a stream's first
        // build every run is read anyway, so its key is taken from the bytes read for merging.
        let fromReads = old.isEmpty
        var contents = fromReads ? [String](repeating: "", count: n) : ParallelMap.run(Array(0..<n)) { index -> String in
            if let entry = old[manifests[index].id], entry.stat == stats[index] { return entry.content }
            return ContentKeys.contentKey(folder: folders[index])
        }
        let keys = fromReads ? nil : StreamKeys(contents: contents, manifests: manifests, first: checklistKey(checklist), pages: pagesKey)

        var summaries = [RunSummary?](repeating: nil, count: n)
        var candidates: [(index: Int, outputs: String)] = []
        for index in 0..<n {
            guard let keys, let entry = old[manifests[index].id], entry.report == keys.reports[index], entry.summary.fits(checklist)
            else { continue }
            summaries[index] = entry.summary
            if templatesUnchanged && entry.page == keys.pages[index] { candidates.append((index, entry.outputs)) }
        }
        // A stat per output file of every reused run: in parallel, from each run's open folder.
        var reusable = [Bool](repeating: false, count: n)
        let intact = ParallelMap.run(candidates) { outputsIntact(manifests[$0.index].id, $0.outputs) }
        for (candidate, isIntact) in zip(candidates, intact) { reusable[candidate.index] = isIntact }
        let needed = (0..<n).filter { summaries[$0] == nil || !reusable[$0] }
        let mustRender = Set(needed)
        // Merging starts where the carry-forward state is known: the run the cached pool precedes, else the first run.
        var start = n
        var carry = CarryPool()
        if let first = needed.first {
            if let poolChain = cached?.poolChain, let at = keys?.chains.firstIndex(of: poolChain), at <= first,
                (0..<at).allSatisfy({ summaries[$0] != nil }), let pool = cache.pool(chain: poolChain)
            {
                start = at
                carry = pool
            } else {
                start = 0
            }
        }

        var outputs = [String](repeating: "", count: n)
        var deferred: [Deferred] = []
        let merger = StreamMerger(checklist: checklist, archive: archive)
        let lastPool = try merger.merge(manifests, from: start, carry: carry, contentKeys: fromReads,
                                        summarize: { RunSummary($0, checklist: checklist) }) { (chunk: StreamMerger.Chunk<RunSummary>) throws(DiagnosticList) in
            let range = chunk.range
            if fromReads { for (offset, key) in chunk.contentKeys.enumerated() { contents[range.lowerBound + offset] = key } }
            counts.merged += range.count
            let previous = range.lowerBound > 0 ? summaries[range.lowerBound - 1] : nil
            let merged = chunk.summaries
            let written = ParallelMap.run(Array(0..<range.count)) { offset -> Result<(Written?, Deferred?), DiagnosticList> in
                let index = range.lowerBound + offset
                let report = chunk.reports.take(offset)
                guard mustRender.contains(index) else { return .success((nil, nil)) }
                let context = RunContext(
                    checklist: checklist, summarySections: summarySections, report: report, summary: merged[offset],
                    archive: archive.directory,
                    previous: offset > 0 ? merged[offset - 1] : previous,
                    next: index + 1 < n ? manifests[index + 1] : nil, digest: "", asOfGiven: asOf != nil)
                if report.phaseFacts != nil { return .success((nil, Deferred(index: index, context: context))) }
                do {
                    return .success((try renderer.writeRun(context), nil))
                } catch let error as DiagnosticList {
                    return .failure(error)
                } catch {
                    return .failure(DiagnosticList([.error(folders[index], "\(error)")]))
                }
            }
            let failures = written.flatMap { (result: Result<(Written?, Deferred?), DiagnosticList>) -> [Diagnostic] in
                if case .failure(let error) = result { return error.diagnostics }
                return []
            }
            // Every run page repeats a template error; report each once.
            if !failures.isEmpty { throw DiagnosticList(Array(Set(failures)).sorted { $0.description < $1.description }) }
            for (offset, result) in written.enumerated() {
                let index = range.lowerBound + offset
                // A run merged again but not rendered has the same report as its cached summary.
                let cachedDigest = summaries[index]?.reportDigest ?? ""
                summaries[index] = merged[offset]
                summaries[index]?.reportDigest = cachedDigest
                if case .success((_, let waiting?)) = result { deferred.append(waiting) }
                if case .success((let written?, _)) = result {
                    outputs[index] = written.fingerprint
                    // Problems met while writing (an attachment gone) count like the run's input problems.
                    summaries[index]?.problems += written.problems
                    summaries[index]?.reportDigest = written.reportDigest
                    counts.rendered += 1
                }
            }
        }
        // Unchanged runs: their files are linked over from the previous site just before the swap
        // (see `SiteOutput.adopt`).
        let waiting = Set(deferred.map(\.index))
        let unchanged = (0..<n).filter { outputs[$0].isEmpty && !waiting.contains($0) }
        // A deployed run's open phases are judged against the archive's newest time, known only
        // after every stream: its reused pages hold while that has not moved.
        var timeBound: [TimeBound] = []
        for index in unchanged {
            outputs[index] = old[manifests[index].id]?.outputs ?? ""
            counts.reused += 1
            if summaries[index]?.phaseFacts.map({ !$0.isComplete }) == true {
                timeBound.append(TimeBound(index: index, judgedAt: old[manifests[index].id]?.asOf))
            }
        }

        let done = summaries.compactMap { $0 }
        let final = keys ?? StreamKeys(contents: contents, manifests: manifests, first: checklistKey(checklist), pages: pagesKey)
        let entries = (0..<n).map { index in
            var entry = RunCacheEntry(id: manifests[index].id, stat: stats[index], content: contents[index], report: final.reports[index],
                                      page: final.pages[index], outputs: outputs[index], summary: done[index])
            entry.asOf = old[manifests[index].id]?.asOf
            return entry
        }
        // The state before the last run: merged now, or unchanged from the cache.
        let entry: StreamCache
        if let lastPool {
            entry = StreamCache(runs: entries, poolChain: final.chains.last, pool: lastPool)
        } else {
            entry = StreamCache(runs: entries, poolChain: cached?.poolChain == final.chains.last ? final.chains.last : nil, pool: nil)
        }
        return (RunStream(key: stream.key, checklist: checklist, summaries: done), entry,
                unchanged.map { manifests[$0].id }, deferred, timeBound)
    }

    private func checklistKey(_ checklist: Checklist) -> String {
        let data = FileManager.default.contents(atPath: checklist.path) ?? Data()
        // The heading words decide item kinds, so they are part of what the checklist means.
        let words = [library.options.goHeadings, library.options.noGoHeadings, library.options.signoffHeadings, library.options.phaseHeadings]
            .map { $0.joined(separator: "\u{1F}") }
        // Who may sign, and whether only signed decisions count, decide every report's sign-offs.
        let policy = archive.signoffPolicy
        let signers = policy.allowedSigners.map { ContentKeys.hash(FileManager.default.contents(atPath: $0) ?? Data()) } ?? "-"
        return ContentKeys.combine([checklist.name, ContentKeys.hash(data)] + words + [signers, policy.requireSigned ? "signed" : "-"])
    }

    private func outputsIntact(_ id: String, _ fingerprint: String) -> Bool {
        !fingerprint.isEmpty && ContentKeys.outputFingerprint(folder: "\(oldOutput)/runs/\(id)", names: renderer.runFiles) == fingerprint
    }
}

/// A stream's cache keys, from its runs' content keys: the chain before each run (for
/// carry-forward), each run's report key and each run's page key (report, neighbours, templates).
private struct StreamKeys {
    var chains: [String] = []
    var reports: [String] = []
    var pages: [String] = []

    init(contents: [String], manifests: [RunManifest], first: String, pages pagesKey: String) {
        let n = contents.count
        var chain = ContentKeys.combine(["chain", first])
        for index in 0..<n {
            chains.append(chain)
            reports.append(ContentKeys.combine([contents[index], chain]))
            chain = ContentKeys.combine([chain, contents[index]])
        }
        pages = (0..<n).map { index in
            ContentKeys.combine([pagesKey, reports[index], index > 0 ? reports[index - 1] : "-",
                                 index > 0 ? manifests[index - 1].id : "-", index + 1 < n ? manifests[index + 1].id : "-"])
        }
    }
}
