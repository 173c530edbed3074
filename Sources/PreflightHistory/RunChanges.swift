import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport

/// What changed between two consecutive runs of a stream.
package struct RunChanges: Sendable, Equatable {
    /// Items failing or warning now that were not before.
    package var newlyFailing: [String]
    /// Items failing or warning before that pass (pass, done or waived) now.
    package var fixed: [String]
    /// No-Go criteria present now and not before.
    package var newBlockers: [String]

    package var isEmpty: Bool { newlyFailing.isEmpty && fixed.isEmpty && newBlockers.isEmpty }

    /// Compares two summaries of runs of `checklist` item by item.
    package static func between(_ previous: RunSummary?, _ current: RunSummary, checklist: Checklist) -> RunChanges {
        let changed = positions(between: previous, current, checklist: checklist)
        return RunChanges(newlyFailing: changed.newlyFailing.map { checklist.items[$0].id },
                          fixed: changed.fixed.map { checklist.items[$0].id },
                          newBlockers: changed.newBlockers.map { checklist.items[$0].id })
    }

    /// The same comparison, as positions in `checklist.items`.
    package static func positions(between previous: RunSummary?, _ current: RunSummary, checklist: Checklist)
        -> (newlyFailing: [Int], fixed: [Int], newBlockers: [Int])
    {
        var changed: (newlyFailing: [Int], fixed: [Int], newBlockers: [Int]) = ([], [], [])
        guard let previous, previous.fits(checklist), current.fits(checklist) else { return changed }
        for index in checklist.items.indices {
            let wasFailing = isFailing(previous.states[index])
            let state = current.states[index]
            if isFailing(state), !wasFailing { changed.newlyFailing.append(index) }
            if wasFailing, state.isPassing { changed.fixed.append(index) }
            if current.criteria[index] == .present, previous.criteria[index] != .present { changed.newBlockers.append(index) }
        }
        return changed
    }

    package static func isFailing(_ state: ItemState) -> Bool { state == .fail || state == .warn }

    package init(newlyFailing: [String], fixed: [String], newBlockers: [String]) {
        self.newlyFailing = newlyFailing
        self.fixed = fixed
        self.newBlockers = newBlockers
    }
}
