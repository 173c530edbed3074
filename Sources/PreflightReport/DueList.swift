import PreflightSupport
import PreflightChecklist
import PreflightRuns

/// The reference time for "overdue" when none is given: the newest timestamp in the archive
/// (a run start, a result, a sign-off or a deployment), so the same archive judges the same way
/// on any day.
package enum ArchiveClock {
    /// Reads every run of `streams` (in parallel) for its newest timestamp; signatures are not checked (times only).
    package static func newest(_ archive: RunArchive, streams: [RunArchive.ResolvedStream]) -> Timestamp {
        let runs = streams.flatMap { stream in stream.manifests.map { (stream.checklist, $0) } }
        let times = ParallelMap.run(runs) { run in
            ReportBuilder.latest(RunReader.read(folder: archive.folder(of: run.1.id), manifest: run.1, checklist: run.0)).seconds
        }
        return Timestamp(seconds: times.max() ?? archive.manifests.map(\.startedAt.seconds).max() ?? 0)
    }
}

extension RunReport {
    /// Judges a deployed run's phases against `asOf`, else against the archive's newest time, as the
    /// site does (which reads every run, so only a deployed run pays for it).
    package mutating func settle(checklist: Checklist, archive: RunArchive, streams: () throws -> [RunArchive.ResolvedStream],
                                 asOf: Timestamp? = nil) rethrows {
        guard phaseFacts != nil else { return }
        settle(asOf: try asOf ?? ArchiveClock.newest(archive, streams: streams()), checklist: checklist)
    }
}

/// `preflight due`: per stream (service × environment), the newest deployed run's overdue,
/// failing and soon-due phase items.
package struct DueList: Sendable {
    package struct Entry: Sendable {
        package var stream: StreamKey
        package var checklistTitle: String
        package var run: String
        package var postDeployment: PostDeployment
        /// Overdue and failing items, then open ones due within the window, each with its phase's title.
        package var items: [(phase: String, item: PhaseItemReport)]
    }

    package var asOf: Timestamp
    package var within: ISODuration?
    package var entries: [Entry] = []

    package var overdue: Int { entries.reduce(0) { $0 + $1.postDeployment.overdue } }

    /// Looks for each stream's newest run with a deployment, newest first, and merges only that stream.
    package init(archive: RunArchive, streams: [RunArchive.ResolvedStream], asOf: Timestamp, within: ISODuration?) {
        self.asOf = asOf
        self.within = within
        for stream in streams where !stream.checklist.phases.isEmpty {
            guard let deployed = stream.manifests.reversed().first(where: { manifest in
                !RunReader.read(folder: archive.folder(of: manifest.id), manifest: manifest, checklist: stream.checklist).deployments.isEmpty
            }) else { continue }
            var report = StreamMerger(checklist: stream.checklist, archive: archive).report(for: deployed)
            report.settle(asOf: asOf, checklist: stream.checklist)
            guard let post = report.postDeployment else { continue }
            let horizon = asOf.seconds + (within?.seconds ?? .infinity)
            let items = post.phases.flatMap { phase in
                phase.items.filter { item in
                    item.state == .overdue || item.state == .failing || (item.state == .open && item.due.seconds <= horizon)
                }.map { (phase.title, $0) }
            }
            entries.append(Entry(stream: stream.key, checklistTitle: stream.checklist.title, run: deployed.id, postDeployment: post, items: items))
        }
    }

    package func text() -> String {
        var lines = ["As of \(asOf.display)" + (within.map { "; open items due within \(ReportFormatter.span($0.seconds))" } ?? "")]
        if entries.isEmpty { lines.append("No deployed run has post-deployment phases.") }
        for entry in entries {
            lines.append("")
            lines.append("\(entry.stream.title(checklistTitle: entry.checklistTitle)) · run \(entry.run) · "
                         + "\(ReportFormatter.deploymentLine(entry.postDeployment.deployment)) · post-deployment: \(ReportFormatter.statusWords(entry.postDeployment))")
            for (phase, item) in entry.items {
                lines.append("  \(item.state.rawValue.uppercased()) \(item.id) (\(phase), due \(item.due.display)): \(ReportFormatter.phaseItemWords(item))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    package func markdown() -> String {
        var lines = ["## Post-deployment items due as of \(asOf.display)", ""]
        if entries.isEmpty { lines.append("No deployed run has post-deployment phases.") }
        for entry in entries {
            lines.append("### \(ReportFormatter.escape(entry.stream.title(checklistTitle: entry.checklistTitle))): \(ReportFormatter.statusWords(entry.postDeployment))")
            lines.append("")
            lines.append("Run \(ReportFormatter.codeSpan(entry.run)) · \(ReportFormatter.escape(ReportFormatter.deploymentLine(entry.postDeployment.deployment)))")
            if !entry.items.isEmpty {
                lines.append("")
                lines.append("| Item | Phase | Due | State |")
                lines.append("|---|---|---|---|")
                for (phase, item) in entry.items {
                    lines.append("| \(ReportFormatter.codeSpan(item.id)) | \(ReportFormatter.escape(phase)) | \(item.due.display) | \(ReportFormatter.escape(ReportFormatter.phaseItemWords(item))) |")
                }
            }
            lines.append("")
        }
        return lines.joined(separator: "\n") + (entries.isEmpty ? "\n" : "")
    }

    package func json() -> [UInt8] {
        var json = JSONBuilder()
        json.beginObject()
        json.key("as_of"); json.string(asOf.text)
        json.key("overdue"); json.int(overdue)
        json.key("streams")
        json.array(entries) { entry, json in
            json.beginObject()
            json.key("checklist"); json.string(entry.stream.checklist)
            json.key("deployment"); json.encoded(entry.postDeployment.deployment)
            json.key("environment"); json.string(entry.stream.environment)
            json.key("items")
            json.array(entry.items) { pair, json in
                json.beginObject()
                json.key("due"); json.string(pair.item.due.text)
                json.key("id"); json.string(pair.item.id)
                json.key("phase"); json.string(pair.phase)
                if let seconds = pair.item.seconds { json.key("seconds"); json.double(seconds) }
                json.key("state"); json.string(pair.item.state.rawValue)
                json.key("text"); json.string(pair.item.text)
                json.endObject()
            }
            json.key("overdue"); json.int(entry.postDeployment.overdue)
            json.key("run"); json.string(entry.run)
            json.key("service"); if let service = entry.stream.service { json.string(service) } else { json.null() }
            json.key("status"); json.string(entry.postDeployment.status.rawValue)
            json.endObject()
        }
        json.endObject()
        return json.bytes + [0x0A]
    }
}
