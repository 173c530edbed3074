/// An `href` built by hand (for image links) the way cmark's safe renderer builds its own, so
/// both kinds of link are equally safe: the same dangerous schemes are emptied, and the same
/// characters are percent-encoded or escaped (cmark's `houdini_escape_href`).
enum SafeURL {
    /// `javascript:`, `vbscript:`, `file:` and `data:` other than the four image types, in any case.
    static func isDangerous(_ url: String) -> Bool {
        let lower = url.lowercased()
        if lower.hasPrefix("javascript:") || lower.hasPrefix("vbscript:") || lower.hasPrefix("file:") { return true }
        guard lower.hasPrefix("data:") else { return false }
        return !["png", "gif", "jpeg", "webp"].contains { lower.dropFirst(5).hasPrefix("image/" + $0) }
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
