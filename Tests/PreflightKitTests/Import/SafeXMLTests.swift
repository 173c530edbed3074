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
        let message = error("<testsuite>\n  <testcase name=\"a\">\n</testsuite>")
        #expect(message?.hasPrefix("r.xml:3:") == true)
        #expect(message?.contains("error: malformed XML") == true)
    }

    @Test func nestingDeeperThanTheLimitIsAnErrorNotACrash() {
        let deep = String(repeating: "<a>", count: 5000) + String(repeating: "</a>", count: 5000)
        #expect(error(deep) == "r.xml:1: error: XML nested deeper than 256 elements")
    }
}
