import ArgumentParser
import PreflightSupport
import PreflightConfig

/// `--config FILE`: the settings file; by default `preflight.toml` in the current folder, if any.
struct ConfigArguments: ParsableArguments {
    @Option(name: .customLong("config"), help: "Settings file (default: preflight.toml in the current folder, when there is one).")
    var file: String?

    /// The file's settings over the defaults, or exit 1 with the file's errors.
    func load() throws -> ProjectConfig {
        do {
            return try ProjectConfig.load(file)
        } catch {
            Output.print(diagnostics: error.diagnostics)
            throw ExitCode(1)
        }
    }
}
