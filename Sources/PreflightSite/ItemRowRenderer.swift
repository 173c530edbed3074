import Foundation
import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport
import PreflightHistory

/// One item row of a run page, already rendered; run.mustache places it with `{{{html}}}`.
package struct RenderedItem: ViewModel, Hashable {
    package var html: RawHTML
}

/// Renders item rows from `partials/item.mustache` through a `FragmentCache`.
///
/// A run page holds every item of the checklist; rendering each row through Mustache cost most
/// of a build. A row's markup depends only on which of its parts are present (state, criterion,
/// summary, evidence…), its depth and whether it has a note: every other text, the item's own
/// label included, is a token, so a few dozen shapes serve every item of every run.
package final class ItemRowRenderer: @unchecked Sendable {
    private let fragments: FragmentCache
    package static let template = "partials/item"

    private var anchors: [String: [String]] = [:]
    private let lock = NSLock()

    init(templates: TemplateLibrary) {
        fragments = FragmentCache(templates: templates)
    }

    /// The items' anchors, worked out once per checklist and build.
    package func anchors(of checklist: Checklist) -> [String] {
        lock.lock()
        defer { lock.unlock() }
        if let known = anchors[checklist.name], known.count == checklist.items.count { return known }
        let made = checklist.items.map { Anchor.item($0.id) }
        anchors[checklist.name] = made
        return made
    }

    /// The row of `items[position]` (checklist item `sources[position]`), from a compiled fragment
    /// when the shape has one. The arrays and a position are passed, not elements: an element
    /// passed on its own is copied, a retain for each of its fields.
    package func render(_ items: [ItemReport], _ sources: [ChecklistItem], at position: Int, anchor: String? = nil)
        throws(DiagnosticList) -> RenderedItem
    {
        let dynamic = ItemDynamic(items, at: position)
        let depth = items[position].depth
        let noteHTML = sources[position].noteHTML
        let hasNote = !noteHTML.isEmpty
        // The item's own texts are tokens too, so one shape serves every item that looks alike.
        let key = dynamic.shapeKey(depth: min(depth, 8), hasNote: hasNote)
        let html = try fragments.render(Self.template, key: key, shaped: { maker in
            var view = ItemView(source: sources[position], depth: depth, dynamic: dynamic)
            view.anchor = maker.token()
            view.id = maker.token()
            view.labelHTML = maker.token()
            view.noteHTML = hasNote ? maker.token() : nil
            let shaped = dynamic.mapTexts { _ in maker.token() }
            view.summary = shaped.summary
            view.details = shaped.details
            view.probe = shaped.probe
            view.observed = shaped.observed
            view.carriedFrom = shaped.carriedFrom
            view.expired = shaped.expired
            view.waiver = shaped.waiver
            view.expiredWaiver = shaped.expiredWaiver
            view.evidence = shaped.evidence
            view.otherResults = shaped.otherResults
            return view
        }, values: {
            let id = sources[position].id
            var values: [FillValue] = [.text(anchor ?? Anchor.item(id)), .text(id), .text(sources[position].html)]
            values.reserveCapacity(12 + dynamic.evidence.count * 3 + dynamic.otherResults.count)
            if hasNote { values.append(.text(noteHTML)) }
            dynamic.appendTexts(to: &values)
            return values
        }, direct: { ItemView(source: sources[position], depth: depth, dynamic: dynamic) })
        return RenderedItem(html: html)
    }
}
