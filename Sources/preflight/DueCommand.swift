import ArgumentParser
import Foundation
import PreflightSupport
import PreflightRuns
import PreflightReport

struct DueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "due",
        abstract: "List overdue and soon-due post-deployment items across the archive. Exit 2 when something is overdue.",
        discussion: """
        For each checklist × service × environment, the newest run with a deployment: its overdue and failing
        phase items, and the open ones due within --within (all open ones without it). "Now" is the newest
        timestamp in the archive unless --as-of says otherwise; a scheduled job passes --as-of now.
        Exit codes: 0 nothing overdue; 1 an input problem; 2 something is overdue.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, markdown }

    @Option(help: "List open items due within this ISO-8601 duration, e.g. PT2H (default: every open item).") var within: String?
    @Option(name: .customLong("as-of"), help: "The reference time: now, or an ISO-8601 time (default: the archive's newest timestamp).")
    var asOf: String?
    @Option(help: "text, json or markdown.") var format: Format = .text
    @Option(help: "Runs archive folder (default: content/runs).") var runs: String?
    @OptionGroup var content: ContentOptions

    func validate() throws {
        if let within { guard let duration = ISODuration(within), duration.seconds > 0 else {
            throw ValidationError("--within '\(within)' is not an ISO-8601 duration such as PT2H")
        } }
        _ = try AsOf.parse(asOf)
    }

    func run() throws {
        var settings = try content.settings()
        settings.set(.runs, path: runs, flag: "--runs")
        let library = try content.library(settings)
        var archive = RunArchive.scan(settings.string(.runs))
        archive.signoffPolicy = settings.signoffPolicy
        let (streams, problems) = archive.streams(in: library)
        let reference = try AsOf.parse(asOf) ?? ArchiveClock.newest(archive, streams: streams)
        let list = DueList(archive: archive, streams: streams, asOf: reference, within: within.flatMap(ISODuration.init))
        switch format {
        case .text: Output.say(list.text(), terminator: "")
        case .markdown: Output.say(list.markdown(), terminator: "")
        case .json: FileHandle.standardOutput.write(Data(list.json()))
        }
        Output.print(diagnostics: archive.problems + problems)
        if list.overdue > 0 { throw ExitCode(2) }
        if !(archive.problems + problems).filter({ $0.severity == .error }).isEmpty { throw ExitCode(1) }
    }
}

/// `--as-of now|TIME`: the reference time for "overdue" of `build`, `report` and `due`.
enum AsOf {
    /// nil when not given; the wall clock for "now".
    static func parse(_ text: String?) throws -> Timestamp? {
        guard let text else { return nil }
        if text.lowercased() == "now" { return Timestamp.now }
        guard let time = Timestamp(text) else { throw ValidationError("--as-of '\(text)' is neither now nor an ISO-8601 time") }
        return time
    }
}
