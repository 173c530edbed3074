import ArgumentParser
import Foundation
import PreflightSupport
import PreflightSite
import PreflightConfig

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a project: a checklist, content/runs/, preflight.toml, .gitignore and, with --ci, a CI workflow.",
        discussion: "Never overwrites or changes an existing file: it is kept, and init says so. Exit 0 when every file was made or kept; 1 when one cannot be written or the checklist has errors.")

    enum CISystem: String, ExpressibleByArgument, CaseIterable { case github, gitlab }

    @Argument(help: "Project folder (made if missing).") var directory = "."
    @Option(help: "Checklist file to start from, copied under its own name (default: the GenNet production deployment checklist).")
    var checklist: String?
    @Option(help: "Also write a CI workflow: github (.github/workflows/preflight.yml) or gitlab (.gitlab-ci.yml).")
    var ci: CISystem?

    func run() throws {
        let scaffold: ProjectScaffold
        let steps: [ProjectScaffold.Step]
        do {
            scaffold = try ProjectScaffold.plan(
                checklistPath: checklist, starterChecklist: BuiltInTheme.starterChecklist,
                configTemplate: ProjectConfig.commentedTemplate, ci: ci.flatMap { ProjectScaffold.CI(rawValue: $0.rawValue) })
        } catch {
            Output.print(diagnostics: error.diagnostics)
            throw ExitCode(1)
        }
        do {
            steps = try scaffold.write(into: directory)
        } catch {
            Output.print(diagnostics: [error])
            throw ExitCode(1)
        }
        let shown = { (path: String) in directory == "." ? path : (directory as NSString).appendingPathComponent(path) }
        for step in steps {
            switch step.outcome {
            case .made: Output.say("made \(shown(step.path))")
            case .kept(let advice): Output.say("kept existing \(shown(step.path))" + (advice.map { "; \($0)" } ?? ""))
            }
        }
        Output.say("\nnext:")
        if directory != "." { Output.say("  cd \(ProjectScaffold.shellWord(directory))") }
        Output.say("""
              preflight build                  # then open _site/index.html
              run=$(preflight start-run --checklist \(ProjectScaffold.shellWord(scaffold.checklistName)) --environment staging)
              preflight record "$run" --item \(ProjectScaffold.shellWord(scaffold.exampleItem)) --status pass
              preflight report "$run"
            """)
    }
}
