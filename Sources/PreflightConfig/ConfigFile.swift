import Foundation
import PreflightSupport
import PreflightChecklist
import TOMLKit

/// Reads the text of a `preflight.toml` into settings, checking every key against
/// `ConfigKey.all`: an unknown key, a wrong type or a bad value is an error at its line:col.
enum ConfigFile {
    /// The settings the text sets, each with the line of its key. Paths are made relative to
    /// `folder` (the folder holding the file), unless absolute.
    static func read(_ text: String, path: String, folder: String) throws(DiagnosticList) -> [ConfigKey: (ConfigValue, line: Int)] {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw DiagnosticList([.error(path, line: error.source.begin.line, column: error.source.begin.column, error.description)])
        } catch {
            throw DiagnosticList([.error(path, line: 1, column: 1, "cannot parse the file: \(error)")])
        }
        let locator = KeyLocator(text)
        var found: [ConfigKey: (ConfigValue, line: Int)] = [:]
        var problems: [Diagnostic] = []
        func problem(at position: KeyLocator.Position, _ message: String) {
            problems.append(.error(path, line: position.line, column: position.column, message))
        }
        // `[[import]]` is a list of mappings, read by `imports`.
        for name in table.keys where name != "import" {
            guard ConfigKey.tables.contains(name) else {
                problem(at: locator.key([name]), "unknown \(table[name]?.type == .table ? "table" : "key") '\(name)'"
                        + Suggestion.text(for: [name]))
                continue
            }
            guard let section = table[name]?.table else {
                problem(at: locator.value([name]), "\(name): expected a table, found \(Self.typeName(table[name]))")
                continue
            }
            for member in section.keys {
                guard let key = ConfigKey.all.first(where: { $0.table == name && $0.name == member }) else {
                    problem(at: locator.key([name, member]), "unknown key '\(name).\(member)'" + Suggestion.text(for: [name, member]))
                    continue
                }
                let position = locator.value([name, member])
                switch check(section[member], as: key) {
                case .success(var value):
                    if key.table == "paths", case .string(let relative) = value { value = .string(Self.resolve(relative, in: folder)) }
                    found[key] = (value, locator.key([name, member]).line)
                case .failure(let failure):
                    problem(at: position, failure.message)
                }
            }
        }
        if !problems.isEmpty {
            throw DiagnosticList(problems.sorted { ($0.line ?? 0, $0.column ?? 0) < ($1.line ?? 0, $1.column ?? 0) })
        }
        return found
    }

    private struct Problem: Error { let message: String }

    /// The value, or what is wrong with it.
    private static func check(_ raw: TOMLValueConvertible?, as key: ConfigKey) -> Result<ConfigValue, Problem> {
        func wrong(_ expected: String) -> Result<ConfigValue, Problem> {
            .failure(Problem(message: "\(key): expected \(expected), found \(typeName(raw))"))
        }
        func bad(_ message: String) -> Result<ConfigValue, Problem> { .failure(Problem(message: "\(key) \(message)")) }
        switch key.kind {
        case .text, .url, .choice:
            guard let text = raw?.string else { return wrong("a string") }
            if text.trimmingCharacters(in: .whitespaces).isEmpty { return bad("must not be empty") }
            if case .choice(let words) = key.kind, !words.contains(text) {
                let quoted = words.map { "\"\($0)\"" }
                let choices = quoted.count > 2 ? quoted.dropLast().joined(separator: ", ") + " or " + (quoted.last ?? "") : quoted.joined(separator: " or ")
                return bad("must be \(choices), found \(ConfigValue.quote(text))")
            }
            if case .url = key.kind, let problem = urlProblem(text) { return bad(problem) }
            return .success(.string(text))
        case .list(let nonEmpty):
            guard raw?.type == .array, let array = raw?.array else { return wrong("an array of strings") }
            var list: [String] = []
            for (index, element) in array.enumerated() {
                guard let text = element.string else {
                    return .failure(Problem(message: "\(key)[\(index)]: expected a string, found \(typeName(element))"))
                }
                if text.trimmingCharacters(in: .whitespaces).isEmpty { return .failure(Problem(message: "\(key)[\(index)] must not be empty")) }
                if list.contains(text) { return .failure(Problem(message: "\(key)[\(index)] repeats \(ConfigValue.quote(text))")) }
                list.append(text)
            }
            if nonEmpty && list.isEmpty { return bad("must name at least one heading") }
            return .success(.strings(list))
        case .duration:
            guard let text = raw?.string else { return wrong("a string") }
            guard let duration = ISODuration(text), duration.seconds > 0 else {
                return bad("must be an ISO-8601 duration longer than zero such as \"P14D\" or \"PT36H\", found \(ConfigValue.quote(text))")
            }
            return .success(.string(duration.text))
        case .count(let least):
            guard raw?.type == .int, let number = raw?.int else { return wrong("an integer") }
            if number < least { return bad("must be at least \(least), found \(number)") }
            return .success(.int(number))
        case .flag:
            guard raw?.type == .bool, let flag = raw?.bool else { return wrong("true or false") }
            return .success(.bool(flag))
        case .windows:
            guard raw?.type == .array, let array = raw?.array else { return wrong("an array of strings") }
            var list: [String] = []
            for (index, element) in array.enumerated() {
                guard let text = element.string else {
                    return .failure(Problem(message: "\(key)[\(index)]: expected a string, found \(typeName(element))"))
                }
                guard PhaseRule.entry(text) != nil else {
                    return .failure(Problem(message: "\(key)[\(index)] must be \"heading words=ISO-8601 duration\" such as \"First Hour=PT1H\", found \(ConfigValue.quote(text))"))
                }
                list.append(text)
            }
            return .success(.strings(list))
        }
    }

    /// Why `text` is no http(s) base URL, or nil.
    static func urlProblem(_ text: String) -> String? {
        guard let url = URLComponents(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            return "must be an http:// or https:// URL, found \(ConfigValue.quote(text))"
        }
        guard let host = url.host, !host.isEmpty else { return "has no host: \(ConfigValue.quote(text))" }
        if url.query != nil || url.fragment != nil { return "must not have a query or fragment: \(ConfigValue.quote(text))" }
        return nil
    }

    /// "a string", "an integer", …: the TOML type of a value, for messages.
    static func typeName(_ value: TOMLValueConvertible?) -> String {
        switch value?.type {
        case .string: return "a string"
        case .int: return "an integer"
        case .double: return "a float"
        case .bool: return "a boolean"
        case .array: return "an array"
        case .table: return "a table"
        case .date: return "a date"
        case .time: return "a time"
        case .dateTime: return "a date-time"
        case nil: return "nothing"
        }
    }

    private static func resolve(_ path: String, in folder: String) -> String {
        if path.hasPrefix("/") || folder.isEmpty || folder == "." { return path }
        return (folder as NSString).appendingPathComponent(path)
    }
}

/// "; did you mean 'paths.output'?" for a misspelt key: the nearest known key by edit distance.
enum Suggestion {
    static func text(for path: [String]) -> String {
        let candidates: [String]
        let typed: String
        if path.count == 1 {
            // At the top level: a table name, or a key that belongs in a table.
            typed = path[0]
            candidates = ConfigKey.tables + ConfigKey.all.map(\.description)
            if let home = ConfigKey.all.first(where: { $0.name == typed }) { return "; did you mean '\(home)' (under [\(home.table)])?" }
        } else {
            typed = path.joined(separator: ".")
            candidates = ConfigKey.all.map(\.description)
            if let elsewhere = ConfigKey.all.first(where: { $0.name == path.last }) { return "; did you mean '\(elsewhere)'?" }
        }
        let ranked = candidates.map { ($0, distance(typed.lowercased(), $0)) }.min { $0.1 < $1.1 }
        if let (best, cost) = ranked, cost <= max(2, typed.count / 3) { return "; did you mean '\(best)'?" }
        if path.count > 1 {
            let known = ConfigKey.all.filter { $0.table == path[0] }.map(\.name)
            return " (known keys of [\(path[0])]: \(known.joined(separator: ", ")))"
        }
        return " (known tables: \(ConfigKey.tables.joined(separator: ", ")))"
    }

    /// Levenshtein distance.
    static func distance(_ a: String, _ b: String) -> Int {
        let (x, y) = (Array(a), Array(b))
        if x.isEmpty { return y.count }
        var row = Array(0...y.count)
        for i in 1...x.count {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: y.count, by: 1) {
                let saved = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (x[i - 1] == y[j - 1] ? 0 : 1))
                previous = saved
            }
        }
        return row[y.count]
    }
}
