import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport
import PreflightHistory

/// The service streams of one checklist as services × environments: what the dashboard's fleet
/// matrix and the service pages show. Made from the summaries the build already holds (the latest
/// of each stream), so it reads no file and costs a pass over the streams.
struct Fleet: Sendable {
    struct Service: Sendable {
        var name: String
        /// The owner named by the service's newest run that names one; nil when none does.
        var owner: String?
        /// Per environment, aligned with `Fleet.environments`: the index of the service's stream
        /// there in the build's streams, nil where it has no run.
        var streams: [Int?]
        /// The worst verdict of its latest runs (`Fleet.rank`), which orders the rows.
        var rank: Int
        /// `services/<checklist>/<service>/`, from `StreamKey.servicePath`.
        var path: String
    }

    var checklistName: String
    var checklistTitle: String
    /// The project's pipeline order, then the order of first appearance (earliest first run).
    var environments: [String]
    /// Worst first (no-go, pending, go), then by name.
    var services: [Service]

    /// Worst first: the order of rows.
    static func rank(_ verdict: Verdict) -> Int {
        switch verdict {
        case .noGo: return 0
        case .pending: return 1
        case .go: return 2
        }
    }

    /// One fleet per checklist that has runs with a service, ordered by checklist name. Streams of
    /// no service are left to the dashboard's cards.
    static func fleets(_ streams: [RunStream], order: PageSettings) -> [Fleet] {
        var byChecklist: [String: [Int]] = [:]
        for index in streams.indices where streams[index].key.service != nil && !streams[index].summaries.isEmpty {
            byChecklist[streams[index].key.checklist, default: []].append(index)
        }
        return byChecklist.keys.sorted().compactMap { name in
            guard let members = byChecklist[name], let first = members.first else { return nil }
            // First appearance: the earliest first run in that environment among the checklist's services.
            var firstSeen: [String: Double] = [:]
            for index in members {
                let stream = streams[index]
                let start = stream.summaries[0].run.startedAt.seconds
                firstSeen[stream.environment] = min(firstSeen[stream.environment] ?? start, start)
            }
            let environments = firstSeen.keys.sorted { a, b in
                let (p, q) = (order.pipelinePosition(of: a), order.pipelinePosition(of: b))
                if p != q { return p < q }
                let (x, y) = (firstSeen[a] ?? 0, firstSeen[b] ?? 0)
                return x != y ? x < y : a < b
            }
            let column = Dictionary(uniqueKeysWithValues: environments.enumerated().map { ($1, $0) })
            var services: [String: Service] = [:]
            var ownerSeen: [String: Double] = [:]
            for index in members {
                let stream = streams[index]
                guard let service = stream.key.service, let latest = stream.summaries.last, let slot = column[stream.environment],
                      let path = stream.key.servicePath else { continue }
                var entry = services[service] ?? Service(name: service, owner: nil, streams: Array(repeating: nil, count: environments.count),
                                                        rank: rank(.go), path: path)
                entry.streams[slot] = index
                entry.rank = min(entry.rank, rank(latest.verdict))
                // The newest run naming an owner decides; later runs may hand the service to another team.
                if let run = stream.summaries.last(where: { $0.run.owner != nil })?.run, let owner = run.owner,
                   run.startedAt.seconds > ownerSeen[service] ?? -.infinity {
                    ownerSeen[service] = run.startedAt.seconds
                    entry.owner = owner
                }
                services[service] = entry
            }
            let rows = services.values.sorted { ($0.rank, $0.name) < ($1.rank, $1.name) }
            return Fleet(checklistName: name, checklistTitle: streams[first].checklist.title, environments: environments, services: rows)
        }
    }
}

/// How old a run is, judged against the archive's newest run and never the build's clock, so the
/// same archive gives the same pages on any day.
struct RunAge: Sendable {
    /// `started_at` of the newest run in the whole archive, in seconds.
    var newest: Double
    var staleAfter: ISODuration
    /// The reference time of post-deployment phases: the archive's newest timestamp, or `build --as-of`.
    var asOf = Timestamp(seconds: 0)

    init(newest: Double, staleAfter: ISODuration) {
        self.newest = newest
        self.staleAfter = staleAfter
    }

    /// The newest run among all `streams`.
    init(_ streams: [RunStream], staleAfter: ISODuration) {
        // Summaries are in started_at order, so each stream's newest is its last.
        newest = streams.compactMap { $0.summaries.last?.run.startedAt.seconds }.max() ?? 0
        self.staleAfter = staleAfter
    }

    /// Whole days before the newest run: "under a day old", "1 day old", "3 days old".
    func text(_ started: Timestamp) -> String {
        let days = Int(max(0, newest - started.seconds) / 86_400)
        return days == 0 ? "under a day old" : ReportFormatter.count(days, "day") + " old"
    }

    func isStale(_ started: Timestamp) -> Bool { newest - started.seconds > staleAfter.seconds }

    /// The rule in words, for the matrix and the service pages.
    var rule: String {
        "Ages count back from the newest run in the archive (\(Timestamp(seconds: newest).display)); "
            + "a latest run more than \(Self.words(staleAfter)) older is marked stale."
    }

    /// "14 days", "36 hours", "90 minutes"; the ISO text for anything else.
    static func words(_ duration: ISODuration) -> String {
        let seconds = duration.seconds
        for (unit, length) in [("day", 86_400.0), ("hour", 3600), ("minute", 60), ("second", 1)]
        where seconds >= length && seconds.truncatingRemainder(dividingBy: length) == 0 {
            return ReportFormatter.count(Int(seconds / length), unit)
        }
        return duration.text
    }
}
