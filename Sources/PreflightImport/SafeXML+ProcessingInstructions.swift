import PreflightSupport

extension SafeXML {
    /// Overwrites every processing instruction (`<?target …?>`) with spaces, newlines kept so
    /// positions stay right; the XML declaration at the very start stays.
    ///
    /// Why: Foundation's XMLParser hands a processing instruction's data to `String(cString:)`,
    /// and libxml2 passes NULL for one without data (`<?pi?>`), so the parser reads address 0
    /// (found by fuzzing). Imports never use processing instructions, so none reaches the parser.
    /// A second XML declaration, or a malformed first one, is refused here, where we can still
    /// say so, instead of being blanked into a valid document.
    static func neutralizeProcessingInstructions(_ bytes: inout [UInt8], path: String) throws(Diagnostic) {
        let count = bytes.count
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var index = start
        while index + 1 < count {
            guard bytes[index] == UInt8(ascii: "<") else { index += 1; continue }
            // Comments and CDATA sections are text: a "<?" inside them is no instruction.
            if matches("<!--", in: bytes, at: index) {
                guard let end = firstOffset(of: "-->", in: bytes, from: index + 4) else { return }
                index = end + 3
                continue
            }
            if matches("<![CDATA[", in: bytes, at: index) {
                guard let end = firstOffset(of: "]]>", in: bytes, from: index + 9) else { return }
                index = end + 3
                continue
            }
            guard bytes[index + 1] == UInt8(ascii: "?") else { index += 1; continue }
            // Not closed: libxml2 reports it and never hands it on.
            guard let end = firstOffset(of: "?>", in: bytes, from: index + 2) else { return }
            var targetEnd = index + 2
            while targetEnd < end, !isSpace(bytes[targetEnd]) { targetEnd += 1 }
            if bytes[(index + 2)..<targetEnd].map({ $0 | 0x20 }) == Array("xml".utf8) {
                let isDeclaration = index == start && bytes[index + 2..<index + 5].elementsEqual("xml".utf8) && targetEnd < end
                if !isDeclaration {
                    let (line, column) = TextFile.position(of: index, in: bytes)
                    let reason = index == start
                        ? "malformed XML declaration (expected <?xml version=\"1.0\" …?>)"
                        : "an XML declaration (<?xml …?>) is allowed only at the start of the document"
                    throw .error(path, line: line, column: column, reason)
                }
            } else {
                for offset in index..<(end + 2) where bytes[offset] != 0x0A { bytes[offset] = 0x20 }
            }
            index = end + 2
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func matches(_ needle: StaticString, in bytes: [UInt8], at index: Int) -> Bool {
        let count = needle.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        return needle.withUTF8Buffer { buffer in (0..<count).allSatisfy { bytes[index + $0] == buffer[$0] } }
    }

    private static func firstOffset(of needle: StaticString, in bytes: [UInt8], from: Int) -> Int? {
        var index = from
        while index + needle.utf8CodeUnitCount <= bytes.count {
            if matches(needle, in: bytes, at: index) { return index }
            index += 1
        }
        return nil
    }
}
