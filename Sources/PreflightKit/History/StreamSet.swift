import Foundation

/// The runs of one checklist in one environment, ordered by `started_at`.
public struct Stream: Sendable {
    public var checklist: Checklist
    public var environment: String
    /// One summary per run, ordered by `started_at`.
    public var summaries: [RunSummary]

    public var runs: [RunManifest] { summaries.map(\.run) }
    /// `<checklist>/<environment>` as used in trend page paths.
    public var path: String { "\(Slug.make(checklist.name))/\(Slug.make(environment, fallback: "env"))" }
}

/// Every stream of an archive with its merged reports.
public enum StreamSet {
    /// Reads all runs (in parallel), then merges each stream in order so results carry forward.
    /// Problems of each run are appended to `problems` with paths a user can open.
    public static func merge(archive: RunArchive, library: ChecklistLibrary, problems: inout [Diagnostic]) -> [Stream] {
        mergeReports(archive: archive, library: library, problems: &problems).map { checklist, environment, reports in
            Stream(checklist: checklist, environment: environment, summaries: reports.map { RunSummary($0, checklist: checklist) })
        }
    }

    /// The full report of every run, stream by stream (the build itself goes through `RunPipeline`).
    public static func mergeReports(archive: RunArchive, library: ChecklistLibrary,
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

/// `map` over all cores, keeping order.
enum ParallelMap {
    static func run<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        let results = ResultSlots<R>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            results.set(index, transform(items[index]))
        }
        return results.values
    }
}

/// Slots written by parallel workers, each exactly once.
final class ResultSlots<R>: @unchecked Sendable {
    private var slots: [R?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: R) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var values: [R] { slots.compactMap { $0 } }
}

/// Values handed to parallel workers, each taken exactly once: the taker holds the only
/// reference, so the value is freed on the worker's thread when it is done with it.
final class Handoff<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()

    init(_ values: [T]) { slots = values.map { $0 } }

    var count: Int { slots.count }

    func take(_ index: Int) -> T {
        lock.lock()
        defer { lock.unlock() }
        let value = slots[index]!
        slots[index] = nil
        return value
    }
}
