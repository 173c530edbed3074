import Foundation
import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport
import PreflightHistory

/// A light scan of a template's tags with their positions, used to place template errors.
struct TemplateTags {
    enum Kind { case variable, section, inverted, close, partial, comment }

    struct Tag {
        var kind: Kind
        var name: String
        var line: Int
        var column: Int
        /// The transform applied to the name (`uppercased` in `{{uppercased(summary)}}`), if any.
        var transform: String?
    }

    /// `empty(items)` looks up `items`.
    static func variableName(_ name: String) -> String {
        guard let open = name.lastIndex(of: "("), let close = name.firstIndex(of: ")"), open < close else { return name }
        return String(name[name.index(after: open)..<close]).trimmingCharacters(in: .whitespaces)
    }

    /// The tags of `source` in order. Scans UTF-8 bytes: the delimiters are ASCII, and a column
    /// counts Unicode scalars (a continuation byte starts none), which is what editors show for
    /// all but combining sequences. Every build scans every template, so this stays linear and
    /// never splits the source into Characters.
    static func scan(_ source: String) -> [Tag] {
        var tags: [Tag] = []
        let bytes = Array(source.utf8)
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}"), newline = UInt8(ascii: "\n")
        var line = 1
        var column = 1
        var index = 0
        func advance(to stop: Int) {
            while index < stop {
                if bytes[index] == newline { line += 1; column = 1 } else if bytes[index] & 0xC0 != 0x80 { column += 1 }
                index += 1
            }
        }
        while index < bytes.count {
            guard bytes[index] == open, index + 1 < bytes.count, bytes[index + 1] == open else {
                advance(to: index + 1)
                continue
            }
            let startLine = line
            let startColumn = column
            var end = index + 2
            while end + 1 < bytes.count, !(bytes[end] == close && bytes[end + 1] == close) { end += 1 }
            if end + 1 >= bytes.count { end = bytes.count }  // never closed: the tag runs to the end
            var body = String(decoding: bytes[(index + 2)..<end], as: UTF8.self)
            var kind = Kind.variable
            if let first = body.first {
                switch first {
                case "#": kind = .section
                case "^": kind = .inverted
                case "/": kind = .close
                case ">": kind = .partial
                case "!": kind = .comment
                default: break
                }
                if "#^/>!&{".contains(first) { body.removeFirst() }
            }
            let name = body.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "}"))
                .trimmingCharacters(in: .whitespaces)
            let transform = name.firstIndex(of: "(").map { String(name[..<$0]).trimmingCharacters(in: .whitespaces) }
            tags.append(Tag(kind: kind, name: variableName(name), line: startLine, column: startColumn, transform: transform))
            advance(to: min(end + 2, bytes.count))
        }
        return tags
    }
}
