import Foundation
import PreflightSupport
import PreflightImport
import TOMLKit

extension ConfigFile {
    static let importKeys = ["files", "format", "item", "max_failures", "fail_on", "fail_on_severity", "min", "by"]

    /// The `[[import]]` entries, each checked: known keys, types, a format, and what it needs.
    /// `read` has already parsed the text, so a syntax error cannot reach this point.
    static func imports(_ text: String, path: String, folder: String) throws(DiagnosticList) -> [ImportMapping] {
        guard let table = try? TOMLTable(string: text), let raw = table["import"] else { return [] }
        let locator = KeyLocator(text)
        guard let array = raw.array else {
            let at = locator.key(["import"])
            throw DiagnosticList([.error(path, line: at.line, column: at.column, "import: expected an array of tables ([[import]]), found \(typeName(raw))")])
        }
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        let headers = lines.indices.filter { lines[$0].trimmingCharacters(in: .whitespaces).hasPrefix("[[import]]") }.map { $0 + 1 }
        var mappings: [ImportMapping] = []
        var problems: [Diagnostic] = []
        for (index, element) in array.enumerated() {
            let line = index < headers.count ? headers[index] : 1
            func problem(_ message: String) { problems.append(.error(path, line: line, column: 1, "import[\(index)]: \(message)")) }
            guard let entry = element.table else { problem("expected a table"); continue }
            for key in entry.keys where !importKeys.contains(key) {
                problem("unknown key '\(key)' (known: \(importKeys.joined(separator: ", ")))")
            }
            func string(_ key: String) -> String? {
                guard let value = entry[key] else { return nil }
                guard let text = value.string, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
                    problem("\(key): expected a non-empty string, found \(typeName(value))"); return nil
                }
                return text
            }
            let files = string("files")
            let format = string("format")
            let item = string("item")
            let by = string("by")
            let failOn = string("fail_on")
            let severity = string("fail_on_severity")
            var maxFailures: Int?
            if let value = entry["max_failures"] {
                if let number = value.int, number >= 0 { maxFailures = number } else { problem("max_failures: expected a whole number of 0 or more") }
            }
            var minimum: Double?
            if let value = entry["min"] {
                if let number = value.double ?? value.int.map(Double.init), number >= 0, number <= 100 { minimum = number }
                else { problem("min: expected a percentage from 0 to 100") }
            }
            guard let files else { problem("missing 'files' (a glob such as \"reports/*.xml\")"); continue }
            guard let format, let kind = ImportMapping.Format(rawValue: format) else {
                problem("'format' must be " + ImportMapping.Format.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))
                continue
            }
            if kind != .checklist && item == nil { problem("missing 'item' (the checklist item the \(format) file answers)") }
            if kind == .checklist && by == nil { problem("missing 'by' (who attests the ticked boxes)") }
            if kind == .coverage && minimum == nil { problem("missing 'min' (the lowest line coverage, in percent, that passes)") }
            if let failOn, !["error", "warning", "note", "none"].contains(failOn) { problem("fail_on must be error, warning, note or none") }
            if let severity, !["critical", "high", "medium", "low"].contains(severity) { problem("fail_on_severity must be critical, high, medium or low") }
            mappings.append(ImportMapping(files: files, format: kind, item: item, maxFailures: maxFailures, failOn: failOn,
                                          failOnSeverity: severity, min: minimum, by: by, origin: "\(path):\(line)", folder: folder))
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        return mappings
    }
}
