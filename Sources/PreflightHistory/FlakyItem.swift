import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport

/// An item whose state keeps flipping between passing and failing.
package struct FlakyItem: Sendable, Codable, Equatable {
    package var id: String
    /// Flips between passing and failing within the window.
    package var flips: Int
    /// Runs looked at (the window, or fewer in a short stream).
    package var runs: Int

    /// Counts flips in the newest `options.flakyWindow` states, in one pass.
    ///
    /// Passing is pass or done; failing is fail or warn. Pending, skip and waived carry no
    /// signal either way (a waiver hides the observation, it does not make it pass), so they
    /// are stepped over: pass, pending, fail is one flip.
    package static func detect(id: String, states: ArraySlice<ItemState?>, options: HistoryOptions) -> FlakyItem? {
        let window = states.suffix(options.flakyWindow)
        var last: Bool?
        var flips = 0
        for state in window {
            guard let state, let passing = StateClass.passing(state) else { continue }
            if let last, last != passing { flips += 1 }
            last = passing
        }
        return flips >= options.flakyFlips ? FlakyItem(id: id, flips: flips, runs: window.count) : nil
    }

    package init(id: String, flips: Int, runs: Int) {
        self.id = id
        self.flips = flips
        self.runs = runs
    }
}

/// How the history sorts item states.
package enum StateClass {
    /// true for passing, false for failing, nil for pending, skip and waived.
    package static func passing(_ state: ItemState) -> Bool? {
        if state == .pass || state == .done { return true }
        if isFailing(state) { return false }
        return nil
    }

    package static func isFailing(_ state: ItemState) -> Bool { state == .fail || state == .warn }
}
