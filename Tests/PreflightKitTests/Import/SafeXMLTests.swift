import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightImport

/// No DTD, entity or external resource is ever processed; malformed XML is an error at its place.
@Suite("Import: XML safety")
struct SafeXMLTests {
    func error(_ text: String) -> String? {
        do { _ = try SafeXML.parse(Array(text.utf8), path: "r.xml"); return nil } catch { return error.description }
    }

    @Test func anExternalEntityNamingEtcPasswdIsRefusedBeforeParsing() {
        let xxe = """
        <?xml version="1.0"?>
        <!DOCTYPE testsuite [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
        <testsuite><testcase name="&xxe;"/></testsuite>
        """
        #expect(error(xxe) == "r.xml:2:23: error: XML entity declarations are not accepted (they can read files or expand without bound)")
    }

    @Test func aBillionLaughsIsRefused() {
        var lines = ["<?xml version=\"1.0\"?>", "<!DOCTYPE lolz [", " <!ENTITY lol \"lol\">"]
        for level in 1...9 { lines.append(" <!ENTITY lol\(level) \"" + String(repeating: "&lol\(level == 1 ? "" : String(level - 1));", count: 10) + "\">") }
        lines += ["]>", "<lolz>&lol9;</lolz>"]
        #expect(error(lines.joined(separator: "\n"))?.contains("XML entity declarations are not accepted") == true)
    }

    @Test func anInternalSubsetWithoutEntitiesIsRefusedToo() {
        #expect(error("<!DOCTYPE r [ <!ELEMENT r ANY> ]><r/>") == "r.xml:1:13: error: an XML document type with an internal subset is not accepted")
    }

    @Test func aPlainDoctypeAsJaCoCoWritesIsIgnoredNotLoaded() throws {
        // An external DTD naming a local file: it is blanked out, so nothing is read or fetched.
        let root = try SafeXML.parse(Array("<?xml version=\"1.0\"?>\n<!DOCTYPE report SYSTEM \"/etc/passwd\">\n<report name=\"x\"/>".utf8), path: "r.xml")
        #expect(root.name == "report")
        #expect(root.line == 3)
    }

    @Test func malformedXMLIsAnErrorWithLineAndColumn() {
        #expect(error("<testsuite>\n  <testcase name=\"a\">\n</testsuite>")
                == "r.xml:3:13: error: malformed XML: an end tag that does not match the open element <testcase>")
    }

    /// The parser's error codes are said in words, not as "NSXMLParserErrorDomain error 76".
    @Test(arguments: [
        ("<a></a><b/>", "1:8: error: malformed XML: content after the end of the root element"),
        ("<testsuite>\n <testcase name=\"a\">\n", "2:21: error: malformed XML: the document ends before <testcase> is closed"),
        ("<a x=1/>", "1:9: error: malformed XML: an attribute value not in quotes, or not closed"),
        ("<a x='1' x='2'/>", "1:17: error: malformed XML: an attribute given twice in one element"),
        ("<a>&foo;</a>", "1:13: error: malformed XML: an undeclared entity (only &lt; &gt; &amp; &quot; &apos; and character references are known) (inside <a>)"),
        ("<a>AT&T</a>", "1:12: error: malformed XML: a name is missing or malformed, or an '&' is not escaped as &amp; (inside <a>)"),
        ("<a x=\"<\"/>", "1:8: error: malformed XML: a '<' inside an attribute value (escape it as &lt;)"),
        ("<a><!-- x </a>", "1:15: error: malformed XML: a comment that is not closed"),
        ("<a", "1:3: error: malformed XML: not an XML document (no complete root element)"),
    ])
    func eachKindOfMalformedXMLIsSaidInWords(text: String, expected: String) {
        #expect(error(text) == "r.xml:" + expected)
    }

    /// Processing instructions are blanked out before parsing (libxml2 hands an empty one to
    /// Foundation as NULL); text in comments and CDATA is left as it is.
    @Test func processingInstructionsAreIgnoredAndTheirPositionsKept() throws {
        let text = "<?xml version=\"1.0\"?>\n<?xml-stylesheet href=\"a.xsl\"?>\n<r>\n<?pi\nspanning?><!-- <?x?> --><![CDATA[<?y?>]]><a/></r><?end?>"
        let root = try SafeXML.parse(Array(text.utf8), path: "r.xml")
        #expect(root.name == "r")
        #expect(root.text.contains("<?y?>"))
        #expect(root.children.map(\.name) == ["a"])
        #expect(root.children.first?.line == 5)
    }

    @Test(arguments: [
        ("<?xml?><r/>", "1:1: error: malformed XML declaration (expected <?xml version=\"1.0\" …?>)"),
        ("<?XML version=\"1.0\"?><r/>", "1:1: error: malformed XML declaration (expected <?xml version=\"1.0\" …?>)"),
        ("<r>\n  <?xml version=\"1.0\"?></r>", "2:3: error: an XML declaration (<?xml …?>) is allowed only at the start of the document"),
        ("<r/>\n<?xml?>", "2:1: error: an XML declaration (<?xml …?>) is allowed only at the start of the document"),
    ])
    func aMisplacedOrMalformedXMLDeclarationIsAnError(text: String, expected: String) {
        #expect(error(text) == "r.xml:" + expected)
    }

    @Test func nestingDeeperThanTheLimitIsAnErrorNotACrash() {
        let deep = String(repeating: "<a>", count: 5000) + String(repeating: "</a>", count: 5000)
        #expect(error(deep) == "r.xml:1: error: XML nested deeper than 256 elements")
    }
}
