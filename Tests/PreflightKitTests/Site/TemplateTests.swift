import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport
@testable import PreflightHistory
@testable import PreflightSite

/// The shipped templates render every page, and every way a template can be wrong is an error
/// located in the template that leaves the previous site alone.
@Suite struct TemplateTests {
    static let shipped = ["home", "layout", "partials/item", "partials/reasons", "partials/state", "partials/verdict", "run", "signoff"]

    /// Which template (besides `layout`) writes which page, recognised by the root element it opens with.
    static let pageMarkers: [(template: String, path: String, marker: String)] = [
        ("home", "index.html", "<article class=\"home-page\">"),
        ("run", "runs/production-2026-11-16-1/index.html", "<article class=\"run-page\">"),
        ("signoff", "runs/production-2026-11-16-1/signoff.html", "<article class=\"sheet-page\">"),
    ]

    @Test func theExampleBuildsWithoutProblems() throws {
        let fixture = try Fixture()
        let summary = try SiteFixture.buildExample(into: fixture.path("_site"))
        #expect(summary.problems.map(\.description) == [])
        #expect(summary.checklists == 1)
        #expect(summary.runs == 18)
        // Three files per run (page, sheet, report.json) and the front page, at least.
        #expect(summary.pages >= 18 * 3 + 1)
    }

    @Test func everyRunHasItsPagesAndEveryPageIsComplete() throws {
        let site = try SiteFixture.exampleSite()
        let ids = try FileManager.default.contentsOfDirectory(atPath: SiteFixture.runs).filter { !$0.hasPrefix(".") }.sorted()
        #expect(ids.count == 18)
        for id in ids {
            for file in ["index.html", "signoff.html", "report.json"] {
                let data = FileManager.default.contents(atPath: site.appendingPathComponent("runs/\(id)/\(file)").path)
                #expect((data?.count ?? 0) > 500, "runs/\(id)/\(file)")
            }
        }
        for page in SiteFixture.htmlPages(site.path) {
            let html = try String(contentsOf: site.appendingPathComponent(page), encoding: .utf8)
            #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"), "\(page)")
            #expect(html.hasSuffix("</html>\n"), "\(page)")
            #expect(html.contains("<main id=\"main\">\n<article class="), "\(page)")
        }
    }

    @Test func eachPageKindComesFromItsTemplate() throws {
        let site = try SiteFixture.exampleSite()
        for page in Self.pageMarkers {
            let html = try String(contentsOf: site.appendingPathComponent(page.path), encoding: .utf8)
            #expect(html.contains(page.marker), "\(page.path) from \(page.template)")
            #expect(html.contains("<meta name=\"generator\" content=\"Preflight "), "layout around \(page.path)")
        }
        let run = try SiteFixture.exampleText("runs/production-2026-10-20-1/index.html")
        #expect(run.contains("<li class=\"item depth-"))
        #expect(run.contains("<span class=\"state state-fail\">"))
        #expect(run.contains("<div class=\"verdict verdict-no-go\">"))
        #expect(run.contains("<ul class=\"reasons\">"))
    }

    /// Each template has literal text no other template has; finding it in the site shows the
    /// template was rendered. Works for templates added later without listing them here.
    @Test func everyTemplateIsRenderedSomewhereInTheSite() throws {
        let library = try TemplateLibrary.load(SiteFixture.templates)
        for name in Self.shipped {
            #expect(library.names.contains(name))
        }
        var sources: [String: String] = [:]
        for name in library.names {
            sources[name] = try String(contentsOfFile: SiteFixture.templates + "/" + name + ".mustache", encoding: .utf8)
        }
        let site = try SiteFixture.exampleSite()
        // The example streams are short; a 101-run stream adds the pages only long histories have.
        let long = try Fixture()
        try ExampleHistory.writeTinyArchive(long, environment: "ci", count: 101)
        let longSite = long.path("_site")
        _ = try SiteBuilder(options: ExampleHistory.options(content: long.path("checklists"), runs: long.path("runs"), output: longSite)).build()
        let extensions = [".html", ".xml", ".json", ".svg"]
        let texts = [SiteFixture.tree(site.path), SiteFixture.tree(longSite)].flatMap { tree in
            tree.filter { file in extensions.contains { file.key.hasSuffix($0) } }.map { String(decoding: $0.value, as: UTF8.self) }
        }
        for name in library.names {
            let source = sources[name] ?? ""
            let others = sources.filter { $0.key != name }.values
            let chunks = source.split(separator: /\{\{\{?[^}]*\}?\}\}/).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                .filter { chunk in chunk.count >= 16 && !others.contains { $0.contains(chunk) } }
            // A template made of tags only cannot be recognised this way; the shipped ones all can.
            if chunks.isEmpty {
                #expect(!Self.shipped.contains(name), "\(name) has no literal text of its own")
                continue
            }
            #expect(chunks.contains { chunk in texts.contains { $0.contains(chunk) } }, "\(name) is rendered nowhere in the site")
        }
    }

    @Test func anUnclosedSectionIsASyntaxErrorInThatTemplate() throws {
        let fixture = try Fixture()
        let templates = try SiteFixture.copyTemplates(into: fixture)
        let path = templates + "/signoff.mustache"
        let text = try String(contentsOfFile: path, encoding: .utf8) + "{{#verdict}}\n<p>never closed</p>\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let error = try expectFailedBuild(fixture, templates: templates)
        // The parser notices at the end of the file, where the close tag was due.
        let end = text.components(separatedBy: "\n").count
        #expect(error.diagnostics.map(\.description) == ["\(path):\(end):1: error: template syntax error: expectedSectionEnd"])
    }

    @Test func aMissingPartialIsNamedWithItsPlace() throws {
        let fixture = try Fixture()
        let templates = try SiteFixture.copyTemplates(into: fixture)
        let path = templates + "/run.mustache"
        let (line, column) = try insert("{{> partials/nosuch}}", before: "<h2 id=\"verdict-heading\">", in: path)
        let error = try expectFailedBuild(fixture, templates: templates)
        #expect(error.diagnostics.map(\.description) == [
            "\(path):\(line):\(column): error: partial 'partials/nosuch' does not exist (no partials/nosuch.mustache)",
        ])
    }

    @Test func aVariableNoModelProvidesIsNamedWithItsPlace() throws {
        let fixture = try Fixture()
        let templates = try SiteFixture.copyTemplates(into: fixture)
        let path = templates + "/run.mustache"
        let (line, column) = try insert("{{nosuchvar}}", before: "<h2 id=\"signoffs-heading\">", in: path)
        #expect(line > 1 && column == 1)
        let error = try expectFailedBuild(fixture, templates: templates)
        // Every run page misses it; the build reports it once.
        #expect(error.diagnostics.map(\.description) == [
            "\(path):\(line):\(column): error: variable 'nosuchvar' is not provided to template 'run'",
        ])
    }

    @Test func aVariableMissingInsideASectionIsFoundThroughThePartial() throws {
        let fixture = try Fixture()
        let templates = try SiteFixture.copyTemplates(into: fixture)
        let path = templates + "/partials/item.mustache"
        let (line, column) = try insert("{{itemColour}}", before: "<span class=\"item-label\">", in: path)
        let error = try expectFailedBuild(fixture, templates: templates)
        #expect(error.diagnostics.map(\.description) == [
            // Item rows are rendered from the partial itself (see ItemRowRenderer).
            "\(path):\(line):\(column): error: variable 'itemColour' is not provided to template 'partials/item'",
        ])
    }

    @Test func aDottedNameIsRejected() throws {
        let fixture = try Fixture()
        let templates = try SiteFixture.copyTemplates(into: fixture)
        let path = templates + "/home.mustache"
        let (line, column) = try insert("{{verdict.word}}", before: "<div class=\"cards\">", in: path)
        let error = try expectFailedBuild(fixture, templates: templates)
        #expect(error.diagnostics.map(\.description) == [
            "\(path):\(line):\(column): error: dotted name 'verdict.word' is not supported; open a section instead ({{#a}}{{b}}{{/a}})",
        ])
    }

    @Test func aLayoutMissingFromTheProjectIsTheBuiltInOne() throws {
        let fixture = try Fixture()
        let templates = try SiteFixture.copyTemplates(into: fixture)
        try FileManager.default.removeItem(atPath: templates + "/layout.mustache")
        let output = fixture.path("_site")
        _ = try SiteBuilder(options: SiteFixture.options(output: output, templates: templates)).build()
        #expect(try String(contentsOfFile: output + "/index.html", encoding: .utf8) == (try SiteFixture.exampleText("index.html")))
        // Without the built-in theme under it, the folder alone misses its layout.
        let library = try TemplateLibrary.load(templates)
        do {
            _ = try library.render("layout", LinkView(href: "a.html", text: "A"))
            Issue.record("the layout should be missing")
        } catch {
            #expect(error.description == "\(templates)/layout.mustache: error: template 'layout' does not exist")
        }
    }

    @Test func anEmptyTemplatesFolderLeavesTheBuiltInTheme() throws {
        let fixture = try Fixture()
        let templates = fixture.path("templates")
        try FileManager.default.createDirectory(atPath: templates, withIntermediateDirectories: true)
        let output = fixture.path("_site")
        _ = try SiteBuilder(options: SiteFixture.options(output: output, templates: templates)).build()
        #expect(try String(contentsOfFile: output + "/index.html", encoding: .utf8) == (try SiteFixture.exampleText("index.html")))
        // Loading the folder alone (no theme under it) still refuses an empty one.
        do {
            _ = try TemplateLibrary.load(templates)
            Issue.record("an empty folder alone should not load")
        } catch {
            #expect(error.description == "\(templates): error: no templates (*.mustache) found")
        }
    }

    @Test func anUnknownTemplateIsAnError() throws {
        let library = try TemplateLibrary.load(SiteFixture.templates)
        let model = LinkView(href: "a.html", text: "A")
        #expect(throws: DiagnosticList.self) { try library.render("nosuch", model) }
        do {
            _ = try library.render("nosuch", model)
        } catch {
            #expect(error.description == "\(SiteFixture.templates)/nosuch.mustache: error: template 'nosuch' does not exist")
        }
    }

    @Test func aDeclaredNilRendersEmptyButAnUndeclaredNameFails() throws {
        let fixture = try Fixture()
        try fixture.write("t/reason.mustache", "[{{#href}}<a href=\"{{href}}\">{{/href}}{{item}}]")
        try fixture.write("t/bad.mustache", "[{{item}} {{colour}}]")
        let library = try TemplateLibrary.load(fixture.path("t"))
        #expect(try library.render("reason", ReasonView(item: "x <y>", href: nil, why: "w")) == "[x &lt;y&gt;]")
        #expect(try library.render("reason", ReasonView(item: "x", href: "#i", why: "w")) == "[<a href=\"#i\">x]")
        #expect(throws: DiagnosticList.self) { try library.render("bad", ReasonView(item: "x", href: nil, why: "w")) }
    }

    // MARK: - Helpers

    /// Inserts `text` on its own line before the line holding `marker`; returns where it went (line, column).
    private func insert(_ text: String, before marker: String, in path: String) throws -> (Int, Int) {
        var lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
        let index = try #require(lines.firstIndex { $0.contains(marker) }, "no \(marker) in \(path)")
        lines.insert(text, at: index)
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return (index + 1, 1)
    }

    /// Builds the example with `templates` over a hand-made old site; the build must fail and
    /// leave the old site byte-identical with no staging folder behind.
    private func expectFailedBuild(_ fixture: Fixture, templates: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> DiagnosticList {
        let output = fixture.path("_site")
        let before = try SiteFixture.writeOldSite(output)
        let options = SiteFixture.options(output: output, templates: templates)
        var thrown: DiagnosticList?
        do {
            _ = try SiteBuilder(options: options).build()
        } catch {
            thrown = error
        }
        let error = try #require(thrown, "the build should fail", sourceLocation: sourceLocation)
        #expect(SiteFixture.tree(output) == before, "the old site changed", sourceLocation: sourceLocation)
        #expect(SiteFixture.leftovers(beside: output) == [], sourceLocation: sourceLocation)
        return error
    }
}

/// Rows rendered from placeholders must print exactly what Mustache prints, transforms included.
@Suite("Item rows with transforms")
struct ItemRowTransformTests {
    @Test func aTransformedValueIsRenderedThroughMustache() throws {
        let fixture = try Fixture()
        let templates = try SiteFixture.copyTemplates(into: fixture)
        let path = templates + "/partials/item.mustache"
        let source = try String(contentsOfFile: path, encoding: .utf8)
        #expect(source.contains("<p class=\"summary\">{{summary}}</p>"))
        try source.replacingOccurrences(of: "<p class=\"summary\">{{summary}}</p>", with: "<p class=\"summary\">{{uppercased(summary)}}</p>")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let output = fixture.path("_site")
        _ = try SiteBuilder(options: SiteFixture.options(output: output, templates: templates)).build()
        let page = try String(contentsOfFile: output + "/runs/production-2026-11-16-1/index.html", encoding: .utf8)
        #expect(page.contains("<p class=\"summary\">NO CRITICAL VULNERABILITIES IN THE 14 DEPLOYED IMAGES</p>"))
        #expect(!page.contains("No critical vulnerabilities in the 14 deployed images"))
    }
}

/// Filled rows must be the bytes Mustache renders for the same item: the generated shape must
/// list texts in the order the placeholder model hands out tokens.
@Suite("Item rows from placeholders")
struct ItemRowFragmentTests {
    @Test func everyRowOfTheExampleRunsEqualsDirectRendering() throws {
        let templates = try TemplateLibrary.load(SiteFixture.templates)
        let rows = ItemRowRenderer(fragments: FragmentCache(templates: templates))
        let library = try ChecklistLibrary.load(SiteFixture.checklists)
        var problems: [Diagnostic] = []
        let streams = StreamSet.mergeReports(archive: RunArchive.scan(SiteFixture.runs), library: library, problems: &problems)
        var compared = 0
        var carried = 0
        for (checklist, _, reports) in streams {
            for report in reports {
                for (index, item) in report.items.enumerated() {
                    let filled = try rows.render(report.items, checklist.items, at: index, anchor: rows.anchors(of: checklist)[index]).html.renderText
                    let direct = try templates.render(ItemRowRenderer.template,
                                                      ItemView(report.items, checklist.items, at: index, anchor: Anchor.item(item.id)))
                    #expect(filled == direct, "\(report.run.id) \(item.id)")
                    compared += 1
                    if item.carriedFrom != nil || item.waiver != nil || item.expired != nil { carried += 1 }
                }
            }
        }
        #expect(compared == 18 * 177)
        #expect(carried > 0)  // rows with carried, waived or expired marks are among them
    }
}
