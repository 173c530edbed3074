import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport
@testable import PreflightHistory
@testable import PreflightSite

/// What the printable sign-off sheets say for the example history's decisive runs.
@Suite struct SignoffSheetTests {
    static let roles = ["Technical Lead", "Security Lead", "Operations Lead", "Product Owner"]

    @Test func theFinalGoSheetHasEveryApprovalTheVerdictAndTheDigest() throws {
        let file = "runs/production-2026-11-16-1/signoff.html"
        let sheet = try SiteFixture.exampleText(file)
        let approvals = [
            ("Technical Lead", "Daniel Okafor", "2026-11-16"), ("Security Lead", "Priya Raman", "2026-11-16"),
            ("Operations Lead", "Marta Kowalczyk", "2026-11-16"), ("Product Owner", "Sofia Lindqvist", "2026-11-16"),
        ]
        for (role, name, day) in approvals {
            // The example history's decisions predate evidence digests: counted, and marked unbound.
            #expect(sheet.contains("<tr class=\"binding-unbound\"><th scope=\"row\">\(role)</th><td class=\"signer\">\(name)</td><td class=\"decision\">Approved<span class=\"signoff-mark\">unbound: signed without an evidence digest</span></td><td class=\"date\">\(day)</td>"), "\(file): \(role)")
        }
        #expect(sheet.components(separatedBy: "<td class=\"signature-line\"><span class=\"signature-space\"></span></td>").count - 1 == 4, "\(file)")
        #expect(sheet.contains("<div class=\"verdict verdict-go\">"))
        #expect(sheet.contains("<span class=\"verdict-word\">GO</span>"))
        #expect(!sheet.contains("NO-GO"))
        #expect(!sheet.contains("Rejected"))
        // Go criteria are met, no-go criteria clear.
        #expect(sheet.contains("<td class=\"criterion-status\">Met</td>"))
        #expect(sheet.contains("<td class=\"criterion-status\">Clear</td>"))
        #expect(!sheet.contains("<td class=\"criterion-status\">Not met</td>"))
        #expect(!sheet.contains("<td class=\"criterion-status\">Present</td>"))
        let digest = try #require(SiteFixture.sheetDigest(sheet))
        let report = try SiteFixture.exampleSite().appendingPathComponent("runs/production-2026-11-16-1/report.json").path
        #expect(digest == (try SiteFixture.sha256sum(report)))
        #expect(sheet.contains("preflight verify runs/production-2026-11-16-1 --digest \(digest)"))
        let evidence = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: report))) as? [String: Any])["evidence_digest"] as? String
        let short = EvidenceDigest.shortForm(try #require(evidence))
        #expect(sheet.contains("Evidence digest <code class=\"digest-short\">\(short)</code>: sign only if the run page shows the same."))
        #expect(sheet.contains("<code class=\"digest-short\">\(short)</code> <code>\(try #require(evidence))</code>. Look it up with <code>preflight verify \"\(short)\"</code>"))
        #expect(sheet.contains("<dd><code>ffc52b5a9ea0dc40bfd1f0fcb5af89757bd8376c</code></dd>"))
    }

    /// One sheet per run serves both papers: it names no paper size and says so.
    @Test func theOneSheetServesEitherPaper() throws {
        let sheet = try SiteFixture.exampleText("runs/production-2026-11-16-1/signoff.html")
        #expect(sheet.contains("<body class=\"sheet paper-any\">"))
        #expect(sheet.contains("href=\"../../print.css\""))
        #expect(!sheet.contains("print-a4.css") && !sheet.contains("print-letter.css"))
        #expect(sheet.contains("Print this page on A4 or US Letter to sign it."))
        #expect(sheet.contains("paper: A4 or US Letter."))
        let run = try SiteFixture.exampleSite().appendingPathComponent("runs/production-2026-11-16-1").path
        #expect(try FileManager.default.contentsOfDirectory(atPath: run).filter { $0.hasPrefix("signoff") } == ["signoff.html"])
    }

    @Test func theRejectedRunIsNoGoWithTheRejection() throws {
        let sheet = try SiteFixture.exampleText("runs/production-2026-10-20-1/signoff.html")
        #expect(sheet.contains("<span class=\"verdict-word\">NO-GO</span>"))
        #expect(sheet.contains("<div class=\"verdict verdict-no-go\">"))
        #expect(sheet.contains("<tr class=\"binding-unbound\"><th scope=\"row\">Security Lead</th><td class=\"signer\">Priya Raman</td><td class=\"decision\">Rejected<span class=\"signoff-mark\">unbound: signed without an evidence digest</span></td><td class=\"date\">2026-10-20</td>"))
        #expect(sheet.contains("<tr class=\"binding-unbound\"><th scope=\"row\">Technical Lead</th><td class=\"signer\">Daniel Okafor</td><td class=\"decision\">Approved<span class=\"signoff-mark\">unbound: signed without an evidence digest</span></td><td class=\"date\">2026-10-20</td>"))
        // The roles nobody signed offer both boxes.
        #expect(sheet.contains("<tr class=\"binding-unsigned\"><th scope=\"row\">Operations Lead</th><td class=\"signer\"></td><td class=\"decision\"><span class=\"choice\">☐ Approve</span> <span class=\"choice\">☐ Reject</span><span class=\"signoff-mark\">unsigned</span></td>"))
        #expect(sheet.contains("<tr class=\"binding-unsigned\"><th scope=\"row\">Product Owner</th><td class=\"signer\"></td><td class=\"decision\"><span class=\"choice\">☐ Approve</span> <span class=\"choice\">☐ Reject</span><span class=\"signoff-mark\">unsigned</span></td>"))
        #expect(sheet.contains("<td class=\"criterion-status\">Not met</td>") || sheet.contains("<td class=\"criterion-status\">Present</td>"))

        let page = try SiteFixture.exampleText("runs/production-2026-10-20-1/index.html")
        #expect(page.contains("<tr class=\"decision-reject binding-unbound\"><th scope=\"row\"><a href=\"#item-sign-off--security-lead\">Security Lead</a></th><td>Rejected <span class=\"signoff-mark\">(unbound: signed without an evidence digest)</span></td><td>Priya Raman</td>"))
        #expect(page.contains("Pen test findings PT-7 (IDOR)"))
    }

    @Test func aSheetListsAtMostTwelveFailingItems() throws {
        let site = try SiteFixture.exampleSite()
        for id in try FileManager.default.contentsOfDirectory(atPath: SiteFixture.runs).filter({ !$0.hasPrefix(".") }) {
            let sheet = try String(contentsOf: site.appendingPathComponent("runs/\(id)/signoff.html"), encoding: .utf8)
            let failing = sheet.components(separatedBy: "<li><b>Fail:</b> ").count - 1
            #expect(failing <= 12, "\(id)")
            for role in Self.roles {
                #expect(sheet.contains("<th scope=\"row\">\(role)</th>"), "\(id): \(role)")
            }
        }
    }
}
