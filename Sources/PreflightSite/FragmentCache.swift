import Foundation
import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport
import PreflightHistory

/// Markup rendered once per *shape* of a view model, with numbered placeholder tokens in place of
/// its texts, then filled in per page: the one fast render path, which item rows, the checklist
/// block, the changes block, run pages, sign-off sheets and their layout all take.
///
/// A model's shape and texts come from `ShapedModel` (generated for every view model); a
/// template is the only source of the markup either way. A template that transforms a value, or
/// a shape whose output cannot be split at its tokens, renders directly every time.
///
/// It also notes which templates it rendered: the build cache keys run pages on those, followed
/// through their partials, so that a template edit re-renders exactly the pages that use it.
final class FragmentCache: @unchecked Sendable {
    private let templates: TemplateLibrary
    private var fragments: [[UInt8]: Fragment?] = [:]
    private var allowed: [String: Bool] = [:]
    private let lock = NSLock()

    /// Shapes kept at most: a bound on memory for archives whose runs rarely share a shape.
    static let capacity = 20_000

    init(templates: TemplateLibrary) {
        self.templates = templates
    }

    /// The templates rendered through this cache so far, sorted.
    var renderedTemplates: [String] {
        lock.lock()
        defer { lock.unlock() }
        return allowed.keys.sorted()
    }

    /// Whether `template` may be rendered with tokens; also notes it as rendered.
    private func allowsPlaceholders(_ template: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if let known = allowed[template] { return known }
        let answer = templates.allowsPlaceholders(template)
        allowed[template] = answer
        return answer
    }

    /// Renders `template` with `model` into `bytes`, from the fragment of the model's shape
    /// (rendering the fragment first when the shape is new).
    func render<Model: ShapedModel>(_ template: String, _ model: Model, into bytes: inout [UInt8]) throws(DiagnosticList) {
        guard allowsPlaceholders(template) else {
            return bytes.append(contentsOf: try templates.render(template, model).utf8)
        }
        var shape = ModelShape(template: template)
        model.recordShape(&shape)
        lock.lock()
        let known = fragments[shape.key]
        lock.unlock()
        let fragment: Fragment?
        if let known {
            fragment = known
        } else {
            var maker = TokenMaker()
            let placeholders = model.placeholderModel(&maker)
            fragment = Fragment(try templates.render(template, placeholders), tokens: maker.count)
            lock.lock()
            if fragments.count < Self.capacity { fragments[shape.key] = fragment }
            lock.unlock()
        }
        guard let fragment else { return bytes.append(contentsOf: try templates.render(template, model).utf8) }
        fragment.fill(shape.texts, into: &bytes)
    }

    /// Each model rendered in turn, one after another: the rows of a list whose rows share a shape.
    func render<Model: ShapedModel>(_ template: String, _ models: [Model]) throws(DiagnosticList) -> RawHTML {
        var bytes: [UInt8] = []
        for model in models { try render(template, model, into: &bytes) }
        return RawHTML(bytes)
    }

    /// `render(_:_:into:)` as markup.
    func render<Model: ShapedModel>(_ template: String, _ model: Model) throws(DiagnosticList) -> RawHTML {
        var bytes: [UInt8] = []
        try render(template, model, into: &bytes)
        return RawHTML(bytes)
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
    /// Bytes between tokens: one more than there are slots.
    var chunks: [[UInt8]]
    var slots: [(index: Int, escaped: Bool)]

    /// Private-use characters pass through every escaping untouched; the `&` inside shows
    /// whether the template escaped the value (`&amp;`) or printed it raw.
    static func token(_ index: Int) -> String { "\u{E000}\(index)&\u{E001}" }

    // U+E000 and U+E001 in UTF-8.
    private static let open: [UInt8] = [0xEE, 0x80, 0x80]
    private static let close: [UInt8] = [0xEE, 0x80, 0x81]

    /// Splits `output`; nil when a token was altered or lost.
    init?(_ output: String, tokens: Int) {
        var chunks: [[UInt8]] = []
        var slots: [(index: Int, escaped: Bool)] = []
        let bytes = Array(output.utf8)
        var chunkStart = 0
        var position = 0
        while let start = Self.find(Self.open, in: bytes, from: position) {
            chunks.append(Array(bytes[chunkStart..<start]))
            guard let end = Self.find(Self.close, in: bytes, from: start + 3) else { return nil }
            let inner = bytes[(start + 3)..<end]
            let digits = inner.prefix { $0 >= 0x30 && $0 <= 0x39 }
            let marker = inner.dropFirst(digits.count)
            guard !digits.isEmpty, digits.count < 10 else { return nil }
            let index = digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
            let escaped = marker.elementsEqual("&amp;".utf8)
            guard index < tokens, escaped || marker.elementsEqual("&".utf8) else { return nil }
            slots.append((index, escaped))
            position = end + 3
            chunkStart = position
        }
        chunks.append(Array(bytes[chunkStart...]))
        // A token the template dropped is fine (the value is not shown); a mangled one is not.
        if chunks.contains(where: { Self.find(Self.close, in: $0, from: 0) != nil }) { return nil }
        self.chunks = chunks
        self.slots = slots
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard bytes.count >= needle.count, start <= bytes.count - needle.count else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> Int? in
            var index = start
            let last = buffer.count - needle.count
            while index <= last {
                if buffer[index] == needle[0] && buffer[index + 1] == needle[1] && buffer[index + 2] == needle[2] {
                    return index
                }
                index += 1
            }
            return nil
        }
    }

    /// Appends the markup with `values` in its slots, escaped where the template escaped them.
    func fill(_ values: [FillValue], into bytes: inout [UInt8]) {
        bytes.reserveCapacity(bytes.count + chunks.reduce(0) { $0 + $1.count } + 256)
        bytes.append(contentsOf: chunks[0])
        for (position, slot) in slots.enumerated() {
            values[slot.index].append(to: &bytes, escaped: slot.escaped)
            bytes.append(contentsOf: chunks[position + 1])
        }
    }
}
