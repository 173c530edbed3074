import Foundation
import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport
import PreflightHistory

/// A stream's trend folder as the build cache remembers it: the key of what it was made from and
/// the output fingerprint of its files.
struct TrendCacheEntry: Sendable, Equatable {
    var key: String
    var outputs: String
}

/// Takes a stream's trend folder (trend page, run-table pages, history.json, badge) from the
/// previous site, by hard links into the build folder, when nothing it is made from changed: in a
/// fleet of 900 streams a new run changes one of them, yet every trend folder used to be rendered
/// again. The live site is only read, as for run folders.
struct TrendReuse: Sendable {
    /// The previous site.
    let oldOutput: String
    /// The previous build's entries.
    let previous: [StreamKey: TrendCacheEntry]
    /// The generator, the settings pages depend on and every template: trend pages render rows
    /// from templates the code names (`partials/run-row`, `partials/matrix-row`, …), which no
    /// partial tag reaches, so an edit to any template renders every trend folder again.
    let base: String

    init(oldOutput: String, previous: [StreamKey: TrendCacheEntry], templates: TemplateLibrary, settings: PageSettings) {
        self.oldOutput = oldOutput
        self.previous = previous
        base = ContentKeys.combine([PreflightVersion.current, settings.pagesKey,
                                    templates.fingerprint(reachableFrom: templates.names)])
    }

    /// Everything a stream's trend folder is made from: each run's report.json digest (a run
    /// summary is made from its report), the history options, and the reference time when the
    /// page shows post-deployment phase times. Nil when a run has no digest to go by.
    func key(_ stream: RunStream, options: HistoryOptions, asOf: Timestamp) -> String? {
        var parts = [base, "\(options)", stream.path, stream.key.cacheText, stream.checklist.name, stream.checklist.title]
        parts.reserveCapacity(parts.count + 2 * stream.summaries.count + 1)
        for summary in stream.summaries {
            guard !summary.reportDigest.isEmpty else { return nil }
            parts += [summary.run.id, summary.reportDigest]
        }
        if PhaseTimesView(stream, asOf: asOf) != nil { parts.append(asOf.text) }
        return ContentKeys.combine(parts)
    }

    /// The files of a stream's trend folder, in a fixed order.
    static func files(_ stream: RunStream, pageSize: Int) -> [String] {
        let pages = RunTableView.pageCount(runs: stream.summaries.count, pageSize: pageSize)
        return ["index.html", "badge.svg", "history.json"] + (pages > 1 ? (2...pages).map { RunTableView.file(page: $0) } : [])
    }

    /// Links the stream's files from the previous site into `staging` when its key and files are
    /// as the last build left them; false (and nothing taken) otherwise.
    func adopt(_ stream: RunStream, key: String, files: [String], staging: String) -> Bool {
        guard let entry = previous[stream.key], entry.key == key else { return false }
        let old = "\(oldOutput)/trends/\(stream.path)"
        guard ContentKeys.outputFingerprint(folder: old, names: files) == entry.outputs else { return false }
        let folder = "\(staging)/trends/\(stream.path)"
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try SiteOutput.link(files, from: old, to: folder)
            return true
        } catch {
            for name in files { unlink("\(folder)/\(name)") }
            return false
        }
    }
}
