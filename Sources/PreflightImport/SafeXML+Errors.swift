import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

extension SafeXML {
    /// What went wrong, in words: on Linux an XMLParser error describes itself only as
    /// "NSXMLParserErrorDomain error 76". The codes are libxml2's (`xmlParserErrors`).
    /// `open` is the element open when the parser stopped, if any.
    static func reason(_ error: Error, open: String?) -> String {
        let code = (error as NSError).code
        let inside = open.map { " (inside <\($0)>)" } ?? ""
        switch code {
        case 4: return "the document is empty"
        // libxml2 gives 5 for a truncated file as well as for text after the root.
        case 5: return open.map { "the document ends before <\($0)> is closed" } ?? "content after the end of the root element"
        case 9: return "a character XML does not allow"
        case 22, 23, 68: return "a name is missing or malformed, or an '&' is not escaped as &amp;" + inside
        case 26, 27: return "an undeclared entity (only &lt; &gt; &amp; &quot; &apos; and character references are known)" + inside
        case 38: return "a '<' inside an attribute value (escape it as &lt;)" + inside
        case 39, 40: return "an attribute value not in quotes, or not closed" + inside
        case 41: return "an attribute without a value" + inside
        case 42: return "an attribute given twice in one element" + inside
        case 45: return "a comment that is not closed"
        case 64: return "an XML declaration is allowed only at the start of the document" + inside
        case 73: return "expected '>' to end the tag" + inside
        case 76: return open.map { "an end tag that does not match the open element <\($0)>" } ?? "an end tag that matches no open element"
        case 77: return open.map { "the document ends before <\($0)> is closed" } ?? "the document ends inside a tag"
        default: return "XML parser error \(code)" + inside
        }
    }
}
