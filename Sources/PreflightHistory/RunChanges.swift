import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport

/// What changed between two consecutive runs of a stream.
package struct RunChanges: Sendable, Equatable {
    /// Items failing or warning now that were not before.
    package var newlyFailing: [String]
    /// Items failing or warning before that pass or are done now. A waiver is not a fix: those
    /// are in `newlyWaived`.
    package var fixed: [String]
    /// Items waived now that were not waived before, whatever they were.
    package var newlyWaived: [String]
    /// Items pending now whose state was known before (pass, done, fail, warn or skip): their
    /// result expired or went away, so nothing says where they stand any more.
    package var noLongerKnown: [String]
    /// No-Go criteria present now and not before.
    package var newBlockers: [String]

    package var isEmpty: Bool {
        newlyFailing.isEmpty && fixed.isEmpty && newlyWaived.isEmpty && noLongerKnown.isEmpty && newBlockers.isEmpty
    }

    /// The lists as positions in `checklist.items`, each in checklist order.
    package struct Positions: Sendable, Equatable {
        package var newlyFailing: [Int] = []
        package var fixed: [Int] = []
        package var newlyWaived: [Int] = []
        package var noLongerKnown: [Int] = []
        package var newBlockers: [Int] = []

        package var isEmpty: Bool {
            newlyFailing.isEmpty && fixed.isEmpty && newlyWaived.isEmpty && noLongerKnown.isEmpty && newBlockers.isEmpty
        }

        package init() {}
    }

    /// Compares two summaries of runs of `checklist` item by item.
    package static func between(_ previous: RunSummary?, _ current: RunSummary, checklist: Checklist) -> RunChanges {
        let changed = positions(between: previous, current, checklist: checklist)
        func ids(_ positions: [Int]) -> [String] { positions.map { checklist.items[$0].id } }
        return RunChanges(newlyFailing: ids(changed.newlyFailing), fixed: ids(changed.fixed), newlyWaived: ids(changed.newlyWaived),
                          noLongerKnown: ids(changed.noLongerKnown), newBlockers: ids(changed.newBlockers))
    }

    /// The same comparison, as positions in `checklist.items`.
    package static func positions(between previous: RunSummary?, _ current: RunSummary, checklist: Checklist) -> Positions {
        var changed = Positions()
        guard let previous, previous.fits(checklist), current.fits(checklist) else { return changed }
        for index in checklist.items.indices {
            let was = previous.states[index]
            let state = current.states[index]
            if isFailing(state), !isFailing(was) { changed.newlyFailing.append(index) }
            if isFailing(was), state == .pass || state == .done { changed.fixed.append(index) }
            if state == .waived, was != .waived { changed.newlyWaived.append(index) }
            // Waived and pending said nothing about the item before either, so they cannot be lost.
            if state == .pending, was != .pending, was != .waived { changed.noLongerKnown.append(index) }
            if current.criteria[index] == .present, previous.criteria[index] != .present { changed.newBlockers.append(index) }
        }
        return changed
    }

    package static func isFailing(_ state: ItemState) -> Bool { state == .fail || state == .warn }

    package init(newlyFailing: [String], fixed: [String], newlyWaived: [String] = [], noLongerKnown: [String] = [],
                 newBlockers: [String]) {
        self.newlyFailing = newlyFailing
        self.fixed = fixed
        self.newlyWaived = newlyWaived
        self.noLongerKnown = noLongerKnown
        self.newBlockers = newBlockers
    }
}
