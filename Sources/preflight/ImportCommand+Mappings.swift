import ArgumentParser
import Foundation
import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightImport

/// `preflight import RUN_DIR`: every `[[import]]` mapping of preflight.toml.
struct ImportMappingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply", abstract: "Apply preflight.toml's [[import]] mappings (the default: `preflight import RUN_DIR`).")
    @OptionGroup var target: RunDirArgument
    @OptionGroup var content: ContentOptions

    func run() throws {
        let settings = try content.settings()
        let (_, checklist) = try target.load(content)
        guard !settings.imports.isEmpty else {
            Output.print(diagnostics: [.error(settings.file ?? "preflight.toml", "no [[import]] mappings to apply")])
            throw ExitCode(1)
        }
        var failed = false
        for mapping in settings.imports {
            // Each mapping's lines before the next one's warnings, also where a CI log merges both streams.
            fflush(nil)
            let files = mapping.matches()
            guard !files.isEmpty else {
                Output.error("\(mapping.origin): warning: '\(mapping.files)' matched no file; nothing imported for it")
                continue
            }
            Output.say("\(mapping.origin): \(mapping.format.rawValue) read \(files.joined(separator: ", "))")
            do {
                try apply(mapping, files: files, checklist: checklist, options: settings.checklistOptions)
            } catch {
                failed = true
            }
        }
        fflush(nil)
        if failed { throw ExitCode(1) }
    }

    private func apply(_ mapping: ImportMapping, files: [String], checklist: Checklist, options: ChecklistOptions) throws {
        if mapping.format == .checklist {
            for file in files {
                try ImportChecklistCommand.apply(file, by: mapping.by ?? "", at: nil, checklist: checklist, options: options, runDir: target.trimmed)
            }
            return
        }
        let id = try ItemReference.resolve(mapping.item ?? "", in: checklist, runDir: mapping.origin)
        try ImportRun.record(id: id, runDir: target.trimmed) { () throws(Diagnostic) -> ImportOutcome in
            switch mapping.format {
            case .junit: return try JUnitImporter(maxFailures: mapping.maxFailures ?? 0).run(files)
            case .sarif:
                return try SARIFImporter(failOn: mapping.failOn.flatMap(SARIFImporter.Level.init(rawValue:)) ?? .error,
                                         failOnSeverity: mapping.failOnSeverity.flatMap(SARIFImporter.Severity.init(rawValue:))).run(files)
            case .coverage:
                guard files.count == 1 else {
                    throw .error(mapping.origin, "'\(mapping.files)' matched \(files.count) coverage reports; a coverage mapping takes one")
                }
                return try CoverageImporter(minimum: mapping.min ?? 0).run(files[0])
            case .checklist: throw .error(mapping.origin, "unreachable")
            }
        }
    }
}
