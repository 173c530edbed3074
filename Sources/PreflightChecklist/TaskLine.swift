import Foundation
import PreflightSupport

/// The label line of a GitHub-style task item, recognised in a list item's first paragraph.
///
/// Plain cmark has no task-list extension: a list item is a task when its first paragraph's
/// first text begins with `[ ]`, `[x]` or `[X]` followed by a space or tab.
struct TaskLine: Equatable {
    var checked: Bool
    /// The label line as plain text, without box and `{#id}`.
    var text: String
    /// The label line as safe HTML.
    var html: String
    /// Plain text and HTML of the rest of the first paragraph (lines after the label line).
    var restText: String
    var restHTML: String
    /// Text of a bold span that opens the label.
    var leadingBold: String?
    /// The id given by a trailing `{#custom-id}`.
    var explicitID: String?

    /// Recognises the list item at `index` as a task, or returns nil.
    static func parse(_ blocks: [MarkdownBlock], at index: Int) -> TaskLine? {
        guard blocks[index].kind == .listItem, index + 1 < blocks.count else { return nil }
        let paragraph = blocks[index + 1]
        guard paragraph.parent == index, paragraph.kind == .paragraph,
            let first = paragraph.inlines.first, first.kind == .text
        else { return nil }
        let head = first.text.prefix(4)
        guard head.count == 4, head.hasPrefix("["), Array(head)[2] == "]",
            head.last == " " || head.last == "\t"
        else { return nil }
        let mark = Array(head)[1]
        guard mark == " " || mark == "x" || mark == "X" else { return nil }

        let plain = paragraph.inlines.map(\.text).joined().dropFirst(4)
        let lines = plain.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        let (text, explicitID) = ExplicitID.split(String(lines.first ?? ""))
        let restText = lines.count > 1 ? String(lines[1]).trimmingCharacters(in: .whitespaces) : ""

        let (labelHTML, restHTML) = splitHTML(paragraph.html)
        var bold: String?
        if first.text.count == 4 || first.text.dropFirst(4).allSatisfy(\.isWhitespace),
            paragraph.inlines.count > 1, paragraph.inlines[1].kind == .strong
        {
            bold = paragraph.inlines[1].text.replacingOccurrences(of: "\n", with: " ")
        }
        return TaskLine(
            checked: mark != " ", text: text.trimmingCharacters(in: .whitespaces),
            html: ExplicitID.split(labelHTML).text.trimmingCharacters(in: .whitespaces),
            restText: restText, restHTML: restHTML, leadingBold: bold, explicitID: explicitID)
    }

    /// Splits cmark's `<p>[ ] label\nrest</p>` into the label HTML (box removed) and the rest as a paragraph.
    private static func splitHTML(_ html: String) -> (String, String) {
        var body = Substring(html)
        if body.hasPrefix("<p>") { body = body.dropFirst(3) }
        while body.last == "\n" { body = body.dropLast() }
        if body.hasSuffix("</p>") { body = body.dropLast(4) }
        body = body.dropFirst(4)
        guard let newline = body.firstIndex(of: "\n") else { return (String(body), "") }
        let rest = body[body.index(after: newline)...]
        return (String(body[..<newline]), rest.isEmpty ? "" : "<p>\(rest)</p>\n")
    }
}

/// The `{#custom-id}` suffix of a heading or label.
enum ExplicitID {
    /// Splits `Label {#id}` into `Label` and `id`.
    static func split(_ text: String) -> (text: String, id: String?) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasSuffix("}"), let open = trimmed.range(of: "{#", options: .backwards) else {
            return (text, nil)
        }
        let id = trimmed[open.upperBound..<trimmed.index(before: trimmed.endIndex)]
        guard !id.isEmpty, !id.contains(where: { $0.isWhitespace || $0 == "{" || $0 == "}" }) else { return (text, nil) }
        return (String(trimmed[..<open.lowerBound]).trimmingCharacters(in: .whitespaces), String(id))
    }

    /// A message when an explicit id is not usable in URLs and file names, else nil.
    static func validate(_ id: String) -> String? {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-/")
        let parts = id.split(separator: "/", omittingEmptySubsequences: false)
        if id.contains(where: { !allowed.contains($0) }) || parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) {
            return "id '\(id)' may use only letters, digits, '.', '_', '-' and '/' between non-empty parts"
        }
        return nil
    }
}
