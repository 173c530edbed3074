import ArgumentParser
import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport
import PreflightHistory
import PreflightSite

/// Exit codes (documented in README): 0 success; 1 an input problem or runtime error;
/// 2 the verdict reached `--fail-on`; 64 bad command-line usage.
@main
struct Preflight: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preflight",
        abstract: "Production-readiness reports from Markdown checklists and probe results.",
        version: PreflightVersion.current,
        subcommands: [
            IDsCommand.self, CheckCommand.self, StartRunCommand.self, RecordCommand.self, SignCommand.self,
            WaiveCommand.self, DeployedCommand.self, ImportCommand.self, ReportCommand.self, DueCommand.self, BuildCommand.self, VerifyCommand.self,
            ThemeCommand.self,
            ConfigCommand.self,
            InitCommand.self,
            ServeCommand.self,
        ]
    )
}
