import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightImport

/// Each input that crashed a fuzz target (scripts/fuzz), fed to the API it crashed. The inputs are
/// also in the targets' corpora (`fuzz/corpus/TARGET/finding-*`), so every fuzz run replays them.
@Suite("Fuzz findings")
struct FuzzFindingTests {
    static func corpus(_ path: String) -> String {
        Fixture.packageRoot.appendingPathComponent("fuzz/corpus/\(path)").path
    }

    /// The error `body` throws, as printed; nil when it throws none.
    func message(_ body: () throws -> Any) -> String? {
        do { _ = try body(); return nil } catch { return "\(error)" }
    }

    /// Foundation's XMLParser trapped on an element name holding a byte that is not UTF-8.
    @Test func aJUnitReportWithANameThatIsNotUTF8IsAnErrorAtTheByte() throws {
        let path = Self.corpus("junit/finding-bad-utf8-name.xml")
        #expect(message { try JUnitImporter().run([path]) } == "\(path):5:281: error: file is not valid UTF-8 (bad byte 0xF4)")
    }

    /// … and on a comment holding such bytes (this one has NUL bytes first, reported as such).
    @Test func aCoverageReportWithACommentThatIsNotUTF8IsAnErrorAtTheByte() throws {
        let path = Self.corpus("coverage/finding-bad-utf8-comment.xml")
        #expect(message { try CoverageImporter(minimum: 80).run(path) } == "\(path):7:29: error: file contains a NUL byte; is it a binary file?")
        let comment = Array("<?xml version=\"1.0\"?>\n<coverage line-rate=\"1\"><!-- a ".utf8) + [0xFF, 0xFE] + Array(" -->\n</coverage>".utf8)
        #expect(message { try SafeXML.parse(comment, path: "c.xml") } == "c.xml:2:32: error: file is not valid UTF-8 (bad byte 0xFF)")
    }

    /// Foundation's XMLParser read address 0 on a processing instruction without data (`<?xml?>`
    /// is one): libxml2 hands it NULL for the data. It can sit inside a tag the parser recovers from.
    /// So did a NOTATION in a second DOCTYPE, the first being inside a comment.
    @Test(arguments: [("coverage/finding-pi-without-data.xml", "malformed XML"), ("coverage/finding-pi-in-a-tag.xml", "malformed XML"),
                      ("junit/finding-pi-after-a-bad-declaration.xml", "malformed XML"),
                      ("coverage/finding-notation-after-a-doctype-in-a-comment.xml", "notation declarations are not accepted")])
    func aProcessingInstructionWithoutDataOrANotationIsAnErrorNotACrash(file: String, says: String) throws {
        let path = Self.corpus(file)
        let message = message { file.hasPrefix("junit") ? try JUnitImporter().run([path]) : try CoverageImporter(minimum: 80).run(path) }
        #expect(message?.hasPrefix("\(path):") == true)
        #expect(message?.contains(says) == true)
    }

    /// A result's `observed_at` + an enormous `valid_for` overflowed Int when printed (a trap).
    @Test func aValidityBeyondYear9999PrintsAsItsEndInsteadOfTrapping() throws {
        let input = try String(contentsOfFile: Self.corpus("time/finding-huge-duration"), encoding: .utf8)
        let lines = input.split(separator: "\n").map(String.init)
        let observed = try #require(Timestamp(lines[0]))
        let duration = try #require(ISODuration(lines[1]))
        let result = ProbeResult(item: "a", status: .pass, summary: nil, details: nil, probe: nil, observedAt: observed, durationMs: nil,
                                 evidence: [], validFor: duration, expiresAt: nil, source: RecordSource(run: "r", file: "f.json", path: "$"))
        #expect(result.validUntil?.text == "9999-12-31T23:59:59Z")
        #expect(result.validUntil?.display == "9999-12-31 23:59 UTC")
        #expect(Timestamp(seconds: -1e300).text == "0000-01-01T00:00:00Z")
        #expect(Timestamp(seconds: .infinity).text == "9999-12-31T23:59:59Z")
        #expect(Timestamp(seconds: .nan).text == "1970-01-01T00:00:00Z")
    }

    /// So many digits that the seconds are infinite: not a duration.
    @Test func aDurationOfInfinitelyManySecondsIsRefused() {
        #expect(ISODuration("P" + String(repeating: "9", count: 400) + "D") == nil)
        #expect(ISODuration("P" + String(repeating: "9", count: 300) + "D")?.seconds.isFinite == true)
    }

    /// An offset must not move a time out of the years 0000-9999: it could not be printed back.
    @Test func aTimeThatAnOffsetMovesOutOfFourDigitYearsIsRefused() {
        #expect(Timestamp("0000-01-01T00:30+01:00") == nil)
        #expect(Timestamp("9999-12-31T23:30-01:00") == nil)
        #expect(Timestamp("0000-01-01T00:30+00:30")?.text == "0000-01-01T00:30+00:30")
        #expect(Timestamp("9999-12-31T23:59:59.999Z").map { Timestamp.format($0.seconds) } == "9999-12-31T23:59:59Z")
    }
}
