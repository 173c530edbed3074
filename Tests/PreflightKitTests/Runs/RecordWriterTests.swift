import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport
@testable import PreflightHistory
@testable import PreflightSite

@Suite("RecordWriter")
struct RecordWriterTests {
    @Test func aTakenNameIsNeverReplaced() throws {
        let dir = try TempDir()
        try dir.write("run/smoke-20261005093000-aaaa.json", "old")
        var randoms = ["aaaa", "bbbb"]
        let path = try RecordWriter.write(["item": "x"], into: dir.url("run"), prefix: "smoke",
                                          now: try #require(Timestamp("2026-10-05T09:30:00Z"))) { randoms.removeFirst() }
        #expect(path == dir.url("run/smoke-20261005093000-bbbb.json"))
        #expect(try dir.read("run/smoke-20261005093000-aaaa.json") == "old")
        #expect(try dir.read("run/smoke-20261005093000-bbbb.json") == "{\n  \"item\" : \"x\"\n}\n")
        #expect(dir.files(in: "run") == ["smoke-20261005093000-aaaa.json", "smoke-20261005093000-bbbb.json"])
    }

    @Test func oddProbeNamesMakeSafeFileNames() throws {
        let dir = try TempDir()
        try FileManager.default.createDirectory(atPath: dir.url("run"), withIntermediateDirectories: true)
        let now = try #require(Timestamp("2026-10-05T09:30:00Z"))
        let path = try RecordWriter.write(["a": 1], into: dir.url("run"), prefix: "../k8s smoke/", now: now) { "1" }
        #expect(path == dir.url("run/---k8s-smoke--20261005093000-1.json"))
        let fallback = try RecordWriter.write(["a": 1], into: dir.url("run"), prefix: "", now: now) { "2" }
        #expect(fallback == dir.url("run/record-20261005093000-2.json"))
    }
}
