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

    /// Every DOCTYPE counts, not just the first: one inside a comment came first and hid the
    /// next one's internal subset, whose NOTATION crashed Foundation's parser.
    @Test(arguments: [
        ("<!-- <!DOCTYPE a> -->\n<!DOCTYPE r [<!ELEMENT r ANY>]>\n<r/>", "2:13: error: an XML document type with an internal subset is not accepted"),
        ("<!DOCTYPE a>\n<!DOCTYPE r [<!ELEMENT r ANY>]>\n<r/>", "2:13: error: an XML document type with an internal subset is not accepted"),
        ("<!DOCTYPE r SYSTEM \"a>b\" [<!ELEMENT r ANY>]>\n<r/>", "1:26: error: an XML document type with an internal subset is not accepted"),
        ("<!DOCTYPE r [<!NOTATION n SYSTEM \"x\">]>\n<r/>", "1:14: error: XML notation declarations are not accepted"),
    ])
    func everyDoctypeIsCheckedNotOnlyTheFirst(text: String, expected: String) {
        #expect(error(text) == "r.xml:" + expected)
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

    /// libxml2 hands an instruction without data to Foundation as NULL; such are blanked out,
    /// and the line numbers after them stay right.
    @Test func processingInstructionsWithoutDataAreBlankedAndPositionsKept() throws {
        let text = "<?xml version=\"1.0\"?>\n<?xml-stylesheet href=\"a.xsl\"?><?pi?>\n<r>\n<?pi?><!-- <?x?> --><![CDATA[<?y z?>]]><a/></r><?end?>"
        let root = try SafeXML.parse(Array(text.utf8), path: "r.xml")
        #expect(root.name == "r")
        #expect(root.text.contains("<?y z?>"))
        #expect(root.children.map(\.name) == ["a"])
        #expect(root.children.first?.line == 4)
    }

    @Test func aDeclaredEncodingIsIgnoredForTheUTF8TheFileWasCheckedToBe() throws {
        // In UTF-7, "+ADw-" is "<": read that way, this would hold markup the checks never saw.
        let text = "<?xml version=\"1.0\" encoding=\"UTF-7\"?>\n<r>+ADw-?pi?+AD4-</r>"
        let root = try SafeXML.parse(Array(text.utf8), path: "r.xml")
        #expect(root.text == "+ADw-?pi?+AD4-")
        var bytes = Array("<?xml version='1.0' encoding='ISO-8859-1' standalone='yes'?><r/>".utf8)
        SafeXML.blankDeclaredEncoding(&bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "<?xml version='1.0'                       standalone='yes'?><r/>")
    }

    @Test(arguments: [
        ("<r>\n  <?xml version=\"1.0\"?></r>", "2:28: error: malformed XML: an XML declaration is allowed only at the start of the document (inside <r>)"),
        ("<?XML version=\"1.0\"?><r/>", "1:26: error: malformed XML: an XML declaration is allowed only at the start of the document"),
    ])
    func aMisplacedXMLDeclarationIsAnError(text: String, expected: String) {
        #expect(error(text) == "r.xml:" + expected)
    }

    @Test func nestingDeeperThanTheLimitIsAnErrorNotACrash() {
        let deep = String(repeating: "<a>", count: 5000) + String(repeating: "</a>", count: 5000)
        #expect(error(deep) == "r.xml:1: error: XML nested deeper than 256 elements")
    }
}
