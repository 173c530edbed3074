import Foundation
import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport
import PreflightHistory

/// One item row of a run page, already rendered; partials/checklist.mustache places it with `{{{html}}}`.
struct RenderedItem: ViewModel, Hashable {
    var html: RawHTML
}

/// Renders item rows from `partials/item.mustache` through the build's `FragmentCache`.
///
/// A run page holds every item of the checklist; rendering each row through Mustache cost most
/// of a build. A row's shape (which of its parts are present, whether it has a note, whether it
/// passes) varies little, and every text, the item's own label included, fills a placeholder, so
/// a few dozen shapes serve every item of every run.
final class ItemRowRenderer: @unchecked Sendable {
    static let template = "partials/item"
    private let fragments: FragmentCache
    private var anchors: [String: [String]] = [:]
    private let lock = NSLock()

    init(fragments: FragmentCache) {
        self.fragments = fragments
    }

    /// The items' anchors, worked out once per checklist and build.
    func anchors(of checklist: Checklist) -> [String] {
        lock.lock()
        defer { lock.unlock() }
        if let known = anchors[checklist.name], known.count == checklist.items.count { return known }
        let made = checklist.items.map { Anchor.item($0.id) }
        anchors[checklist.name] = made
        return made
    }

    /// The row of `items[position]` (checklist item `sources[position]`).
    func render(_ items: [ItemReport], _ sources: [ChecklistItem], at position: Int, anchor: String? = nil)
        throws(DiagnosticList) -> RenderedItem
    {
        let view = ItemView(items, sources, at: position, anchor: anchor ?? Anchor.item(sources[position].id))
        return RenderedItem(html: try fragments.render(Self.template, view))
    }
}
