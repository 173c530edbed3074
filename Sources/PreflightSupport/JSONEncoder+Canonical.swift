import Foundation

extension JSONEncoder {
    /// Foundation's encoding in the project's layout: sorted keys, `/` not escaped, one trailing
    /// newline; `pretty` (record files people read and edit) adds two-space indentation and
    /// `"key" : value`. For the files written once per build or command: index.json, the build
    /// cache's carry-pool files, the record files of `start-run`, `record`, `sign` and `waive`.
    /// report.json and history.json are written by `JSONBuilder` in the same bytes.
    package static func canonicalJSON(_ value: some Encodable, pretty: Bool = false) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }
}
