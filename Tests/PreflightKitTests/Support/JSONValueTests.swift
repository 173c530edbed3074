import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport
@testable import PreflightHistory
@testable import PreflightSite

@Suite("JSONValue parser")
struct JSONValueTests {
    @Test func parsesEveryKindOfValueAndKeepsKeyOrder() throws {
        let value = try JSONValue.parse(#"{"b": [1, -2.5e2, true, false, null], "a": "x\n\u00e9\ud83d\ude80\/", "c": {}}"#)
        guard case .object(let pairs) = value else {
            Issue.record("expected an object, got \(value)")
            return
        }
        #expect(pairs.map(\.key) == ["b", "a", "c"])
        #expect(pairs[0].value == .array([.number(1), .number(-250), .bool(true), .bool(false), .null]))
        #expect(value["a"] == .string("x\né🚀/"))
        #expect(value["c"] == .object([]))
        #expect(value["missing"] == nil)
        #expect(JSONValue.string("s")["a"] == nil)
    }

    @Test func skipsAByteOrderMark() throws {
        let value = try JSONValue.parse(Data([0xEF, 0xBB, 0xBF] + Array("[1]".utf8)))
        #expect(value == .array([.number(1)]))
    }

    @Test(arguments: [
        ("", 1, 1, "the file is empty; expected a JSON value"),
        ("{\"a\": 1,}", 1, 9, "expected a quoted key"),
        ("[1 2]", 1, 4, "expected ',' or ']' in array"),
        ("{\"a\" 1}", 1, 6, "expected ':' after key \"a\""),
        ("{\n  \"a\": tru\n}", 2, 8, "invalid literal; expected 'true'"),
        ("\"abc", 1, 5, "unterminated string"),
        ("01", 1, 3, "numbers may not have leading zeros"),
        ("1.", 1, 3, "invalid number: digits expected after '.'"),
        ("[1] x", 1, 5, "unexpected text after the JSON value"),
        ("\"\\q\"", 1, 4, "invalid escape '\\q' in string"),
        ("\"a\tb\"", 1, 3, "control character in string; escape it as \\u0009"),
        ("\n\n   @", 3, 4, "unexpected character '@'; expected a value"),
        // The issue's case: a second "results" would silently replace the first one's failures.
        ("{\"results\": [{\"status\": \"fail\"}],\n \"results\": []}", 2, 2, "duplicate key \"results\" in object"),
        ("[{\"a\": 1}, {\"b\": {\"x\": 1, \"x\": 2}}]", 1, 27, "duplicate key \"x\" in object"),
    ])
    func syntaxErrorsHaveLineAndColumn(_ text: String, _ line: Int, _ column: Int, _ message: String) {
        #expect(throws: JSONValue.SyntaxError(line: line, column: column, message: message)) { try JSONValue.parse(text) }
    }

    @Test func aRepeatedKeyInALargeObjectIsFoundToo() {
        let keys = (0..<40).map { "\"k\($0)\": \($0)" } + ["\"k7\": 0"]
        let text = "{" + keys.joined(separator: ", ") + "}"
        let error = #expect(throws: JSONValue.SyntaxError.self) { try JSONValue.parse(text) }
        #expect(error?.message == "duplicate key \"k7\" in object")
        #expect(error?.column == text.utf8.count - 7)
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let error = #expect(throws: JSONValue.SyntaxError.self) { try JSONValue.parse(text) }
        #expect(error?.message == "JSON nested deeper than 256 levels")
        #expect(error?.column == 257)
    }

    @Test func typeNamesReadInMessages() {
        #expect(JSONValue.null.typeName == "null")
        #expect(JSONValue.bool(true).typeName == "a boolean")
        #expect(JSONValue.number(1).typeName == "a number")
        #expect(JSONValue.string("").typeName == "a string")
        #expect(JSONValue.array([]).typeName == "an array")
        #expect(JSONValue.object([]).typeName == "an object")
    }
}
