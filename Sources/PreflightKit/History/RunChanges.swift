/// What changed between two consecutive runs of a stream.
public struct RunChanges: Sendable, Equatable {
    /// Items failing or warning now that were not before.
    public var newlyFailing: [String]
    /// Items failing or warning before that pass (pass, done or waived) now.
    public var fixed: [String]
    /// No-Go criteria present now and not before.
    public var newBlockers: [String]

    public var isEmpty: Bool { newlyFailing.isEmpty && fixed.isEmpty && newBlockers.isEmpty }

    /// Compares two summaries of runs of `checklist` item by item.
    public static func between(_ previous: RunSummary?, _ current: RunSummary, checklist: Checklist) -> RunChanges {
        var changes = RunChanges(newlyFailing: [], fixed: [], newBlockers: [])
        guard let previous, previous.fits(checklist), current.fits(checklist) else { return changes }
        for (index, item) in checklist.items.enumerated() {
            let wasFailing = isFailing(previous.states[index])
            let state = current.states[index]
            if isFailing(state), !wasFailing { changes.newlyFailing.append(item.id) }
            if wasFailing, state.isPassing { changes.fixed.append(item.id) }
            if current.criteria[index] == .present, previous.criteria[index] != .present { changes.newBlockers.append(item.id) }
        }
        return changes
    }

    static func isFailing(_ state: ItemState) -> Bool { state == .fail || state == .warn }
}
