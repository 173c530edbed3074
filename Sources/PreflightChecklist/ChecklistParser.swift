import Foundation
import PreflightSupport

/// The checklist and what the parser noticed on the way (warnings and non-fatal errors).
public struct ParsedChecklist: Sendable {
    public var checklist: Checklist
    public var diagnostics: [Diagnostic]

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    public init(checklist: Checklist, diagnostics: [Diagnostic]) {
        self.checklist = checklist
        self.diagnostics = diagnostics
    }
}

/// Turns checklist Markdown into a `Checklist`.
public struct ChecklistParser: Sendable {
    public var options: ChecklistOptions

    public init(options: ChecklistOptions = .default) {
        self.options = options
    }

    /// Reads and parses a checklist file. Throws when the file cannot be read as text.
    public func parse(fileAt path: String) throws(Diagnostic) -> ParsedChecklist {
        let text = try TextFile.read(path, limit: options.sizeLimit)
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        return parse(text, name: name, path: path)
    }

    /// Parses checklist Markdown held in memory.
    public func parse(_ text: String, name: String, path: String) -> ParsedChecklist {
        let blocks = CommonMark.parse(text)
        var builder = ChecklistBuilder(name: name, path: path, options: options, blocks: blocks)
        return builder.build()
    }
}

/// One pass over the flat block list: sections from headings, items from task list items.
struct ChecklistBuilder {
    let name: String
    let path: String
    let options: ChecklistOptions
    let blocks: [MarkdownBlock]

    var title: String?
    var sections: [Section] = []
    var sectionStack: [Int] = [0]
    var childSlugs: [Int: Slug.Deduplicator] = [:]
    var drafts: [ItemDraft] = []
    var itemOfBlock: [Int: Int] = [:]
    var diagnostics: [Diagnostic] = []
    /// Where each explicit section id was first set, to report a second heading with the same id.
    var explicitSectionAt: [String: MarkdownBlock] = [:]
    /// GitHub numbers repeated heading anchors across the whole file, headings in items too.
    var anchors = Slug.AnchorDeduplicator()
    var titleAnchor = ""
    /// Items so far in each section: a note's place among them.
    var itemsInSection: [Int] = [0]
    /// Blocks of items nested deeper than `deepestNesting`, left out.
    var tooDeep: [Int] = []

    /// How many levels items may nest. An item's id holds its parents' ids, so their total length
    /// grows with the square of the depth: 1,000 levels build in about a second and 200 MB, while
    /// the 2,900 an 8 MiB file can hold would take 1.3 GB. Real checklists nest a few levels.
    package static let deepestNesting = 1_000

    package init(name: String, path: String, options: ChecklistOptions, blocks: [MarkdownBlock]) {
        self.name = name
        self.path = path
        self.options = options
        self.blocks = blocks
    }

    package mutating func build() -> ParsedChecklist {
        sections = [Section(id: "", title: name, anchor: "", level: 0, parent: nil, line: 1, notes: [], kind: .check)]
        let tasks = blocks.indices.map { TaskLine.parse(blocks, at: $0) }
        let containsTask = Self.markContainers(blocks, tasks: tasks)

        for index in blocks.indices {
            let block = blocks[index]
            if let task = tasks[index] {
                addItem(task, block: index)
                continue
            }
            switch block.kind {
            case .heading(let level):
                if insideItem(index) == nil && !isInQuoteNote(index, containsTask: containsTask) {
                    openSection(block, level: level)
                } else {
                    // Not a section here, but GitHub still counts its anchor.
                    _ = anchors.claim(Slug.githubAnchor(headingText(block).text))
                }
            case .paragraph, .codeBlock, .list, .blockQuote:
                guard isSectionNote(index, containsTask: containsTask), !block.html.isEmpty else { continue }
                let section = sectionStack.last!
                sections[section].notes.append(SectionNote(html: block.html, position: itemsInSection[section], line: block.line))
            default:
                continue
            }
        }
        if let first = tooDeep.first {
            let more = tooDeep.count > 1 ? " and \(tooDeep.count - 1) more item(s) below that level are" : " is"
            diagnostics.append(.error(path, line: blocks[first].line, column: blocks[first].column,
                "item nested more than \(Self.deepestNesting) levels deep (the most items may nest): it\(more) left out"))
        }
        let items = finishItems(containsTask: containsTask)
        checkSections(items)
        checkBoxes(hasItems: !items.isEmpty)
        if let title { sections[0].title = title }
        sections[0].anchor = titleAnchor
        let checklist = Checklist(name: name, title: title ?? name, path: path, sections: sections, items: items,
                                  phases: phases(items))
        return ParsedChecklist(checklist: checklist, diagnostics: diagnostics.sorted(by: Self.order))
    }

    static func order(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        (a.line ?? 0, a.column ?? 0, a.message) < (b.line ?? 0, b.column ?? 0, b.message)
    }

    /// For each block, whether a task item lies anywhere inside it.
    static func markContainers(_ blocks: [MarkdownBlock], tasks: [TaskLine?]) -> [Bool] {
        var contains = [Bool](repeating: false, count: blocks.count)
        for index in blocks.indices.reversed() {
            guard let parent = blocks[index].parent else { continue }
            if contains[index] || tasks[index] != nil { contains[parent] = true }
        }
        return contains
    }

    mutating func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    func sectionID(_ section: Int) -> String { sections[section].id }

    func sectionKind(_ section: Int) -> ItemKind { sections[section].kind }

    // MARK: Sections

    /// A heading's text as a reader sees it, and its `{#id}`; a `{due=…}` before or after the id is cut too.
    private func headingText(_ block: MarkdownBlock) -> (text: String, id: String?) {
        let (text, id, _) = headingParts(block.inlines.map(\.text).joined().replacingOccurrences(of: "\n", with: " "))
        return (text, id)
    }

    /// `Title {due=PT4H} {#id}` or `Title {#id} {due=PT4H}`: the title, the id and the due value as written.
    private func headingParts(_ raw: String) -> (text: String, id: String?, due: String?) {
        var (text, due) = PhaseRule.splitDue(raw)
        let (rest, id) = ExplicitID.split(text)
        text = rest
        if due == nil, id != nil { (text, due) = PhaseRule.splitDue(text) }
        return (text, id, due)
    }

    private mutating func openSection(_ block: MarkdownBlock, level: Int) {
        let (text, explicit) = headingText(block)
        let anchor = anchors.claim(Slug.githubAnchor(text))
        if level == 1 && title == nil {
            title = text.isEmpty ? name : text
            titleAnchor = anchor
            sections[0].titleHTML = HTMLEscaping.escape(title!)
            sectionStack = [0]
            if let explicit { diagnostics.append(.warning(path, line: block.line, column: block.column, "an id on the title heading is ignored: '\(explicit)'")) }
            return
        }
        while sectionStack.count > 1, sections[sectionStack.last!].level >= level { sectionStack.removeLast() }
        let parent = sectionStack.last!
        var id: String
        if let explicit {
            if let problem = ExplicitID.validate(explicit) {
                diagnostics.append(.error(path, line: block.line, column: block.column, problem))
            }
            if let first = explicitSectionAt[explicit] {
                diagnostics.append(.error(path, line: block.line, column: block.column,
                    "duplicate id '\(explicit)': line \(first.line):\(first.column) sets the same id"))
            } else {
                explicitSectionAt[explicit] = block
            }
            id = explicit
        } else {
            let slug = childSlugs[parent, default: Slug.Deduplicator()].claim(Slug.component(text, fallback: "section")).slug
            id = sections[parent].id.isEmpty ? slug : sections[parent].id + "/" + slug
        }
        let kind = options.kind(ofHeading: text) ?? sections[parent].kind
        let raw = headingParts(block.inlines.map(\.text).joined().replacingOccurrences(of: "\n", with: " "))
        // Where markup wraps the `{#id}` (`**Title {#x}**`) it cannot be cut: the plain title is shown.
        let cut = headingParts(block.html)
        let html = explicit == nil && raw.due == nil ? block.html
            : cut.id == explicit && cut.due == raw.due ? cut.text : HTMLEscaping.escape(text)
        var due: ISODuration?
        if let written = raw.due {
            if let window = ISODuration(written), window.seconds > 0 {
                due = window
            } else {
                diagnostics.append(.error(path, line: block.line, column: block.column,
                    "{due=\(written)}: not an ISO-8601 duration longer than zero such as PT4H or P7D"))
            }
        } else {
            due = PhaseRule.window(ofHeading: text, entries: options.phaseHeadings)
        }
        var section = Section(id: id, title: text, titleHTML: html.trimmingCharacters(in: .whitespaces), anchor: anchor,
                              level: level, parent: parent, line: block.line, notes: [], kind: kind)
        section.due = due
        sections.append(section)
        itemsInSection.append(0)
        sectionStack.append(sections.count - 1)
    }

    /// One phase per heading that names a window, holding the leaf items under it (an inner
    /// phase heading takes its own items); a phase without items is left out.
    private func phases(_ items: [ChecklistItem]) -> [Phase] {
        guard sections.contains(where: { $0.due != nil }) else { return [] }
        var phaseOf = [Int?](repeating: nil, count: sections.count)
        for index in sections.indices {
            phaseOf[index] = sections[index].due != nil ? index : sections[index].parent.flatMap { phaseOf[$0] }
        }
        var members: [Int: [Int]] = [:]
        for (position, item) in items.enumerated() where item.children.isEmpty {
            if let phase = phaseOf[item.section] { members[phase, default: []].append(position) }
        }
        return sections.indices.compactMap { index in
            guard let window = sections[index].due, let list = members[index] else { return nil }
            return Phase(section: index, title: sections[index].title, window: window, items: list)
        }
    }

    /// Headings that name a kind must hold items: an empty Go, No-Go or Sign-Off section is an error.
    private mutating func checkSections(_ items: [ChecklistItem]) {
        var counts = [Int](repeating: 0, count: sections.count)
        for item in items {
            var current: Int? = item.section
            while let section = current {
                counts[section] += 1
                current = sections[section].parent
            }
        }
        for (index, section) in sections.enumerated() where index > 0 {
            guard let kind = options.kind(ofHeading: section.title), counts[index] == 0 else { continue }
            diagnostics.append(.error(path, line: section.line, column: 1, "'\(section.title)' is a \(kind.rawValue) section with no task items"))
        }
    }

    // MARK: Items

    /// The nearest enclosing task item of a block, if any.
    private func insideItem(_ index: Int) -> Int? {
        var current = blocks[index].parent
        while let parent = current {
            if let item = itemOfBlock[parent] { return item }
            current = blocks[parent].parent
        }
        return nil
    }

    /// Whether a block is one note of its section: a top-level paragraph, code block, plain list or
    /// quote, or such a block inside a quote that holds items. Content of lists and list items is
    /// their own (an item's note, a plain list's HTML), and a quote without items is one note whole,
    /// so nothing inside it is another.
    private func isSectionNote(_ index: Int, containsTask: [Bool]) -> Bool {
        if containsTask[index] { return false }  // its items are items; its other blocks notes one by one
        var current = blocks[index].parent
        while let parent = current {
            switch blocks[parent].kind {
            case .list, .listItem: return false
            case .blockQuote where !containsTask[parent]: return false
            default: current = blocks[parent].parent
            }
        }
        return true
    }

    /// Whether a block lies in a quote that is shown whole as a section note.
    private func isInQuoteNote(_ index: Int, containsTask: [Bool]) -> Bool {
        var current = blocks[index].parent
        while let parent = current {
            if blocks[parent].kind == .blockQuote && !containsTask[parent] { return true }
            current = blocks[parent].parent
        }
        return false
    }

    private mutating func addItem(_ task: TaskLine, block index: Int) {
        let parentItem = insideItem(index)
        let depth = parentItem.map { drafts[$0].depth + 1 } ?? 0
        // Its children find the same deepest kept item above them, so they are left out too.
        guard depth < Self.deepestNesting else {
            tooDeep.append(index)
            return
        }
        let draft = ItemDraft(
            block: index, task: task, parent: parentItem, depth: depth,
            section: sectionStack.last!)
        drafts.append(draft)
        itemsInSection[draft.section] += 1
        itemOfBlock[index] = drafts.count - 1
        if let parentItem { drafts[parentItem].children.append(drafts.count - 1) }
    }
}
