import Foundation
import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport
import PreflightHistory

/// `preflight verify DIGEST`: which run an evidence or report.json digest (or a prefix of at least
/// 8 hex digits) belongs to, whether it is still that run's state, and what changed since.
package enum DigestLookup {
    package struct Match: Sendable, Equatable {
        package enum Kind: String, Sendable { case evidence = "evidence digest", report = "report.json digest" }

        package var kind: Kind
        package var digest: String
        package var run: String
        package var checklistTitle: String
        package var environment: String
        /// Whether `digest` is the run's current evidence (or report.json) digest.
        package var current: Bool
        package var currentEvidence: String
        /// Who decided on an earlier state with this digest, in words; nil for a current digest.
        package var decidedBy: String?
        /// Items changed since; nil when the states behind the digest were not recorded.
        package var changes: [ItemChange]?

        /// The lines `verify` prints.
        package var lines: [String] {
            var lines = ["\(digest): \(kind.rawValue) of run \(run) (\(checklistTitle) · \(environment)); its sheet is runs/\(run)/signoff.html"]
            if let decidedBy { lines.append("  decided on it: \(decidedBy)") }
            if current {
                lines.append("  current: this is still the run's \(kind == .evidence ? "evidence" : "report.json")")
            } else {
                lines.append("  changed: the run's evidence is now \(EvidenceDigest.shortForm(currentEvidence)) (\(currentEvidence))")
                if let changes {
                    lines.append(changes.isEmpty ? "  no item changed state; the checklist, a result's details or a waiver did"
                        : "  changed since: " + changes.map(\.words).joined(separator: "; "))
                } else {
                    lines.append("  what changed cannot be listed: no decision recorded the item states behind that digest")
                }
            }
            return lines
        }
    }

    /// Every run of the archive merged (with carry-forward), its digests and its decisions' digests compared with `prefix`.
    package static func inArchive(_ prefix: String, archive: RunArchive, library: ChecklistLibrary) -> [Match] {
        var matches: [Match] = []
        let streams = archive.streams(in: library).streams
        // Only a deployed run's report.json depends on the archive's newest time, which reads every run.
        var asOf: Timestamp?
        for stream in streams {
            let reports = StreamMerger(checklist: stream.checklist, archive: archive).reports(stream.manifests)
            for var report in reports {
                if report.phaseFacts != nil {
                    let reference = asOf ?? ArchiveClock.newest(archive, streams: streams)
                    asOf = reference
                    report.settle(asOf: reference, checklist: stream.checklist)
                }
                let reportDigest = ReportDigest.sha256(report.canonicalJSON(relativeTo: archive.directory))
                matches += matchesIn(report, reportDigest: reportDigest, prefix: prefix)
            }
        }
        return matches
    }

    /// The same lookup in a built site: index.json's digests, then the decisions in each run's report.json.
    package static func inSite(_ prefix: String, site: String) -> (matches: [Match], problems: [Diagnostic]) {
        let indexPath = (site as NSString).appendingPathComponent("index.json")
        guard let read = try? TextFile.bytes(indexPath, limit: 256 << 20), let index = try? JSONDecoder().decode(SiteIndex.self, from: Data(read)) else {
            return ([], [.error(indexPath, "cannot read the site's index.json (build the site with this version of preflight)")])
        }
        var matches: [Match] = []
        var problems: [Diagnostic] = []
        for stream in index.streams {
            for entry in stream.digests {
                let current = entry.evidence
                if entry.evidence.hasPrefix(prefix) || entry.report.hasPrefix(prefix) {
                    matches.append(Match(kind: entry.evidence.hasPrefix(prefix) ? .evidence : .report,
                                         digest: entry.evidence.hasPrefix(prefix) ? entry.evidence : entry.report, run: entry.run,
                                         checklistTitle: stream.title, environment: stream.environment, current: true,
                                         currentEvidence: current, decidedBy: nil, changes: nil))
                    continue
                }
                // Earlier states are known only from the decisions made on them.
                let path = (site as NSString).appendingPathComponent("runs/\(entry.run)/report.json")
                guard let read = try? TextFile.bytes(path, limit: 256 << 20) else { continue }
                let bytes = Data(read)
                guard bytes.range(of: Data(prefix.utf8)) != nil else { continue }
                do {
                    let report = try JSONDecoder().decode(RunReport.self, from: bytes)
                    matches += matchesIn(report, reportDigest: entry.report, prefix: prefix)
                } catch {
                    problems.append(.error(path, "cannot read the report: \(error)"))
                }
            }
        }
        return (matches, problems)
    }

    private static func matchesIn(_ report: RunReport, reportDigest: String, prefix: String) -> [Match] {
        let title = report.checklist.title
        let evidence = report.evidenceDigest
        var found: [Match] = []
        if evidence.hasPrefix(prefix) || reportDigest.hasPrefix(prefix) {
            found.append(Match(kind: evidence.hasPrefix(prefix) ? .evidence : .report, digest: evidence.hasPrefix(prefix) ? evidence : reportDigest,
                               run: report.run.id, checklistTitle: title, environment: report.run.environment, current: true,
                               currentEvidence: evidence, decidedBy: nil, changes: nil))
            return found
        }
        // The decisions made on an earlier state: the newest of them names it.
        let earlier = report.signoffs.flatMap(\.records).filter { $0.evidenceDigest?.hasPrefix(prefix) == true }
        guard let digest = earlier.first?.evidenceDigest else { return [] }
        let words = earlier.map { "\($0.role) \($0.decision == .approve ? "approved" : "rejected") (\($0.name), \($0.at.display))" }
        let states = earlier.compactMap(\.itemStates).first
        found.append(Match(kind: .evidence, digest: digest, run: report.run.id, checklistTitle: title, environment: report.run.environment,
                           current: false, currentEvidence: evidence, decidedBy: words.joined(separator: "; "),
                           changes: states.map { EvidenceDigest.changes(since: $0, items: report.items) }))
        return found
    }
}
