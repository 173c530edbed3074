import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport
import PreflightHistory

extension ItemView {
    /// The row of `items[position]`, checklist item `sources[position]`. The arrays and a position
    /// are passed, not elements: an element passed on its own is copied, a retain for each of its
    /// fields, for every item of every run.
    init(_ items: [ItemReport], _ sources: [ChecklistItem], at position: Int, anchor: String) {
        self = items.withUnsafeBufferPointer { items in
            sources.withUnsafeBufferPointer { sources in
                ItemView(items.baseAddress! + position, sources.baseAddress! + position, anchor: anchor)
            }
        }
    }

    /// Reads the item where it lies: fields read through `pointee` are not copied with the rest.
    private init(_ item: UnsafePointer<ItemReport>, _ source: UnsafePointer<ChecklistItem>, anchor: String) {
        let itemState = item.pointee.state
        let result = item.pointee.decidedBy
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
        self.init(
            anchor: anchor, id: source.pointee.id, labelHTML: source.pointee.html,
            noteHTML: source.pointee.noteHTML.isEmpty ? nil : source.pointee.noteHTML, depth: min(item.pointee.depth, 8),
            passing: itemState.isPassing || itemState == .skip, failing: itemState == .fail || itemState == .warn, state: StateView(itemState),
            criterion: item.pointee.criterion.map(Self.word), summary: result?.summary, details: result?.details,
            probe: result?.probe, observed: result?.observedAt.display, evidence: Self.evidence(result),
            carriedFrom: item.pointee.carriedFrom.map { LinkView(href: "../\($0)/index.html", text: $0) },
            expired: item.pointee.expired.map { "\($0.status.rawValue) from run \($0.source.run) expired \($0.validUntil?.display ?? "")" },
            waiver: item.pointee.waiver.map { "waived by \($0.approvedBy) until \($0.expiresAt.display): \($0.reason)" },
            expiredWaiver: item.pointee.expiredWaiver.map { "waiver by \($0.approvedBy) expired \($0.expiresAt.display): \($0.reason)" },
            otherResults: others)
    }

    /// Links a probe gave, then the files kept with the result.
    private static func evidence(_ result: ProbeResult?) -> [EvidenceView] {
        guard let result else { return [] }
        let links = result.evidence.map(EvidenceView.init)
        guard let attachments = result.attachments else { return links }
        return links + attachments.map { AttachmentFiles.evidence($0, owner: result.source.run) }
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
}
