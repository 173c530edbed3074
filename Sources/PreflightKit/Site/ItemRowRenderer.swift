import Foundation

/// One item row of a run page, already rendered; run.mustache places it with `{{{html}}}`.
public struct RenderedItem: ViewModel, Hashable {
    public var html: String
}

/// Renders item rows from `partials/item.mustache` once per distinct *shape* and fills in each
/// run's values.
///
/// A run page holds every item of the checklist; rendering each row through Mustache cost most
/// of a build. A row's markup depends on the item (label, note, anchor: fixed for the build) and
/// on which of its parts are present in the run (state, criterion, summary, evidence…); the
/// texts of those parts differ from run to run. So each shape is rendered once with numbered
/// placeholder tokens in place of the texts, split at the tokens, and filled per run, escaped
/// exactly where the template escapes them. A shape whose output cannot be split (say a
/// template applies a transform to a text) is rendered through Mustache every time instead.
final class ItemRowRenderer: @unchecked Sendable {
    private let templates: TemplateLibrary
    private var fragments: [[UInt8]: Fragment?] = [:]
    private let lock = NSLock()
    static let template = "partials/item"

    init(templates: TemplateLibrary) {
        self.templates = templates
    }

    /// The row's HTML, from a compiled fragment when the shape has one.
    func render(_ item: ItemReport, _ source: ChecklistItem, index: Int) throws(DiagnosticList) -> RenderedItem {
        let dynamic = ItemDynamic(item)
        let hasNote = !source.noteHTML.isEmpty
        // The item's own texts are tokens too, so one shape serves every item that looks alike.
        let key = dynamic.shapeKey(depth: min(item.depth, 8), hasNote: hasNote)
        lock.lock()
        let known = fragments[key]
        lock.unlock()
        let fragment: Fragment?
        if let known {
            fragment = known
        } else {
            var count = 0
            func token(_: String) -> String {
                defer { count += 1 }
                return Fragment.token(count)
            }
            var view = ItemView(source: source, depth: item.depth, dynamic: dynamic)
            view.anchor = token(view.anchor)
            view.id = token(view.id)
            view.labelHTML = token(view.labelHTML)
            view.noteHTML = view.noteHTML.map(token)
            let shaped = ItemView(source: source, depth: item.depth, dynamic: dynamic.mapTexts(token))
            view = ItemView(
                anchor: view.anchor, id: view.id, labelHTML: view.labelHTML, noteHTML: view.noteHTML, depth: shaped.depth,
                passing: shaped.passing, state: shaped.state, criterion: shaped.criterion, summary: shaped.summary,
                details: shaped.details, probe: shaped.probe, observed: shaped.observed, evidence: shaped.evidence,
                carriedFrom: shaped.carriedFrom, expired: shaped.expired, waiver: shaped.waiver,
                expiredWaiver: shaped.expiredWaiver, otherResults: shaped.otherResults)
            let output = try templates.render(Self.template, view)
            fragment = Fragment(output, tokens: count)
            lock.lock()
            fragments[key] = fragment
            lock.unlock()
        }
        guard let fragment else {
            return RenderedItem(html: try templates.render(Self.template, ItemView(source: source, depth: item.depth, dynamic: dynamic)))
        }
        var values = [Anchor.item(source.id), source.id, source.html]
        if hasNote { values.append(source.noteHTML) }
        values += dynamic.texts
        return RenderedItem(html: fragment.fill(values))
    }
}

/// Rendered markup split at placeholder tokens.
struct Fragment {
    /// Text between tokens: one more than there are slots.
    var chunks: [String]
    var slots: [(index: Int, escaped: Bool)]

    /// Private-use characters pass through every escaping untouched; the `&` inside shows
    /// whether the template escaped the value (`&amp;`) or printed it raw.
    static func token(_ index: Int) -> String { "\u{E000}\(index)&\u{E001}" }

    /// Splits `output`; nil when a token was altered or lost.
    init?(_ output: String, tokens: Int) {
        chunks = []
        slots = []
        var rest = Substring(output)
        while let start = rest.firstIndex(of: "\u{E000}") {
            chunks.append(String(rest[..<start]))
            let afterStart = rest.index(after: start)
            guard let end = rest[afterStart...].firstIndex(of: "\u{E001}") else { return nil }
            let inner = rest[afterStart..<end]
            let digits = inner.prefix { $0.isASCII && $0.isNumber }
            let marker = inner.dropFirst(digits.count)
            guard let index = Int(digits), index < tokens, marker == "&" || marker == "&amp;" else { return nil }
            slots.append((index, marker == "&amp;"))
            rest = rest[rest.index(after: end)...]
        }
        chunks.append(String(rest))
        // A token the template dropped is fine (the value is not shown); a mangled one is not.
        if chunks.contains(where: { $0.contains("\u{E001}") }) { return nil }
    }

    func fill(_ values: [String]) -> String {
        var html = chunks[0]
        html.reserveCapacity(chunks.reduce(0) { $0 + $1.utf8.count } + 256)
        for (position, slot) in slots.enumerated() {
            html += slot.escaped ? HTMLEscaping.escape(values[slot.index]) : values[slot.index]
            html += chunks[position + 1]
        }
        return html
    }
}
