/// An item whose state differs from what a signer saw; `now` is nil for an item gone from the checklist.
package struct ItemChange: Sendable, Codable, Equatable {
    package var item: String
    package var text: String
    package var was: ItemState?
    package var now: ItemState?

    package init(item: String, text: String, was: ItemState?, now: ItemState?) {
        self.item = item
        self.text = text
        self.was = was
        self.now = now
    }

    /// "Backups verified: pass → fail".
    package var words: String {
        "\(text): \(was?.rawValue ?? "not listed") → \(now?.rawValue ?? "removed")"
    }
}
