import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PreflightSupport

/// Parses an imported XML report with Foundation's XMLParser, refusing what could make a parser
/// read other files, fetch URLs or expand without bound: entity declarations and internal DTD
/// subsets are refused outright, and a bare `<!DOCTYPE …>` (JaCoCo writes one naming its DTD)
/// is blanked out before parsing, so no DTD is ever loaded. Two inputs that crash or mislead the
/// parser are blanked out too (`SafeXML+ParserWorkarounds.swift`).
package enum SafeXML {
    /// Deepest element nesting accepted; real reports nest a few levels.
    package static let depthLimit = 256
    /// Most elements accepted in one document.
    package static let elementLimit = 2_000_000

    package static func parse(_ bytes: [UInt8], path: String) throws(Diagnostic) -> XMLNode {
        // Foundation's XMLParser traps on a name or comment that is not UTF-8 (found by fuzzing),
        // so such a file is refused at its first bad byte before the parser sees it.
        _ = try TextFile.decode(bytes, path: path)
        var bytes = bytes
        try neutralizeDoctype(&bytes, path: path)
        blankDeclaredEncoding(&bytes)
        blankEmptyProcessingInstructions(&bytes)
        let delegate = TreeBuilder()
        let parser = XMLParser(data: Data(bytes))
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.delegate = delegate
        let ok = parser.parse()
        if let problem = delegate.limitProblem {
            throw .error(path, line: problem.line, "\(problem.message)")
        }
        // libxml2 can report an error and still return true: either means the document is malformed.
        guard ok, delegate.message == nil, let root = delegate.root, delegate.stack.isEmpty else {
            if delegate.message == nil && parser.parserError == nil {
                // Stopped at the end without an error of its own: a truncated file, or no element at all.
                let (line, column) = TextFile.position(of: bytes.count, in: bytes)
                let reason = delegate.stack.last.map { "the document ends before <\($0.name)> is closed" } ?? "not an XML document (no complete root element)"
                throw .error(path, line: line, column: column, "malformed XML: \(reason)")
            }
            let line = parser.lineNumber > 0 ? parser.lineNumber : 1
            let column = parser.columnNumber > 0 ? parser.columnNumber : 1
            let reason = delegate.message ?? parser.parserError.map { SafeXML.reason($0, open: nil) } ?? "not an XML document"
            throw .error(path, line: line, column: column, "malformed XML: \(reason)")
        }
        return root
    }

    /// Refuses `<!ENTITY`, `<!NOTATION` and a DOCTYPE with an internal subset; overwrites each
    /// plain DOCTYPE with spaces (newlines kept, so positions stay right). Every occurrence counts,
    /// even one that looks like comment text: the parser recovers from errors, so it can meet a
    /// second DOCTYPE, and libxml2 hands Foundation a NOTATION without a public id as NULL (a
    /// crash; found by fuzzing).
    static func neutralizeDoctype(_ bytes: inout [UInt8], path: String) throws(Diagnostic) {
        for (declaration, reason) in [("<!ENTITY", "XML entity declarations are not accepted (they can read files or expand without bound)"),
                                      ("<!NOTATION", "XML notation declarations are not accepted")] {
            if let at = find(Array(declaration.utf8), in: bytes, from: 0) {
                let (line, column) = TextFile.position(of: at, in: bytes)
                throw .error(path, line: line, column: column, reason)
            }
        }
        let doctype = Array("<!DOCTYPE".utf8)
        var from = 0
        while let start = find(doctype, in: bytes, from: from) {
            // The declaration ends at the first '>' outside a quoted id (a system id may hold '>').
            var end = start
            var quote: UInt8?
            while end < bytes.count {
                let byte = bytes[end]
                if let open = quote {
                    if byte == open { quote = nil }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: ">") {
                    break
                } else if byte == UInt8(ascii: "[") {
                    let (line, column) = TextFile.position(of: end, in: bytes)
                    throw .error(path, line: line, column: column, "an XML document type with an internal subset is not accepted")
                }
                end += 1
            }
            for index in start..<min(end + 1, bytes.count) where bytes[index] != 0x0A { bytes[index] = 0x20 }
            from = end + 1
        }
    }

    /// First offset of `needle` in `bytes`, ASCII case-insensitively.
    private static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard bytes.count >= needle.count, let first = needle.first else { return nil }
        let lower = needle.map { $0 | 0x20 }
        var index = from
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == first, (0..<needle.count).allSatisfy({ bytes[index + $0] | 0x20 == lower[$0] || bytes[index + $0] == needle[$0] }) {
                return index
            }
            index += 1
        }
        return nil
    }
}

/// Builds `XMLNode`s from the parser's events, within the depth and element limits.
private final class TreeBuilder: NSObject, XMLParserDelegate {
    var root: XMLNode?
    var stack: [XMLNode] = []
    var count = 0
    var message: String?
    var limitProblem: (line: Int, message: String)?

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        count += 1
        if stack.count >= SafeXML.depthLimit || count > SafeXML.elementLimit {
            limitProblem = (parser.lineNumber, stack.count >= SafeXML.depthLimit
                ? "XML nested deeper than \(SafeXML.depthLimit) elements" : "XML holds more than \(SafeXML.elementLimit) elements")
            parser.abortParsing()
            return
        }
        let node = XMLNode(name: name, attributes: attributes, line: parser.lineNumber)
        if let parent = stack.last { parent.children.append(node) } else if root == nil { root = node }
        stack.append(node)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        _ = stack.popLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        // Only short texts are kept (a failure message); a 50 MB system-out is not.
        if let node = stack.last, node.text.utf8.count < 8192 { node.text += string }
    }

    func parser(_ parser: XMLParser, foundCDATA block: Data) {
        if let node = stack.last, node.text.utf8.count < 8192 { node.text += String(decoding: block.prefix(8192), as: UTF8.self) }
    }

    func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? { nil }

    func parser(_ parser: XMLParser, parseErrorOccurred error: Error) {
        if message == nil { message = SafeXML.reason(error, open: stack.last?.name) }
    }
}
