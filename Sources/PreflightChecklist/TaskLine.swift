import Foundation
import PreflightSupport

/// The label of a GitHub-style task item, recognised in a list item's first paragraph.
///
/// Plain cmark has no task-list extension: a list item is a task when its first paragraph's
/// first text begins with `[ ]`, `[x]` or `[X]` followed by a space or tab. The label is that
/// whole paragraph: in CommonMark a line break inside a paragraph is a space, so a label
/// wrapped over several source lines is one sentence, not a label and a note.
struct TaskLine: Equatable {
    var checked: Bool
    /// The label as plain text, without box and `{#id}`, line breaks as spaces.
    var text: String
    /// The label as safe HTML, line breaks as spaces.
    var html: String
    /// Text of a bold span that opens the label.
    var leadingBold: String?
    /// The id given by a `{#custom-id}` closing the label's first line or its last.
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

        var lines = paragraph.inlines.map(\.text).joined().dropFirst(4)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var htmlLines = bodyHTML(paragraph.html).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // `{#id}` closes the first line (where it always went) or, in a wrapped label, the last.
        var explicitID: String?
        for line in Set([0, lines.count - 1]).sorted() where explicitID == nil {
            let (text, id) = ExplicitID.split(lines[line])
            guard let id else { continue }
            explicitID = id
            lines[line] = text
            if line < htmlLines.count { htmlLines[line] = ExplicitID.split(htmlLines[line]).text }
        }
        let bold = leadingBold(paragraph.inlines, boxText: first.text)
        return TaskLine(
            checked: mark != " ", text: joined(lines), html: joined(htmlLines), leadingBold: bold, explicitID: explicitID)
    }

    /// The bold span that opens the label, after the box and any badge images before it
    /// (`- [ ] ![High][high] **Doctype:** …` is led by "Doctype:": a priority badge is decoration,
    /// not the item's name).
    private static func leadingBold(_ inlines: [MarkdownBlock.Inline], boxText: String) -> String? {
        guard boxText.dropFirst(4).allSatisfy(\.isWhitespace) else { return nil }
        var index = 1
        while index < inlines.count {
            let inline = inlines[index]
            switch inline.kind {
            case .strong: return inline.text.replacingOccurrences(of: "\n", with: " ")
            case .image: index += 1
            case .text where inline.text.allSatisfy(\.isWhitespace) && index > 1: index += 1
            default: return nil
            }
        }
        return nil
    }

    /// Lines joined by single spaces, as a paragraph's soft breaks read.
    private static func joined(_ lines: [String]) -> String {
        lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// cmark's `<p>[ ] label…</p>` without the paragraph tags and the box.
    private static func bodyHTML(_ html: String) -> String {
        var body = Substring(html)
        if body.hasPrefix("<p>") { body = body.dropFirst(3) }
        while body.last == "\n" { body = body.dropLast() }
        if body.hasSuffix("</p>") { body = body.dropLast(4) }
        return String(body.dropFirst(4))
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
