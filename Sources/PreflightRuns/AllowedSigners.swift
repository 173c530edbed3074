import Foundation
import PreflightSupport

/// A light check of an allowed_signers file (OpenSSH's format, as git uses it), so that a bad line
/// is a problem at its line and column rather than a silent "not allowed": `principals [options]
/// keytype base64-key [comment]`, options among those OpenSSH knows.
package enum AllowedSigners {
    static let options = ["cert-authority", "namespaces=", "valid-after=", "valid-before="]

    package static func problems(_ path: String) -> [Diagnostic] {
        let text: String
        do { text = try TextFile.read(path, limit: 1 << 20) } catch { return [error] }
        var problems: [Diagnostic] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
            let fields = tokens(String(line))
            guard let keyAt = fields.firstIndex(where: { isKeyType($0.text) }), keyAt >= 1, keyAt + 1 < fields.count else {
                problems.append(Diagnostic(.error, path: path, line: index + 1, column: 1,
                                           "expected 'principals [options] key-type base64-key', e.g. 'priya@example.com namespaces=\"preflight-signoff-security-lead\" ssh-ed25519 AAAA…'"))
                continue
            }
            for field in fields[1..<keyAt] {
                for option in splitOptions(field.text) where !options.contains(where: { $0.hasSuffix("=") ? option.lowercased().hasPrefix($0) : option.lowercased() == $0 }) {
                    problems.append(Diagnostic(.error, path: path, line: index + 1, column: field.column,
                                               "unknown option '\(option.prefix(40))' (OpenSSH knows cert-authority, namespaces, valid-after and valid-before; restrict roles with namespaces=\"preflight-signoff-<role>\")"))
                }
            }
        }
        return problems
    }

    private static func isKeyType(_ text: String) -> Bool {
        text.hasPrefix("ssh-") || text.hasPrefix("ecdsa-sha2-") || text.hasPrefix("sk-")
    }

    /// Whitespace-separated fields with their 1-based columns; double quotes keep spaces inside a field.
    private static func tokens(_ line: String) -> [(text: String, column: Int)] {
        var fields: [(String, Int)] = []
        var current = ""
        var start = 0
        var quoted = false
        for (offset, character) in line.enumerated() {
            if character == "\"" { quoted.toggle() }
            if (character == " " || character == "\t") && !quoted {
                if !current.isEmpty { fields.append((current, start + 1)) }
                current = ""
            } else {
                if current.isEmpty { start = offset }
                current.append(character)
            }
        }
        if !current.isEmpty { fields.append((current, start + 1)) }
        return fields
    }

    /// Comma-separated options outside quotes.
    private static func splitOptions(_ field: String) -> [String] {
        var options: [String] = []
        var current = ""
        var quoted = false
        for character in field {
            if character == "\"" { quoted.toggle() }
            if character == "," && !quoted {
                options.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        options.append(current)
        return options
    }
}
