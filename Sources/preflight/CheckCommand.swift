import ArgumentParser
import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport
import PreflightHistory
import PreflightSite
import PreflightConfig

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Lint checklist files: exit 0 when clean, 1 when there is an error.")

    @Argument(help: "Checklist files (default: every .md under --content).")
    var files: [String] = []

    @OptionGroup var content: ContentOptions

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    func run() throws {
        let settings = try content.settings()
        var paths = files
        if paths.isEmpty {
            do {
                paths = try ChecklistLinter.markdownFiles(in: settings.string(.content))
            } catch {
                Output.error(error.description)
                throw ExitCode(1)
            }
        }
        var diagnostics = ChecklistLinter(options: settings.checklistOptions).lint(paths: paths)
        if strict {
            diagnostics = diagnostics.map { var d = $0; d.severity = .error; return d }
        }
        Output.print(diagnostics: diagnostics)
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        Output.error("checked \(paths.count) checklist(s): \(errors) error(s), \(warnings) warning(s)")
        if errors > 0 { throw ExitCode(1) }
    }
}
