import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport
@testable import PreflightHistory
@testable import PreflightSite

/// report.json digests depend on these bytes: the fast encoder must write exactly what
/// Foundation's JSONEncoder writes with the same settings.
@Suite("Canonical JSON")
struct CanonicalJSONTests {
    static func foundation<T: Encodable>(_ value: T, pretty: Bool = false) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value)) + [0x0A]
    }

    struct Edges: Encodable {
        var doubles: [Double] = [1.0, 0.5, 1e-7, 1e20, 0.9473684210526315, 2.0 / 3.0, 100, 1e16, -0.0, 12.25]
        var strings: [String] = ["a/b", "q\"\\", "\n\t\r\u{8}\u{c}\u{1}\u{1f}\u{7f}", "é😀", "\u{2028}", ""]
        var ints: [Int] = [1, -2, 0, Int.max, Int.min]
        var map: [String: Int] = ["b": 1, "a": 2, "B": 3, "_": 4, "aa": 5, "a_b": 6, "é": 7]
        var empty: [Int] = []
        var emptyMap: [String: Int] = [:]
        var missing: String? = nil
        var present: String? = "x"
        var nested: [[String: [Bool]]] = [["t": [true, false]], [:]]
        var time = Timestamp(seconds: 1_790_000_000)
    }

    @Test func edgeValuesMatchFoundation() throws {
        #expect(try CanonicalJSON.encode(Edges()) == Self.foundation(Edges()))
        #expect(try CanonicalJSON.encode(Edges(), layout: .pretty) == Self.foundation(Edges(), pretty: true))
        // The site's layout has no whitespace at all outside strings.
        let compact = try String(decoding: CanonicalJSON.encode(Edges()), as: UTF8.self)
        #expect(compact.hasPrefix("{\"doubles\":[1,0.5,"))
        #expect(compact.hasSuffix("}\n") && !compact.dropLast().contains("\n"))
    }

    @Test func everyExampleReportMatchesFoundation() throws {
        let library = try ChecklistLibrary.load(RunsFixtures.packageRoot + "/content/checklists")
        var problems: [Diagnostic] = []
        let streams = StreamSet.mergeReports(archive: RunArchive.scan(RunsFixtures.packageRoot + "/content/runs"), library: library, problems: &problems)
        let reports = streams.flatMap(\.2)
        #expect(reports.count >= 12)
        for report in reports {
            let foundation = try Self.foundation(report)
            #expect(try CanonicalJSON.encode(report) == foundation, "\(report.run.id)")
            #expect(report.canonicalJSON(relativeTo: "/nowhere") == foundation, "\(report.run.id)")
        }
    }

    /// Every optional part filled in, odd characters, problems with and without positions.
    @Test func aReportWithEveryFieldMatchesFoundation() throws {
        let checklist = ChecklistParser().parse("""
            # T
            ## Go Criteria
            - [ ] Ready
            ## Work
            - [x] **Parent**
              - [ ] Child "quoted" \\ back
            ## Sign-Off
            - [ ] **Lead**: ___
            """, name: "t", path: "t.md").checklist
        let start = try #require(Timestamp("2026-10-01T10:00:00+02:00"))
        let source = RecordSource(run: "r-1", file: "a.json", path: "$.results[0]")
        let result = ProbeResult(item: checklist.items[2].id, status: .warn, summary: "tab\there", details: "line\nnext\u{1}",
                                 probe: "p", observedAt: start, durationMs: 12, evidence: [Evidence(label: "l", url: "javascript:x")],
                                 validFor: ISODuration("P1D"), expiresAt: nil, source: source)
        let carried = ProbeResult(item: checklist.items[0].id, status: .pass, summary: nil, details: nil, probe: nil,
                                  observedAt: try #require(Timestamp("2026-09-01")), durationMs: nil, evidence: [],
                                  validFor: nil, expiresAt: try #require(Timestamp("2026-09-02T00:00:00Z")),
                                  source: RecordSource(run: "r-0", file: "b.json", path: "$"))
        let waiver = Waiver(item: checklist.items[1].id, reason: "é", approvedBy: "x", expiresAt: start, source: source)
        let signoff = Signoff(role: "Lead", name: "N", decision: .reject, at: start, comment: "no", source: source)
        var carry = CarryPool()
        carry.add(RunInput(folder: "f", manifest: RunManifest(id: "r-0", checklist: "t", environment: "e", startedAt: carried.observedAt),
                           results: [carried], waivers: [waiver], signoffs: [], problems: []))
        let manifest = RunManifest(id: "r-1", checklist: "t", environment: "e/1", startedAt: start, title: "T", commit: "c",
                                   branch: "b", url: "u", trigger: "t", labels: ["z": "1", "a": "2", "É": "3"])
        let input = RunInput(folder: "f", manifest: manifest, results: [result, result], waivers: [], signoffs: [signoff],
                             problems: [.error("x/a.json", line: 2, column: 3, "bad \"thing\""), .warning("x/b.json", "w")])
        let report = ReportBuilder(checklist: checklist).build(input, carry: carry)
        #expect(report.canonicalJSON(relativeTo: "/nowhere") == (try Self.foundation(report)))
    }

    @Test func historyDocumentsMatchTheCodableEncoding() throws {
        for stream in try ExampleHistory.streams().values {
            let document = HistoryDocument(StreamHistory(stream))
            #expect(document.canonicalJSON() == (try CanonicalJSON.encode(document)))
            #expect(document.canonicalJSON() == (try Self.foundation(document)))
        }
    }
}
