/// The words a reader would see in a piece of raw HTML, so that an HTML block in a checklist
/// (`<details><summary>More</summary>`) keeps its text on the site while its tags never pass
/// through. Not an HTML parser: tags are dropped, comments, `<script>` and `<style>` bodies
/// go with them, entities are decoded and whitespace is collapsed.
enum HTMLText {
    /// Tags that end a line or a cell when a browser shows them: their removal leaves a space,
    /// so `<td>a</td><td>b</td>` reads `a b` and not `ab`.
    private static let breakingTags: Set<String> = [
        "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "dialog", "div", "dl",
        "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot",
        "th", "thead", "tr", "ul",
    ]

    /// Entities common in hand-written HTML; an unknown one stays as written.
    private static let entities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "copy": "©", "reg": "®",
        "trade": "™", "hellip": "…", "mdash": "—", "ndash": "–", "lsquo": "‘", "rsquo": "’", "ldquo": "“",
        "rdquo": "”", "laquo": "«", "raquo": "»", "bull": "•", "middot": "·", "times": "×", "divide": "÷",
        "deg": "°", "plusmn": "±", "micro": "µ", "para": "¶", "sect": "§", "euro": "€", "pound": "£",
        "yen": "¥", "cent": "¢", "larr": "←", "rarr": "→", "uarr": "↑", "darr": "↓", "harr": "↔",
        "check": "✓", "cross": "✗", "shy": "\u{AD}", "zwj": "\u{200D}", "zwnj": "\u{200C}",
    ]

    /// The visible text of `html`, whitespace runs as single spaces, trimmed; empty when none.
    static func visibleText(of html: String) -> String {
        let chars = Array(html.unicodeScalars)
        var text = String.UnicodeScalarView()
        var index = 0
        while index < chars.count {
            let char = chars[index]
            if char == "<", let (end, breaks) = skipMarkup(chars, at: index) {
                if breaks { text.append(" ") }
                index = end
            } else if char == "&", let (end, decoded) = entity(chars, at: index) {
                text.append(contentsOf: decoded.unicodeScalars)
                index = end
            } else {
                text.append(char)
                index += 1
            }
        }
        return collapsed(String(text))
    }

    /// Where the markup that opens at `start` ends, and whether it separates words; nil when
    /// the `<` opens no markup and is text.
    private static func skipMarkup(_ chars: [Unicode.Scalar], at start: Int) -> (Int, Bool)? {
        if starts(chars, at: start, with: "<!--") {
            return (find(chars, "-->", from: start + 4).map { $0 + 3 } ?? chars.count, false)
        }
        guard start + 1 < chars.count else { return nil }
        if chars[start + 1] == "!" || chars[start + 1] == "?" {
            return (find(chars, ">", from: start + 2).map { $0 + 1 } ?? chars.count, false)
        }
        let closing = chars[start + 1] == "/"
        let nameStart = start + (closing ? 2 : 1)
        guard nameStart < chars.count, isASCIILetter(chars[nameStart]) else { return nil }
        var nameEnd = nameStart
        while nameEnd < chars.count, isASCIILetter(chars[nameEnd]) || ("0"..."9").contains(chars[nameEnd]) || chars[nameEnd] == "-" {
            nameEnd += 1
        }
        let name = String(String.UnicodeScalarView(chars[nameStart..<nameEnd])).lowercased()
        let end = tagEnd(chars, from: nameEnd)
        if !closing, name == "script" || name == "style" {
            // Their bodies are code, not words: skip to the closing tag.
            guard let close = find(chars, "</" + name, from: end, caseInsensitive: true) else { return (chars.count, true) }
            return (tagEnd(chars, from: close + 2 + name.count), true)
        }
        return (end, breakingTags.contains(name))
    }

    /// Just past the `>` closing a tag, skipping quoted attribute values.
    private static func tagEnd(_ chars: [Unicode.Scalar], from start: Int) -> Int {
        var index = start
        var quote: Unicode.Scalar?
        while index < chars.count {
            let char = chars[index]
            if let open = quote {
                if char == open { quote = nil }
            } else if char == "\"" || char == "'" {
                quote = char
            } else if char == ">" {
                return index + 1
            }
            index += 1
        }
        return chars.count
    }

    /// `&name;`, `&#123;` or `&#x1F;` at `start`, decoded; nil when it is not one.
    private static func entity(_ chars: [Unicode.Scalar], at start: Int) -> (Int, String)? {
        guard let semicolon = chars[start...].prefix(34).firstIndex(of: ";"), semicolon > start + 1 else { return nil }
        let body = String(String.UnicodeScalarView(chars[(start + 1)..<semicolon]))
        if body.hasPrefix("#") {
            let hex = body.dropFirst().first.map { $0 == "x" || $0 == "X" } ?? false
            let digits = body.dropFirst(hex ? 2 : 1)
            guard !digits.isEmpty, digits.count <= (hex ? 6 : 7), let value = UInt32(digits, radix: hex ? 16 : 10) else {
                return nil
            }
            let scalar = value == 0 ? nil : Unicode.Scalar(value)
            return (semicolon + 1, String(Character(scalar ?? "\u{FFFD}")))
        }
        guard let decoded = entities[body] else { return nil }
        return (semicolon + 1, decoded)
    }

    private static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" })
            .joined(separator: " ")
    }

    private static func isASCIILetter(_ char: Unicode.Scalar) -> Bool { ("a"..."z").contains(char) || ("A"..."Z").contains(char) }

    private static func starts(_ chars: [Unicode.Scalar], at start: Int, with prefix: String) -> Bool {
        let prefix = Array(prefix.unicodeScalars)
        guard chars.count - start >= prefix.count else { return false }
        return chars[start..<(start + prefix.count)].elementsEqual(prefix)
    }

    /// The index where `needle` first occurs at or after `start`.
    private static func find(_ chars: [Unicode.Scalar], _ needle: String, from start: Int, caseInsensitive: Bool = false) -> Int? {
        let needle = Array((caseInsensitive ? needle.lowercased() : needle).unicodeScalars)
        guard start <= chars.count - needle.count else { return nil }
        for index in start...(chars.count - needle.count) {
            var same = true
            for offset in needle.indices {
                var char = chars[index + offset]
                if caseInsensitive, ("A"..."Z").contains(char) { char = Unicode.Scalar(char.value | 0x20)! }
                if char != needle[offset] { same = false; break }
            }
            if same { return index }
        }
        return nil
    }
}
