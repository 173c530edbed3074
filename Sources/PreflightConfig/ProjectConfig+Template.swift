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
        // Last: a TOML table header ends the table above it, so keys written after the examples
        // cannot land in an [[import]] entry by mistake.
        return out + importExamples
    }()

    /// Example `[[import]]` entries, one per format, commented out like the keys above.
    static let importExamples = """

        # Imports: `preflight import RUN_DIR` applies every [[import]] entry: the files its glob
        # matches (relative to this file; *, ?, [...] and ** for any depth), read as junit, sarif,
        # coverage or checklist, recorded for one item of the run's checklist.
        # [[import]]
        # files = "reports/junit/*.xml"
        # format = "junit"
        # item = "all-unit-tests-passing"
        # max_failures = 0
        #
        # [[import]]
        # files = "reports/*.sarif"
        # format = "sarif"
        # item = "static-code-analysis-completed"
        # fail_on = "error"
        # fail_on_severity = "high"
        #
        # [[import]]
        # files = "reports/coverage.xml"
        # format = "coverage"
        # item = "test-coverage-80"
        # min = 80
        #
        # [[import]]
        # files = "reports/filled-checklist.md"
        # format = "checklist"
        # by = "Release Manager"

        """

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
