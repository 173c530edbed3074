import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport

/// report.json format 2 writes each result once; format 1 reports (already published) still read.
@Suite struct ReportFormatTests {
    static func report() throws -> RunReport {
        let checklist = ChecklistParser().parse("""
            # T
            ## Work
            - [ ] Smoke
            - [ ] Lint
            - [ ] Docs
            """, name: "t", path: "t.md").checklist
        let ids = checklist.items.map(\.id)
        let start = try #require(Timestamp("2026-10-01T10:00:00Z"))
        func result(_ item: String, _ status: ResultStatus, run: String, path: String, validFor: String? = nil) -> ProbeResult {
            ProbeResult(item: item, status: status, summary: "\(status)", details: nil, probe: "p", observedAt: start, durationMs: nil,
                        evidence: [], validFor: validFor.flatMap(ISODuration.init), expiresAt: nil,
                        source: RecordSource(run: run, file: "a.json", path: path))
        }
        var carry = CarryPool()
        carry.add(RunInput(folder: "f", manifest: RunManifest(id: "r-0", checklist: "t", environment: "e", startedAt: start),
                           results: [result(ids[2], .pass, run: "r-0", path: "$[0]", validFor: "P30D")], waivers: [], signoffs: [], problems: []))
        let later = try #require(Timestamp("2026-10-02T10:00:00Z"))
        let input = RunInput(folder: "f", manifest: RunManifest(id: "r-1", checklist: "t", environment: "e", startedAt: later),
                             results: [result(ids[0], .fail, run: "r-1", path: "$[0]"), result(ids[0], .pass, run: "r-1", path: "$[1]"),
                                       result(ids[1], .warn, run: "r-1", path: "$[2]")],
                             waivers: [], signoffs: [], problems: [])
        return ReportBuilder(checklist: checklist).build(input, carry: carry)
    }

    @Test func eachResultIsWrittenOnceAndDecodesBackWhole() throws {
        let report = try Self.report()
        let bytes = report.canonicalJSON(relativeTo: "/nowhere")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(json["format"] as? Int == 2)
        let items = try #require(json["items"] as? [[String: Any]])
        let smoke = items[0], lint = items[1], docs = items[2]
        // The newer of two results decides, named by its index; no result repeats the item id.
        #expect(smoke["decided_by"] as? Int == 1)
        #expect((smoke["results"] as? [[String: Any]])?.allSatisfy { $0["item"] == nil } == true)
        #expect(((smoke["results"] as? [[String: Any]])?[1]["source"] as? [String: Any])?["path"] as? String == "$[1]")
        #expect(lint["decided_by"] as? Int == 0)
        // A result carried from an earlier run is not among this run's results: it is written whole.
        #expect(docs["decided_by"] == nil)
        #expect(docs["carried_from"] as? String == "r-0")
        let carried = try #require(docs["carried"] as? [String: Any])
        #expect(carried["status"] as? String == "pass" && carried["item"] == nil)
        let decoded = try JSONDecoder().decode(RunReport.self, from: Data(bytes))
        #expect(decoded.items == report.items)
        #expect(decoded.format == 2)
        #expect(decoded.items[0].decidedBy?.item == report.items[0].id)
        #expect(decoded.items[2].decidedBy?.source.run == "r-0")
    }

    /// A site published before format 2 still answers `verify`: its report.json decodes.
    @Test func aFormatOneReportStillDecodes() throws {
        let report = try Self.report()
        var json = try #require(try JSONSerialization.jsonObject(with: Data(report.canonicalJSON(relativeTo: "/"))) as? [String: Any])
        json["format"] = nil
        json["items"] = try #require(json["items"] as? [[String: Any]]).map { item -> [String: Any] in
            var item = item
            let id = item["id"] ?? ""
            var results = (item["results"] as? [[String: Any]] ?? []).map { $0.merging(["item": id]) { $1 } }
            if let index = item["decided_by"] as? Int { item["decided_by"] = results[index] }
            if let carried = item.removeValue(forKey: "carried") as? [String: Any] { item["decided_by"] = carried.merging(["item": id]) { $1 } }
            item["results"] = results
            return item
        }
        let decoded = try JSONDecoder().decode(RunReport.self, from: try JSONSerialization.data(withJSONObject: json))
        #expect(decoded.format == nil)
        #expect(decoded.items == report.items)
    }

    @Test func aDecidedByOutsideTheResultsIsAnError() throws {
        let report = try Self.report()
        let text = String(decoding: report.canonicalJSON(relativeTo: "/"), as: UTF8.self)
            .replacingOccurrences(of: "\"decided_by\":1", with: "\"decided_by\":7")
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(RunReport.self, from: Data(text.utf8)) }
    }
}
