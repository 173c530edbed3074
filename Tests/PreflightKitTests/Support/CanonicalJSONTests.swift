import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport
@testable import PreflightHistory
@testable import PreflightSite

/// report.json digests depend on these bytes: the hand-written JSONBuilder (report.json,
/// history.json) must write exactly what Foundation's JSONEncoder writes with the settings of
/// `JSONEncoder.canonicalJSON`, which writes the site's other JSON files and the record files.
@Suite("Canonical JSON")
struct CanonicalJSONTests {
    /// Foundation's bytes, with the settings spelled out here rather than taken from the helper.
    static func foundation<T: Encodable>(_ value: T, pretty: Bool = false) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value)) + [0x0A]
    }

    static let doubles: [Double] = [1.0, 0.5, 1e-7, 1e20, 0.9473684210526315, 2.0 / 3.0, 100, 1e16, -0.0, 12.25]
    static let strings: [String] = ["a/b", "q\"\\", "\n\t\r\u{8}\u{c}\u{1}\u{1f}\u{7f}", "é😀", "\u{2028}", ""]
    static let ints: [Int] = [1, -2, 0, 10, 99, 1_000_000, Int.max, Int.min]
    static let map: [String: Int] = ["b": 1, "a": 2, "B": 3, "_": 4, "aa": 5, "a_b": 6, "é": 7, "a/b": 8]

    /// The same edge values JSONBuilder writes by hand, one kind at a time.
    @Test func jsonBuilderWritesEdgeValuesAsFoundationDoes() throws {
        var json = JSONBuilder()
        json.beginObject()
        json.key("doubles")
        json.beginArray()
        for value in Self.doubles { json.element(); json.double(value) }
        json.endArray()
        json.key("empty")
        json.beginArray()
        json.endArray()
        json.key("ints")
        json.beginArray()
        for value in Self.ints { json.element(); json.int(value) }
        json.endArray()
        json.key("map")
        json.intMap(Self.map)
        json.key("null")
        json.null()
        json.key("strings")
        json.beginArray()
        for value in Self.strings { json.element(); json.string(value) }
        json.endArray()
        json.key("texts")
        json.stringMap(Dictionary(uniqueKeysWithValues: Self.strings.enumerated().map { ("k\($0.offset)/\($0.element)", $0.element) }))
        json.key("yes")
        json.bool(true)
        json.endObject()

        struct Edges: Encodable {
            var doubles = CanonicalJSONTests.doubles
            var empty: [Int] = []
            var ints = CanonicalJSONTests.ints
            var map = CanonicalJSONTests.map
            var null: String? = nil
            var strings = CanonicalJSONTests.strings
            var texts = Dictionary(uniqueKeysWithValues: CanonicalJSONTests.strings.enumerated().map { ("k\($0.offset)/\($0.element)", $0.element) })
            var yes = true

            func encode(to encoder: any Encoder) throws {
                enum Key: String, CodingKey { case doubles, empty, ints, map, null, strings, texts, yes }
                var container = encoder.container(keyedBy: Key.self)
                try container.encode(doubles, forKey: .doubles)
                try container.encode(empty, forKey: .empty)
                try container.encode(ints, forKey: .ints)
                try container.encode(map, forKey: .map)
                try container.encodeNil(forKey: .null)
                try container.encode(strings, forKey: .strings)
                try container.encode(texts, forKey: .texts)
                try container.encode(yes, forKey: .yes)
            }
        }
        #expect(json.bytes + [0x0A] == (try Self.foundation(Edges())))
        #expect(String(decoding: json.bytes, as: UTF8.self).hasPrefix("{\"doubles\":[1,0.5,"))
    }

    /// The helper's two layouts: compact has no whitespace outside strings; both end in one newline.
    @Test func theEncoderHelperWritesTheProjectLayout() throws {
        struct Record: Encodable {
            var url = "https://example.com/a/b"
            var note = "two words\n"
            var list = [1, 2]
            var empty: [Int] = []
        }
        let compact = String(decoding: try JSONEncoder.canonicalJSON(Record()), as: UTF8.self)
        #expect(compact == "{\"empty\":[],\"list\":[1,2],\"note\":\"two words\\n\",\"url\":\"https://example.com/a/b\"}\n")
        let pretty = String(decoding: try JSONEncoder.canonicalJSON(Record(), pretty: true), as: UTF8.self)
        #expect(pretty.hasPrefix("{\n  \"empty\" : [\n\n  ],\n  \"list\" : [\n    1,\n    2\n  ],\n"))
        #expect(pretty.hasSuffix("\"\n}\n"))
        #expect(try JSONEncoder.canonicalJSON(Record(), pretty: true) == Data(try Self.foundation(Record(), pretty: true)))
    }

    @Test func everyExampleReportMatchesFoundation() throws {
        let library = try ChecklistLibrary.load(RunsFixtures.packageRoot + "/content/checklists")
        var problems: [Diagnostic] = []
        let streams = StreamSet.mergeReports(archive: RunArchive.scan(RunsFixtures.packageRoot + "/content/runs"), library: library, problems: &problems)
        let reports = streams.flatMap(\.2)
        #expect(reports.count >= 12)
        for report in reports {
            let foundation = try Self.foundation(report)
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
            #expect(document.canonicalJSON() == (try Self.foundation(document)))
        }
    }
}
