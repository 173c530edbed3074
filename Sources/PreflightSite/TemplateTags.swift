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

    static func scan(_ source: String) -> [Tag] {
        var tags: [Tag] = []
        let characters = Array(source)
        var line = 1
        var column = 1
        var index = 0
        while index < characters.count {
            if characters[index] == "{", index + 1 < characters.count, characters[index + 1] == "{" {
                let startLine = line
                let startColumn = column
                var end = index + 2
                while end + 1 < characters.count, !(characters[end] == "}" && characters[end + 1] == "}") { end += 1 }
                var body = String(characters[(index + 2)..<min(end, characters.count)])
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
                let stop = min(end + 2, characters.count)
                while index < stop {
                    if characters[index] == "\n" { line += 1; column = 1 } else { column += 1 }
                    index += 1
                }
                continue
            }
            if characters[index] == "\n" { line += 1; column = 1 } else { column += 1 }
            index += 1
        }
        return tags
    }
}
