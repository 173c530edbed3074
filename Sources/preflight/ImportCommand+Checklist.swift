import ArgumentParser
import Foundation
import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightImport

struct ImportChecklistCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checklist",
        abstract: "A filled-in copy of the run's checklist (an issue or PR body): each ticked box becomes a pass attested by NAME.")
    @OptionGroup var target: RunDirArgument
    @Argument(help: "The filled-in Markdown copy.") var file: String
    @Option(help: "Who ticked the boxes.") var by: String
    @Option(help: "When they were ticked (ISO-8601; default now).") var at: String?
    @OptionGroup var content: ContentOptions

    func validate() throws {
        if by.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--by must name who ticked the boxes") }
        if let at, Timestamp(at) == nil { throw ValidationError("--at '\(at)' is not an ISO-8601 time such as 2026-10-05T09:30:00Z") }
    }

    func run() throws {
        let settings = try content.settings()
        let (_, checklist) = try target.load(content)
        try ImportChecklistCommand.apply(file, by: by, at: at.flatMap(Timestamp.init), checklist: checklist,
                                         options: settings.checklistOptions, runDir: target.trimmed)
    }

    static func apply(_ file: String, by: String, at: Timestamp?, checklist: Checklist, options: ChecklistOptions, runDir: String) throws {
        do {
            let importer = FilledChecklistImporter(checklist: checklist, options: options)
            let reading = try importer.read(file)
            for box in reading.unmatched { Output.error("\(file):\(box.line): warning: matches no item of '\(checklist.name)': \(box.text)") }
            if !reading.missing.isEmpty {
                Output.error("\(file): warning: \(reading.missing.count) item(s) of '\(checklist.name)' are not in the copy: "
                             + reading.missing.prefix(10).joined(separator: ", ") + (reading.missing.count > 10 ? ", …" : ""))
            }
            for id in reading.tickedSignoffs {
                Output.error("\(file): note: \(id) is ticked, but sign-offs are decided with `preflight sign`; not recorded")
            }
            guard !reading.ticked.isEmpty else {
                Output.say("\(file): no ticked boxes; nothing recorded")
                return
            }
            let now = Timestamp.now
            let path = try ImportRecorder.record(attested: reading.ticked, by: by, copy: reading.file, into: runDir, at: at ?? now, now: now)
            Output.say("\(path): \(reading.ticked.count) item(s) attested by \(by)")
        } catch {
            Output.print(diagnostics: [error])
            throw ExitCode(1)
        }
    }
}
