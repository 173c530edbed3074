import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport
@testable import PreflightHistory
@testable import PreflightSite

/// The word-at-a-time scans must escape exactly what a byte-by-byte escape does, wherever the
/// special bytes fall in a word and whatever surrounds them (multi-byte UTF-8 included).
@Suite("Escaping eight bytes at a time")
struct ByteScanTests {
    static let alphabet: [String] = ["a", "Z", " ", "\n", "\t", "\u{1}", "\u{1F}", "\"", "\\", "&", "<", ">", "'", "é", "€", "😀",
                                     "\u{7F}", "/", "0", "\u{E000}"]

    static func samples() -> [String] {
        var generator = SeededGenerator(seed: 7)
        var texts = ["", "plain text without anything", String(repeating: "x", count: 64)]
        for length in [1, 7, 8, 9, 15, 16, 17, 31, 64, 200] {
            for _ in 0..<60 {
                texts.append((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }.joined())
            }
        }
        return texts
    }

    static func naiveHTML(_ text: String) -> String {
        var out = ""
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    @Test func htmlEscapingMatchesAByteByByteEscape() {
        for text in Self.samples() {
            #expect(HTMLEscaping.escape(text) == Self.naiveHTML(text), "\(Array(text.utf8))")
            var bytes: [UInt8] = [0x41]
            HTMLEscaping.append(text, to: &bytes)
            #expect(bytes == [0x41] + Array(Self.naiveHTML(text).utf8))
        }
    }

    @Test func jsonStringsMatchFoundation() throws {
        for text in Self.samples() {
            var bytes: [UInt8] = []
            JSONText.appendString(text, to: &bytes)
            let foundation = try JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes])
            // Foundation writes ["…"]: drop the brackets.
            #expect(bytes == Array(foundation.dropFirst().dropLast()), "\(Array(text.utf8))")
        }
    }

    @Test func jsonStringsParseBackToTheSameText() throws {
        for text in Self.samples() {
            var bytes: [UInt8] = Array("[".utf8)
            JSONText.appendString(text, to: &bytes)
            bytes += Array(",\"after\"]".utf8)
            #expect(try JSONValue.parse(bytes: bytes) == .array([.string(text), .string("after")]), "\(Array(text.utf8))")
        }
        // A raw control character is still refused, wherever it falls in a word.
        for offset in 0..<9 {
            let bytes = Array("\"".utf8) + Array(repeating: UInt8(ascii: "a"), count: offset) + [0x01] + Array("\"".utf8)
            #expect(throws: JSONValue.SyntaxError.self) { try JSONValue.parse(bytes: bytes) }
        }
    }
}

/// A small deterministic generator for test inputs.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state >> 11 ^ state
    }
}
