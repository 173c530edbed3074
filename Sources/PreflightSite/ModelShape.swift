import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport
import PreflightHistory

/// A view model that can be rendered through a `FragmentCache`: it records its *shape*
/// (everything that can change which markup a template produces) and its texts, and builds a
/// stand-in whose texts are placeholder tokens. `scripts/generate-lookups.py` writes both
/// functions for every view model, visiting the properties in the same order.
protocol ShapedModel: ViewModel {
    func recordShape(_ shape: inout ModelShape)
    func placeholderModel(_ tokens: inout TokenMaker) -> PlaceholderModel
}

/// A model's shape as bytes, and its texts in token order.
///
/// The shape holds which optionals are present, every list's length, every flag, and whether
/// each text is empty (a template may test `empty(text)`); the texts themselves are not part of
/// it, so runs that differ only in their texts share one rendered fragment.
struct ModelShape {
    private(set) var key: [UInt8]
    private(set) var texts: [FillValue] = []

    init(template: String) {
        // Sized for an item row, the commonest model; larger ones grow as they record.
        key = []
        key.reserveCapacity(template.utf8.count + 64)
        key += template.utf8
        key.append(0)
        texts.reserveCapacity(24)
    }

    mutating func add(_ text: String) {
        key.append(text.isEmpty ? 1 : 2)
        texts.append(.text(text))
    }

    mutating func add(_ html: RawHTML) {
        key.append(html.bytes.isEmpty ? 1 : 2)
        texts.append(.html(html))
    }

    mutating func add(_ number: Int) {
        key.append(2)
        texts.append(.text(String(number)))
    }

    mutating func add(_ flag: Bool) { key.append(flag ? 4 : 3) }

    mutating func add(_ text: String?) {
        if let text { add(text) } else { key.append(0) }
    }

    mutating func add(_ number: Int?) {
        if let number { add(number) } else { key.append(0) }
    }

    mutating func add(_ model: some ShapedModel) { model.recordShape(&self) }

    mutating func add(_ model: (some ShapedModel)?) {
        if let model { key.append(5); model.recordShape(&self) } else { key.append(0) }
    }

    mutating func add(_ texts: [String]) {
        count(texts.count)
        for text in texts { add(text) }
    }

    mutating func add(_ models: [some ShapedModel]) {
        count(models.count)
        for model in models { model.recordShape(&self) }
    }

    private mutating func count(_ value: Int) {
        key.append(6)
        var rest = value
        repeat {
            key.append(UInt8(rest & 0x7F))
            rest >>= 7
        } while rest > 0
    }
}

extension TokenMaker {
    /// What a template sees in place of each kind of property: a token for every text and
    /// number, the flag itself, `DeclaredNil` for an absent optional.
    /// An empty text stays empty (a template may test it with `empty(...)`); it still uses its
    /// token number, so later tokens keep matching the recorded texts.
    mutating func placeholder(_ text: String) -> Any {
        let token = token()
        return text.isEmpty ? "" : token
    }
    mutating func placeholder(_ html: RawHTML) -> Any {
        let token = token()
        return RawHTML(html.bytes.isEmpty ? "" : token)
    }
    mutating func placeholder(_ number: Int) -> Any { token() }
    mutating func placeholder(_ flag: Bool) -> Any { flag }
    mutating func placeholder(_ text: String?) -> Any { text.map { placeholder($0) } ?? DeclaredNil.value }
    mutating func placeholder(_ number: Int?) -> Any { number == nil ? DeclaredNil.value : token() }
    mutating func placeholder(_ model: some ShapedModel) -> Any { model.placeholderModel(&self) }
    mutating func placeholder(_ model: (some ShapedModel)?) -> Any {
        guard let model else { return DeclaredNil.value }
        return model.placeholderModel(&self)
    }
    mutating func placeholder(_ texts: [String]) -> Any { texts.map { placeholder($0) } }
    mutating func placeholder(_ models: [some ShapedModel]) -> Any {
        var list: [PlaceholderModel] = []
        list.reserveCapacity(models.count)
        for model in models { list.append(model.placeholderModel(&self)) }
        return list
    }
}

/// A view model's stand-in with tokens for its texts; it answers the same names.
final class PlaceholderModel: ViewModel, @unchecked Sendable {
    private let children: [String: Any]

    init(_ children: [String: Any]) {
        self.children = children
    }

    func child(named name: String) -> Any? { children[name] }
}
