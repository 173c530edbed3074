import Testing
@testable import PreflightSupport
@testable import PreflightRuns

/// One value identifies a stream everywhere: its cache text, trend path, title and order.
@Suite("Stream keys")
struct StreamKeyTests {
    @Test func aRunsStreamIsItsChecklistAndEnvironment() {
        let manifest = RunManifest(id: "s-1", checklist: "prod-deploy", environment: "EU Staging", startedAt: Timestamp(seconds: 0))
        #expect(manifest.stream == StreamKey(checklist: "prod-deploy", environment: "EU Staging"))
        #expect(manifest.stream.path == "prod-deploy/eu-staging")
        #expect(manifest.stream.title(checklistTitle: "Prod deploy") == "Prod deploy · EU Staging")
        #expect(manifest.stream.subject == "EU Staging")
    }

    @Test func cacheTextRoundTripsAndRefusesOtherShapes() {
        let key = StreamKey(checklist: "a", environment: "b c/d")
        #expect(StreamKey(cacheText: key.cacheText) == key)
        #expect(StreamKey(cacheText: "no separator") == nil)
        // An environment holding a NUL cannot be read back: that stream only loses its cache entry.
        #expect(StreamKey(cacheText: StreamKey(checklist: "a", environment: "b\u{0}c").cacheText) == nil)
    }

    @Test func aServiceIsAComponentOfItsPathTitleOrderAndCacheText() {
        let manifest = RunManifest(id: "p-1", checklist: "prod-deploy", environment: "staging", startedAt: Timestamp(seconds: 0),
                                   service: "Payments.API", owner: "team-pay")
        let key = manifest.stream
        #expect(key == StreamKey(checklist: "prod-deploy", service: "Payments.API", environment: "staging"))
        #expect(key != StreamKey(checklist: "prod-deploy", environment: "staging"))
        #expect(key.path == "prod-deploy/Payments.API/staging")
        #expect(key.siteRoot == "../../../../")
        #expect(StreamKey(checklist: "c", environment: "e").siteRoot == "../../../")
        #expect(key.title(checklistTitle: "Prod deploy") == "Prod deploy · Payments.API · staging")
        #expect(StreamKey(cacheText: key.cacheText) == key)
        #expect(StreamKey(cacheText: StreamKey(checklist: "a", service: "s", environment: "b\u{0}c").cacheText) == nil)
        let keys = [StreamKey(checklist: "a", service: "s", environment: "e"), StreamKey(checklist: "a", environment: "z")]
        #expect(keys.sorted().map(\.service) == ["s", nil])
    }

    @Test func keysSortByChecklistThenEnvironment() {
        let keys = [StreamKey(checklist: "b", environment: "a"), StreamKey(checklist: "a", environment: "z"),
                    StreamKey(checklist: "a", environment: "production")]
        #expect(keys.sorted().map(\.cacheText) == ["a\u{0}production", "a\u{0}z", "b\u{0}a"])
    }

    @Test func earlierRunsStayInTheirStream() {
        let start = Timestamp(seconds: 0)
        let runs = [
            RunManifest(id: "s-1", checklist: "c", environment: "staging", startedAt: start),
            RunManifest(id: "p-1", checklist: "c", environment: "production", startedAt: start),
            RunManifest(id: "s-2", checklist: "c", environment: "staging", startedAt: Timestamp(seconds: 60)),
        ]
        let archive = RunArchive(directory: "/runs", manifests: runs.sorted(by: RunArchive.order), problems: [])
        #expect(archive.earlierRuns(than: runs[2]).map(\.id) == ["s-1"])
        #expect(archive.streams().map(\.key.environment) == ["production", "staging"])
    }
}
