import CCmark
import PreflightSupport

#if canImport(Glibc)
import Glibc
#endif

/// A block of a parsed Markdown document, copied out of libcmark into Swift values.
///
/// Blocks are kept in a flat array in document order (pre-order) with a parent index, so that a
/// document nested thousands of levels deep is walked without recursion.
struct MarkdownBlock: Sendable {
    enum Kind: Sendable, Equatable {
        case document
        case heading(level: Int)
        case paragraph
        case list(ordered: Bool)
        case listItem
        case blockQuote
        case codeBlock(fenced: Bool)
        case htmlBlock
        case thematicBreak
        case other
    }

    /// An inline child of a paragraph or heading, reduced to its plain text.
    struct Inline: Sendable, Equatable {
        enum Kind: Sendable, Equatable { case text, code, strong, emphasis, link, image, html, softBreak, lineBreak, other }
        var kind: Kind
        var text: String
    }

    var kind: Kind
    var parent: Int?
    var depth: Int
    var line: Int
    var column: Int
    var endLine: Int
    /// Top-level inlines of a paragraph or heading.
    var inlines: [Inline] = []
    /// The literal of a code or HTML block.
    var literal: String = ""
    /// Safe HTML rendered by cmark from the rewritten tree (see CommonMark+Rewrite.swift); filled
    /// for paragraphs, code blocks, the lists without task items that are shown as notes, and
    /// block quotes not inside another quote (the whole quote, or an alert's callout box). For
    /// headings it is the heading's inline HTML, without the `<hN>` tags.
    var html: String = ""
}

/// The only place that talks to libcmark, with CommonMark+Rewrite.swift. No cmark pointer leaves
/// these two files; every tree, iterator and rendered string is freed before a function returns.
enum CommonMark {
    /// Parses a whole document into a flat list of blocks; index 0 is the document.
    static func parse(_ text: String) -> [MarkdownBlock] {
        var utf8 = Array(text.utf8)
        utf8.append(0)
        guard let root = utf8.withUnsafeBufferPointer({ buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parse_document($0, buffer.count - 1, CMARK_OPT_DEFAULT)
            }
        }) else { return [] }
        defer { cmark_node_free(root) }
        // cmark splits text at brackets; merged, a task box is the start of the first text node.
        cmark_consolidate_text_nodes(root)
        let positions = rewrite(root)
        return copyBlocks(root, positions: positions)
    }

    /// Renders a fragment of Markdown to safe HTML (cmark's renderer without the unsafe option),
    /// rewritten as a checklist's blocks are.
    static func renderHTML(_ markdown: String) -> String {
        let length = markdown.utf8.count
        guard let root = markdown.withCString({ cmark_parse_document($0, length, CMARK_OPT_DEFAULT) }) else { return "" }
        defer { cmark_node_free(root) }
        cmark_consolidate_text_nodes(root)
        _ = rewrite(root)
        return render(root)
    }

    private static func copyBlocks(_ root: OpaquePointer, positions: [OpaquePointer: Position]) -> [MarkdownBlock] {
        var blocks: [MarkdownBlock] = []
        var open: [Int] = []  // indexes of blocks entered and not yet exited
        var containsTask: [Bool] = []  // known once a block is exited
        var openQuotes = 0  // a quote inside a quote is already part of the outer one's HTML
        guard let iterator = cmark_iter_new(root) else { return [] }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            guard let kind = blockKind(node, type) else {
                // Inline nodes are copied by their paragraph or heading.
                continue
            }
            if event == CMARK_EVENT_EXIT {
                let index = open.removeLast()
                if kind == .blockQuote { openQuotes -= 1 }
                let isTask = blocks[index].kind == .listItem && TaskLine.parse(blocks, at: index) != nil
                if case .list = kind, !containsTask[index], nearestItemIsTaskOrNone(blocks, index) {
                    blocks[index].html = render(node)
                }
                if let parent = blocks[index].parent, containsTask[index] || isTask { containsTask[parent] = true }
                continue
            }
            let position = positions[node] ?? Position(
                line: cmark_node_get_start_line(node), column: cmark_node_get_start_column(node),
                endLine: cmark_node_get_end_line(node))
            var block = MarkdownBlock(
                kind: kind, parent: open.last, depth: open.count,
                line: Int(position.line), column: Int(position.column), endLine: Int(position.endLine))
            switch kind {
            case .paragraph:
                block.inlines = copyInlines(node)
                block.html = render(node)
            case .heading(let level):
                block.inlines = copyInlines(node)
                block.html = headingContent(render(node), level: level)
            case .blockQuote:
                if openQuotes == 0 { block.html = render(node) }
                openQuotes += 1
            case .codeBlock, .htmlBlock:
                block.literal = string(cmark_node_get_literal(node))
                block.html = render(node)
            default:
                break
            }
            blocks.append(block)
            containsTask.append(false)
            // cmark's leaf blocks get no exit event from the iterator.
            if !isLeaf(kind) { open.append(blocks.count - 1) }
        }
        return blocks
    }

    /// A list without task items is shown as a note of the section or task item it sits in. A list
    /// nested in a plain list item is already part of that outer list's HTML, so rendering only
    /// these keeps the work linear even for lists nested thousands deep.
    private static func nearestItemIsTaskOrNone(_ blocks: [MarkdownBlock], _ list: Int) -> Bool {
        var current = blocks[list].parent
        while let index = current {
            if blocks[index].kind == .listItem { return TaskLine.parse(blocks, at: index) != nil }
            current = blocks[index].parent
        }
        return true
    }

    private static func isLeaf(_ kind: MarkdownBlock.Kind) -> Bool {
        switch kind {
        case .codeBlock, .htmlBlock, .thematicBreak: return true
        default: return false
        }
    }

    private static func blockKind(_ node: OpaquePointer, _ type: cmark_node_type) -> MarkdownBlock.Kind? {
        switch type {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_LIST: return .list(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST)
        case CMARK_NODE_ITEM: return .listItem
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_CODE_BLOCK:
            // cmark keeps no flag for fencing; an indented block has no fence info and starts
            // at the column of its first content character.
            return .codeBlock(fenced: isFenced(node))
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_CUSTOM_BLOCK: return made(node) == .callout ? .blockQuote : .other
        default: return nil
        }
    }

    private static func isFenced(_ node: OpaquePointer) -> Bool {
        // cmark 0.30 exposes no fence flag; a fenced block's end line lies past its content lines.
        let info = string(cmark_node_get_fence_info(node))
        if !info.isEmpty { return true }
        let lines = string(cmark_node_get_literal(node)).reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
        let span = Int(cmark_node_get_end_line(node) - cmark_node_get_start_line(node)) + 1
        return span >= lines + 2
    }

    private static func copyInlines(_ parent: OpaquePointer) -> [MarkdownBlock.Inline] {
        var inlines: [MarkdownBlock.Inline] = []
        var child = cmark_node_first_child(parent)
        while let node = child {
            let kind: MarkdownBlock.Inline.Kind
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT: kind = .text
            case CMARK_NODE_CODE: kind = .code
            case CMARK_NODE_STRONG: kind = .strong
            case CMARK_NODE_EMPH: kind = .emphasis
            case CMARK_NODE_LINK: kind = .link
            case CMARK_NODE_IMAGE: kind = .image
            case CMARK_NODE_HTML_INLINE: kind = .html
            case CMARK_NODE_SOFTBREAK: kind = .softBreak
            case CMARK_NODE_LINEBREAK: kind = .lineBreak
            case CMARK_NODE_CUSTOM_INLINE:
                switch made(node) {
                case .rawHTML: kind = .html
                case .imageLink: kind = .image
                default: kind = .other
                }
            default: kind = .other
            }
            inlines.append(.init(kind: kind, text: plainText(node)))
            child = cmark_node_next(node)
        }
        return inlines
    }

    /// The text a reader sees: literals of text and code, breaks as spaces, raw HTML dropped.
    /// Text made up for an image without alt text is left out, so ids stay as they were.
    static func plainText(_ node: OpaquePointer) -> String {
        var text = ""
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT where made(current) == .fallbackText: break
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: text += string(cmark_node_get_literal(current))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += "\n"
            default: break
            }
        }
        return text
    }

    private static func render(_ node: OpaquePointer) -> String {
        guard let rendered = cmark_render_html(node, CMARK_OPT_DEFAULT) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// cmark's `<hN>…</hN>` without the tags, soft breaks as spaces.
    private static func headingContent(_ html: String, level: Int) -> String {
        var body = Substring(html)
        while body.last == "\n" { body.removeLast() }
        guard body.hasPrefix("<h\(level)>"), body.hasSuffix("</h\(level)>") else { return String(body) }
        return String(body.dropFirst(4).dropLast(5).map { $0 == "\n" ? " " : $0 })
    }

    static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }
}
