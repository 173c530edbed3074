import PreflightSupport
import PreflightChecklist

/// Reads typed fields out of a JSON object, collecting one message per bad field.
package struct FieldReader {
    package let object: [(key: String, value: JSONValue)]
    package let path: String
    /// The field names of the record kind: a short list, scanned faster than a set is hashed.
    package let known: [String]
    package private(set) var problems: [String] = []
    package private(set) var warnings: [String] = []

    package init?(_ value: JSONValue, path: String, known: [String]) {
        guard case .object(let pairs) = value else { return nil }
        self.object = pairs
        self.path = path
        self.known = known
        for index in pairs.indices where !known.contains(pairs[index].key) {
            let key = pairs[index].key
            warnings.append("\(path).\(key): unknown field ignored")
        }
    }

    private func value(_ key: String) -> JSONValue? {
        guard let value = object.last(where: { $0.key == key })?.value, value != .null else { return nil }
        return value
    }

    package mutating func string(_ key: String, required: Bool = false) -> String? {
        guard let value = value(key) else {
            if required { problems.append("\(path): missing required field '\(key)'") }
            return nil
        }
        guard case .string(let text) = value else {
            problems.append("\(path).\(key): expected a string, found \(value.typeName)")
            return nil
        }
        // A visible ASCII byte settles it without walking the text's characters.
        if required && !text.utf8.contains(where: { $0 > 0x20 && $0 < 0x7F }) && text.allSatisfy(\.isWhitespace) {
            problems.append("\(path).\(key): must not be empty")
            return nil
        }
        return text
    }

    package mutating func timestamp(_ key: String, required: Bool = false) -> Timestamp? {
        guard let text = string(key, required: required) else { return nil }
        guard let time = Timestamp(text) else {
            problems.append("\(path).\(key): '\(text)' is not an ISO-8601 time (e.g. 2026-10-05T09:30:00Z)")
            return nil
        }
        return time
    }

    package mutating func duration(_ key: String) -> ISODuration? {
        guard let text = string(key) else { return nil }
        guard let duration = ISODuration(text) else {
            problems.append("\(path).\(key): '\(text)' is not an ISO-8601 duration (e.g. P30D, PT12H)")
            return nil
        }
        return duration
    }

    package mutating func integer(_ key: String) -> Int? {
        guard let value = value(key) else { return nil }
        guard case .number(let number) = value, number >= 0, number <= 1e15, number.rounded() == number else {
            problems.append("\(path).\(key): expected a whole number of 0 or more, found \(value.typeName)")
            return nil
        }
        return Int(number)
    }

    package mutating func choice<T: RawRepresentable & CaseIterable>(_ key: String, _: T.Type) -> T? where T.RawValue == String {
        guard let text = string(key, required: true) else { return nil }
        guard let choice = T(rawValue: text.lowercased()) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            problems.append("\(path).\(key): unknown value '\(text)' (expected one of: \(allowed))")
            return nil
        }
        return choice
    }

    package mutating func stringMap(_ key: String) -> [String: String]? {
        guard let value = value(key) else { return nil }
        guard case .object(let pairs) = value else {
            problems.append("\(path).\(key): expected an object of strings, found \(value.typeName)")
            return nil
        }
        var map: [String: String] = [:]
        for (name, entry) in pairs {
            guard case .string(let text) = entry else {
                problems.append("\(path).\(key).\(name): expected a string, found \(entry.typeName)")
                continue
            }
            map[name] = text
        }
        return map
    }

    package mutating func evidence(_ key: String) -> [Evidence] {
        guard let value = value(key) else { return [] }
        guard case .array(let entries) = value else {
            problems.append("\(path).\(key): expected an array of {label, url}, found \(value.typeName)")
            return []
        }
        var list: [Evidence] = []
        for (index, entry) in entries.enumerated() {
            guard var reader = FieldReader(entry, path: "\(path).\(key)[\(index)]", known: ["label", "url"]) else {
                problems.append("\(path).\(key)[\(index)]: expected an object {label, url}, found \(entry.typeName)")
                continue
            }
            if let url = reader.string("url", required: true) {
                list.append(Evidence(label: reader.string("label") ?? url, url: url))
            }
            problems += reader.problems
            warnings += reader.warnings
        }
        return list
    }

    package mutating func fail(_ message: String) { problems.append(message) }

    package init(object: [(key: String, value: JSONValue)], path: String, known: [String], problems: [String] = [], warnings: [String] = []) {
        self.object = object
        self.path = path
        self.known = known
        self.problems = problems
        self.warnings = warnings
    }
}
