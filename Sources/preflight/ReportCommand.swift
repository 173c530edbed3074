import ArgumentParser
import Foundation
import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport
import PreflightHistory
import PreflightSite

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print a run's merged report. Exit 0; 2 when the verdict reaches --fail-on; 1 on input problems.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, markdown }
    enum FailOn: String, ExpressibleByArgument, CaseIterable {
        case noGo = "no-go", pending, never
    }

    @OptionGroup var target: RunDirArgument
    @Option(help: "text, json or markdown.") var format: Format = .text
    @Option(name: .customLong("fail-on"), help: "Exit 2 when the verdict is no-go, or no-go or pending; never by default.")
    var failOn: FailOn = .never
    @Option(name: .customLong("as-of"), help: "Reference time of post-deployment phases: now, or an ISO-8601 time (default: the archive's newest timestamp).")
    var asOf: String?
    @OptionGroup var content: ContentOptions

    func validate() throws { _ = try AsOf.parse(asOf) }

    func run() throws {
        let (manifest, checklist) = try target.load(content)
        let archive = try target.scanArchive(content)
        var report = StreamMerger(checklist: checklist, archive: archive).report(for: manifest)
        try report.settle(checklist: checklist, archive: archive, streams: { archive.streams(in: try content.library()).streams },
                          asOf: AsOf.parse(asOf))
        switch format {
        case .text: Output.say(ReportFormatter.text(report), terminator: "")
        case .markdown: Output.say(ReportFormatter.markdown(report), terminator: "")
        case .json: FileHandle.standardOutput.write(ReportDigest.canonicalJSON(report, archive: archive.directory))
        }
        Output.print(diagnostics: report.problems)
        let gate: Bool
        switch failOn {
        case .noGo: gate = report.verdict == .noGo
        case .pending: gate = report.verdict != .go
        case .never: gate = false
        }
        if gate { throw ExitCode(2) }
        if report.hasErrors { throw ExitCode(1) }
    }
}
