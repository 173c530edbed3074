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
        let (manifest, checklist) = try target.load(content)
        let id = try ItemReference.resolve(item, in: checklist, runDir: target.trimmed)
        let links = evidence.map { entry -> [String: String] in
            let parts = entry.split(separator: "=", maxSplits: 1)
            return ["label": String(parts[0]), "url": parts.count > 1 ? String(parts[1]) : ""]
        }
        let record = ResultRecord(
            item: id, status: status.lowercased(), summary: summary, details: details, probe: probe,
            observed_at: Timestamp.now.text, duration_ms: durationMs, evidence: links.isEmpty ? nil : links, valid_for: validFor)
        try ItemReference.write(record, runDir: target.trimmed, prefix: probe ?? "result")
        _ = manifest
    }
}

/// A result as written to disk (the input contract's field names).
struct ResultRecord: Encodable {
    var item: String
    var status: String
    var summary: String?
    var details: String?
    var probe: String?
    var observed_at: String
    var duration_ms: Int?
    var evidence: [[String: String]]?
    var valid_for: String?
}

/// Shared by record, sign and waive: resolve a reference or exit 1 with the candidates.
enum ItemReference {
    static func resolve(_ reference: String, in checklist: Checklist, runDir: String) throws -> String {
        switch ItemResolver(checklist).resolve(reference) {
        case .success(let id): return id
        case .failure(let failure):
            Output.error("\(runDir): error: \(failure)")
            throw ExitCode(1)
        }
    }

    static func write<T: Encodable>(_ record: T, runDir: String, prefix: String) throws {
        do {
            let path = try RecordWriter.write(record, into: runDir, prefix: prefix, now: Timestamp.now)
            print(path)
        } catch {
            Output.error("\(runDir): error: \(error)")
            throw ExitCode(1)
        }
    }
}
