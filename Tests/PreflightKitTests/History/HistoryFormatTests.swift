import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightReport
@testable import PreflightHistory

/// history.json format 2: an item's states are one string, a letter per run; format 1 still reads.
@Suite struct HistoryFormatTests {
    @Test func statesAreALetterPerRunAndReadBack() throws {
        var document = HistoryDocument(StreamHistory(HistoryFixtures.stream([.pending, .fail, .pass, .waived, .warn, .skip, .done])))
        document.items["gone/in/some/runs"] = [nil, .pass, nil, .fail, nil, nil, .pending]
        let bytes = document.canonicalJSON()
        let json = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(json["format"] as? Int == 2)
        let items = try #require(json["items"] as? [String: String])
        #expect(items["gone/in/some/runs"] == "-p-f--n")
        #expect(items.values.contains("nfpvwsd"))
        let decoded = try JSONDecoder().decode(HistoryDocument.self, from: Data(bytes))
        #expect(decoded == document)
    }

    @Test func aFormatOneFileStillReads() throws {
        let document = HistoryDocument(StreamHistory(HistoryFixtures.stream([.pass, .fail])))
        var json = try #require(try JSONSerialization.jsonObject(with: Data(document.canonicalJSON())) as? [String: Any])
        json["format"] = nil
        json["items"] = document.items.mapValues { $0.map { $0?.rawValue ?? NSNull() as Any } }
        let decoded = try JSONDecoder().decode(HistoryDocument.self, from: try JSONSerialization.data(withJSONObject: json))
        #expect(decoded.items == document.items)
        #expect(decoded.format == nil)
    }

    @Test func anUnknownLetterIsAnError() throws {
        let text = String(decoding: HistoryDocument(StreamHistory(HistoryFixtures.stream([.pass, .fail]))).canonicalJSON(), as: UTF8.self)
            .replacingOccurrences(of: "\"pf\"", with: "\"px\"")
        #expect(text.contains("\"px\""))
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(HistoryDocument.self, from: Data(text.utf8)) }
    }
}
