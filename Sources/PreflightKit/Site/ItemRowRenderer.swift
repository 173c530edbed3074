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
    private var fragments: [ShapeKey: Fragment?] = [:]
    private let lock = NSLock()
    static let template = "partials/item"

    init(templates: TemplateLibrary) {
        self.templates = templates
    }

    /// The row's HTML, from a compiled fragment when the shape has one.
    func render(_ view: ItemView) throws(DiagnosticList) -> RenderedItem {
        let (shape, values) = Self.tokenize(view)
        let key = ShapeKey(shape)
        let fragment: Fragment?
        lock.lock()
        let known = fragments[key]
        lock.unlock()
        if let known {
            fragment = known
        } else {
            let output = try templates.render(Self.template, shape)
            fragment = Fragment(output, tokens: values.count)
            lock.lock()
            fragments[key] = fragment
            lock.unlock()
        }
        guard let fragment else { return RenderedItem(html: try templates.render(Self.template, view)) }
        return RenderedItem(html: fragment.fill(values))
    }

    /// The view with every per-run text replaced by a numbered token, and the texts in token order.
    static func tokenize(_ view: ItemView) -> (ItemView, [String]) {
        var values: [String] = []
        func token(_ text: String) -> String {
            values.append(text)
            return Fragment.token(values.count - 1)
        }
        var shape = view
        shape.summary = view.summary.map(token)
        shape.details = view.details.map(token)
        shape.probe = view.probe.map(token)
        shape.observed = view.observed.map(token)
        shape.carriedFrom = view.carriedFrom.map { LinkView(href: token($0.href), text: token($0.text)) }
        shape.expired = view.expired.map(token)
        shape.waiver = view.waiver.map(token)
        shape.expiredWaiver = view.expiredWaiver.map(token)
        shape.evidence = view.evidence.map { EvidenceView(label: token($0.label), href: $0.href.map(token), text: token($0.text)) }
        shape.otherResults = view.otherResults.map { ResultLineView(state: $0.state, text: token($0.text)) }
        return (shape, values)
    }
}

/// What decides a row's markup besides its texts: the item (by anchor, which is unique per
/// checklist and build) and which parts are present. Cheaper to hash than the whole view.
struct ShapeKey: Hashable {
    var anchor: String
    var state: String
    var criterion: String?
    var present: [Bool]
    var evidenceLinks: [Bool]
    var otherStates: [String]

    init(_ view: ItemView) {
        anchor = view.anchor
        state = view.state.css
        criterion = view.criterion
        present = [view.summary != nil, view.details != nil, view.probe != nil, view.observed != nil,
                   view.carriedFrom != nil, view.expired != nil, view.waiver != nil, view.expiredWaiver != nil, view.passing]
        evidenceLinks = view.evidence.map { $0.href != nil }
        otherStates = view.otherResults.map(\.state.css)
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
