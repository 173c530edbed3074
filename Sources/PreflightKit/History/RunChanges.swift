/// What changed between two consecutive runs of a stream.
public struct RunChanges: Sendable, Equatable {
    /// Items failing or warning now that were not before.
    public var newlyFailing: [String]
    /// Items failing or warning before that pass (pass, done or waived) now.
    public var fixed: [String]
    /// No-Go criteria present now and not before.
    public var newBlockers: [String]

    public var isEmpty: Bool { newlyFailing.isEmpty && fixed.isEmpty && newBlockers.isEmpty }

    public static func between(_ previous: RunReport?, _ current: RunReport) -> RunChanges {
        guard let previous else { return RunChanges(newlyFailing: [], fixed: [], newBlockers: []) }
        let before = Dictionary(previous.items.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var changes = RunChanges(newlyFailing: [], fixed: [], newBlockers: [])
        for item in current.items {
            let old = before[item.id]
            let wasFailing = old.map { isFailing($0.state) } ?? false
            if isFailing(item.state), !wasFailing { changes.newlyFailing.append(item.id) }
            if wasFailing, item.state.isPassing { changes.fixed.append(item.id) }
            if item.criterion == .present, old?.criterion != .present { changes.newBlockers.append(item.id) }
        }
        return changes
    }

    static func isFailing(_ state: ItemState) -> Bool { state == .fail || state == .warn }
}
