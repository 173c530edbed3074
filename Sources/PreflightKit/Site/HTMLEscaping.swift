import Mustache

/// HTML escaping for every page: the same five characters swift-mustache escapes, found with a
/// byte scan instead of a dictionary lookup per character (escaping was a fifth of build time).
struct FastHTMLContentType: MustacheContentType {
    /// The name templates are switched to when they load (see `TemplateLibrary`).
    static let name = "PREFLIGHT_HTML"

    static let register: Void = MustacheContentTypes.register(FastHTMLContentType(), named: name)

    func escapeText(_ text: String) -> String { HTMLEscaping.escape(text) }
}

enum HTMLEscaping {
    /// Escapes `&`, `<`, `>`, `"` and `'`; returns the string itself when there is nothing to escape.
    static func escape(_ text: String) -> String {
        var utf8 = text.utf8
        guard utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            return text
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case 0x26: bytes.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])  // &amp;
            case 0x3C: bytes.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])  // &lt;
            case 0x3E: bytes.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])  // &gt;
            case 0x22: bytes.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B])  // &quot;
            case 0x27: bytes.append(contentsOf: [0x26, 0x23, 0x33, 0x39, 0x3B])  // &#39;
            default: bytes.append(byte)
            }
        }
        utf8 = String(decoding: bytes, as: UTF8.self).utf8
        return String(utf8)
    }
}
