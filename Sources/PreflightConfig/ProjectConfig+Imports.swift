import PreflightSupport
import PreflightImport

/// How `preflight config` shows the `[[import]]` mappings: after the keys, as TOML tables with
/// the line each came from, and in the JSON output as an `imports` array.
extension ProjectConfig {
    /// A mapping's keys that are set, in the order of `ConfigFile.importKeys`.
    enum ImportField {
        case string(String)
        case int(Int)
        case number(Double)
    }

    static func fields(_ mapping: ImportMapping) -> [(key: String, value: ImportField)] {
        let all: [(String, ImportField?)] = [
            ("files", .string(mapping.files)), ("format", .string(mapping.format.rawValue)), ("item", mapping.item.map(ImportField.string)),
            ("max_failures", mapping.maxFailures.map(ImportField.int)), ("fail_on", mapping.failOn.map(ImportField.string)),
            ("fail_on_severity", mapping.failOnSeverity.map(ImportField.string)), ("min", mapping.min.map(ImportField.number)),
            ("by", mapping.by.map(ImportField.string)),
        ]
        return all.compactMap { key, value in value.map { (key, $0) } }
    }

    /// `[[import]]  # preflight.toml:12` and its keys, a blank line before each mapping.
    var importLines: [String] {
        imports.flatMap { mapping in
            ["", "[[import]]  # \(mapping.origin)"] + Self.fields(mapping).map { key, value in
                switch value {
                case .string(let text): return "\(key) = \(ConfigValue.quote(text))"
                case .int(let number): return "\(key) = \(number)"
                case .number(let number): return "\(key) = \(ImportFormat.number(number))"
                }
            }
        }
    }

    /// `[{"origin": "preflight.toml:12", "files": …}…]` into `json`.
    func writeImports(_ json: inout JSONBuilder) {
        json.array(imports) { mapping, json in
            json.beginObject()
            json.key("origin"); json.string(mapping.origin)
            for (key, value) in Self.fields(mapping) {
                json.key(key)
                switch value {
                case .string(let text): json.string(text)
                case .int(let number): json.int(number)
                case .number(let number): json.double(number)
                }
            }
            json.endObject()
        }
    }
}
