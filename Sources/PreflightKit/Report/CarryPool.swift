/// What earlier runs of a stream (one checklist, one environment) pass on to later runs:
/// the latest result per item, carried while it is valid, and the latest waiver per item.
///
/// Runs are added in `started_at` order. A later result for an item replaces the earlier one,
/// even without a validity: a newer observation always ends the carry of an older one.
public struct CarryPool: Sendable, Codable, Equatable {
    /// The latest result per item where it has a validity window; a later result without one
    /// removes the entry (it ends the carry). Only carried results are kept, so the pool stays
    /// small and cheap to copy, one copy per run.
    private(set) var results: [String: ProbeResult] = [:]
    private(set) var waivers: [String: Waiver] = [:]

    public init() {}

    /// Takes in a run's results and waivers after the run was reported.
    public mutating func add(_ input: RunInput) {
        // Only items that can start or end a carry need their deciding result.
        var touched: Set<String> = []
        let candidates = input.results
        for index in candidates.indices
        where candidates[index].validFor != nil || candidates[index].expiresAt != nil || results[candidates[index].item] != nil {
            touched.insert(candidates[index].item)
        }
        if !touched.isEmpty {
            for result in Merge.decidingResults(input.results.filter { touched.contains($0.item) }) {
                results[result.item] = result.validUntil == nil ? nil : result
            }
        }
        for waiver in input.waivers {
            if let existing = waivers[waiver.item], existing.source.run == waiver.source.run, existing.expiresAt > waiver.expiresAt {
                continue
            }
            waivers[waiver.item] = waiver
        }
    }

    /// The carried results and waivers by item position (`positions` maps ids to positions): a
    /// walk over the pool, which is small, instead of a lookup per item. A result without a
    /// validity window is skipped: a pool saved by an earlier version may still hold one.
    func byPosition(_ positions: [String: Int], count: Int) -> (results: [ProbeResult?], waivers: [Waiver?]) {
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
enum Merge {
    /// The deciding result per item: newest `observed_at`, ties broken by file order (the later wins).
    static func decidingResults(_ results: [ProbeResult]) -> [ProbeResult] {
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
