/// The parts of an item row that change from run to run: its state and the texts of its
/// result, marks and evidence. The rest of a row (label, note, anchor) is fixed per build.
struct ItemDynamic {
    var state: StateView
    var passing: Bool
    var criterion: String?
    var summary: String?
    var details: String?
    var probe: String?
    var observed: String?
    var carriedFrom: LinkView?
    var expired: String?
    var waiver: String?
    var expiredWaiver: String?
    var evidence: [EvidenceView]
    var otherResults: [ResultLineView]

    init(_ item: ItemReport) {
        passing = item.state.isPassing || item.state == .skip
        state = StateView(item.state)
        criterion = item.criterion.map(Self.word)
        let result = item.decidedBy
        summary = result?.summary
        details = result?.details
        probe = result?.probe
        observed = result?.observedAt.display
        evidence = result?.evidence.map(EvidenceView.init) ?? []
        carriedFrom = item.carriedFrom.map { LinkView(href: "../\($0)/index.html", text: $0) }
        expired = item.expired.map { "\($0.status.rawValue) from run \($0.source.run) expired \($0.validUntil?.display ?? "")" }
        waiver = item.waiver.map { "waived by \($0.approvedBy) until \($0.expiresAt.display): \($0.reason)" }
        expiredWaiver = item.expiredWaiver.map { "waiver by \($0.approvedBy) expired \($0.expiresAt.display): \($0.reason)" }
        otherResults = item.results.filter { $0 != result }.map {
            ResultLineView(state: StateView(ItemState($0.status)),
                           text: [$0.probe, $0.summary, $0.observedAt.display].compactMap { $0 }.joined(separator: " · "))
        }
    }

    static func word(_ criterion: CriterionStatus) -> String {
        switch criterion {
        case .met: return "Met"
        case .notMet: return "Not met"
        case .clear: return "Clear"
        case .present: return "Present"
        case .unverified: return "Unverified"
        }
    }

    /// Applies `transform` to every text, in one fixed order (the order of the tokens).
    func mapTexts(_ transform: (String) -> String) -> ItemDynamic {
        var copy = self
        copy.summary = summary.map(transform)
        copy.details = details.map(transform)
        copy.probe = probe.map(transform)
        copy.observed = observed.map(transform)
        copy.carriedFrom = carriedFrom.map { LinkView(href: transform($0.href), text: transform($0.text)) }
        copy.expired = expired.map(transform)
        copy.waiver = waiver.map(transform)
        copy.expiredWaiver = expiredWaiver.map(transform)
        copy.evidence = evidence.map { EvidenceView(label: transform($0.label), href: $0.href.map(transform), text: transform($0.text)) }
        copy.otherResults = otherResults.map { ResultLineView(state: $0.state, text: transform($0.text)) }
        return copy
    }

    /// The texts in token order.
    var texts: [String] {
        var list: [String] = []
        _ = mapTexts { list.append($0); return $0 }
        return list
    }

    /// What decides the row's markup besides its texts, with the item's position.
    func shapeKey(item index: Int) -> [UInt8] {
        var key: [UInt8] = [UInt8(truncatingIfNeeded: index), UInt8(truncatingIfNeeded: index >> 8),
                            UInt8(truncatingIfNeeded: index >> 16), UInt8(truncatingIfNeeded: index >> 24)]
        key.append(UInt8(ItemState.allCases.firstIndex { $0.rawValue == state.css } ?? 0))
        key.append(criterion.map { UInt8(truncatingIfNeeded: $0.utf8.count) } ?? 0)
        let flags = [passing, summary != nil, details != nil, probe != nil, observed != nil, carriedFrom != nil,
                     expired != nil, waiver != nil, expiredWaiver != nil]
        key.append(contentsOf: flags.map { $0 ? 1 : 0 })
        key.append(UInt8(truncatingIfNeeded: evidence.count))
        key.append(contentsOf: evidence.map { $0.href == nil ? 0 : 1 })
        key.append(UInt8(truncatingIfNeeded: otherResults.count))
        key.append(contentsOf: otherResults.map { line in UInt8(ItemState.allCases.firstIndex { $0.rawValue == line.state.css } ?? 0) })
        return key
    }
}

extension ItemView {
    init(_ item: ItemReport, _ source: ChecklistItem) {
        self.init(source: source, depth: item.depth, dynamic: ItemDynamic(item))
    }

    init(source: ChecklistItem, depth: Int, dynamic: ItemDynamic) {
        self.init(
            anchor: Anchor.item(source.id), id: source.id, labelHTML: source.html,
            noteHTML: source.noteHTML.isEmpty ? nil : source.noteHTML, depth: min(depth, 8), passing: dynamic.passing,
            state: dynamic.state, criterion: dynamic.criterion, summary: dynamic.summary, details: dynamic.details,
            probe: dynamic.probe, observed: dynamic.observed, evidence: dynamic.evidence, carriedFrom: dynamic.carriedFrom,
            expired: dynamic.expired, waiver: dynamic.waiver, expiredWaiver: dynamic.expiredWaiver,
            otherResults: dynamic.otherResults)
    }
}
