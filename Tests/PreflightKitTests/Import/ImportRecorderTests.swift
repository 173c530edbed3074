import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightRuns
@testable import PreflightImport

/// The recorder stores exactly the bytes an importer parsed, or nothing.
@Suite("Import: recording what was read")
struct ImportRecorderTests {
    @Test func aFileChangedAfterItWasParsedIsRefusedAndNothingIsRecorded() throws {
        let dir = try TempDir()
        let report = try dir.write("lcov.info", "SF:a\nLF:10\nLH:9\n")
        let outcome = try CoverageImporter(minimum: 80).run(report)
        #expect(outcome.files == [ImportedFile(path: report, sha256: Attachment.digest(Array("SF:a\nLF:10\nLH:9\n".utf8)))])
        try dir.write("lcov.info", "SF:a\nLF:10\nLH:1\n")
        try FileManager.default.createDirectory(atPath: dir.url("run"), withIntermediateDirectories: true)
        let now = try #require(Timestamp("2026-10-05T09:40:00Z"))
        #expect(throws: Diagnostic.error(report, "changed while it was being imported, so it is not the file the result was made from; nothing recorded (import it again)")) {
            _ = try ImportRecorder.record(outcome, item: "cov", into: dir.url("run"), now: now)
        }
        #expect(dir.files(in: "run") == [])
    }
}
