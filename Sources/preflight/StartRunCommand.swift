import ArgumentParser
import Foundation
import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport
import PreflightHistory
import PreflightSite
import PreflightConfig

struct StartRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start-run",
        abstract: "Create a run folder with its run.json and print the folder's path.")

    @Option(help: "Checklist name (a file stem in --content).") var checklist: String
    @Option(help: "Environment, e.g. staging or production.") var environment: String
    @Option(help: "Run id (default: from CI, else <environment>-<UTC time>).") var id: String?
    @Option(help: "Runs archive folder (default: content/runs).") var runs: String?
    @Option(help: "Commit SHA (default: from CI).") var commit: String?
    @Option(help: "Branch (default: from CI).") var branch: String?
    @Option(help: "CI job URL (default: from CI).") var url: String?
    @Option(help: "Title shown on the run page.") var title: String?
    @Option(help: "Service the run checks; its own stream per environment (default: PREFLIGHT_SERVICE, else none).") var service: String?
    @Option(help: "Team owning the service, shown beside it (default: PREFLIGHT_OWNER).") var owner: String?
    @OptionGroup var content: ContentOptions

    func validate() throws {
        if let id, let problem = RunID.validate(id) { throw ValidationError(problem) }
        if environment.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--environment must not be empty") }
        if let service, let problem = RunID.validate(service, kind: "service") { throw ValidationError(problem) }
    }

    func run() throws {
        var settings = try content.settings()
        settings.set(.runs, path: runs, flag: "--runs")
        let runs = settings.string(.runs)
        let library = try content.library(settings)
        do {
            _ = try library.checklist(named: checklist, for: settings.string(.content))
        } catch {
            Output.print(diagnostics: [error])
            throw ExitCode(1)
        }
        let ci = CIEnvironment(ProcessInfo.processInfo.environment)
        let now = Timestamp.now
        let compact = now.text.filter { $0.isNumber }
        let runID = id ?? "\(Slug.make(environment, fallback: "run"))-\(ci.runID ?? String(compact.prefix(8)) + "-" + String(compact.dropFirst(8).prefix(6)))"
        // Only an id made from CI variables gets here (validate() checked --id); the runs folder is where it would go.
        if let problem = RunID.validate(runID) {
            Output.print(diagnostics: [.error(runs, problem)])
            throw ExitCode(1)
        }
        let variables = ProcessInfo.processInfo.environment
        let service = self.service ?? variables["PREFLIGHT_SERVICE"].flatMap { $0.isEmpty ? nil : $0 }
        if let service, let problem = RunID.validate(service, kind: "service") {
            Output.print(diagnostics: [.error("PREFLIGHT_SERVICE", problem)])
            throw ExitCode(1)
        }
        let owner = self.owner ?? variables["PREFLIGHT_OWNER"].flatMap { $0.isEmpty ? nil : $0 }
        let folder = (runs as NSString).appendingPathComponent(runID)
        let manifest = RunManifest(
            id: runID, checklist: checklist, environment: environment, startedAt: now, title: title,
            commit: commit ?? ci.commit, branch: branch ?? ci.branch, url: url ?? ci.url, trigger: ci.trigger,
            service: service, owner: owner)
        do {
            try FileManager.default.createDirectory(atPath: runs, withIntermediateDirectories: true)
            // Creating the folder itself without intermediates fails if it exists: two jobs never share a run by accident.
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        } catch {
            Output.print(diagnostics: [.error(folder, "cannot create the run folder (does the run already exist?)")])
            throw ExitCode(1)
        }
        do {
            try RecordWriter.write(manifest: manifest, into: folder)
        } catch let diagnostic as Diagnostic {
            Output.print(diagnostics: [diagnostic])
            throw ExitCode(1)
        } catch {
            Output.print(diagnostics: [.error((folder as NSString).appendingPathComponent("run.json"), "\(error)")])
            throw ExitCode(1)
        }
        Output.say(folder)
    }
}
