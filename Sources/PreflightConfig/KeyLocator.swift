/// Where each key of a TOML text is: TOMLKit parses values but gives no positions, and every
/// config error must point at `preflight.toml:line:col`. A scanner that knows table headers,
/// `key = value` lines, strings (so a `=` or `#` inside one misleads nothing), comments,
/// brackets and inline tables is enough; TOMLKit has already rejected text it cannot parse.
struct KeyLocator {
    struct Position: Sendable, Equatable {
        var line: Int
        var column: Int
    }

    /// Dotted key path → the key's position and its value's.
    private(set) var keys: [String: (key: Position, value: Position)] = [:]
    /// Dotted table path → its `[header]`'s position.
    private(set) var tables: [String: Position] = [:]

    init(_ text: String) {
        var scanner = Scanner(Array(text.unicodeScalars))
        var table: [String] = []
        while !scanner.atEnd {
            scanner.skipBlank()
            guard let char = scanner.peek else { break }
            if char == "\n" || char == "#" {
                scanner.skipLine()
            } else if char == "[" {
                let start = scanner.position
                scanner.advance()
                if scanner.peek == "[" { scanner.advance() }
                table = scanner.keyPath(until: "]")
                tables[table.joined(separator: ".")] = start
                scanner.skipLine()
            } else {
                scanKeyValue(&scanner, prefix: table)
                scanner.skipLine()
            }
        }
    }

    /// The position of `path`'s key, else of the nearest enclosing key or table, else the start.
    func key(_ path: [String]) -> Position {
        var path = path
        while !path.isEmpty {
            let joined = path.joined(separator: ".")
            if let found = keys[joined] { return found.key }
            if let found = tables[joined] { return found }
            path.removeLast()
        }
        return Position(line: 1, column: 1)
    }

    /// The position of `path`'s value (for wrong types and bad values).
    func value(_ path: [String]) -> Position {
        keys[path.joined(separator: ".")]?.value ?? key(path)
    }

    /// `key = value` at the scanner; inline tables record their keys too.
    private mutating func scanKeyValue(_ scanner: inout Scanner, prefix: [String]) {
        scanner.skipBlank()
        let start = scanner.position
        let path = prefix + scanner.keyPath(until: "=")
        scanner.skipBlank()
        let value = scanner.position
        keys[path.joined(separator: ".")] = (start, value)
        scanValue(&scanner, prefix: path)
    }

    /// Skips one value, descending into arrays and inline tables.
    private mutating func scanValue(_ scanner: inout Scanner, prefix: [String]) {
        scanner.skipBlank()
        switch scanner.peek {
        case "{":
            scanner.advance()
            while !scanner.atEnd {
                scanner.skipSpace()
                if scanner.peek == "}" { scanner.advance(); return }
                if scanner.peek == "," { scanner.advance(); continue }
                scanKeyValue(&scanner, prefix: prefix)
            }
        case "[":
            scanner.advance()
            while !scanner.atEnd {
                scanner.skipSpace()
                if scanner.peek == "]" { scanner.advance(); return }
                if scanner.peek == "," { scanner.advance(); continue }
                let before = scanner.position
                scanValue(&scanner, prefix: prefix)
                if scanner.position == before { scanner.advance() }
            }
        case "\"", "'":
            scanner.skipString()
        default:
            // A number, boolean or date: up to a separator.
            while let char = scanner.peek, !" \t\n,]}#".unicodeScalars.contains(char) { scanner.advance() }
        }
    }
}

/// A cursor over the text's scalars that counts lines and columns (columns in characters, 1-based).
private struct Scanner {
    let text: [Unicode.Scalar]
    var index = 0
    var position = KeyLocator.Position(line: 1, column: 1)

    init(_ text: [Unicode.Scalar]) { self.text = text }

    var atEnd: Bool { index >= text.count }
    var peek: Unicode.Scalar? { index < text.count ? text[index] : nil }

    func peek(_ offset: Int) -> Unicode.Scalar? { index + offset < text.count ? text[index + offset] : nil }

    mutating func advance() {
        guard index < text.count else { return }
        if text[index] == "\n" {
            position.line += 1
            position.column = 1
        } else if text[index] != "\r" {
            position.column += 1
        }
        index += 1
    }

    /// Spaces and tabs.
    mutating func skipBlank() {
        while peek == " " || peek == "\t" || peek == "\r" { advance() }
    }

    /// Spaces, newlines and comments, as inside arrays and inline tables.
    mutating func skipSpace() {
        while let char = peek {
            if char == "#" {
                while let next = peek, next != "\n" { advance() }
            } else if char == " " || char == "\t" || char == "\r" || char == "\n" {
                advance()
            } else {
                return
            }
        }
    }

    /// To the start of the next line (past a trailing comment).
    mutating func skipLine() {
        while let char = peek, char != "\n" { advance() }
        advance()
    }

    /// A dotted key (`a."b.c".d`) up to `end`, which is consumed.
    mutating func keyPath(until end: Unicode.Scalar) -> [String] {
        var parts: [String] = []
        var current = ""
        while let char = peek, char != "\n" {
            if char == end {
                advance()
                break
            }
            if char == "\"" || char == "'" {
                current += readQuoted()
            } else if char == "." {
                parts.append(current)
                current = ""
                advance()
            } else {
                if char != " " && char != "\t" { current.unicodeScalars.append(char) }
                advance()
            }
        }
        parts.append(current)
        if end == "]", peek == "]" { advance() }
        return parts
    }

    /// A one-line quoted key; escapes in basic strings are kept as written but for `\"`.
    private mutating func readQuoted() -> String {
        let quote = peek
        advance()
        var out = ""
        while let char = peek, char != "\n" {
            advance()
            if char == quote { break }
            if char == "\\" && quote == "\"", let next = peek {
                out.unicodeScalars.append(next)
                advance()
                continue
            }
            out.unicodeScalars.append(char)
        }
        return out
    }

    /// A string value of any of TOML's four kinds.
    mutating func skipString() {
        guard let quote = peek else { return }
        if peek(1) == quote && peek(2) == quote {
            advance(); advance(); advance()
            while !atEnd {
                if peek == "\\" && quote == "\"" {
                    advance(); advance()
                    continue
                }
                if peek == quote && peek(1) == quote && peek(2) == quote {
                    advance(); advance(); advance()
                    // Up to two more quotes may belong to the string.
                    while peek == quote { advance() }
                    return
                }
                advance()
            }
            return
        }
        advance()
        while let char = peek, char != "\n" {
            advance()
            if char == "\\" && quote == "\"" { advance(); continue }
            if char == quote { return }
        }
    }
}
