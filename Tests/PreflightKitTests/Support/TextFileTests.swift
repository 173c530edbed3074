import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport
@testable import PreflightHistory
@testable import PreflightSite

@Suite struct TextFileTests {
    private func readError(_ path: String, limit: Int = 1 << 20) -> Diagnostic? {
        do {
            _ = try TextFile.read(path, limit: limit)
            return nil
        } catch {
            return error
        }
    }

    @Test func readsUTF8AndDropsAByteOrderMark() throws {
        let fixture = try Fixture()
        let path = try fixture.write("bom.md", Data([0xEF, 0xBB, 0xBF]) + Data("# Grüße\n".utf8))
        #expect(try TextFile.read(path, limit: 1024) == "# Grüße\n")
    }

    @Test func missingFileIsAnError() throws {
        let fixture = try Fixture()
        let diagnostic = try #require(readError(fixture.path("nope.md")))
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.message == "no such file")
        #expect(diagnostic.path == fixture.path("nope.md"))
    }

    @Test func directoryIsAnError() throws {
        let fixture = try Fixture()
        let diagnostic = try #require(readError(fixture.folder.path))
        #expect(diagnostic.message == "is a directory, not a file")
    }

    @Test func fileOverTheLimitIsAnErrorNamingBothSizes() throws {
        let fixture = try Fixture()
        let path = try fixture.write("big.md", String(repeating: "x", count: 3000))
        let diagnostic = try #require(readError(path, limit: 2048))
        #expect(diagnostic.message == "file is 2.9 KiB, over the 2.0 KiB limit")
        #expect(try TextFile.read(path, limit: 3000).count == 3000)
    }

    @Test func invalidUTF8PointsAtTheBadByte() throws {
        let fixture = try Fixture()
        let path = try fixture.write("latin1.md", Data("# T\n- [ ] caf".utf8) + Data([0xE9, 0x0A]))
        let diagnostic = try #require(readError(path))
        #expect(diagnostic.description == "\(path):2:10: error: file is not valid UTF-8 (bad byte 0xE9)")
    }

    @Test func nulBytePointsAtItsPlace() throws {
        let fixture = try Fixture()
        let path = try fixture.write("nul.md", Data("ab\ncd".utf8) + Data([0]) + Data("ef".utf8))
        let diagnostic = try #require(readError(path))
        #expect(diagnostic.line == 2)
        #expect(diagnostic.column == 3)
        #expect(diagnostic.message.contains("NUL byte"))
    }

    @Test(.disabled(if: geteuid() == 0, "root can read any file"))
    func unreadableFileIsAnError() throws {
        let fixture = try Fixture()
        let path = try fixture.write("secret.md", "- [ ] x\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: path)
        let diagnostic = try #require(readError(path))
        #expect(diagnostic.message.contains("cannot read"))
    }

    @Test func byteCountsAreHumanSized() {
        #expect(ByteCount.format(512) == "512 bytes")
        #expect(ByteCount.format(16 << 20) == "16.0 MiB")
        #expect(ByteCount.format(50_000_000) == "47.7 MiB")
    }
}
