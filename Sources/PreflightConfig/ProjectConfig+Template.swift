/// The commented `preflight.toml` that `preflight init` writes.
extension ProjectConfig {
    /// Every key with its help and default, commented out: the file changes nothing until a line
    /// is uncommented. Made from `ConfigKey.all`, so it lists exactly the keys the loader knows.
    package static let commentedTemplate: String = {
        var out = """
        # Preflight settings. Command-line flags override this file; it overrides the defaults.
        # Uncomment a line to change a setting; `preflight config` shows the effective settings
        # and where each came from. Paths are relative to the folder holding this file.

        """
        for table in ConfigKey.tables {
            out += "\n[\(table)]\n"
            for key in ConfigKey.all where key.table == table {
                out += "# \(key.help)\n"
                out += "# \(key.name) = \(example(for: key).toml)\n"
            }
        }
        return out
    }()

    /// The default, or an example for a key without one.
    static func example(for key: ConfigKey) -> ConfigValue {
        if let value = key.defaultValue, value != .strings([]) { return value }
        switch key {
        case .cache: return .string(".preflight-cache")
        case .baseURL: return .string("https://example.com/preflight/")
        case .environments: return .strings(["dev", "staging", "production"])
        default: return .string("")
        }
    }
}
