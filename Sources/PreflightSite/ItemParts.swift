import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport
import PreflightHistory

/// The parts of an item row that change from run to run: its state and the texts of its
/// result, marks and evidence. The rest of a row (label, note, anchor) is fixed per build.
package struct ItemDynamic {
    package var itemState: ItemState
    package var itemCriterion: CriterionStatus?
    package var state: StateView
    package var passing: Bool
    package var criterion: String?
    package var summary: String?
    package var details: String?
    package var probe: String?
    package var observed: String?
    package var carriedFrom: LinkView?
    package var expired: String?
    package var waiver: String?
    package var expiredWaiver: String?
    package var evidence: [EvidenceView]
    package var otherResults: [ResultLineView]

    /// The parts of `items[position]` (see `ItemRowRenderer.render` for why not the element).
    init(_ items: [ItemReport], at position: Int) {
        self = items.withUnsafeBufferPointer { ItemDynamic($0.baseAddress! + position) }
    }

    /// Reads the item where it lies: fields read through `pointee` are not copied with the rest.
    private init(_ item: UnsafePointer<ItemReport>) {
        let itemState = item.pointee.state
        self.itemState = itemState
        itemCriterion = item.pointee.criterion
        passing = itemState.isPassing || itemState == .skip
        state = StateView(itemState)
        criterion = item.pointee.criterion.map(Self.word)
        let result = item.pointee.decidedBy
        summary = result?.summary
        details = result?.details
        probe = result?.probe
        observed = result?.observedAt.display
        evidence = result?.evidence.map(EvidenceView.init) ?? []
        carriedFrom = item.pointee.carriedFrom.map { LinkView(href: "../\($0)/index.html", text: $0) }
        expired = item.pointee.expired.map { "\($0.status.rawValue) from run \($0.source.run) expired \($0.validUntil?.display ?? "")" }
        waiver = item.pointee.waiver.map { "waived by \($0.approvedBy) until \($0.expiresAt.display): \($0.reason)" }
        expiredWaiver = item.pointee.expiredWaiver.map { "waiver by \($0.approvedBy) expired \($0.expiresAt.display): \($0.reason)" }
        // The deciding result is known by its source (a record is one file and JSON path); comparing
        // whole results would cost more.
        var others: [ResultLineView] = []
        item.pointee.results.withUnsafeBufferPointer { results in
            for index in results.indices where results[index].source != result?.source {
                let other = results[index]
                others.append(ResultLineView(state: StateView(ItemState(other.status)),
                                             text: [other.probe, other.summary, other.observedAt.display].compactMap { $0 }.joined(separator: " · ")))
            }
        }
        otherResults = others
    }

    package static func word(_ criterion: CriterionStatus) -> String {
        switch criterion {
        case .met: return "Met"
        case .notMet: return "Not met"
        case .clear: return "Clear"
        case .present: return "Present"
        case .unverified: return "Unverified"
        }
    }

    /// Applies `transform` to every text, in one fixed order (the order of the tokens).
    package func mapTexts(_ transform: (String) -> String) -> ItemDynamic {
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

    /// Appends the texts in token order (the order of `mapTexts`).
    package func appendTexts(to list: inout [FillValue]) {
        for text in [summary, details, probe, observed] { if let text { list.append(.text(text)) } }
        if let carriedFrom { list += [.text(carriedFrom.href), .text(carriedFrom.text)] }
        for text in [expired, waiver, expiredWaiver] { if let text { list.append(.text(text)) } }
        for link in evidence {
            list.append(.text(link.label))
            if let href = link.href { list.append(.text(href)) }
            list.append(.text(link.text))
        }
        for line in otherResults { list.append(.text(line.text)) }
    }

    /// What decides a row's markup besides its texts: state, criterion, which parts are present,
    /// the item's depth and whether it has a note.
    package func shapeKey(depth: Int, hasNote: Bool) -> [UInt8] {
        var key: [UInt8] = []
        key.reserveCapacity(16 + evidence.count + otherResults.count)
        key += [UInt8(truncatingIfNeeded: depth), hasNote ? 1 : 0]
        key.append(itemState.code)
        key.append(itemCriterion.map { $0.code } ?? 0)
        var flags: UInt16 = 0
        for (bit, present) in [passing, summary != nil, details != nil, probe != nil, observed != nil, carriedFrom != nil,
                               expired != nil, waiver != nil, expiredWaiver != nil].enumerated() where present {
            flags |= 1 << bit
        }
        key += [UInt8(flags & 0xFF), UInt8(flags >> 8), UInt8(truncatingIfNeeded: evidence.count)]
        for link in evidence { key.append(link.href == nil ? 0 : 1) }
        key.append(UInt8(truncatingIfNeeded: otherResults.count))
        for line in otherResults { key.append(ItemState(rawValue: line.state.css)?.code ?? 0) }
        return key
    }
}

extension ItemState {
    /// A small number per state, for shape keys.
    package var code: UInt8 { UInt8(ItemState.allCases.firstIndex(of: self) ?? 0) + 1 }
}

extension CriterionStatus {
    package var code: UInt8 {
        switch self {
        case .met: return 1
        case .notMet: return 2
        case .clear: return 3
        case .present: return 4
        case .unverified: return 5
        }
    }
}

extension ItemView {
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
