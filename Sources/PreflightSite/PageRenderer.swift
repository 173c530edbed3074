import Foundation
#if canImport(Glibc)
import Glibc
#endif
import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport
import PreflightHistory

/// The frame every HTML page shares: `layout.mustache` around a page template's output.
struct LayoutView: ViewModel {
    var root: String
    var pageTitle: String
    var bodyClass: String
    var stylesheets: [String]
    var content: RawHTML
    var version: String
    var siteTitle: String
}

/// Renders every page of the site into the staging folder, in parallel.
struct PageRenderer: Sendable {
    let templates: TemplateLibrary
    let staging: String
    let progress: (@Sendable (Int, Int) -> Void)?
    let rows: ItemRowRenderer
    let blocks: FragmentCache
    let settings: PageSettings

    /// Pages written so far, for the progress line.
    let written = Counter()
    let expectedPages: Int

    init(templates: TemplateLibrary, staging: String, progress: (@Sendable (Int, Int) -> Void)?,
         settings: PageSettings = PageSettings(), expectedPages: Int = 0) {
        self.templates = templates
        self.settings = settings
        self.staging = staging
        self.progress = progress
        self.expectedPages = expectedPages
        blocks = FragmentCache(templates: templates)
        rows = ItemRowRenderer(fragments: blocks)
    }

    /// One job: a few files produced together.
    enum Job: Sendable {
        /// A stream's trend page and badge.
        case trend(stream: Int)
        /// A stream's history.json.
        case history(stream: Int)
        /// Page 2 and later of a stream's run table.
        case runTable(stream: Int, page: Int)
        /// A service's page: `services/<checklist>/<service>/index.html`.
        case service(fleet: Int, service: Int)
        case home
        case indexJSON
        case feed
    }

    /// Writes the dashboard, trend pages, index.json and the feed; `problems` are those no run page shows.
    /// With `reuse`, a stream's trend folder whose inputs are unchanged is linked from the previous
    /// site instead. Returns the files written or linked, and each stream's trend folder entry for the cache.
    func render(_ streams: [RunStream], library: ChecklistLibrary, problems: [Diagnostic] = [],
                options: HistoryOptions = .default, asOf: Timestamp = Timestamp(seconds: 0),
                reuse: TrendReuse? = nil) throws(DiagnosticList) -> (files: Int, trends: [StreamKey: TrendCacheEntry]) {
        let trendFiles = streams.map { TrendReuse.files($0, pageSize: options.pageSize) }
        let keys = ParallelMap.run(Array(streams.indices)) { reuse?.key(streams[$0], options: options, asOf: asOf) }
        let adopted = ParallelMap.run(Array(streams.indices)) { index -> Bool in
            guard let reuse, let key = keys[index] else { return false }
            return reuse.adopt(streams[index], key: key, files: trendFiles[index], staging: staging)
        }
        // Every page of a stream derives from the same history, so it is computed once, up front.
        let histories = ParallelMap.run(Array(streams.indices)) { StreamHistory(streams[$0], options: options) }
        let fleets = Fleet.fleets(streams, order: settings)
        var clock = RunAge(streams, staleAfter: settings.staleAfter)
        clock.asOf = asOf
        let age = clock
        var jobs: [Job] = [.home, .indexJSON, .feed]
        for (number, fleet) in fleets.enumerated() {
            jobs += fleet.services.indices.map { Job.service(fleet: number, service: $0) }
        }
        for (index, stream) in streams.enumerated() where !adopted[index] {
            jobs += [.trend(stream: index), .history(stream: index)]
            let pages = RunTableView.pageCount(runs: stream.summaries.count, pageSize: options.pageSize)
            if pages > 1 { jobs += (2...pages).map { Job.runTable(stream: index, page: $0) } }
        }
        let total = jobs.reduce(0) { $0 + files(of: $1, streams, options: options) }
        let outcomes = ParallelMap.run(jobs) { job -> DiagnosticList? in
            do {
                let count = try self.write(job, streams, histories: histories, problems: problems, fleets: fleets, age: age)
                progress?(self.written.add(count), max(self.expectedPages + total, self.written.add(0)))
                return nil
            } catch let error as DiagnosticList {
                return error
            } catch {
                return DiagnosticList([.error(self.staging, "\(error)")])
            }
        }
        let failures = outcomes.compactMap { $0 }.flatMap { (list: DiagnosticList) in list.diagnostics }
        if !failures.isEmpty { throw DiagnosticList(Array(Set(failures)).sorted { $0.description < $1.description }) }
        // The fingerprints of the files as written (or linked): the next build checks them in the live site.
        let entries = ParallelMap.run(Array(streams.indices)) { index -> TrendCacheEntry? in
            guard let key = keys[index] else { return nil }
            let folder = (staging as NSString).appendingPathComponent("trends/\(streams[index].path)")
            return ContentKeys.outputFingerprint(folder: folder, names: trendFiles[index]).map { TrendCacheEntry(key: key, outputs: $0) }
        }
        var trends: [StreamKey: TrendCacheEntry] = [:]
        for (stream, entry) in zip(streams, entries) { trends[stream.key] = entry }
        let linked = zip(adopted, trendFiles).reduce(0) { $0 + ($1.0 ? $1.1.count : 0) }
        progress?(written.add(linked), max(expectedPages + total + linked, written.add(0)))
        return (total + linked, trends)
    }

    /// Files a job writes.
    private func files(of job: Job, _ streams: [RunStream], options: HistoryOptions) -> Int {
        switch job {
        case .trend: return 2
        case .history, .runTable, .service: return 1
        case .home, .indexJSON, .feed: return 1
        }
    }

    private func write(_ job: Job, _ streams: [RunStream], histories: [StreamHistory], problems: [Diagnostic],
                       fleets: [Fleet], age: RunAge) throws(DiagnosticList) -> Int {
        switch job {
        case .home:
            let options = histories.first?.options ?? .default
            try page("index.html", template: "home", model: DashboardPage(streams, histories: histories, options: options, problems: problems,
                                                                          order: settings, fleets: fleets, age: age),
                     root: "", title: "\(settings.title) dashboard", bodyClass: "home")
            return 1
        case .service(let number, let index):
            let fleet = fleets[number]
            let service = fleet.services[index]
            let model = ServicePage(service, fleet: fleet, streams: streams, histories: histories, age: age)
            try page(ServicePage.file(service.path), template: "service", model: model, root: model.root,
                     title: model.pageTitle, bodyClass: "service-overview")
            return 1
        case .indexJSON:
            try file("index.json", try json(SiteIndex(streams, asOf: age.asOf), what: "index.json"))
            return 1
        case .feed:
            try file("feed.xml", Data(AtomFeed.xml(streams, title: settings.title, baseURL: settings.baseURL, limit: settings.feedEntries).utf8))
            return 1
        case .trend(let index):
            return try writeTrend(streams[index], history: histories[index], asOf: age.asOf)
        case .history(let index):
            try file("trends/\(streams[index].path)/history.json", Data(HistoryDocument(histories[index]).canonicalJSON()))
            return 1
        case .runTable(let index, let number):
            let stream = streams[index]
            let title = stream.checklist.title
            let runsPage = TrendRunsPage(
                root: stream.key.siteRoot, pageTitle: "Runs, page \(number) · \(stream.key.title(checklistTitle: title))",
                checklistTitle: title, service: ServiceRefView(stream), environment: stream.environment, page: number,
                runTable: try RunTableView(stream, page: number, pageSize: histories[index].options.pageSize, blocks: blocks))
            try page("trends/\(stream.path)/" + RunTableView.file(page: number), template: "trend-runs", model: runsPage,
                     root: stream.key.siteRoot, title: runsPage.pageTitle, bodyClass: "trend")
            return 1
        }
    }

    /// The files written for each run, in `runs/<run-id>/`.
    var runFiles: [String] { settings.runFiles }

    /// Writes a run's pages, report.json and attachments; returns the stat fingerprint of what it
    /// wrote, the problems found while writing (attachments that could not be copied), which the
    /// pages already show, and report.json's digest.
    func writeRun(_ context: RunContext) throws(DiagnosticList) -> (fingerprint: String, problems: [Diagnostic], reportDigest: String) {
        var context = context
        let id = context.report.run.id
        let folder = "runs/\(id)/"
        // One mkdir up front; otherwise the first write fails, asks FileManager for the folder, and retries.
        let runsFolder = (staging as NSString).appendingPathComponent("runs")
        if mkdir(runsFolder + "/" + id, 0o755) != 0 && errno == ENOENT {
            _ = mkdir(runsFolder, 0o755)
            _ = mkdir(runsFolder + "/" + id, 0o755)
        }
        // Attachments first: one that cannot be copied is a problem the run's pages and report.json show.
        let problems = try AttachmentFiles.copy(AttachmentFiles.own(context.report), run: id, archive: context.archive, staging: staging)
        context.report.problems += problems
        let report = context.report
        let json = report.canonicalJSON(relativeTo: context.archive)
        context.digest = ReportDigest.sha256(json)
        try file(folder + "report.json", json)
        let runPage = try RunPage(context, rows: rows, blocks: blocks)
        try page(folder + "index.html", template: "run", model: runPage, root: RunPage.root, title: runPage.pageTitle,
                 bodyClass: "run", compiled: true)
        let sheet = SignoffPage(context, paper: settings.paper)
        try page(folder + "signoff.html", template: "signoff", model: sheet, root: sheet.root, title: sheet.pageTitle,
                 bodyClass: "sheet paper-\(settings.paper.rawValue)", stylesheets: [settings.paper.stylesheet], compiled: true)
        progress?(written.add(runFiles.count), expectedPages)
        let fingerprint = ContentKeys.outputFingerprint(folder: (staging as NSString).appendingPathComponent(folder), names: runFiles)
        return (fingerprint ?? "", problems, context.digest)
    }

    /// Counts the pages of runs taken over unchanged, for the progress line.
    func countReused(_ runs: Int) {
        guard runs > 0 else { return }
        progress?(written.add(runs * runFiles.count), expectedPages)
    }

    /// `trends/<checklist>/<environment>/`: index.html, page-<n>.html, history.json and badge.svg.
    /// `trends/<checklist>/<environment>/index.html` and `badge.svg`.
    private func writeTrend(_ stream: RunStream, history: StreamHistory, asOf: Timestamp) throws(DiagnosticList) -> Int {
        let folder = "trends/\(stream.path)/"
        var trend = try TrendPage(stream, history: history, blocks: blocks)
        trend.phaseTimes = PhaseTimesView(stream, asOf: asOf)
        try page(folder + "index.html", template: "trend", model: trend, root: stream.key.siteRoot, title: trend.pageTitle, bodyClass: "trend")
        let latest = stream.summaries.last
        try file(folder + "badge.svg", Data(Badge.svg(latest?.verdict, readiness: latest?.readiness).utf8))
        return 2
    }

    private func json(_ value: some Encodable, what: String) throws(DiagnosticList) -> Data {
        do {
            return try JSONEncoder.canonicalJSON(value)
        } catch {
            throw DiagnosticList([.error(what, "cannot encode: \(error)")])
        }
    }

    /// Renders `model` into the layout. Run pages and sheets, a thousand alike per build, go
    /// through the fragment cache; pages made once per stream render directly.
    private func page<Model: ShapedModel>(_ path: String, template: String, model: Model, root: String, title: String,
                                          bodyClass: String, stylesheets: [String] = [], compiled: Bool = false) throws(DiagnosticList) {
        let content = compiled ? try blocks.render(template, model) : RawHTML(try templates.render(template, model))
        let layout = LayoutView(root: root, pageTitle: title, bodyClass: bodyClass,
                                stylesheets: stylesheets.map { root + $0 }, content: content, version: PreflightVersion.current,
                                siteTitle: settings.title)
        if compiled {
            var html: [UInt8] = []
            try blocks.render("layout", layout, into: &html)
            try file(path, html)
        } else {
            try file(path, Data(try templates.render("layout", layout).utf8))
        }
    }

    private func file(_ path: String, _ data: some ContiguousBytes) throws(DiagnosticList) {
        try FileWriter.write(data, to: (staging as NSString).appendingPathComponent(path))
    }
}

/// A thread-safe running total.
final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func add(_ amount: Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += amount
        return value
    }
}
