import PreflightSupport
import PreflightChecklist
import PreflightRuns

/// Merges a checklist, a run's records and what earlier runs carry into a `RunReport`.
package struct ReportBuilder: Sendable {
    package let checklist: Checklist
    /// Item id → position in `checklist.items`, and each item's children as positions: worked out
    /// once per checklist, not per run.
    private let positions: [String: Int]
    private let childPositions: [[Int]]

    package init(checklist: Checklist) {
        self.checklist = checklist
        var positions: [String: Int] = [:]
        for index in checklist.items.indices where positions[checklist.items[index].id] == nil {
            positions[checklist.items[index].id] = index
        }
        self.positions = positions
        childPositions = checklist.items.indices.map { index in checklist.items[index].children.compactMap { positions[$0] } }
    }

    /// Builds the report of one run from its records and what earlier runs carry. Streams are
    /// merged by `StreamMerger`, which calls this for every run.
    package func build(_ input: RunInput, carry: CarryPool = CarryPool()) -> RunReport {
        let now = input.manifest.startedAt
        let count = checklist.items.count
        // The newest result decides; file order breaks ties (the later wins), as in `Merge.decidingResults`.
        // Positions, not copies: a result copy costs a retain per field.
        let results = input.results
        var deciding = [Int?](repeating: nil, count: count)
        var resultsByItem = [[Int]](repeating: [], count: count)
        for index in results.indices {
            guard let position = positions[results[index].item] else { continue }
            resultsByItem[position].append(index)
            if let current = deciding[position], results[index].observedAt < results[current].observedAt { continue }
            deciding[position] = index
        }
        var waivers = [Waiver?](repeating: nil, count: count)
        for waiver in input.waivers {
            guard let position = positions[waiver.item] else { continue }
            if let kept = waivers[position], waiver.expiresAt < kept.expiresAt { continue }
            waivers[position] = waiver
        }
        let carried = carry.byPosition(positions, count: count)

        // Fields read in place: mapping over the items would copy each one first.
        var items: [ItemReport] = []
        items.reserveCapacity(count)
        checklist.items.withUnsafeBufferPointer { sources in
            for index in sources.indices {
                items.append(ItemReport(
                    id: sources[index].id, kind: sources[index].kind, text: sources[index].text, parent: sources[index].parent,
                    depth: sources[index].depth, section: sources[index].sectionID, checked: sources[index].checked,
                    state: .pending, results: [], decidedBy: nil, carriedFrom: nil, expired: nil, waiver: nil,
                    expiredWaiver: nil, criterion: nil, role: sources[index].role))
            }
        }
        for position in 0..<count where !resultsByItem[position].isEmpty {
            items[position].results = resultsByItem[position].map { results[$0] }
        }

        // Children come after their parent in document order, so walking backwards settles
        // every child before its parent. Items that follow from sign-offs are settled last: whether
        // an approval counts depends on the evidence digest, which the other items make up.
        let derived = EvidenceDigest.signoffDerived(items)
        func settleAll(derivedOnes: Bool, signoffs: [SignoffStatus]) {
            for position in items.indices.reversed() where derived[position] == derivedOnes {
                let childStates = childPositions[position].map { items[$0].state }
                settle(&items[position], deciding: deciding[position].map { results[$0] }, carried: carried.results[position],
                       now: now, hasChildren: !checklist.items[position].children.isEmpty, childStates: childStates,
                       signoffs: signoffs, waiver: waivers[position] ?? carried.waivers[position])
            }
        }
        settleAll(derivedOnes: false, signoffs: [])
        let checklistReference = ChecklistReference(name: checklist.name, title: checklist.title)
        let evidence = EvidenceDigest.digest(run: input.manifest, checklist: checklistReference, items: items, derived: derived)
        let signoffs = bind(signoffStatuses(input.signoffs, requireSigned: input.requireSignedSignoffs), to: evidence, items: items)
        settleAll(derivedOnes: true, signoffs: signoffs)
        for position in items.indices { items[position].criterion = criterion(items[position]) }

        let (readiness, sections, counts) = Readiness.compute(checklist: checklist, items: items)
        let (verdict, reasons) = VerdictRules.decide(checklist: checklist, items: items, signoffs: signoffs)
        var report = RunReport(
            run: input.manifest, checklist: checklistReference,
            verdict: verdict, reasons: reasons, readiness: readiness, counts: counts, items: items,
            sections: sections, signoffs: signoffs, problems: input.problems, evidenceDigest: evidence)
        // Only a deployed run pays for the phases.
        if !input.deployments.isEmpty {
            report.phaseFacts = PhaseFacts(checklist: checklist, items: items, deployments: input.deployments)
        }
        report.latest = Self.latest(input)
        return report
    }

    /// The run's newest timestamp: its start, a result, a sign-off or a deployment.
    package static func latest(_ input: RunInput) -> Timestamp {
        var newest = input.manifest.startedAt.seconds
        for index in input.results.indices { newest = max(newest, input.results[index].observedAt.seconds) }
        for signoff in input.signoffs { newest = max(newest, signoff.at.seconds) }
        for deployment in input.deployments { newest = max(newest, deployment.at.seconds) }
        return Timestamp(seconds: newest)
    }

    /// Marks each role's newest decision current, stale (with the items changed since) or unbound.
    package func bind(_ statuses: [SignoffStatus], to evidence: String, items: [ItemReport]) -> [SignoffStatus] {
        statuses.map { status in
            var status = status
            guard status.decision != nil,
                let latest = status.records.last(where: { $0.at == status.at && $0.decision == status.decision && $0.name == status.name })
            else { return status }
            status.evidenceDigest = latest.evidenceDigest
            guard let digest = latest.evidenceDigest else {
                status.binding = .unbound
                return status
            }
            if digest == evidence {
                status.binding = .current
            } else {
                status.binding = .stale
                status.changes = latest.itemStates.map { EvidenceDigest.changes(since: $0, items: items) } ?? []
            }
            return status
        }
    }

    /// Decides one item's state in place (a copy of a report item costs a retain per field).
    private func settle(_ item: inout ItemReport, deciding: ProbeResult?, carried: ProbeResult?, now: Timestamp,
                        hasChildren: Bool, childStates: [ItemState], signoffs: [SignoffStatus], waiver: Waiver?) {
        if let result = deciding {
            item.state = ItemState(result.status)
            item.decidedBy = result
        } else if let carried {
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
                let decision = status.decision, !status.isStaleApproval
            {
                item.state = decision == .approve ? .pass : .fail
            } else if hasChildren {
                item.state = rollUp(childStates)
            } else {
                item.state = item.checked ? .done : .pending
            }
        }
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
    package func rollUp(_ states: [ItemState]) -> ItemState {
        let applicable = states.filter { $0 != .skip }
        guard !states.isEmpty else { return .pending }
        return applicable.max() ?? .skip
    }

    package func criterion(_ item: ItemReport) -> CriterionStatus? {
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
    /// With `requireSigned`, only verified decisions decide (the others stay listed).
    package func signoffStatuses(_ records: [Signoff], requireSigned: Bool = false) -> [SignoffStatus] {
        checklist.items.indices.compactMap { index in
            guard checklist.items[index].kind == .signoff, let role = checklist.items[index].role else { return nil }
            let mine = records.filter { $0.role == role }
            var status = SignoffStatus(role: role, item: checklist.items[index].id, decision: nil, name: nil, at: nil,
                                       comment: nil, records: mine)
            let counted = requireSigned ? mine.filter { $0.signatureStatus?.isVerified == true } : mine
            if let latest = counted.reduce(nil as Signoff?, { best, next in best.map { next.at >= $0.at ? next : $0 } ?? next }) {
                status.decision = latest.decision
                status.name = latest.name
                status.at = latest.at
                status.comment = latest.comment
                status.signature = latest.signatureStatus
            }
            return status
        }
    }
}

extension ItemState {
    package init(_ status: ResultStatus) {
        switch status {
        case .pass: self = .pass
        case .fail: self = .fail
        case .warn: self = .warn
        case .skip: self = .skip
        }
    }
}
