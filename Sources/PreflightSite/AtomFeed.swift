import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport
import PreflightHistory

/// `feed.xml`: an Atom feed (RFC 4287) with one entry for each of the newest runs (`[site]
/// feed_entries`, 100 unless set), newest first.
///
/// A feed is polled whole by every reader, and one entry per run of an archive made it grow
/// without bound (5.4 MB at 10,000 runs, rewritten by every build); older runs stay on the
/// dashboard, the trend pages and in index.json.
///
/// Feed readers resolve relative links unreliably, so with the project's base URL (ending in
/// `/`) links and ids are absolute; it is the one file that names the site's address. Without
/// one, links are relative to the feed (which sits at the site root) and ids are tag: URIs built
/// from run ids alone. `updated` is the newest run's start, never the build time, so the same
/// runs always give the same bytes.
enum AtomFeed {
    static func xml(_ streams: [RunStream], title: String = SiteOptions.defaultTitle, baseURL: String? = nil,
                    limit: Int = SiteOptions.defaultFeedEntries) -> String {
        let base = baseURL ?? ""
        let feedID = baseURL.map { $0 + "feed.xml" } ?? "tag:preflight,2026:runs"
        var entries: [(RunSummary, Checklist)] = []
        for stream in streams { entries += stream.summaries.map { ($0, stream.checklist) } }
        entries.sort { a, b in
            let (x, y) = (a.0.run, b.0.run)
            return x.startedAt.seconds != y.startedAt.seconds ? x.startedAt.seconds > y.startedAt.seconds : x.id > y.id
        }
        let updated = entries.first.map { Timestamp.format($0.0.run.startedAt.seconds) } ?? Timestamp.format(0)
        var out = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
        <id>\(SVG.escape(feedID))</id>
        <title>\(SVG.escape(title)) runs</title>
        <subtitle>Go/No-Go verdicts and readiness of every run</subtitle>
        <updated>\(updated)</updated>
        <link rel="alternate" type="text/html" href="\(SVG.escape(base))index.html"/>
        <link rel="self" type="application/atom+xml" href="\(SVG.escape(base))feed.xml"/>
        <author><name>Preflight</name></author>
        <generator version="\(SVG.escape(PreflightVersion.current))">Preflight</generator>

        """
        for (report, checklist) in entries.prefix(limit) {
            let run = report.run
            let word = report.verdict.rawValue.uppercased()
            let title = "\(word) \(ReportFormatter.percent(report.readiness)) · \(run.stream.title(checklistTitle: checklist.title)) · \(run.id)"
            var summary = "\(checklist.title) in \(run.environment), run \(run.id): \(word), readiness "
                + "\(ReportFormatter.percent(report.readiness)) (\(ReportFormatter.countsLine(report.counts)))."
            if let reason = report.reasons.first(where: { !$0.item.isEmpty }) { summary += " First reason: \(reason.why)" }
            let entryID = baseURL.map { $0 + "runs/\(run.id)/index.html" } ?? "tag:preflight,2026:run/\(run.id)"
            out += """
            <entry>
            <id>\(SVG.escape(entryID))</id>
            <title>\(SVG.escape(title))</title>
            <updated>\(Timestamp.format(run.startedAt.seconds))</updated>
            <link rel="alternate" type="text/html" href="\(SVG.escape(base))runs/\(SVG.escape(run.id))/index.html"/>
            <category term="\(SVG.escape(report.verdict.rawValue))"/>
            <summary>\(SVG.escape(summary))</summary>
            </entry>

            """
        }
        return out + "</feed>\n"
    }
}
