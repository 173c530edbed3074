/// Merges a checklist, a run's records and what earlier runs carry into a `RunReport`.
public struct ReportBuilder: Sendable {
    public let checklist: Checklist

    public init(checklist: Checklist) {
        self.checklist = checklist
    }

    /// Builds the report; `archive` is the runs folder, used to shorten problem paths.
    public func build(_ input: RunInput, carry: CarryPool = CarryPool(), archive: String? = nil) -> RunReport {
        let now = input.manifest.startedAt
        // The newest result decides; file order breaks ties (the later wins), as in `Merge.decidingResults`.
        // Positions in `input.results`, not copies: a result copy costs a retain per field.
        let results = input.results
        var deciding: [String: Int] = [:]
        var resultsByItem: [String: [Int]] = [:]
        deciding.reserveCapacity(checklist.items.count)
        resultsByItem.reserveCapacity(checklist.items.count)
        for index in results.indices {
            let item = results[index].item
            resultsByItem[item, default: []].append(index)
            if let current = deciding[item], results[index].observedAt < results[current].observedAt { continue }
            deciding[item] = index
        }
        var waiverByItem: [String: Waiver] = [:]
        for waiver in input.waivers where waiverByItem[waiver.item].map({ waiver.expiresAt >= $0.expiresAt }) ?? true {
            waiverByItem[waiver.item] = waiver
        }
        let signoffs = signoffStatuses(input.signoffs)

        var items = checklist.items.map { item in
            ItemReport(
                id: item.id, kind: item.kind, text: item.text, parent: item.parent, depth: item.depth,
                section: item.sectionID, checked: item.checked, state: .pending,
                results: resultsByItem[item.id]?.map { results[$0] } ?? [], decidedBy: nil, carriedFrom: nil, expired: nil,
                waiver: nil, expiredWaiver: nil, criterion: nil, role: item.role)
        }
        var index: [String: Int] = [:]
        for (position, item) in items.enumerated() { index[item.id] = position }

        // Children come after their parent in document order, so walking backwards settles
        // every child before its parent.
        for position in items.indices.reversed() {
            let source = checklist.items[position]
            let childStates = source.children.compactMap { index[$0].map { items[$0].state } }
            settle(&items[position], source: source, deciding: deciding[source.id].map { results[$0] }, carry: carry, now: now,
                   childStates: childStates, signoffs: signoffs, waiver: waiverByItem[source.id])
        }
        for position in items.indices { items[position].criterion = criterion(items[position]) }

        let (readiness, sections, counts) = Readiness.compute(checklist: checklist, items: items)
        let (verdict, reasons) = VerdictRules.decide(checklist: checklist, items: items, signoffs: signoffs)
        return RunReport(
            run: input.manifest, checklist: ChecklistReference(name: checklist.name, title: checklist.title),
            verdict: verdict, reasons: reasons, readiness: readiness, counts: counts, items: items,
            sections: sections, signoffs: signoffs, problems: input.problems.map { relative($0, to: archive) })
    }

    /// Decides one item's state in place (a copy of a report item costs a retain per field).
    private func settle(_ item: inout ItemReport, source: ChecklistItem, deciding: ProbeResult?, carry: CarryPool,
                        now: Timestamp, childStates: [ItemState], signoffs: [SignoffStatus], waiver runWaiver: Waiver?) {
        if let result = deciding {
            item.state = ItemState(result.status)
            item.decidedBy = result
        } else if let carried = carry.carried(item.id) {
            if let until = carried.validUntil, until > now {
                item.state = ItemState(carried.status)
                item.decidedBy = carried
                item.carriedFrom = carried.source.run
            } else {
                item.expired = carried
            }
        }
        if item.decidedBy == nil {
            if item.kind == .signoff, let role = item.role, let status = signoffs.first(where: { $0.role == role }),
                let decision = status.decision
            {
                item.state = decision == .approve ? .pass : .fail
            } else if !source.children.isEmpty {
                item.state = rollUp(childStates)
            } else {
                item.state = item.checked ? .done : .pending
            }
        }
        let waiver = runWaiver ?? carry.waiver(item.id)
        if let waiver, !item.state.isPassing, item.state != .skip {
            if waiver.expiresAt > now {
                item.state = .waived
                item.waiver = waiver
            } else {
                item.expiredWaiver = waiver
            }
        }
    }

    /// Worst child first; skipped children are ignored, all-skipped gives skip.
    func rollUp(_ states: [ItemState]) -> ItemState {
        let applicable = states.filter { $0 != .skip }
        guard !states.isEmpty else { return .pending }
        return applicable.max() ?? .skip
    }

    func criterion(_ item: ItemReport) -> CriterionStatus? {
        switch item.kind {
        case .go:
            if item.state.isPassing { return .met }
            return item.state == .fail ? .notMet : .unverified
        case .noGo:
            // The box of a No-Go criterion says the blocker is present; a pass result clears it.
            if item.state == .fail || (item.checked && item.decidedBy == nil) { return .present }
            if item.state == .pass || item.state == .waived { return .clear }
            return .unverified
        default:
            return nil
        }
    }

    /// One status per role of the checklist; the newest decision decides, file order breaks ties.
    func signoffStatuses(_ records: [Signoff]) -> [SignoffStatus] {
        checklist.items.filter { $0.kind == .signoff }.compactMap { item in
            guard let role = item.role else { return nil }
            let mine = records.filter { $0.role == role }
            var status = SignoffStatus(role: role, item: item.id, decision: nil, name: nil, at: nil, comment: nil, records: mine)
            if let latest = mine.reduce(nil as Signoff?, { best, next in best.map { next.at >= $0.at ? next : $0 } ?? next }) {
                status.decision = latest.decision
                status.name = latest.name
                status.at = latest.at
                status.comment = latest.comment
            }
            return status
        }
    }

    private func relative(_ diagnostic: Diagnostic, to archive: String?) -> Diagnostic {
        guard let archive else { return diagnostic }
        let prefix = archive.hasSuffix("/") ? archive : archive + "/"
        var copy = diagnostic
        if copy.path.hasPrefix(prefix) { copy.path.removeFirst(prefix.count) }
        return copy
    }
}

extension ItemState {
    init(_ status: ResultStatus) {
        switch status {
        case .pass: self = .pass
        case .fail: self = .fail
        case .warn: self = .warn
        case .skip: self = .skip
        }
    }
}
