extension SafeXML {
    /// Overwrites with spaces every `<?name?>`: a processing instruction without data.
    ///
    /// Why: Foundation's XMLParser hands a processing instruction's data to `String(cString:)`,
    /// and libxml2 passes NULL when there is none, so the parser reads address 0 (found by
    /// fuzzing). The parser runs in recovery mode, so after a malformed tag it can find one
    /// almost anywhere; the pattern is therefore blanked wherever it appears, comments and CDATA
    /// included (imports use neither instructions nor such text).
    static func blankEmptyProcessingInstructions(_ bytes: inout [UInt8]) {
        let count = bytes.count
        var index = 0
        while index + 3 < count {
            guard bytes[index] == UInt8(ascii: "<"), bytes[index + 1] == UInt8(ascii: "?") else { index += 1; continue }
            var end = index + 2
            while end < count, !isNameEnd(bytes[end]) { end += 1 }
            if end + 1 < count, bytes[end] == UInt8(ascii: "?"), bytes[end + 1] == UInt8(ascii: ">") {
                for offset in index...(end + 1) { bytes[offset] = 0x20 }
                index = end + 2
            } else {
                index += 2
            }
        }
    }

    /// Overwrites the XML declaration's `encoding="…"` with spaces, so libxml2 reads the bytes as
    /// the UTF-8 we checked them to be: a declared encoding such as UTF-7 would make it read
    /// other characters (markup included) than the ones checked here.
    static func blankDeclaredEncoding(_ bytes: inout [UInt8]) {
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        guard bytes.count > start + 5, bytes[start..<start + 5].elementsEqual("<?xml".utf8), isSpace(bytes[start + 5]) else { return }
        // libxml2 skips to the first '>' after a malformed declaration, so that ends it either way.
        let end = bytes[start...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.count
        let name = Array("encoding".utf8)
        var index = start + 5
        while index + name.count <= end {
            if bytes[index..<index + name.count].elementsEqual(name) { break }
            index += 1
        }
        guard index + name.count <= end else { return }
        // The name, '=', and the quoted value (to the declaration's end when unquoted or unclosed).
        var cursor = index + name.count
        while cursor < end, isSpace(bytes[cursor]) || bytes[cursor] == UInt8(ascii: "=") { cursor += 1 }
        if cursor < end, bytes[cursor] == UInt8(ascii: "\"") || bytes[cursor] == UInt8(ascii: "'") {
            let quote = bytes[cursor]
            cursor = bytes[(cursor + 1)..<end].firstIndex(of: quote).map { $0 + 1 } ?? end
        } else {
            cursor = end
        }
        for offset in index..<cursor where bytes[offset] != 0x0A { bytes[offset] = 0x20 }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// A byte no XML name holds (libxml2's name characters exclude all of these).
    private static func isNameEnd(_ byte: UInt8) -> Bool {
        isSpace(byte) || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
    }
}
