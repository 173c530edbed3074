import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport
@testable import PreflightHistory
@testable import PreflightSite

@Suite("ISO-8601 times and durations")
struct TimestampTests {
    @Test(arguments: [
        ("2026-10-05", "2026-10-05T00:00:00Z"),
        ("2026-10-05T09:30Z", "2026-10-05T09:30:00Z"),
        ("2026-10-05T09:30:15Z", "2026-10-05T09:30:15Z"),
        ("2026-10-05t09:30:15z", "2026-10-05T09:30:15Z"),
        ("2026-10-05 09:30:15Z", "2026-10-05T09:30:15Z"),
        ("2026-10-05T09:30:15.250+02:00", "2026-10-05T07:30:15Z"),
        ("2026-10-05T09:30:15-0530", "2026-10-05T15:00:15Z"),
        ("2024-02-29T23:59:59Z", "2024-02-29T23:59:59Z"),
        ("1969-12-31T23:00:00Z", "1969-12-31T23:00:00Z"),
        ("2026-01-01T01:00:00+02:00", "2025-12-31T23:00:00Z"),
    ])
    func parsesAndNormalises(_ text: String, _ utc: String) throws {
        let time = try #require(Timestamp(text))
        #expect(time.text == text, "the text is kept as written")
        #expect(Timestamp.format(time.seconds.rounded(.down)) == utc)
    }

    @Test(arguments: [
        "", "yesterday", "2026-13-01", "2026-02-29", "2026-04-31", "2026-10-05T24:00Z", "2026-10-05T09:60Z",
        "2026-10-05T09:30", "2026-10-05T09:30:00+2", "2026-10-05T09:30:00.Z", "2026-10-5", "26-10-05", "2026-10-05Z",
    ])
    func rejects(_ text: String) {
        #expect(Timestamp(text) == nil)
    }

    @Test func comparesInstantsNotText() throws {
        let a = try #require(Timestamp("2026-10-05T11:00:00+02:00"))
        let b = try #require(Timestamp("2026-10-05T09:00:00Z"))
        let c = try #require(Timestamp("2026-10-05T09:00:01Z"))
        #expect(a == b)
        #expect(b < c)
        #expect(a.display == "2026-10-05 09:00 UTC")
        #expect(a.day == "2026-10-05")
    }

    @Test func roundTripsThroughCodableAsItsText() throws {
        let time = try #require(Timestamp("2026-10-05T09:30:00+02:00"))
        let data = try JSONEncoder().encode([time])
        #expect(String(decoding: data, as: UTF8.self) == #"["2026-10-05T09:30:00+02:00"]"#)
        #expect(try JSONDecoder().decode([Timestamp].self, from: data) == [time])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Timestamp].self, from: Data(#"["soon"]"#.utf8)) }
    }

    static let durationTable: [(String, Double)] = [
        ("P30D", 2_592_000), ("PT12H", 43_200), ("P1W", 604_800), ("P1Y2M", 36_720_000),
        ("PT1H30M15S", 5_415), ("P1DT1H", 90_000), ("PT0.5S", 0.5), ("PT1,5H", 5_400), ("p2d", 172_800),
    ]

    @Test(arguments: durationTable)
    func durations(_ text: String, _ seconds: Double) throws {
        let duration = try #require(ISODuration(text))
        #expect(duration.seconds == seconds)
        #expect(duration.text == text)
    }

    @Test(arguments: ["", "P", "PT", "30D", "P30", "P1H", "PT1D", "PTT1H", "P-1D", "30 days", "P1.2.3D"])
    func rejectsDurations(_ text: String) {
        #expect(ISODuration(text) == nil)
    }
}
