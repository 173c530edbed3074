import CCmark
import Foundation
import PreflightSupport

/// The second half of the cmark interop: the parsed tree is rewritten once, before any block is
/// copied or rendered, so that every piece of HTML cut from it (labels, notes, quotes, headings)
/// reads as GitHub shows the checklist. No cmark pointer leaves this file or CommonMark.swift.
///
/// - bare `http(s)://` and `www.` URLs become links (GitHub's autolink extension);
/// - images become links to the image (`class="image-link"`): the site's CSP blocks remote
///   images, and relative paths point into the checklist's repository, not the site;
/// - a GitHub alert (`> [!NOTE]` …) becomes a callout box;
/// - raw HTML keeps only its text: inline tags render as nothing, an HTML block as a paragraph
///   of its words (safe mode alone would leave `<!-- raw HTML omitted -->` comments).
extension CommonMark {
    /// Why the rewriting made a node, kept in the node's user data so that copying tells its own
    /// nodes apart from cmark's (cmark never makes custom nodes from Markdown).
    enum Made: Int {
        /// An empty custom inline standing where raw HTML was: copied as `.html`.
        case rawHTML = 1
        /// A custom inline `<a class="image-link">` that replaced an image: copied as `.image`.
        case imageLink
        /// A custom block that replaced a blockquote holding an alert: copied as `.blockQuote`.
        case callout
        /// Link text made up for an image without alt text: not part of the plain text, so
        /// ids do not change.
        case fallbackText
        /// The words of an HTML block: text, but never autolinked (GitHub links no URL in HTML).
        case htmlText
    }

    /// Where a replaced block stood in the source; new nodes have no position of their own.
    struct Position {
        var line: Int32
        var column: Int32
        var endLine: Int32
    }

    /// Rewrites the tree in place; returns the source positions of the blocks it put in.
    static func rewrite(_ root: OpaquePointer) -> [OpaquePointer: Position] {
        var positions: [OpaquePointer: Position] = [:]
        rewriteBlocks(root, positions: &positions)
        rewriteInlines(root)
        return positions
    }

    static func made(_ node: OpaquePointer) -> Made? {
        cmark_node_get_user_data(node).flatMap { Made(rawValue: Int(bitPattern: $0)) }
    }

    // MARK: Blocks

    private static func rewriteBlocks(_ root: OpaquePointer, positions: inout [OpaquePointer: Position]) {
        var quotes: [OpaquePointer] = []
        var htmlBlocks: [OpaquePointer] = []
        forEachEntered(root) { node in
            switch cmark_node_get_type(node) {
            case CMARK_NODE_BLOCK_QUOTE: quotes.append(node)
            case CMARK_NODE_HTML_BLOCK: htmlBlocks.append(node)
            default: break
            }
        }
        for block in htmlBlocks {
            let words = HTMLText.visibleText(of: string(cmark_node_get_literal(block)))
            guard !words.isEmpty, let paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH) else {
                remove(block)
                continue
            }
            // The paragraph opens with the tags it came from (rendering as nothing), so it is
            // never read as a task label even when its words start with `[ ] `.
            if let tags = emptyInline(.rawHTML) { cmark_node_append_child(paragraph, tags) }
            if let text = textNode(words) {
                mark(text, .htmlText)
                cmark_node_append_child(paragraph, text)
            }
            replace(block, with: paragraph, positions: &positions)
        }
        for quote in quotes {
            guard let callout = Callout(quote) else { continue }
            if let box = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) {
                callout.removeMarker(from: quote)
                cmark_node_set_on_enter(box, callout.openingHTML)
                cmark_node_set_on_exit(box, "</div>")
                mark(box, .callout)
                while let child = cmark_node_first_child(quote) { cmark_node_append_child(box, child) }
                replace(quote, with: box, positions: &positions)
            }
        }
    }

    /// A GitHub alert: a quote whose first line is exactly `[!NOTE]` (or TIP, IMPORTANT, WARNING,
    /// CAUTION, in any case). `[!NOTE]` with more text on its line is a plain quote, as on GitHub.
    private struct Callout {
        static let titles = ["note": "Note", "tip": "Tip", "important": "Important", "warning": "Warning", "caution": "Caution"]
        var kind: String
        var title: String

        init?(_ quote: OpaquePointer) {
            guard let paragraph = cmark_node_first_child(quote), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
                let marker = cmark_node_first_child(paragraph), cmark_node_get_type(marker) == CMARK_NODE_TEXT
            else { return nil }
            if let next = cmark_node_next(marker) {
                let type = cmark_node_get_type(next)
                guard type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK else { return nil }
            }
            var literal = Substring(CommonMark.string(cmark_node_get_literal(marker)))
            while literal.last == " " || literal.last == "\t" { literal.removeLast() }
            guard literal.hasPrefix("[!"), literal.hasSuffix("]") else { return nil }
            let kind = literal.dropFirst(2).dropLast().lowercased()
            guard let title = Self.titles[kind] else { return nil }
            self.kind = kind
            self.title = title
        }

        var openingHTML: String {
            "<div class=\"callout callout-\(kind)\" role=\"note\"><p class=\"callout-title\">\(title)</p>"
        }

        /// Drops the marker line, and the first paragraph when nothing else was on it.
        func removeMarker(from quote: OpaquePointer) {
            guard let paragraph = cmark_node_first_child(quote), let marker = cmark_node_first_child(paragraph) else { return }
            if let lineEnd = cmark_node_next(marker) { CommonMark.remove(lineEnd) }
            CommonMark.remove(marker)
            if cmark_node_first_child(paragraph) == nil { CommonMark.remove(paragraph) }
        }
    }

    // MARK: Inlines

    private static func rewriteInlines(_ root: OpaquePointer) {
        var rawHTML: [OpaquePointer] = []
        var images: [(node: OpaquePointer, inLink: Bool)] = []
        var texts: [OpaquePointer] = []
        var openLinks = 0
        var openImages = 0
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let entering = event == CMARK_EVENT_ENTER
            switch cmark_node_get_type(node) {
            case CMARK_NODE_LINK:
                openLinks += entering ? 1 : -1
                if entering, SafeURL.isDangerous(string(cmark_node_get_url(node))) { cmark_node_set_url(node, "") }
            case CMARK_NODE_IMAGE:
                // An image inside another's description is part of that one's alt text.
                if entering, openImages == 0 { images.append((node, openLinks > 0)) }
                openImages += entering ? 1 : -1
            case CMARK_NODE_HTML_INLINE:
                rawHTML.append(node)
            case CMARK_NODE_TEXT:
                if openLinks == 0, openImages == 0, made(node) == nil { texts.append(node) }
            default:
                break
            }
        }
        for node in rawHTML {
            if let nothing = emptyInline(.rawHTML) { replace(node, with: nothing) }
        }
        for image in images { replaceImage(image.node, inLink: image.inLink) }
        for text in texts { autolink(text) }
    }

    /// An image as a link to it, its alt text as the link text. Inside a link (a badge) only the
    /// text is left: a link in a link is not HTML.
    private static func replaceImage(_ image: OpaquePointer, inLink: Bool) {
        let alt = plainText(image)
        let url = string(cmark_node_get_url(image))
        guard let text = textNode(alt.isEmpty ? fallbackName(url) : alt) else { return }
        if alt.isEmpty { mark(text, .fallbackText) }
        if inLink {
            replace(image, with: text)
            return
        }
        guard let link = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else {
            cmark_node_free(text)
            return
        }
        let title = string(cmark_node_get_title(image))
        let titleAttribute = title.isEmpty ? "" : " title=\"\(HTMLEscaping.escape(title))\""
        cmark_node_set_on_enter(link, "<a href=\"\(SafeURL.href(url))\" class=\"image-link\"\(titleAttribute)>")
        cmark_node_set_on_exit(link, "</a>")
        mark(link, .imageLink)
        cmark_node_append_child(link, text)
        replace(image, with: link)
    }

    /// The text of a link to an image that has no alt text: its file name, else "image".
    static func fallbackName(_ url: String) -> String {
        guard !SafeURL.isDangerous(url), !url.lowercased().hasPrefix("data:") else { return "image" }
        var path = Substring(url)
        if let end = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<end] }
        while path.last == "/" { path.removeLast() }
        let name = path.split(separator: "/").last.map(String.init) ?? ""
        let decoded = name.removingPercentEncoding ?? name
        return decoded.trimmingCharacters(in: .whitespaces).isEmpty ? "image" : decoded
    }

    /// Splits a text node at its bare URLs; the text itself stays the same.
    private static func autolink(_ node: OpaquePointer) {
        let literal = string(cmark_node_get_literal(node))
        let matches = Autolink.matches(in: literal)
        guard !matches.isEmpty else { return }
        let bytes = Array(literal.utf8)
        var done = 0
        func insert(_ piece: OpaquePointer?) {
            if let piece { cmark_node_insert_before(node, piece) }
        }
        for match in matches {
            if match.range.lowerBound > done { insert(textNode(bytes[done..<match.range.lowerBound])) }
            if let link = cmark_node_new(CMARK_NODE_LINK) {
                cmark_node_set_url(link, match.href)
                if let text = textNode(bytes[match.range]) { cmark_node_append_child(link, text) }
                insert(link)
            }
            done = match.range.upperBound
        }
        if done < bytes.count { insert(textNode(bytes[done...])) }
        remove(node)
    }

    // MARK: Nodes

    private static func forEachEntered(_ root: OpaquePointer, _ body: (OpaquePointer) -> Void) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) { body(node) }
        }
    }

    private static func textNode<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> OpaquePointer? {
        textNode(String(decoding: bytes, as: UTF8.self))
    }

    private static func textNode(_ literal: String) -> OpaquePointer? {
        guard let node = cmark_node_new(CMARK_NODE_TEXT) else { return nil }
        cmark_node_set_literal(node, literal)
        return node
    }

    private static func emptyInline(_ why: Made) -> OpaquePointer? {
        guard let node = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { return nil }
        cmark_node_set_on_enter(node, "")
        cmark_node_set_on_exit(node, "")
        mark(node, why)
        return node
    }

    private static func mark(_ node: OpaquePointer, _ why: Made) {
        cmark_node_set_user_data(node, UnsafeMutableRawPointer(bitPattern: why.rawValue))
    }

    /// Puts `new` where `old` was and frees `old` (with whatever it still holds); when cmark
    /// refuses, `new` is freed and the tree stays as it was.
    @discardableResult
    private static func replace(_ old: OpaquePointer, with new: OpaquePointer) -> Bool {
        guard cmark_node_replace(old, new) == 1 else {
            cmark_node_free(new)
            return false
        }
        cmark_node_free(old)
        return true
    }

    private static func replace(_ old: OpaquePointer, with new: OpaquePointer, positions: inout [OpaquePointer: Position]) {
        let position = Position(
            line: cmark_node_get_start_line(old), column: cmark_node_get_start_column(old),
            endLine: cmark_node_get_end_line(old))
        if replace(old, with: new) { positions[new] = position }
    }

    private static func remove(_ node: OpaquePointer) {
        cmark_node_unlink(node)
        cmark_node_free(node)
    }
}
