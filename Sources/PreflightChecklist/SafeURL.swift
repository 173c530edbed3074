/// An `href` built by hand (for image links) the way cmark's safe renderer builds its own, so
/// both kinds of link are equally safe: the same dangerous schemes are emptied, and the same
/// characters are percent-encoded or escaped (cmark's `houdini_escape_href`).
enum SafeURL {
    /// Schemes a checklist's links may use. A deny-list always misses one (`feed:javascript:…`
    /// passes cmark's own check), so every other scheme is refused; relative URLs have none.
    static let allowedSchemes: Set<String> = ["http", "https", "mailto"]

    /// True when the URL names a scheme outside `allowedSchemes`, in any case.
    static func isDangerous(_ url: String) -> Bool {
        guard let scheme = scheme(of: url) else { return false }
        return !allowedSchemes.contains(scheme.lowercased())
    }

    /// RFC 3986's `ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"` at the start; nil for a relative URL.
    static func scheme(of url: String) -> Substring? {
        for (offset, byte) in url.utf8.enumerated() {
            switch byte {
            // Every byte before it is ASCII, so `offset` bytes are `offset` characters.
            case UInt8(ascii: ":"): return offset > 0 ? url.prefix(offset) : nil
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): continue
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                if offset == 0 { return nil }
            default: return nil
            }
        }
        return nil
    }

    /// The URL ready for a double-quoted `href`: empty when dangerous.
    static func href(_ url: String) -> String {
        guard !isDangerous(url) else { return "" }
        var out = ""
        for byte in url.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out += "&amp;"
            case UInt8(ascii: "'"): out += "&#x27;"
            case _ where isSafe(byte): out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let digits = Array("0123456789ABCDEF")
                out += "%" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
            }
        }
        return out
    }

    /// Letters, digits and ``-_.+!*(),%#@?=;:/$~``: kept as they are.
    private static func isSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "-_.+!*(),%#@?=;:/$~".utf8.contains(byte)
        }
    }
}
