import Foundation
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightImport
@testable import PreflightReport
@testable import PreflightSite

extension FuzzTarget {
    /// A checklist file: decoded as `preflight` reads one, parsed, and its items resolved by id and label.
    static func checklist(_ bytes: [UInt8]) {
        guard let text = try? TextFile.decode(bytes, path: "checklists/fuzz.md") else { return }
        let parsed = ChecklistParser().parse(text, name: "fuzz", path: "checklists/fuzz.md")
        let resolver = ItemResolver(parsed.checklist)
        // Ids only: an unknown reference ranks every id by edit distance, which would make this target slow.
        for item in parsed.checklist.items.prefix(8) { _ = resolver.resolve(item.id) }
        _ = parsed.checklist.signoffRoles
    }

    /// A record file of a run of the seed checklist, through the report and its canonical JSON.
    static func record(_ bytes: [UInt8]) {
        let path = "runs/production-2026-11-16-1/results.json"
        guard let value = try? RunReader.parseJSON(bytes, path: path) else { return }
        let manifest = RunManifest(id: "production-2026-11-16-1", checklist: seed.name, environment: "production",
                                   startedAt: Timestamp("2026-11-16T09:00:00Z")!)
        var decoder = RecordFileDecoder(file: "results.json", path: path, manifest: manifest, resolver: ItemResolver(seed),
                                        roles: seed.signoffRoles)
        decoder.decode(value)
        for result in decoder.results { _ = result.validUntil?.display }
        let input = RunInput(folder: "runs/production-2026-11-16-1", manifest: manifest, results: decoder.results,
                             waivers: decoder.waivers, signoffs: decoder.signoffs, problems: decoder.problems)
        let report = ReportBuilder(checklist: seed).build(input)
        _ = report.canonicalJSON(relativeTo: "runs")
    }

    /// Text as a time and as a duration, formatted back, and the one sum the site computes (a
    /// result's `observed_at` + `valid_for`). The first line is the time, the rest the duration.
    static func time(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        let parts = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let time = Timestamp(parts[0])
        if let time {
            // What the site prints must read back as the same second.
            let again = Timestamp(Timestamp.format(time.seconds))
            precondition(again?.seconds == time.seconds.rounded(.down), "\(parts[0]) formats as \(Timestamp.format(time.seconds))")
            _ = time.display
            _ = time.day
        }
        let duration = parts.count > 1 ? ISODuration(parts[1]) : ISODuration(parts[0])
        if let duration {
            let result = ProbeResult(item: "x", status: .pass, summary: nil, details: nil, probe: nil,
                                     observedAt: time ?? Timestamp(seconds: 0), durationMs: nil, evidence: [],
                                     validFor: duration, expiresAt: nil, source: RecordSource(run: "r", file: "f.json", path: "$"))
            _ = result.validUntil?.display
        }
    }

    /// A project's `layout.mustache` beside the built-in partials: loaded, checked and rendered strictly.
    static func template(_ bytes: [UInt8]) {
        guard (try? TextFile.decode(bytes, path: "templates/layout.mustache")) != nil else { return }
        var files = BuiltInTheme.templates.filter { $0.key.hasPrefix("partials/") }.sorted { $0.key < $1.key }
            .map { ThemeFile(path: $0.key, origin: "<built-in>/templates/\($0.key)", builtIn: Array($0.value.utf8)) }
        files.append(ThemeFile(path: "layout.mustache", origin: "templates/layout.mustache", builtIn: bytes))
        guard let library = try? TemplateLibrary.load(files, directory: "templates") else { return }
        _ = library.allowsPlaceholders("layout")
        _ = library.fingerprint(reachableFrom: ["layout"])
        let view = LayoutView(root: "../", pageTitle: "Run <1>", bodyClass: "run", stylesheets: ["a.css", "b.css"],
                              content: RawHTML(Array("<p>content</p>".utf8)), version: "0.0", siteTitle: "Preflight & co")
        _ = try? library.render("layout", view)
    }

    static func junit(_ bytes: [UInt8]) {
        _ = try? JUnitImporter(maxFailures: 3).run([file("report.xml", bytes)])
    }

    static func sarif(_ bytes: [UInt8]) {
        _ = try? SARIFImporter(failOn: .warning, failOnSeverity: .high).run([file("scan.sarif", bytes)])
    }

    static func coverage(_ bytes: [UInt8]) {
        _ = try? CoverageImporter(minimum: 80).run(file("coverage.xml", bytes))
    }

    static func filledChecklist(_ bytes: [UInt8]) {
        _ = try? FilledChecklistImporter(checklist: seed, options: .default).read(file("filled.md", bytes))
    }
}
