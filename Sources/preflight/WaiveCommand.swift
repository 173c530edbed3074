import ArgumentParser
import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport
import PreflightHistory
import PreflightSite

struct WaiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "waive",
        abstract: "Record an approved waiver for an item until a date.")

    @OptionGroup var target: RunDirArgument
    @Option(help: "Item id or unique trailing part of it.") var item: String
    @Option(help: "Why the item may be waived.") var reason: String
    @Option(name: .customLong("approved-by"), help: "Who approved the waiver.") var approvedBy: String
    @Option(help: "When the waiver ends (ISO-8601 date or time, e.g. 2026-12-31).") var expires: String
    @OptionGroup var content: ContentOptions

    func validate() throws {
        guard Timestamp(expires) != nil else { throw ValidationError("--expires '\(expires)' is not an ISO-8601 date or time") }
    }

    func run() throws {
        let (_, checklist) = try target.load(content)
        let id = try ItemReference.resolve(item, in: checklist, runDir: target.trimmed)
        // validate() has checked the date; the guard only keeps a bad value from being written.
        guard let expiresAt = Timestamp(expires) else { throw ValidationError("--expires '\(expires)' is not an ISO-8601 date or time") }
        let record = WaiverRecord(item: id, reason: reason, approvedBy: approvedBy, expiresAt: expiresAt)
        try ItemReference.write(runDir: target.trimmed) { try RecordWriter.write(waiver: record, into: $0, now: Timestamp.now) }
    }
}
