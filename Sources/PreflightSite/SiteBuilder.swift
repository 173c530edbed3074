import Foundation
import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport
import PreflightHistory

/// Where a build reads from and writes to, and the project's settings that shape the pages.
public struct SiteOptions: Sendable {
    /// The folder of checklist Markdown files.
    public var content: String
    /// The runs archive: one folder per run.
    public var runs: String
    /// The project's Mustache templates, which override the built-in theme's file by file by
    /// relative path (`partials/item.mustache`); a file with a new path is added.
    public var templates: String
    /// Whether `templates` must exist: it was named explicitly. A default folder may be absent.
    public var requireTemplates: Bool
    /// The project's static files, copied into the site over the built-in theme's, file by file.
    public var publicDir: String
    /// Whether `publicDir` must exist: it was named explicitly. A default folder may be absent.
    public var requirePublicDir: Bool
    /// JSON Schemas for the site's `schema/`: the built-in ones, overridden file by file by this
    /// folder when it exists; nil writes no `schema/` folder.
    public var schema: String?
    /// The site folder, replaced only when a build completes.
    public var output: String
    /// The folder holding build caches, one subfolder per output folder; nil: `.preflight-cache` beside the output.
    public var cache: String?
    /// The site's name, shown in every page's header, the dashboard's title and the feed's title.
    public var title: String = SiteOptions.defaultTitle
    /// The site's public address (http or https), used only by the Atom feed for absolute links
    /// and ids, which feed readers need; pages always link relatively.
    public var baseURL: String?
    /// The paper `signoff.html` is laid out for: by default either A4 or US Letter, the reader's.
    public var paper: SheetPaper = .any
    /// Pipeline order of environments: the dashboard shows a checklist's cards in this order.
    /// Unlisted environments follow, earliest first run first.
    public var environments: [String] = []
    /// How many runs, newest first, the Atom feed lists; `[site] feed_entries`.
    public var feedEntries: Int = SiteOptions.defaultFeedEntries
    /// A fleet matrix cell (and a service page's environment) whose latest run is this much older
    /// than the archive's newest run is marked stale; `[dashboard] stale_after`.
    package var staleAfter = SiteOptions.defaultStaleAfter
    /// Heading words that give items their kind.
    public var checklist: ChecklistOptions = .default
    /// Thresholds and window sizes of trend pages and dashboard cards.
    package var history: HistoryOptions = .default
    /// How decisions' signatures are checked.
    package var signoffPolicy = SignoffPolicy()
    /// The reference time of post-deployment phases (`build --as-of`); nil: the archive's newest
    /// timestamp, so the same archive gives the same bytes on any day.
    package var asOf: Timestamp?

    /// The title a site has when the project gives none.
    public static let defaultTitle = "Preflight"
    /// A feed is fetched whole on every poll, so it lists the newest runs rather than all of them.
    public static let defaultFeedEntries = 100
    /// Fourteen days.
    package static let defaultStaleAfter = ISODuration("P14D")!

    /// The defaults are the layout of a Preflight repository. A `templates` or `publicDir` given
    /// here must exist; left nil, the default folder (`templates`, `Public`) is used when present.
    public init(content: String = "content/checklists", runs: String = "content/runs", templates: String? = nil,
                publicDir: String? = nil, schema: String? = "schema", output: String = "_site", cache: String? = nil) {
        self.content = content
        self.runs = runs
        self.templates = templates ?? "templates"
        self.requireTemplates = templates != nil
        self.publicDir = publicDir ?? "Public"
        self.requirePublicDir = publicDir != nil
        self.schema = schema
        self.output = output
        self.cache = cache
    }

    /// The folder this build's cache lives in.
    var cacheFolder: String { BuildCache.folder(for: output, in: cache) }
}

/// The paper a sign-off sheet is laid out for.
public enum SheetPaper: String, Sendable, CaseIterable {
    /// Either paper: the sheet sets no page size, so it prints on the paper the reader picks, and
    /// its layout fits both (A4's width, Letter's height).
    case any
    case a4, letter

    /// The print stylesheet of this paper, in `Public/`.
    var stylesheet: String { self == .any ? "print.css" : "print-\(rawValue).css" }

    /// The paper in words, for the sheet's footer.
    var words: String {
        switch self {
        case .any: "A4 or US Letter"
        case .a4: "A4"
        case .letter: "US Letter"
        }
    }
}

/// What a finished build reports.
public struct BuildSummary: Sendable {
    /// Checklists read.
    public var checklists: Int
    /// Runs with pages on the site.
    public var runs: Int
    /// Pages written or taken over.
    public var pages: Int
    /// Problems in the inputs; the site was written anyway, and pages show the problems they concern.
    public var problems: [Diagnostic]
    /// Wall time of the build.
    public var seconds: Double
    /// Wall time of each step, in order, for `preflight build --timings`.
    public var steps: [(name: String, seconds: Double)] = []
    /// Runs merged, rendered and reused.
    public var counts = BuildCounts()
}

/// `preflight build`: checklists and runs to a static site, in named steps: load templates and
/// checklists → read the cache and scan runs → read, merge and render runs (reusing unchanged
/// ones) → render dashboard, trends and feed → copy assets and swap in → save the cache.
public struct SiteBuilder: Sendable {
    /// Where the build reads from and writes to.
    public var options: SiteOptions
    /// Called with (pages written, pages in all) while pages are written.
    public var progress: (@Sendable (Int, Int) -> Void)?

    public init(options: SiteOptions, progress: (@Sendable (Int, Int) -> Void)? = nil) {
        self.options = options
        self.progress = progress
    }

    /// Builds the site. Throws (leaving any previous site untouched) when templates or the
    /// checklist folder are unusable; input problems are returned in the summary instead.
    public func build() throws(DiagnosticList) -> BuildSummary {
        let lock = try BuildLock(output: options.output)
        defer { withExtendedLifetime(lock) {} }
        let started = Date()
        var steps: [(name: String, seconds: Double)] = []
        var mark = started
        func step(_ name: String) {
            let now = Date()
            steps.append((name, now.timeIntervalSince(mark)))
            mark = now
        }
        let theme = try Theme.effective(for: options)
        let templates = try TemplateLibrary.load(theme.templates, directory: options.templates)
        let library: ChecklistLibrary
        do {
            library = try ChecklistLibrary.load(options.content, options: options.checklist)
        } catch {
            throw DiagnosticList([error])
        }
        var problems = library.failures
        problems += library.checklists.values.sorted { $0.checklist.name < $1.checklist.name }.flatMap(\.diagnostics)
        step("load templates and checklists")
        let cache = BuildCache.load(from: options.cacheFolder)
        var known: [String: (stat: String, manifest: RunManifest)] = [:]
        for stream in cache.streams.values {
            for entry in stream.runs { known[entry.id] = (entry.stat, entry.summary.run) }
        }
        var archive = RunArchive.scan(options.runs, known: known)
        archive.signoffPolicy = options.signoffPolicy
        problems += archive.problems
        // Before anything is built, so that a stream without a folder of its own fails only its pages.
        problems += archive.setAsideUnplaceableStreams(checklists: library.checklists.mapValues(\.checklist.path))
        if let signers = options.signoffPolicy.allowedSigners { problems += AllowedSigners.problems(signers) }
        step("read the cache and scan runs")

        let site = SiteOutput(destination: options.output, cache: options.cacheFolder)
        let collector = TrashCollector(site.trash)
        defer { collector.wait() }
        let staging = try site.prepare()
        let adoption = RunAdoption(site, from: options.output, into: staging)
        adoption.prepareFolders(cache.streams.values.flatMap { $0.runs.map(\.id) })
        do {
            let settings = PageSettings(options)
            let renderer = PageRenderer(templates: templates, staging: staging, progress: progress, settings: settings,
                                        expectedPages: archive.manifests.count * settings.runFiles.count)
            // Run pages are reused only while every template the last build rendered them from
            // (as the fragment cache noted, partials followed) is unchanged.
            let templatesUnchanged = !cache.pageTemplates.isEmpty
                && templates.fingerprint(reachableFrom: cache.pageTemplates) == cache.templatesKey
            let pipeline = RunPipeline(archive: archive, library: library, renderer: renderer, oldOutput: options.output,
                                       cache: cache, pagesKey: ContentKeys.combine([PreflightVersion.current, settings.pagesKey]), templatesUnchanged: templatesUnchanged,
                                       asOf: options.asOf)
            var counts = BuildCounts()
            var runProblems: [Diagnostic] = []
            var result = try pipeline.run(problems: &runProblems, counts: &counts, outside: &problems)
            let pageTemplates = Set(renderer.blocks.renderedTemplates).union(templatesUnchanged ? cache.pageTemplates : [])
            result.cache.pageTemplates = pageTemplates.sorted()
            result.cache.templatesKey = templates.fingerprint(reachableFrom: result.cache.pageTemplates)
            let streams = result.streams
            let unplaced = problems
            problems += runProblems
            step("read, merge and render runs (\(counts.merged) merged, \(counts.rendered) rendered, \(counts.reused) reused)")
            // Links, not moves: the live site stays byte-identical until the swap.
            adoption.adopt(runs: result.unchanged, files: settings.runFiles)
            let reuse = TrendReuse(oldOutput: options.output, previous: cache.streams.compactMapValues(\.trend), templates: templates, settings: settings)
            let (sitePages, trends) = try renderer.render(streams, library: library, problems: unplaced, options: options.history,
                                                          asOf: result.asOf, reuse: reuse)
            for (key, entry) in trends { result.cache.streams[key]?.trend = entry }
            step("render dashboard, trends and feed")
            // Copied on every build, never cached: the site always holds the effective theme's files.
            try site.copy(theme.publicFiles, to: staging, as: nil)
            try site.copy(theme.schemas, to: staging, as: "schema")
            try adoption.wait()
            KillPoint.reach(.adopted)
            renderer.countReused(result.unchanged.count)
            try site.swapIn(staging)
            step("copy assets and swap in")
            result.cache.save(to: options.cacheFolder, previous: cache)
            step("save the cache")
            let runs = streams.reduce(0) { $0 + $1.summaries.count }
            return BuildSummary(
                checklists: library.checklists.count, runs: runs, pages: sitePages + runs * settings.runFiles.count,
                problems: problems, seconds: Date().timeIntervalSince(started), steps: steps, counts: counts)
        } catch {
            // The linking thread may still be writing into the build folder.
            try? adoption.wait()
            site.discard(staging)
            throw error
        }
    }
}
