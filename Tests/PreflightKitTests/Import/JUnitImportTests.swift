import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightRuns
@testable import PreflightImport

/// JUnit XML shapes the real tools do not all produce: nested suites, missing and wrong counts,
/// Surefire's folder of per-class files.
@Suite("Import: JUnit XML")
struct JUnitImportTests {
    func importing(_ files: [String: String], maxFailures: Int = 0) throws -> ImportOutcome {
        let dir = try TempDir()
        for (name, text) in files { try dir.write(name, text) }
        let arguments = files.count == 1 ? [dir.url(files.keys.first!)] : [dir.path]
        return try JUnitImporter(maxFailures: maxFailures).run(arguments)
    }

    @Test func nestedSuitesCountEveryCaseWithItsSuitePath() throws {
        let outcome = try importing(["r.xml": """
        <testsuites time="192.4">
          <testsuite name="api">
            <testcase name="creates"/>
            <testsuite name="users"><testcase name="deletes"><failure message="expected 204, got 500">stack</failure></testcase></testsuite>
          </testsuite>
          <testsuite name="ui"><testcase name="login"><skipped/></testcase><testcase name="boot"><error message="no display"/></testcase></testsuite>
        </testsuites>
        """])
        #expect(outcome.status == .fail)
        #expect(outcome.summary == "4 tests: 1 passed, 1 failed, 1 errored, 1 skipped in 3 m 12 s")
        #expect(outcome.details == "failed: api › users › deletes: expected 204, got 500\nerror: ui › boot: no display")
    }

    @Test func countsThatDisagreeWithTheElementsLoseAndAreNoted() throws {
        let outcome = try importing(["r.xml": """
        <testsuite name="s" tests="9" failures="0" time="1.5"><testcase name="a"/><testcase name="b"><failure>x</failure></testcase></testsuite>
        """])
        #expect(outcome.summary == "2 tests: 1 passed, 1 failed, 0 skipped in 1.5 s")
        #expect(outcome.notes == ["the files' counts say 9 tests; 2 <testcase> elements were found and counted"])
        #expect(outcome.status == .fail)
    }

    @Test func missingCountsAndTimesAreTakenFromTheCases() throws {
        let outcome = try importing(["r.xml": "<testsuite><testcase name=\"a\" time=\"0.25\"/><testcase name=\"b\" time=\"0.5\"/></testsuite>"])
        #expect(outcome.summary == "2 tests: 2 passed, 0 failed, 0 skipped in 0.75 s")
        #expect(outcome.status == .pass)
        #expect(outcome.notes.isEmpty)
    }

    @Test func maxFailuresAllowsThatManyFailuresPlusErrors() throws {
        let xml = "<testsuite><testcase name=\"a\"><failure/></testcase><testcase name=\"b\"><error/></testcase></testsuite>"
        #expect(try importing(["r.xml": xml], maxFailures: 2).status == .pass)
        #expect(try importing(["r.xml": xml], maxFailures: 1).status == .fail)
    }

    @Test func aSurefireFolderOfPerClassFilesIsReadWhole() throws {
        var files: [String: String] = [:]
        for index in 1...3 {
            files["surefire-reports/TEST-com.acme.C\(index)Test.xml"] = """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuite name="com.acme.C\(index)Test" tests="2" failures="\(index == 2 ? 1 : 0)" errors="0" skipped="0" time="1.0">
              <testcase name="one" classname="com.acme.C\(index)Test" time="0.5"/>
              <testcase name="two" classname="com.acme.C\(index)Test" time="0.5">\(index == 2 ? "<failure message=\"boom\" type=\"AssertionError\"/>" : "")</testcase>
            </testsuite>
            """
        }
        files["surefire-reports/com.acme.C1Test.txt"] = "ignored: not XML"
        let outcome = try importing(files)
        #expect(outcome.summary == "6 tests: 5 passed, 1 failed, 0 skipped in 3.0 s")
        #expect(outcome.files.count == 3)
        #expect(outcome.details == "failed: com.acme.C2Test › two: boom")
    }

    @Test func thousandsAreGroupedAndOnlyFiftyFailuresAreListed() throws {
        let cases = (0..<1204).map { $0 < 60 ? "<testcase name=\"t\($0)\"><failure message=\"m\"/></testcase>" : "<testcase name=\"t\($0)\"/>" }
        let outcome = try importing(["r.xml": "<testsuite>\(cases.joined())</testsuite>"])
        #expect(outcome.summary.hasPrefix("1,204 tests: 1,144 passed, 60 failed, 0 skipped"))
        let lines = outcome.details?.split(separator: "\n") ?? []
        #expect(lines.count == 51)
        #expect(lines.last == "… and 10 more failing tests")
    }

    @Test func aFileThatIsNotJUnitIsAnErrorAtItsRoot() throws {
        let dir = try TempDir()
        let file = try dir.write("r.xml", "<?xml version=\"1.0\"?>\n<coverage/>")
        #expect(throws: Diagnostic.self) { try JUnitImporter().run([file]) }
        do { _ = try JUnitImporter().run([file]) } catch {
            #expect(error.description == "\(file):2: error: not a JUnit XML report: the root element is <coverage>, expected <testsuites> or <testsuite>")
        }
    }
}
