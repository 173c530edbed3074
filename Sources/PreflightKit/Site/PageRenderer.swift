import Foundation

/// The frame every HTML page shares: `layout.mustache` around a page template's output.
public struct LayoutView: ViewModel {
    public var root: String
    public var pageTitle: String
    public var bodyClass: String
    public var stylesheets: [String]
    public var content: String
    public var version: String
}

/// Renders every page of the site into the staging folder, in parallel.
struct PageRenderer: Sendable {
    let templates: TemplateLibrary
    let staging: String
    let progress: (@Sendable (Int, Int) -> Void)?

    /// One file to produce.
    enum Job: Sendable {
        case run(stream: Int, index: Int)
        case home
    }

    func render(_ streams: [Stream], library: ChecklistLibrary) throws(DiagnosticList) -> Int {
        var jobs: [Job] = [.home]
        for (streamIndex, stream) in streams.enumerated() {
            jobs += stream.reports.indices.map { Job.run(stream: streamIndex, index: $0) }
        }
        let total = jobs.reduce(0) { count, job in
            if case .run = job { return count + 4 }
            return count + 1
        }
        let counter = Counter()
        let outcomes = ParallelMap.run(jobs) { job -> DiagnosticList? in
            do {
                let written = try self.write(job, streams)
                progress?(counter.add(written), total)
                return nil
            } catch let error as DiagnosticList {
                return error
            } catch {
                return DiagnosticList([.error(self.staging, "\(error)")])
            }
        }
        let failures = outcomes.compactMap { $0 }.flatMap { (list: DiagnosticList) in list.diagnostics }
        if !failures.isEmpty { throw DiagnosticList(Array(Set(failures)).sorted { $0.description < $1.description }) }
        return total
    }

    private func write(_ job: Job, _ streams: [Stream]) throws(DiagnosticList) -> Int {
        switch job {
        case .home:
            try page("index.html", template: "home", model: HomePage(streams), root: "", title: "Preflight", bodyClass: "home")
            return 1
        case .run(let streamIndex, let index):
            let stream = streams[streamIndex]
            let report = stream.reports[index]
            let json: Data
            do {
                json = try ReportDigest.canonicalJSON(report)
            } catch {
                throw DiagnosticList([.error(report.run.id, "cannot encode the report: \(error)")])
            }
            let context = RunContext(
                checklist: stream.checklist, report: report,
                previous: index > 0 ? stream.reports[index - 1] : nil,
                next: index + 1 < stream.reports.count ? stream.reports[index + 1].run : nil,
                digest: ReportDigest.sha256(json))
            let folder = "runs/\(report.run.id)/"
            try file(folder + "report.json", json)
            let runPage = RunPage(context)
            try page(folder + "index.html", template: "run", model: runPage, root: RunPage.root, title: runPage.pageTitle, bodyClass: "run")
            for paper in ["a4", "letter"] {
                let sheet = SignoffPage(context, paper: paper)
                try page(folder + (paper == "a4" ? "signoff.html" : "signoff-letter.html"), template: "signoff", model: sheet,
                         root: sheet.root, title: sheet.pageTitle, bodyClass: "sheet paper-\(paper)",
                         stylesheets: ["print-\(paper).css"])
            }
            return 4
        }
    }

    private func page(_ path: String, template: String, model: some ViewModel, root: String, title: String,
                      bodyClass: String, stylesheets: [String] = []) throws(DiagnosticList) {
        let content = try templates.render(template, model)
        let layout = LayoutView(root: root, pageTitle: title, bodyClass: bodyClass,
                                stylesheets: stylesheets.map { root + $0 }, content: content, version: PreflightVersion.current)
        try file(path, Data(try templates.render("layout", layout).utf8))
    }

    private func file(_ path: String, _ data: Data) throws(DiagnosticList) {
        let full = (staging as NSString).appendingPathComponent(path)
        do {
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        } catch {
            throw DiagnosticList([.error(full, "cannot create folder: \(error.localizedDescription)")])
        }
        guard FileManager.default.createFile(atPath: full, contents: data) else {
            throw DiagnosticList([.error(full, "cannot write the file")])
        }
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
