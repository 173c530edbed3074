import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport
@testable import PreflightHistory
@testable import PreflightSite

/// Copying a run's attachments into the site: a stored file that changed or went away after the
/// reader checked it is not copied, and its broken link is a problem shown with the run.
@Suite("Attachments copied into the site")
struct AttachmentCopyTests {
    static func attachment(_ text: String, name: String) -> (PreflightRuns.Attachment, String) {
        let bytes = Array(text.utf8)
        return (PreflightRuns.Attachment(name: name, sha256: Attachment.digest(bytes), size: bytes.count), text)
    }

    @Test func anAttachmentChangedAfterTheCheckIsAProblemOnTheRunPageNotASilentGap() throws {
        let fixture = try RunArchiveFixture(RunsFixtures.mini)
        let (good, goodText) = Self.attachment("all 12 checks passed\n", name: "smoke.log")
        let (bad, badText) = Self.attachment("<testsuite tests=\"1\"/>\n", name: "junit.xml")
        let record = """
            [{"item": "build/lint", "status": "pass", "attachments": [
              {"name": "smoke.log", "sha256": "\(good.sha256)", "size": \(good.size)},
              {"name": "junit.xml", "sha256": "\(bad.sha256)", "size": \(bad.size)}]}]
            """
        try fixture.run("r1", started: "2026-10-05T09:00:00Z", files: [
            "results.json": record, "attachments/\(good.sha256)": goodText, "attachments/\(bad.sha256)": badText,
        ])
        // The reader checks both files while merging…
        let archive = RunArchive.scan(fixture.runs)
        let manifest = try #require(archive.manifests.first)
        let report = StreamMerger(checklist: fixture.checklist, archive: archive).report(for: manifest)
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(report.items.first?.results.first?.attachments == [good, bad])
        // …then one changes (same size, other bytes) before the site copies it.
        try fixture.dir.write("runs/r1/attachments/\(bad.sha256)", badText.uppercased())

        let staging = fixture.dir.url("_site")
        let renderer = PageRenderer(templates: try TemplateLibrary.load(SiteFixture.templates), staging: staging, progress: nil)
        let context = RunContext(checklist: fixture.checklist, summarySections: fixture.checklist.summarySections, report: report,
                                 summary: RunSummary(report, checklist: fixture.checklist), archive: fixture.runs,
                                 previous: nil, next: nil, digest: "")
        let written = try renderer.writeRun(context)
        let message = "r1/attachments/\(bad.sha256): error: the attachment 'junit.xml' changed or went away while the site was built; "
            + "it is not on the site, so its link is broken (build again)"
        #expect(written.problems.map { $0.relative(to: fixture.runs).description } == [message])

        #expect(try String(contentsOfFile: "\(staging)/runs/r1/attachments/\(good.sha256)/smoke.log", encoding: .utf8) == goodText)
        #expect(!FileManager.default.fileExists(atPath: "\(staging)/runs/r1/attachments/\(bad.sha256)"))
        let page = try String(contentsOfFile: "\(staging)/runs/r1/index.html", encoding: .utf8)
        #expect(page.contains(HTMLEscaping.escape(message)), "the run page lists the problem")
        let json = try String(contentsOfFile: "\(staging)/runs/r1/report.json", encoding: .utf8)
        #expect(json.contains("the attachment 'junit.xml' changed or went away while the site was built"))
    }

    @Test func intactAttachmentsAreCopiedWithNoProblem() throws {
        let fixture = try TempDir()
        let (good, text) = Self.attachment("<svg/>\n", name: "chart.svg")
        try fixture.write("runs/r1/attachments/\(good.sha256)", text)
        let problems = try AttachmentFiles.copy([good], run: "r1", archive: fixture.url("runs"), staging: fixture.url("_site"))
        #expect(problems.isEmpty)
        #expect(try fixture.read("_site/runs/r1/attachments/\(good.sha256)/chart.svg.txt") == text)
        let gone = try AttachmentFiles.copy([Self.attachment("other\n", name: "x.log").0], run: "r1", archive: fixture.url("runs"),
                                            staging: fixture.url("_site"))
        #expect(gone.count == 1)
    }
}
