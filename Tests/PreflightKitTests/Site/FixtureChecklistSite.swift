import Foundation
@testable import PreflightSupport
@testable import PreflightSite

/// The site of the realistic fixture checklists under Tests/Fixtures (written in the styles public
/// checklists use: wrapped labels, bold leads, bare URLs, alerts, a table of contents, a wrapper
/// heading, no Go/No-Go or Sign-Off sections), built once per test process.
enum FixtureChecklistSite {
    static let checklists = SiteFixture.root("Tests/Fixtures/checklists")
    static let runs = SiteFixture.root("Tests/Fixtures/runs")
    static let unread = SiteFixture.root("Tests/Fixtures/unread/paper-review.md")

    static let service = "service-readiness"
    static let frontend = "frontend-launch"
    static let serviceRuns = ["service-readiness-2026-11-02-1", "service-readiness-2026-11-09-1", "service-readiness-2026-11-16-1"]
    static let frontendRun = "frontend-launch-2026-11-20-1"

    static let built: Result<URL, any Error> = Result {
        let output = try Fixture().folder.appendingPathComponent("_site")
        _ = try SiteBuilder(options: SiteFixture.options(output: output.path, content: checklists, runs: runs)).build()
        return output
    }

    static func site() throws -> URL { try built.get() }

    static func text(_ path: String) throws -> String {
        try String(contentsOf: try site().appendingPathComponent(path), encoding: .utf8)
    }

    static func runPage(_ run: String) throws -> String { try text("runs/\(run)/index.html") }

    /// Values of `attribute="…"` in `html`.
    static func attributes(_ attribute: String, in html: String) -> [String] {
        html.components(separatedBy: " \(attribute)=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    /// In-page links (`href="#…"`) whose target id is not on the page.
    static func unresolvedFragments(_ html: String) -> [String] {
        let ids = Set(attributes("id", in: html))
        return attributes("href", in: html).filter { $0.hasPrefix("#") }.map { String($0.dropFirst()) }
            .filter { !$0.isEmpty && !ids.contains($0) }
    }

    /// The opening tag and body of the item row with this anchor.
    static func row(_ page: String, anchor: String) -> String? {
        guard let start = page.range(of: "id=\"\(anchor)\"") else { return nil }
        let head = page[..<start.lowerBound].components(separatedBy: "<li ").last ?? ""
        let tail = page[start.lowerBound...].components(separatedBy: "</li>").first ?? ""
        return "<li " + head + tail
    }
}
