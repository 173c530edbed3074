/// Bare `http://`, `https://` and `www.` URLs in plain text, found as GitHub's autolink
/// extension (cmark-gfm `autolink.c`) finds them, so a checklist reads on the site as it does on
/// GitHub. Email addresses and other schemes are left alone on purpose: only web links are
/// useful to a reader of a readiness report.
///
/// Works on the decoded text of a cmark text node (entities already resolved), byte by byte:
/// every boundary it reports falls on an ASCII byte, so slices are always whole UTF-8.
enum Autolink {
    struct Match: Equatable {
        /// UTF-8 offsets of the link text within the scanned text.
        var range: Range<Int>
        /// The link's target: the text itself, or `http://` + the text for `www.` links.
        var href: String
    }

    /// Every link in `text`, in order and not overlapping.
    static func matches(in text: String) -> [Match] {
        let bytes = Array(text.utf8)
        guard bytes.count >= 4, mayHoldLink(bytes) else { return [] }
        var found: [Match] = []
        var index = 0
        while index < bytes.count {
            if let end = urlEnd(bytes, at: index) ?? wwwEnd(bytes, at: index) {
                let link = String(decoding: bytes[index..<end], as: UTF8.self)
                found.append(Match(range: index..<end, href: bytes[index] == UInt8(ascii: "w") ? "http://" + link : link))
                index = end
            } else {
                index += 1
            }
        }
        return found
    }

    /// A cheap first look: most text holds neither `://` nor `www.`.
    private static func mayHoldLink(_ bytes: [UInt8]) -> Bool {
        for index in 0..<(bytes.count - 3) {
            let a = bytes[index], b = bytes[index + 1], c = bytes[index + 2]
            if a == UInt8(ascii: ":"), b == UInt8(ascii: "/"), c == UInt8(ascii: "/") { return true }
            if a == UInt8(ascii: "w"), b == a, c == a, bytes[index + 3] == UInt8(ascii: ".") { return true }
        }
        return false
    }

    /// `http://` or `https://` (any case) at `start`, not glued to a longer word before it
    /// (GFM rewinds over letters and then requires a known scheme, so `xhttp://` is no link).
    private static func urlEnd(_ bytes: [UInt8], at start: Int) -> Int? {
        if start > 0, isAlpha(bytes[start - 1]) { return nil }
        let prefix: Int
        if hasPrefix(bytes, at: start, "https://") {
            prefix = 8
        } else if hasPrefix(bytes, at: start, "http://") {
            prefix = 7
        } else {
            return nil
        }
        guard let domain = domainLength(bytes, from: start + prefix, needsDot: false) else { return nil }
        return linkEnd(bytes, start: start, afterDomain: start + prefix + domain, minimum: prefix)
    }

    /// `www.` at `start`, where GFM allows it: at the start or after whitespace, `*`, `_`, `~`, `(`.
    private static func wwwEnd(_ bytes: [UInt8], at start: Int) -> Int? {
        guard hasPrefix(bytes, at: start, "www.", caseSensitive: true) else { return nil }
        if start > 0, !isSpace(bytes[start - 1]), !"*_~(".utf8.contains(bytes[start - 1]) { return nil }
        guard let domain = domainLength(bytes, from: start, needsDot: true) else { return nil }
        return linkEnd(bytes, start: start, afterDomain: start + domain, minimum: 4)
    }

    /// The path runs to whitespace or `<`; then trailing punctuation is given back.
    private static func linkEnd(_ bytes: [UInt8], start: Int, afterDomain: Int, minimum: Int) -> Int? {
        var end = afterDomain
        while end < bytes.count, !isSpace(bytes[end]), bytes[end] != UInt8(ascii: "<") { end += 1 }
        end = trimmedEnd(bytes, start: start, end: end)
        return end - start > minimum ? end : nil
    }

    /// GFM's `check_domain`: host characters, `-`, `_` and dots, with no `_` in the last two labels.
    private static func domainLength(_ bytes: [UInt8], from start: Int, needsDot: Bool) -> Int? {
        var index = start
        var dots = 0
        var underscoresBefore = 0  // in the label before the last dot
        var underscores = 0  // in the label after it
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "_") {
                underscores += 1
            } else if byte == UInt8(ascii: ".") {
                underscoresBefore = underscores
                underscores = 0
                dots += 1
            } else if !isHostByte(byte), byte != UInt8(ascii: "-") {
                break
            }
            index += 1
        }
        guard index > start, underscoresBefore == 0, underscores == 0, !needsDot || dots > 0 else { return nil }
        return index - start
    }

    /// GFM's `autolink_delim`: trailing `?!.,:*_~'"` are not part of a link, nor a `)` without
    /// its `(`, nor a `;` — with the `&name` before it when it looks like an entity.
    private static func trimmedEnd(_ bytes: [UInt8], start: Int, end: Int) -> Int {
        var opening = 0
        var closing = 0
        for byte in bytes[start..<end] {
            if byte == UInt8(ascii: "(") { opening += 1 } else if byte == UInt8(ascii: ")") { closing += 1 }
        }
        var end = end
        while end > start {
            switch bytes[end - 1] {
            case UInt8(ascii: ")"):
                if closing <= opening { return end }
                closing -= 1
                end -= 1
            case UInt8(ascii: "?"), UInt8(ascii: "!"), UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ":"),
                UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "'"), UInt8(ascii: "\""):
                end -= 1
            case UInt8(ascii: ";"):
                var name = max(start, end - 2)
                while name > start, isAlpha(bytes[name]) { name -= 1 }
                if name < end - 2, bytes[name] == UInt8(ascii: "&") { end = name } else { end -= 1 }
            default:
                return end
            }
        }
        return end
    }

    private static func hasPrefix(_ bytes: [UInt8], at start: Int, _ prefix: String, caseSensitive: Bool = false) -> Bool {
        let prefix = Array(prefix.utf8)
        guard bytes.count - start >= prefix.count else { return false }
        for offset in prefix.indices {
            let byte = bytes[start + offset]
            let folded = caseSensitive || !isAlpha(byte) ? byte : byte | 0x20
            if folded != prefix[offset] { return false }
        }
        return true
    }

    private static func isAlpha(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }

    /// Letters and digits; any byte of a non-ASCII character counts, as GFM counts Unicode letters.
    private static func isHostByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || isAlpha(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
