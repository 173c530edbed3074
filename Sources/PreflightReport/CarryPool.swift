import PreflightSupport
import PreflightChecklist
import PreflightRuns

/// What earlier runs of a stream (one checklist, one environment) pass on to later runs:
/// the latest result per item, carried while it is valid, and the latest waiver per item.
///
/// Runs are added in `started_at` order. A later result for an item replaces the earlier one,
/// even without a validity: a newer observation always ends the carry of an older one.
package struct CarryPool: Sendable, Codable, Equatable {
    /// The latest result per item where it has a validity window; a later result without one
    /// removes the entry (it ends the carry). Only carried results are kept, so the pool stays
    /// small and cheap to copy, one copy per run.
    package private(set) var results: [String: ProbeResult] = [:]
    package private(set) var waivers: [String: Waiver] = [:]

    package init() {}

    /// A result's Codable form leaves out its item, which is the key it is kept under here.
    package init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        results = try container.decode([String: ProbeResult].self, forKey: .results)
        for key in results.keys { results[key]?.item = key }
        waivers = try container.decode([String: Waiver].self, forKey: .waivers)
    }

    private enum CodingKeys: String, CodingKey { case results, waivers }

    /// What one run changes in the pool, worked out from the run alone: runs are added one by
    /// one, but their updates can be made in parallel beforehand.
    package struct Update: Sendable {
        /// Items with a result in the run: the run ends any earlier carry for them.
        var items: Set<String> = []
        /// The run's deciding results that have a validity window: they are carried from now on.
        var carried: [ProbeResult] = []
        var waivers: [Waiver] = []

        package init(_ input: RunInput) {
            items.reserveCapacity(input.results.count)
            for index in input.results.indices { items.insert(input.results[index].item) }
            carried = Merge.decidingResults(input.results).filter { $0.validUntil != nil }
            waivers = input.waivers
        }
    }

    /// Takes in a run's results and waivers after the run was reported.
    package mutating func add(_ input: RunInput) { apply(Update(input)) }

    /// Takes in a run's update (see `Update`).
    package mutating func apply(_ update: Update) {
        let ended = results.keys.filter { update.items.contains($0) }
        for item in ended { results[item] = nil }
        for result in update.carried { results[result.item] = result }
        for waiver in update.waivers {
            if let existing = waivers[waiver.item], existing.source.run == waiver.source.run, existing.expiresAt > waiver.expiresAt {
                continue
            }
            waivers[waiver.item] = waiver
        }
    }

    /// The carried results and waivers by item position (`positions` maps ids to positions): a
    /// walk over the pool, which is small, instead of a lookup per item. A result without a
    /// validity window is skipped: a pool saved by an earlier version may still hold one.
    package func byPosition(_ positions: [String: Int], count: Int) -> (results: [ProbeResult?], waivers: [Waiver?]) {
        var carried = [ProbeResult?](repeating: nil, count: count)
        var kept = [Waiver?](repeating: nil, count: count)
        for (item, result) in results where result.validUntil != nil {
            if let position = positions[item] { carried[position] = result }
        }
        for (item, waiver) in waivers {
            if let position = positions[item] { kept[position] = waiver }
        }
        return (carried, kept)
    }
}

/// Shared merge rules.
package enum Merge {
    /// The deciding result per item: newest `observed_at`, ties broken by file order (the later wins).
    package static func decidingResults(_ results: [ProbeResult]) -> [ProbeResult] {
        var best: [String: ProbeResult] = [:]
        var order: [String] = []
        for result in results {
            if let current = best[result.item] {
                if result.observedAt >= current.observedAt { best[result.item] = result }
            } else {
                best[result.item] = result
                order.append(result.item)
            }
        }
        return order.compactMap { best[$0] }
    }
}
