import ArgumentParser
import Foundation
import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport
import PreflightHistory
import PreflightSite
import PreflightConfig

/// `--content DIR`: where the checklists are, and `--config FILE`, the settings that say where
/// they are by default and which heading words give items their kind.
struct ContentOptions: ParsableArguments {
    @OptionGroup var config: ConfigArguments

    @Option(help: "Folder of checklist Markdown files (default: content/checklists).")
    var content: String?

    /// preflight.toml's settings with `--content` over them; exit 1 on a bad file.
    func settings() throws -> ProjectConfig {
        var settings = try config.load()
        settings.set(.content, path: content, flag: "--content")
        return settings
    }

    /// The same settings, a bad file thrown as its diagnostics rather than printed.
    func checkedSettings() throws(DiagnosticList) -> ProjectConfig {
        var settings = try config.loadChecked()
        settings.set(.content, path: content, flag: "--content")
        return settings
    }

    func library() throws -> ChecklistLibrary {
        try library(settings())
    }

    func library(_ settings: ProjectConfig) throws -> ChecklistLibrary {
        do {
            return try ChecklistLibrary.load(settings.string(.content), options: settings.checklistOptions)
        } catch {
            Output.print(diagnostics: [error])
            throw ExitCode(1)
        }
    }
}

/// A RUN_DIR argument: the run folder; its parent is the archive used for carry-forward.
struct RunDirArgument: ParsableArguments {
    @Argument(help: "The run folder (e.g. content/runs/staging-42).")
    var runDir: String

    var archive: String {
        let parent = (trimmed as NSString).deletingLastPathComponent
        return parent.isEmpty ? "." : parent
    }

    var trimmed: String {
        var path = runDir
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        return path
    }

    /// The run's archive (its parent folder), checking signatures as the project's settings say.
    func scanArchive(_ content: ContentOptions) throws -> RunArchive {
        var archive = RunArchive.scan(self.archive)
        archive.signoffPolicy = try content.settings().signoffPolicy
        if let signers = archive.signoffPolicy.allowedSigners { Output.print(diagnostics: AllowedSigners.problems(signers)) }
        return archive
    }

    /// The run's manifest and checklist, or exit 1 with the reason.
    func load(_ content: ContentOptions) throws -> (RunManifest, Checklist) {
        do {
            let manifest = try RunReader.readManifest(folder: trimmed)
            let checklist = try content.library().checklist(named: manifest.checklist, for: trimmed + "/run.json")
            return (manifest, checklist)
        } catch let diagnostic as Diagnostic {
            Output.print(diagnostics: [diagnostic])
            throw ExitCode(1)
        }
    }
}

extension Timestamp {
    /// The wall clock; commands take their time from here, tests from `PREFLIGHT_NOW`.
    static var now: Timestamp {
        if let fixed = ProcessInfo.processInfo.environment["PREFLIGHT_NOW"], let time = Timestamp(fixed) { return time }
        return Timestamp(seconds: Date().timeIntervalSince1970.rounded(.down))
    }
}
