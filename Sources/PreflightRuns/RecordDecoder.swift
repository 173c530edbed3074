import Foundation
import PreflightSupport
import PreflightChecklist

/// Reads typed fields out of a JSON object of one record kind, collecting one message per bad field.
/// Keys are `Field` cases, so a lookup cannot name a field the contract lacks, and whether a field
/// is required comes from `Field.required`.
package struct FieldReader<Field: RecordField> {
    package let object: [(key: String, value: JSONValue)]
    package let path: String
    package private(set) var problems: [String] = []
    package private(set) var warnings: [String] = []

    package init?(_ value: JSONValue, path: String) {
        guard case .object(let pairs) = value else { return nil }
        self.object = pairs
        self.path = path
        // The enum's string switch needs no allocation, unlike a list of names built per record.
        for index in pairs.indices where Field(rawValue: pairs[index].key) == nil {
            let key = pairs[index].key
            warnings.append("\(path).\(key): unknown field ignored")
        }
    }

    private func value(_ field: Field) -> JSONValue? {
        let key = field.rawValue
        guard let value = object.last(where: { $0.key == key })?.value, value != .null else { return nil }
        return value
    }

    package mutating func string(_ field: Field) -> String? {
        let required = field.isRequired
        guard let value = value(field) else {
            if required { problems.append("\(path): missing required field '\(field.rawValue)'") }
            return nil
        }
        guard case .string(let text) = value else {
            problems.append("\(path).\(field.rawValue): expected a string, found \(value.typeName)")
            return nil
        }
        // A visible ASCII byte settles it without walking the text's characters.
        if required && !text.utf8.contains(where: { $0 > 0x20 && $0 < 0x7F }) && text.allSatisfy(\.isWhitespace) {
            problems.append("\(path).\(field.rawValue): must not be empty")
            return nil
        }
        return text
    }

    package mutating func timestamp(_ field: Field) -> Timestamp? {
        guard let text = string(field) else { return nil }
        guard let time = Timestamp(text) else {
            problems.append("\(path).\(field.rawValue): '\(text)' is not an ISO-8601 time (e.g. 2026-10-05T09:30:00Z)")
            return nil
        }
        return time
    }

    package mutating func duration(_ field: Field) -> ISODuration? {
        guard let text = string(field) else { return nil }
        guard let duration = ISODuration(text) else {
            problems.append("\(path).\(field.rawValue): '\(text)' is not an ISO-8601 duration (e.g. P30D, PT12H)")
            return nil
        }
        return duration
    }

    package mutating func integer(_ field: Field) -> Int? {
        guard let value = value(field) else { return nil }
        guard case .number(let number) = value, number >= 0, number <= 1e15, number.rounded() == number else {
            problems.append("\(path).\(field.rawValue): expected a whole number of 0 or more, found \(value.typeName)")
            return nil
        }
        return Int(number)
    }

    /// A value from a fixed set, matched case-insensitively.
    package mutating func choice<T: RawRepresentable & CaseIterable>(_ field: Field, _: T.Type) -> T? where T.RawValue == String {
        guard let text = string(field) else { return nil }
        guard let choice = T(rawValue: text.lowercased()) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            problems.append("\(path).\(field.rawValue): unknown value '\(text)' (expected one of: \(allowed))")
            return nil
        }
        return choice
    }

    package mutating func stringMap(_ field: Field) -> [String: String]? {
        guard let value = value(field) else { return nil }
        guard case .object(let pairs) = value else {
            problems.append("\(path).\(field.rawValue): expected an object of strings, found \(value.typeName)")
            return nil
        }
        var map: [String: String] = [:]
        for (name, entry) in pairs {
            guard case .string(let text) = entry else {
                problems.append("\(path).\(field.rawValue).\(name): expected a string, found \(entry.typeName)")
                continue
            }
            map[name] = text
        }
        return map
    }

    package mutating func evidence(_ field: Field) -> [Evidence] {
        guard let value = value(field) else { return [] }
        let shape = "{" + EvidenceField.names.joined(separator: ", ") + "}"
        guard case .array(let entries) = value else {
            problems.append("\(path).\(field.rawValue): expected an array of \(shape), found \(value.typeName)")
            return []
        }
        var list: [Evidence] = []
        for (index, entry) in entries.enumerated() {
            guard var reader = FieldReader<EvidenceField>(entry, path: "\(path).\(field.rawValue)[\(index)]") else {
                problems.append("\(path).\(field.rawValue)[\(index)]: expected an object \(shape), found \(entry.typeName)")
                continue
            }
            if let url = reader.string(.url) {
                list.append(Evidence(label: reader.string(.label) ?? url, url: url))
            }
            problems += reader.problems
            warnings += reader.warnings
        }
        return list
    }

    /// The `attachments` array of a result; each entry must name a file stored in `runFolder`'s
    /// `attachments/` under its hash.
    /// `runFolder` is only worked out for a result that has attachments: a path operation per
    /// result was a tenth of a build's decoding time.
    package mutating func attachments(_ field: Field, runFolder: @autoclosure () -> String) -> [Attachment]? {
        guard let value = value(field) else { return nil }
        let runFolder = runFolder()
        let shape = "{" + AttachmentField.names.joined(separator: ", ") + "}"
        guard case .array(let entries) = value else {
            problems.append("\(path).\(field.rawValue): expected an array of \(shape), found \(value.typeName)")
            return nil
        }
        var list: [Attachment] = []
        for (index, entry) in entries.enumerated() {
            let at = "\(path).\(field.rawValue)[\(index)]"
            guard var reader = FieldReader<AttachmentField>(entry, path: at) else {
                problems.append("\(at): expected an object \(shape), found \(entry.typeName)")
                continue
            }
            let name = reader.string(.name)
            let digest = reader.string(.sha256)
            let size = reader.integer(.size)
            if let digest, !Attachment.isDigest(digest) {
                reader.fail("\(at).sha256: '\(digest.prefix(80))' is not a lowercase hex SHA-256")
            }
            problems += reader.problems
            warnings += reader.warnings
            guard reader.problems.isEmpty, let name, let digest, let size else { continue }
            let attachment = Attachment(name: name, sha256: digest, size: size)
            // A missing or changed file costs the result only its attachment, with a warning.
            if let problem = Attachment.problem(attachment, runFolder: runFolder) {
                warnings.append("\(at): \(problem); the result is kept without it")
                continue
            }
            list.append(attachment)
        }
        return list.isEmpty ? nil : list
    }

    package mutating func fail(_ message: String) { problems.append(message) }

    /// A problem that does not cost the record (it is kept, marked by its reader).
    package mutating func warn(_ message: String) { warnings.append(message) }

    package init(object: [(key: String, value: JSONValue)], path: String, problems: [String] = [], warnings: [String] = []) {
        self.object = object
        self.path = path
        self.problems = problems
        self.warnings = warnings
    }
}
