/// HTML escaping for every page and for the HTML the checklist parser builds itself: the same
/// five characters swift-mustache escapes, found with a byte scan instead of a dictionary lookup
/// per character (escaping was a fifth of build time).
package enum HTMLEscaping {
    /// Escapes `&`, `<`, `>`, `"` and `'`; returns the string itself when there is nothing to escape.
    package static func escape(_ text: String) -> String {
        var text = text
        var clean = true
        text.withUTF8 { utf8 in ByteScan.forEach(in: utf8, mayHold: mayNeedEscape, isSpecial: needsEscape) { _ in clean = false } }
        if clean { return text }
        var bytes: [UInt8] = []
        append(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `text` escaped; runs of plain bytes are copied at once.
    package static func append(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            var runStart = 0
            ByteScan.forEach(in: utf8, mayHold: mayNeedEscape, isSpecial: needsEscape) { index in
                if index > runStart { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index])) }
                switch utf8[index] {
                case 0x26: bytes.append(contentsOf: "&amp;".utf8)
                case 0x3C: bytes.append(contentsOf: "&lt;".utf8)
                case 0x3E: bytes.append(contentsOf: "&gt;".utf8)
                case 0x22: bytes.append(contentsOf: "&quot;".utf8)
                default: bytes.append(contentsOf: "&#39;".utf8)
                }
                runStart = index + 1
            }
            if utf8.count > runStart { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count])) }
        }
    }

    @inline(__always)
    private static func mayNeedEscape(_ word: UInt64) -> UInt64 {
        ByteScan.lanes(of: word, equalTo: 0x26) | ByteScan.lanes(of: word, equalTo: 0x3C) | ByteScan.lanes(of: word, equalTo: 0x3E)
            | ByteScan.lanes(of: word, equalTo: 0x22) | ByteScan.lanes(of: word, equalTo: 0x27)
    }

    @inline(__always)
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27
    }
}
