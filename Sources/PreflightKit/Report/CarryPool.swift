/// What earlier runs of a stream (one checklist, one environment) pass on to later runs:
/// the latest result per item, carried while it is valid, and the latest waiver per item.
///
/// Runs are added in `started_at` order. A later result for an item replaces the earlier one,
/// even without a validity: a newer observation always ends the carry of an older one.
public struct CarryPool: Sendable, Codable, Equatable {
    private(set) var results: [String: ProbeResult] = [:]
    private(set) var waivers: [String: Waiver] = [:]

    public init() {}

    /// Takes in a run's results and waivers after the run was reported.
    public mutating func add(_ input: RunInput) {
        for result in Merge.decidingResults(input.results) {
            results[result.item] = result
        }
        for waiver in input.waivers {
            if let existing = waivers[waiver.item], existing.source.run == waiver.source.run, existing.expiresAt > waiver.expiresAt {
                continue
            }
            waivers[waiver.item] = waiver
        }
    }

    /// The carried result for an item, if the latest earlier one had a validity window.
    func carried(_ item: String) -> ProbeResult? {
        guard let result = results[item], result.validUntil != nil else { return nil }
        return result
    }

    func waiver(_ item: String) -> Waiver? { waivers[item] }
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
