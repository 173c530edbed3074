import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightRuns
@testable import PreflightImport

/// Cobertura, JaCoCo and lcov, told apart by content whatever the file is called.
@Suite("Import: coverage")
struct CoverageImportTests {
    func run(_ text: String, min: Double = 80, name: String = "report") throws -> ImportOutcome {
        let dir = try TempDir()
        return try CoverageImporter(minimum: min).run(dir.write(name, text))
    }

    @Test func coberturaUsesItsLineCounts() throws {
        let outcome = try run("""
        <?xml version="1.0" ?>
        <coverage version="7.6" timestamp="1" lines-valid="1000" lines-covered="834" line-rate="0.834" branches-valid="10" branches-covered="7" branch-rate="0.7"><packages/></coverage>
        """)
        #expect(outcome.summary == "line coverage 83.4% (minimum 80%)")
        #expect(outcome.details == "Cobertura report: 834 of 1,000 lines covered; branch coverage 70.0% (7 of 10 branches)")
        #expect(outcome.status == .pass)
        #expect(outcome.probe == "coverage:cobertura")
    }

    @Test func jacocoReadsTheReportLevelCountersDespiteItsDoctype() throws {
        let outcome = try run("""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?><!DOCTYPE report PUBLIC "-//JACOCO//DTD Report 1.1//EN" "report.dtd"><report name="app"><package name="p"><counter type="LINE" missed="1" covered="1"/></package><counter type="INSTRUCTION" missed="10" covered="90"/><counter type="BRANCH" missed="5" covered="15"/><counter type="LINE" missed="21" covered="79"/></report>
        """, name: "jacoco.xml")
        #expect(outcome.summary == "line coverage 79.0% (minimum 80%)")
        #expect(outcome.details == "JaCoCo report: 79 of 100 lines covered; branch coverage 75.0% (15 of 20 branches)")
        #expect(outcome.status == .fail)
    }

    @Test func lcovSumsEveryFile() throws {
        let outcome = try run("TN:\nSF:a.py\nDA:1,1\nLF:10\nLH:9\nBRF:4\nBRH:2\nend_of_record\nSF:b.py\nLF:10\nLH:7\nend_of_record\n", min: 80.5, name: "coverage.info")
        #expect(outcome.summary == "line coverage 80.0% (minimum 80.5%)")
        #expect(outcome.details == "lcov report: 16 of 20 lines covered; branch coverage 50.0% (2 of 4 branches)")
        #expect(outcome.status == .fail)
    }

    @Test func aValueJustUnderTheMinimumNeverPrintsAsIt() throws {
        let outcome = try run("SF:a\nLF:10000\nLH:7999\n")
        #expect(outcome.summary == "line coverage 79.9% (minimum 80%)")
        #expect(outcome.status == .fail)
    }

    @Test func anythingElseIsAClearError() throws {
        let dir = try TempDir()
        let junit = try dir.write("j.xml", "<testsuite/>")
        let text = try dir.write("notes.txt", "hello")
        do { _ = try CoverageImporter(minimum: 80).run(junit); Issue.record("accepted") } catch {
            #expect(error.description == "\(junit):1: error: not a coverage report: the root element is <testsuite>, expected Cobertura's <coverage> or JaCoCo's <report>")
        }
        do { _ = try CoverageImporter(minimum: 80).run(text); Issue.record("accepted") } catch {
            #expect(error.description.contains("not a coverage report"))
        }
    }
}
