import Foundation
import Testing
@testable import PreflightKit

/// report.json digests depend on these bytes: the fast encoder must write exactly what
/// Foundation's JSONEncoder writes with the same settings.
@Suite("Canonical JSON")
struct CanonicalJSONTests {
    static func foundation<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
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
    }

    @Test func everyExampleReportMatchesFoundation() throws {
        let library = try ChecklistLibrary.load(RunsFixtures.packageRoot + "/content/checklists")
        var problems: [Diagnostic] = []
        let streams = StreamSet.merge(archive: RunArchive.scan(RunsFixtures.packageRoot + "/content/runs"), library: library, problems: &problems)
        let reports = streams.flatMap(\.reports)
        #expect(reports.count >= 12)
        for report in reports {
            let fast = try CanonicalJSON.encode(report)
            #expect(fast == (try Self.foundation(report)), "\(report.run.id)")
        }
    }
}
