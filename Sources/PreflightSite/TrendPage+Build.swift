import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport
import PreflightHistory

extension TrendPage {
    init(_ stream: RunStream, history: StreamHistory, blocks: FragmentCache) throws(DiagnosticList) {
        let options = history.options
        let runs = stream.key.siteRoot + "runs/"
        let latestReport = stream.summaries.last
        let latestHref = latestReport.map { runs + $0.run.id + "/index.html" } ?? ""
        let texts = Dictionary(history.tracks.map { ($0.id, $0.text) }, uniquingKeysWith: { a, _ in a })
        func itemHref(_ id: String) -> String { latestHref + "#" + Anchor.item(id) }

        root = stream.key.siteRoot
        checklistTitle = stream.checklist.title
        service = ServiceRefView(stream)
        environment = stream.environment
        pageTitle = "Trend · \(stream.key.title(checklistTitle: checklistTitle))"
        runCountText = ReportFormatter.count(history.points.count, "run")
        latest = latestReport.map { LinkView(href: latestHref, text: $0.run.id) }
        verdict = latestReport.map { VerdictView($0.verdict, reasons: $0.reasons, anchorPrefix: latestHref, limit: VerdictView.pageReasonLimit) }
        readiness = latestReport.map { PercentView($0.readiness) }
        chart = ReadinessChart.svg(history.points, limit: options.chartPoints, subject: "\(checklistTitle) in \(environment)")

        let sampled = StreamHistory.sample(count: history.points.count, limit: options.chartPoints)
        sectionTrends = history.sections.map { section in
            let values = sampled.map { history.points[$0].sections[section.id] }
            let shown = values.compactMap { $0 }
            let label = "Readiness of \(section.title) over \(ReportFormatter.count(history.points.count, "run")): "
                + (shown.first.map { "\(ReportFormatter.percent($0)) first, " } ?? "")
                + "\(ReportFormatter.percent(history.points.last?.sections[section.id])) latest"
            return SectionTrendView(title: section.title, chart: Sparkline.svg(values, label: label, width: 240, height: 36),
                                    latest: history.points.last?.sections[section.id].map { PercentView($0) })
        }
        matrix = try Self.matrix(history, runs: runs, itemHref: itemHref, blocks: blocks)
        flakyRule = "flipped between passing (pass, done) and failing (fail, warn) at least \(ReportFormatter.count(options.flakyFlips, "time")) "
            + "in the last \(ReportFormatter.count(options.flakyWindow, "run")); pending, skip and waived runs are stepped over"
        let states = Dictionary(history.tracks.map { ($0.id, $0.states) }, uniquingKeysWith: { a, _ in a })
        flaky = history.flaky.map { item in
            FlakyView(id: item.id, text: texts[item.id] ?? item.id, href: itemHref(item.id), flipsText: ReportFormatter.count(item.flips, "flip"),
                      runsText: ReportFormatter.count(item.runs, "run"),
                      states: (states[item.id] ?? []).suffix(options.flakyWindow).map { StateView($0 ?? .pending) })
        }
        flakyHTML = try blocks.render(FlakyView.template, flaky)
        longFailingRule = "failing (fail or warn) in the latest run and not passing for at least \(ReportFormatter.count(options.longFailingRuns, "run")) "
            + "in a row, counted from the first failing run (pending runs do not break the stretch)"
        longFailing = history.longFailing.map { item in
            LongFailingView(id: item.id, text: texts[item.id] ?? item.id, href: itemHref(item.id), state: StateView(item.state),
                            since: LinkView(href: runs + item.sinceRun + "/index.html", text: item.sinceRun),
                            sinceDate: item.since.day, runs: item.runs, days: Self.days(item.days))
        }
        var changes = ChangesView(stream.summaries.count > 1 ? stream.summaries[stream.summaries.count - 2] : nil,
                                  latestReport ?? Self.placeholder(stream), checklist: stream.checklist)
        // ChangesView links relative to a run page; from here they point into the latest run.
        changes.previous = changes.previous.map { LinkView(href: runs + $0.text + "/index.html", text: $0.text) }
        for keyPath in [\ChangesView.newlyFailing, \ChangesView.fixed, \ChangesView.newlyWaived, \ChangesView.noLongerKnown,
                        \ChangesView.newBlockers] {
            changes[keyPath: keyPath] = changes[keyPath: keyPath].map { var change = $0; change.href = latestHref + change.href; return change }
        }
        self.changes = changes
        timeToGreen = history.timeToGreen.suffix(options.timeToGreenRows).reversed().map { span in
            GreenView(run: LinkView(href: runs + span.run + "/index.html", text: span.run), date: span.startedAt.day,
                      from: LinkView(href: runs + span.fromRun + "/index.html", text: span.fromRun),
                      fromWhat: span.afterGo ? "previous Go" : "first run", runs: span.runs, days: Self.days(span.days))
        }
        let hidden = history.timeToGreen.count - timeToGreen.count
        timeToGreenNote = hidden > 0 ? "The newest \(timeToGreen.count) of \(history.timeToGreen.count); history.json lists them all." : nil
        runTable = try RunTableView(stream, page: 1, pageSize: options.pageSize, blocks: blocks)
        phaseTimes = nil
    }

    static func days(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value))" : String(format: "%.1f", value)
    }

    /// The newest runs as columns; rows that were ever not passing come first.
    static func matrix(_ history: StreamHistory, runs: String, itemHref: (String) -> String,
                       blocks: FragmentCache) throws(DiagnosticList) -> MatrixView {
        let count = history.points.count
        let window = max(0, count - history.options.matrixRuns)..<count
        let columns = window.map { index in
            let point = history.points[index]
            return MatrixColumnView(href: runs + point.run + "/index.html", label: "\(index + 1)",
                                    title: "\(point.run) · \(point.startedAt.day) · \(point.verdict.rawValue.uppercased())")
        }
        var unsteady: [MatrixRowView] = []
        var steady: [MatrixRowView] = []
        for track in history.tracks {
            let states = track.states[window.clamped(to: 0..<track.states.count)].map { $0 ?? .pending }
            let isSteady = states.allSatisfy { $0.isPassing || $0 == .skip }
            let row = MatrixRowView(id: track.id, text: track.text, href: itemHref(track.id), cells: states.map(StateView.init), steady: isSteady)
            if isSteady { steady.append(row) } else { unsteady.append(row) }
        }
        let caption = "States of \(ReportFormatter.count(history.tracks.count, "item")) in the last \(ReportFormatter.count(columns.count, "run")) "
            + "(columns oldest to newest, numbered by run); \(ReportFormatter.count(unsteady.count, "item")) not always passing come first"
        let rows = unsteady + steady
        return MatrixView(columns: columns, rows: rows, rowsHTML: try blocks.render(MatrixView.rowTemplate, rows), caption: caption)
    }

    /// Never used for a stream with runs; keeps the initializer total for an empty one.
    private static func placeholder(_ stream: RunStream) -> RunSummary {
        RunSummary(run: RunManifest(id: "", checklist: stream.checklist.name, environment: stream.environment, startedAt: Timestamp(seconds: 0)),
                   verdict: .pending, reasons: [], readiness: 0, counts: [:], sectionReadiness: [], states: [], criteria: [], problems: [])
    }
}

extension RunTableView {
    /// Page `page` (1-based) of the stream's runs, newest first; links are relative to the trend folder.
    init(_ stream: RunStream, page: Int, pageSize: Int, blocks: FragmentCache) throws(DiagnosticList) {
        let runs = stream.key.siteRoot + "runs/"
        let total = stream.summaries.count
        let pageCount = Self.pageCount(runs: total, pageSize: pageSize)
        let newest = total - 1 - (page - 1) * pageSize
        let oldest = max(0, newest - pageSize + 1)
        rows = newest < 0 ? [] : (oldest...newest).reversed().map { index in
            let report = stream.summaries[index]
            let href = runs + report.run.id + "/"
            return RunRowView(number: index + 1, run: LinkView(href: href + "index.html", text: report.run.id),
                              started: report.run.startedAt.display, verdict: VerdictView(report.verdict),
                              readiness: PercentView(report.readiness),
                              failing: (report.counts["fail"] ?? 0) + (report.counts["warn"] ?? 0),
                              signoffHref: href + "signoff.html", reportHref: href + "report.json")
        }
        rowsHTML = try blocks.render(RunRowView.template, rows)
        pages = (1...pageCount).map { PageLinkView(href: Self.file(page: $0), text: "\($0)", current: $0 == page) }
        paginated = pageCount > 1
        caption = newest < 0 ? "No runs." : "Runs \(oldest + 1)–\(newest + 1) of \(total), newest first (page \(page) of \(pageCount))"
    }

    static func pageCount(runs: Int, pageSize: Int) -> Int { max(1, (runs + pageSize - 1) / max(1, pageSize)) }

    /// `index.html` for the first page, `page-<n>.html` after it.
    static func file(page: Int) -> String { page == 1 ? "index.html" : "page-\(page).html" }
}
