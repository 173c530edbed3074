import ArgumentParser
import Foundation
import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport
import PreflightHistory
import PreflightSite

struct RecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record one probe result in a run folder (atomically, under a unique file name).")

    @OptionGroup var target: RunDirArgument
    @Option(help: "Item id or unique trailing part of it.") var item: String
    @Option(help: "pass, fail, warn or skip.") var status: String
    @Option(help: "One-line summary.") var summary: String?
    @Option(help: "Longer details.") var details: String?
    @Option(help: "Name of the probe.") var probe: String?
    @Option(help: "Evidence link as LABEL=URL (repeatable).") var evidence: [String] = []
    @Option(name: .customLong("valid-for"), help: "ISO-8601 duration the result stays true for later runs, e.g. P30D.") var validFor: String?
    @Option(name: .customLong("duration-ms"), help: "How long the probe took.") var durationMs: Int?
    @Option(help: "A file to keep with the result under RUN_DIR/attachments/ (repeatable; at most 64 MiB each).") var attach: [String] = []
    @OptionGroup var content: ContentOptions

    func validate() throws {
        guard ResultStatus(rawValue: status.lowercased()) != nil else {
            throw ValidationError("--status must be pass, fail, warn or skip (got '\(status)')")
        }
        if let validFor, ISODuration(validFor) == nil { throw ValidationError("--valid-for '\(validFor)' is not an ISO-8601 duration such as P30D") }
        for entry in evidence where !entry.contains("=") {
            throw ValidationError("--evidence '\(entry)' must be LABEL=URL")
        }
    }

    func run() throws {
        let (_, checklist) = try target.load(content)
        let id = try ItemReference.resolve(item, in: checklist, runDir: target.trimmed)
        let links = evidence.map { entry -> Evidence in
            let parts = entry.split(separator: "=", maxSplits: 1)
            // `--evidence =` splits into nothing; it must not crash.
            return Evidence(label: parts.first.map(String.init) ?? "", url: parts.count > 1 ? String(parts[1]) : "")
        }
        // validate() has checked both; these guards only keep a bad value from being written.
        guard let resultStatus = ResultStatus(rawValue: status.lowercased()) else {
            throw ValidationError("--status must be pass, fail, warn or skip (got '\(status)')")
        }
        let duration = try validFor.map { text in
            guard let duration = ISODuration(text) else { throw ValidationError("--valid-for '\(text)' is not an ISO-8601 duration such as P30D") }
            return duration
        }
        let now = Timestamp.now
        // Every file is checked before any is stored, so a bad one leaves the run as it was.
        var attachments: [Attachment] = []
        do {
            for file in attach { _ = try RecordWriter.readAttachable(file) }
            for file in attach { attachments.append(try RecordWriter.attach(file: file, into: target.trimmed)) }
        } catch {
            Output.print(diagnostics: [error])
            throw ExitCode(1)
        }
        let record = ResultRecord(
            item: id, status: resultStatus, summary: summary, details: details, probe: probe,
            observedAt: now, durationMs: durationMs, evidence: links, validFor: duration, attachments: attachments)
        try ItemReference.write(runDir: target.trimmed) { try RecordWriter.write(result: record, into: $0, now: now) }
    }
}

/// Shared by record, sign and waive: resolve a reference or exit 1 with the candidates.
enum ItemReference {
    static func resolve(_ reference: String, in checklist: Checklist, runDir: String) throws -> String {
        switch ItemResolver(checklist).resolve(reference) {
        case .success(let id): return id
        case .failure(let failure):
            Output.print(diagnostics: [.error(runDir, "\(failure)")])
            throw ExitCode(1)
        }
    }

    /// Runs a record writer on the run folder and prints the new file's path, or exits 1 with the reason.
    static func write(runDir: String, _ writer: (String) throws -> String) throws {
        do {
            Output.say(try writer(runDir))
        } catch let diagnostic as Diagnostic {
            Output.print(diagnostics: [diagnostic])
            throw ExitCode(1)
        } catch {
            Output.print(diagnostics: [.error(runDir, "\(error)")])
            throw ExitCode(1)
        }
    }
}
