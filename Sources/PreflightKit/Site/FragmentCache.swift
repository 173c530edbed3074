import Foundation

/// Markup rendered once per *shape* with numbered placeholder tokens in place of texts, then
/// filled in per run: how item rows and the checklist block of run pages render (see
/// `ItemRowRenderer`). A template is the only source of the markup either way; a template that
/// transforms a value, or a shape whose output cannot be split at its tokens, renders directly
/// every time.
final class FragmentCache: @unchecked Sendable {
    private let templates: TemplateLibrary
    private var fragments: [[UInt8]: Fragment?] = [:]
    private var allowed: [String: Bool] = [:]
    private let lock = NSLock()

    init(templates: TemplateLibrary) {
        self.templates = templates
    }

    private func allowsPlaceholders(_ template: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if let known = allowed[template] { return known }
        let answer = templates.allowsPlaceholders(template)
        allowed[template] = answer
        return answer
    }

    /// Renders `template` for one shape. `shaped` builds the model with a token for each text,
    /// in the order `values` lists the texts; `direct` builds the real model for the fallback.
    func render<Model: ViewModel>(_ template: String, key: [UInt8], shaped: (inout TokenMaker) -> Model,
                                  values: () -> [String], direct: () -> Model) throws(DiagnosticList) -> String {
        guard allowsPlaceholders(template) else { return try templates.render(template, direct()) }
        lock.lock()
        let known = fragments[key]
        lock.unlock()
        let fragment: Fragment?
        if let known {
            fragment = known
        } else {
            var maker = TokenMaker()
            let model = shaped(&maker)
            fragment = Fragment(try templates.render(template, model), tokens: maker.count)
            lock.lock()
            fragments[key] = fragment
            lock.unlock()
        }
        guard let fragment else { return try templates.render(template, direct()) }
        return fragment.fill(values())
    }
}

/// Hands out placeholder tokens in order.
struct TokenMaker {
    private(set) var count = 0

    mutating func token() -> String {
        defer { count += 1 }
        return Fragment.token(count)
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
