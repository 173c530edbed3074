import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Finds markup in a built page that could run script or leave the site: tags outside the
/// theme's vocabulary, event handler attributes, and links or sources with a scheme other than
/// http, https or mailto. It reads tags as a browser tokenizes them (quoted and unquoted
/// attribute values, entities decoded), so an injected `<img onerror>` or a `href="&#106;avascript:"`
/// is found wherever it lands.
enum LiveMarkup {
    /// Every element the templates and cmark's safe renderer write; anything else was injected.
    static let allowedTags: Set<String> = [
        "html", "head", "meta", "title", "link", "body", "header", "nav", "main", "footer", "section", "article", "aside",
        "div", "span", "p", "a", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "th", "td",
        "caption", "colgroup", "col", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "br", "pre", "code", "em", "strong", "b", "i",
        "small", "sub", "sup", "mark", "time", "meter", "progress", "details", "summary", "figure", "figcaption", "blockquote",
        "img", "del", "s", "abbr", "kbd", "samp", "label", "output",
        "svg", "g", "path", "rect", "circle", "line", "polyline", "polygon", "text", "tspan", "desc", "defs", "lineargradient", "stop",
        "feed", "id", "updated", "author", "name", "entry", "summary", "content", "published", "subtitle", "category", "generator", "uri",
    ]
    /// Attributes whose value is fetched or followed.
    static let urlAttributes: Set<String> = ["href", "src", "action", "formaction", "xlink:href", "background", "poster", "data",
                                             "srcset", "cite", "longdesc", "lowsrc", "dynsrc", "codebase", "manifest", "ping"]

    struct Tag {
        var name: String
        var attributes: [(name: String, value: String)]
    }

    /// What is wrong with one tag, if anything.
    static func problem(_ tag: Tag) -> String? {
        let name = tag.name.lowercased()
        guard allowedTags.contains(name) else { return "element <\(tag.name)>" }
        for (attribute, value) in tag.attributes {
            let lower = attribute.lowercased()
            if lower.hasPrefix("on") { return "handler \(attribute) on <\(tag.name)>" }
            if lower.contains(where: { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == ":" || $0 == "_") }) || lower.contains("xss") {
                return "attribute '\(attribute)' on <\(tag.name)>"
            }
            if urlAttributes.contains(lower), let scheme = dangerousScheme(value) { return "\(scheme): in \(attribute) on <\(tag.name)>" }
            if lower == "style", value.lowercased().contains("url(") || value.lowercased().contains("expression") {
                return "style '\(value)' on <\(tag.name)>"
            }
            if name == "meta", lower == "http-equiv", value.lowercased() != "content-security-policy" {
                return "<meta http-equiv=\(value)>"
            }
        }
        return nil
    }

    /// The scheme of a URL as a browser reads it (ASCII whitespace and controls dropped), when it
    /// is not http, https or mailto; nil for a relative URL or a safe one.
    static func dangerousScheme(_ url: String) -> String? {
        let cleaned = String(String.UnicodeScalarView(url.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F })).lowercased()
        guard let colon = cleaned.firstIndex(of: ":") else { return nil }
        let scheme = cleaned[..<colon]
        guard let first = scheme.first, first.isLetter, scheme.allSatisfy({ $0.isLetter || $0.isNumber || "+.-".contains($0) }) else { return nil }
        return ["http", "https", "mailto"].contains(String(scheme)) ? nil : String(scheme)
    }

    /// The start tags of an HTML page, comments and the doctype skipped.
    static func tags(_ html: String) -> [Tag] {
        let bytes = Array(html.utf8)
        var tags: [Tag] = []
        var i = 0
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0C || b == 0x0D }
        func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
        func text(_ from: Int, _ to: Int) -> String { String(decoding: bytes[from..<to], as: UTF8.self) }
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "<"), i + 1 < bytes.count else { i += 1; continue }
            if bytes[i + 1] == UInt8(ascii: "!") {
                let close = html.utf8.count
                if i + 3 < bytes.count, bytes[i + 2] == UInt8(ascii: "-"), bytes[i + 3] == UInt8(ascii: "-") {
                    var j = i + 4
                    while j + 2 < close, !(bytes[j] == UInt8(ascii: "-") && bytes[j + 1] == UInt8(ascii: "-") && bytes[j + 2] == UInt8(ascii: ">")) { j += 1 }
                    i = j + 3
                } else {
                    while i < close, bytes[i] != UInt8(ascii: ">") { i += 1 }
                }
                continue
            }
            guard isLetter(bytes[i + 1]) else { i += 1; continue }
            var j = i + 1
            while j < bytes.count, !isSpace(bytes[j]), bytes[j] != UInt8(ascii: "/"), bytes[j] != UInt8(ascii: ">") { j += 1 }
            var tag = Tag(name: text(i + 1, j), attributes: [])
            while j < bytes.count, bytes[j] != UInt8(ascii: ">") {
                if isSpace(bytes[j]) || bytes[j] == UInt8(ascii: "/") { j += 1; continue }
                let start = j
                while j < bytes.count, !isSpace(bytes[j]), bytes[j] != UInt8(ascii: "="), bytes[j] != UInt8(ascii: ">"),
                      !(bytes[j] == UInt8(ascii: "/") && j > start) { j += 1 }
                if j == start { j += 1; continue }
                let name = text(start, j)
                while j < bytes.count, isSpace(bytes[j]) { j += 1 }
                var value = ""
                if j < bytes.count, bytes[j] == UInt8(ascii: "=") {
                    j += 1
                    while j < bytes.count, isSpace(bytes[j]) { j += 1 }
                    if j < bytes.count, bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'") {
                        let quote = bytes[j]
                        let from = j + 1
                        j = from
                        while j < bytes.count, bytes[j] != quote { j += 1 }
                        value = text(from, min(j, bytes.count))
                        j += 1
                    } else {
                        let from = j
                        while j < bytes.count, !isSpace(bytes[j]), bytes[j] != UInt8(ascii: ">") { j += 1 }
                        value = text(from, j)
                    }
                }
                tag.attributes.append((name, decodeEntities(value)))
            }
            tags.append(tag)
            i = j + 1
        }
        return tags
    }

    /// Character references as a browser resolves them in attribute values (named ones the
    /// theme uses, decimal and hex ones with or without `;`).
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "colon": ":", "tab": "\t", "newline": "\n"]
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            var after = rest[rest.index(after: amp)...]
            if after.first == "#" {
                after = after.dropFirst()
                let hex = after.first == "x" || after.first == "X"
                if hex { after = after.dropFirst() }
                let digits = after.prefix { hex ? $0.isHexDigit : $0.isNumber }
                if let value = UInt32(digits, radix: hex ? 16 : 10), let scalar = Unicode.Scalar(value), !digits.isEmpty {
                    out.unicodeScalars.append(scalar)
                    rest = after.dropFirst(digits.count)
                    if rest.first == ";" { rest = rest.dropFirst() }
                    continue
                }
            } else {
                let word = after.prefix { $0.isLetter }
                if let value = named[word.lowercased()] {
                    out += value
                    rest = after.dropFirst(word.count)
                    if rest.first == ";" { rest = rest.dropFirst() }
                    continue
                }
            }
            out += "&"
            rest = rest[rest.index(after: amp)...]
        }
        return out + rest
    }

    /// Problems of an XML file (feed, SVG): not well-formed, or an element or attribute that
    /// could run script or leave the site.
    static func xmlProblems(_ data: Data) -> [String] {
        final class Collector: NSObject, XMLParserDelegate {
            var problems: [String] = []
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                        attributes: [String: String] = [:]) {
                let tag = LiveMarkup.Tag(name: name, attributes: attributes.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
                if let problem = LiveMarkup.problem(tag) { problems.append(problem) }
            }
        }
        let parser = XMLParser(data: data)
        let collector = Collector()
        parser.delegate = collector
        parser.shouldResolveExternalEntities = false
        guard parser.parse() else { return ["not well-formed: \(parser.parserError.map { "\($0)" } ?? "?") at line \(parser.lineNumber)"] }
        return collector.problems
    }
}
