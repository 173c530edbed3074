import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightRuns
@testable import PreflightImport

/// SARIF features the small real tools do not all write: security-severity, suppressions,
/// several runs, rule defaults, other versions.
@Suite("Import: SARIF")
struct SARIFImportTests {
    static let log = """
    {"version": "2.1.0", "runs": [
      {"tool": {"driver": {"name": "Trivy", "rules": [
         {"id": "CVE-1", "properties": {"security-severity": "9.8"}},
         {"id": "CVE-2", "properties": {"security-severity": "7.5"}, "defaultConfiguration": {"level": "error"}},
         {"id": "CVE-3", "properties": {"security-severity": "4.0"}},
         {"id": "CVE-4", "properties": {"security-severity": "3.9"}}]}},
       "results": [
         {"ruleId": "CVE-1", "ruleIndex": 0, "level": "error", "message": {"text": "openssl 1.1 is vulnerable"},
          "locations": [{"physicalLocation": {"artifactLocation": {"uri": "Dockerfile"}, "region": {"startLine": 3}}}]},
         {"ruleId": "CVE-2", "message": {"text": "from the rule's default level"}},
         {"ruleId": "CVE-3", "level": "warning", "message": {"text": "medium"}},
         {"ruleId": "CVE-4", "level": "note", "message": {"text": "low"}},
         {"ruleId": "CVE-1", "level": "error", "message": {"text": "accepted risk"}, "suppressions": [{"kind": "external", "status": "accepted"}]},
         {"ruleId": "CVE-1", "level": "error", "message": {"text": "under review, still counted"}, "suppressions": [{"kind": "inSource", "status": "underReview"}]}
       ]},
      {"tool": {"driver": {"name": "Semgrep"}}, "results": [{"ruleId": "py.eval", "message": {"text": "eval"}}]}
    ]}
    """

    func run(_ text: String = log, _ importer: SARIFImporter = SARIFImporter()) throws -> ImportOutcome {
        let dir = try TempDir()
        return try importer.run([dir.write("scan.sarif", text)])
    }

    @Test func levelsAndGitHubSeverityBandsAreCountedAndSuppressedLeftOut() throws {
        let outcome = try run()
        #expect(outcome.summary == "Trivy, Semgrep: 6 results (3 errors, 2 warnings, 1 note); severity: 2 critical, 1 high, 1 medium, 1 low; 1 suppressed, not counted")
        #expect(outcome.status == .fail)
        let lines = outcome.details?.split(separator: "\n").map(String.init) ?? []
        #expect(lines.first == "[error, critical] CVE-1: openssl 1.1 is vulnerable (Dockerfile:3)")
        #expect(lines.last == "[suppressed, critical] CVE-1: accepted risk")
        #expect(lines.count == 7)
    }

    @Test func failOnAndFailOnSeverityDecide() throws {
        let onlyNotes = """
        {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "Bandit", "rules": [{"id": "B1", "properties": {"security-severity": "7.0"}}]}},
          "results": [{"ruleId": "B1", "level": "note", "message": {"text": "n"}}]}]}
        """
        #expect(try run(onlyNotes).status == .pass)
        #expect(try run(onlyNotes, SARIFImporter(failOn: .note)).status == .fail)
        #expect(try run(onlyNotes, SARIFImporter(failOn: .none, failOnSeverity: .high)).status == .fail)
        #expect(try run(onlyNotes, SARIFImporter(failOn: .none, failOnSeverity: .critical)).status == .pass)
        #expect(try run(Self.log, SARIFImporter(failOn: .none)).status == .pass)
    }

    @Test func bandsFollowGitHub() {
        #expect(SARIFImporter.Severity(score: 9.0) == .critical)
        #expect(SARIFImporter.Severity(score: 8.99) == .high)
        #expect(SARIFImporter.Severity(score: 7.0) == .high)
        #expect(SARIFImporter.Severity(score: 4.0) == .medium)
        #expect(SARIFImporter.Severity(score: 3.99) == .low)
    }

    @Test func anotherVersionAndMalformedJSONAreErrors() throws {
        let dir = try TempDir()
        let old = try dir.write("old.sarif", #"{"version": "2.0.0", "runs": []}"#)
        let broken = try dir.write("broken.sarif", "{\"version\": \"2.1.0\",\n \"runs\": [}")
        #expect(throws: Diagnostic.self) { try SARIFImporter().run([old]) }
        do { _ = try SARIFImporter().run([old]) } catch { #expect(error.description == "\(old): error: SARIF version 2.0.0 is not supported (expected 2.1.0)") }
        do { _ = try SARIFImporter().run([broken]) } catch { #expect(error.description.hasPrefix("\(broken):2:")) }
    }
}
