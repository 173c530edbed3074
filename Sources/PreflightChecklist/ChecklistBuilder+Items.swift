import Foundation
import PreflightSupport

/// An item as first seen, before ids are given out.
struct ItemDraft {
    var block: Int
    var task: TaskLine
    var parent: Int?
    var depth: Int
    var section: Int
    var children: [Int] = []
}

extension ChecklistBuilder {
    /// Gives every item its id (explicit ones first, so generated ids step around them),
    /// kind, role and note, in document order.
    mutating func finishItems(containsTask: [Bool]) -> [ChecklistItem] {
        var slugs = Slug.Deduplicator()
        var explicitAt: [String: MarkdownBlock] = [:]
        for draft in drafts {
            guard let id = draft.task.explicitID else { continue }
            let block = blocks[draft.block]
            if let problem = ExplicitID.validate(id) {
                report(.error(path, line: block.line, column: block.column, problem))
            }
            if let first = explicitAt[id] {
                report(.error(path, line: block.line, column: block.column,
                    "duplicate id '\(id)': line \(first.line):\(first.column) sets the same id"))
            } else {
                explicitAt[id] = block
                slugs.reserve(id)
            }
        }

        let repeatedBold = repeatedLeadingBold()
        var ids: [String] = []
        var firstLineOfID: [String: Int] = [:]
        for (index, draft) in drafts.enumerated() {
            let block = blocks[draft.block]
            let id: String
            if let explicit = draft.task.explicitID {
                id = explicit
            } else {
                let prefix = draft.parent.map { ids[$0] } ?? sectionID(draft.section)
                let words = repeatedBold.contains(index) ? draft.task.text : draft.task.leadingBold ?? draft.task.text
                let own = Slug.component(words, fallback: "item")
                let wanted = prefix.isEmpty ? own : prefix + "/" + own
                let claimed = slugs.claim(wanted)
                id = claimed.slug
                if claimed.repeated {
                    let first = firstLineOfID[wanted].map { "line \($0)" } ?? "an explicit id"
                    report(.warning(path, line: block.line, column: block.column,
                        "id '\(wanted)' repeats \(first); this item gets '\(id)' (add {#your-id} to choose one)"))
                }
            }
            firstLineOfID[id] = firstLineOfID[id] ?? block.line
            ids.append(id)
        }

        return drafts.enumerated().map { index, draft in
            let block = blocks[draft.block]
            let kind = sectionKind(draft.section)
            var role: String?
            if kind == .signoff {
                role = draft.task.leadingBold.map(Self.cleanRole)
                if role?.isEmpty ?? true {
                    role = nil
                    report(.warning(path, line: block.line, column: block.column,
                        "sign-off item has no role: start it with the role in bold, e.g. `- [ ] **Security Lead**: ____`"))
                }
            }
            let (noteText, noteHTML) = note(of: draft, containsTask: containsTask)
            return ChecklistItem(
                id: ids[index], kind: kind, checked: draft.task.checked, depth: draft.depth,
                parent: draft.parent.map { ids[$0] }, children: draft.children.map { ids[$0] },
                section: draft.section, sectionID: sectionID(draft.section),
                line: block.line, column: block.column,
                text: draft.task.text, html: draft.task.html, note: noteText, noteHTML: noteHTML,
                role: role, explicitID: draft.task.explicitID != nil)
        }
    }

    /// Items whose bold lead word is also another sibling's (same parent item, or for top-level
    /// items the same section): `**Resiliency**` three times would give `resiliency`,
    /// `resiliency-2`, `resiliency-3`, so each of them takes its label's first words instead.
    private func repeatedLeadingBold() -> Set<Int> {
        struct Sibling: Hashable { var parent: Int?; var section: Int; var bold: String }
        let keys = drafts.map { draft -> Sibling? in
            guard draft.task.explicitID == nil, let bold = draft.task.leadingBold else { return nil }
            return Sibling(parent: draft.parent, section: draft.section, bold: Slug.component(bold, fallback: "item"))
        }
        var counts: [Sibling: Int] = [:]
        for case let key? in keys { counts[key, default: 0] += 1 }
        return Set(keys.indices.filter { keys[$0].map { counts[$0, default: 0] > 1 } ?? false })
    }

    /// `Technical Lead:` and `Technical Lead` name the same role.
    static func cleanRole(_ bold: String) -> String {
        var role = bold.trimmingCharacters(in: .whitespaces)
        while role.hasSuffix(":") { role.removeLast() }
        return role.trimmingCharacters(in: .whitespaces)
    }

    /// The item's own paragraphs, code blocks, plain lists and quotes after its label paragraph.
    private func note(of draft: ItemDraft, containsTask: [Bool]) -> (String, String) {
        var texts: [String] = []
        var html = ""
        var index = draft.block + 2  // skip the list item and its label paragraph
        while index < blocks.count, blocks[index].depth > blocks[draft.block].depth {
            let block = blocks[index]
            if block.parent == draft.block, !containsTask[index] {
                switch block.kind {
                case .paragraph:
                    texts.append(block.inlines.map(\.text).joined())
                    html += block.html
                case .codeBlock:
                    texts.append(block.literal)
                    html += block.html
                case .list:
                    html += block.html
                    texts.append(listText(from: index))
                case .blockQuote:
                    // Whole, as the reader wrote it; a quote holding items has them as children.
                    html += block.html
                    texts.append(quoteText(from: index))
                default:
                    break
                }
            }
            index += 1
        }
        return (texts.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines), html)
    }

    private func quoteText(from quote: Int) -> String {
        var lines: [String] = []
        var index = quote + 1
        while index < blocks.count, blocks[index].depth > blocks[quote].depth {
            if blocks[index].kind == .paragraph { lines.append(blocks[index].inlines.map(\.text).joined()) }
            index += 1
        }
        return lines.joined(separator: "\n")
    }

    private func listText(from list: Int) -> String {
        var lines: [String] = []
        var index = list + 1
        while index < blocks.count, blocks[index].depth > blocks[list].depth {
            if blocks[index].kind == .paragraph { lines.append("- " + blocks[index].inlines.map(\.text).joined()) }
            index += 1
        }
        return lines.joined(separator: "\n")
    }
}
