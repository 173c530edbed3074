import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightRuns
@testable import PreflightSite

/// The cache keeps each stream in a file of its own, rewritten only when that stream changed.
@Suite("Build cache: one file per stream")
struct CacheFilesTests {
    typealias Inputs = IncrementalBuildTests.Inputs

    func streamFiles(_ inputs: Inputs) throws -> [String: UInt64] {
        let folder = inputs.fixture.path(".preflight-cache/_site")
        var inodes: [String: UInt64] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name.hasPrefix("stream-") {
            let attributes = try FileManager.default.attributesOfItem(atPath: folder + "/" + name)
            inodes[name] = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value
        }
        return inodes
    }

    @Test func anUnchangedStreamsFileIsNotWrittenAgain() throws {
        let inputs = try Inputs()
        _ = try inputs.build("_site")
        let before = try streamFiles(inputs)
        let archive = RunArchive.scan(inputs.runs)
        let expected = Set(archive.streams().map { BuildCache.streamFile($0.key) })
        #expect(Set(before.keys) == expected)
        #expect(before.count >= 2)
        let summary = try inputs.build("_site")
        #expect(summary.counts.reused == summary.runs)
        #expect(try streamFiles(inputs) == before, "a rewrite makes a new inode (temporary file, then rename)")
    }

    @Test func aMissingStreamFileCostsOnlyThatStream() throws {
        let inputs = try Inputs()
        let first = try inputs.build("_site")
        let folder = inputs.fixture.path(".preflight-cache/_site")
        let archive = RunArchive.scan(inputs.runs)
        let stream = try #require(archive.streams().first { $0.key.cacheText.contains("staging") })
        try FileManager.default.removeItem(atPath: folder + "/" + BuildCache.streamFile(stream.key))
        let summary = try inputs.expectIncrementalEqualsClean("one stream's cache file deleted")
        #expect(summary.counts.rendered == stream.manifests.count)
        #expect(summary.counts.reused == first.runs - stream.manifests.count)
        #expect(FileManager.default.fileExists(atPath: folder + "/" + BuildCache.streamFile(stream.key)))
    }

    @Test func aStreamFileHoldingAnotherStreamIsIgnored() throws {
        let inputs = try Inputs()
        _ = try inputs.build("_site")
        let folder = inputs.fixture.path(".preflight-cache/_site")
        let archive = RunArchive.scan(inputs.runs)
        let names = archive.streams().map { BuildCache.streamFile($0.key) }
        try #require(names.count >= 2)
        // A file swapped for another stream's must not lend that stream's entries to this one.
        try FileManager.default.removeItem(atPath: folder + "/" + names[0])
        try FileManager.default.copyItem(atPath: folder + "/" + names[1], toPath: folder + "/" + names[0])
        let summary = try inputs.expectIncrementalEqualsClean("a stream file swapped")
        #expect(summary.counts.rendered == archive.streams()[0].manifests.count)
    }
}
