import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightReport
@testable import PreflightSite

/// The sign-off sheet of a checklist that names no roles, or has no Go/No-Go criteria.
@Suite struct RolelessSheetTests {
    static func sheet(_ checklist: String, results: String = "[]") throws -> String {
        let fixture = try Fixture()
        try fixture.write("checklists/plain.md", checklist)
        try fixture.write("runs/plain-1/run.json", """
            {"checklist": "plain", "environment": "staging", "started_at": "2026-11-01T10:00:00Z"}
            """)
        try fixture.write("runs/plain-1/results.json", results)
        let output = fixture.path("_site")
        _ = try SiteBuilder(options: SiteFixture.options(output: output, content: fixture.path("checklists"),
                                                         runs: fixture.path("runs"))).build()
        return try String(contentsOfFile: output + "/runs/plain-1/signoff.html", encoding: .utf8)
    }

    @Test func aSheetWithoutRolesHasAGeneralApprovalBlockOfTwoRows() throws {
        let sheet = try Self.sheet(RealChecklistSiteTests.checklist, results: RealChecklistSiteTests.results)
        #expect(sheet.contains("This checklist defines no sign-off roles"))
        #expect(sheet.contains("<code>- [ ] **Security Lead**: ____</code>"))
        #expect(sheet.contains("<table class=\"signature-table general-approval\">"))
        #expect(sheet.contains("<th scope=\"col\">Name</th><th scope=\"col\">Decision</th><th scope=\"col\">Date</th><th scope=\"col\">Signature</th>"))
        #expect(sheet.components(separatedBy: "<td class=\"signature-line\"><span class=\"signature-space\"></span></td>").count - 1 == 2)
        #expect(sheet.components(separatedBy: "<td>☐ Approve ☐ Reject</td>").count - 1 == 2)
    }

    @Test func aSheetWithoutCriteriaStatesTheVerdictRuleInsteadOfEmptyTables() throws {
        let sheet = try Self.sheet(RealChecklistSiteTests.checklist, results: RealChecklistSiteTests.results)
        #expect(sheet.contains("<h2>Verdict rule</h2>"))
        #expect(sheet.contains(VerdictRules.itemRuleInWords(hasSignoffs: false)))
        #expect(!sheet.contains("<h2>Go criteria</h2>"))
        #expect(!sheet.contains("<h2>No-Go criteria</h2>"))
        #expect(!sheet.contains("<tbody></tbody>"), "no table is printed empty")
    }

    @Test func aSheetWithGoCriteriaOnlySaysThereAreNoNoGoCriteria() throws {
        let sheet = try Self.sheet("""
            # Gate

            ## Go Criteria

            - [ ] Tests pass {#tests}

            ## Sign-Off

            - [ ] **Release Manager**: ____

            """)
        #expect(sheet.contains("<h2>Go criteria</h2>"))
        #expect(sheet.contains("None: this checklist has no No-Go criteria."))
        #expect(!sheet.contains("<h2>Verdict rule</h2>"))
        #expect(!sheet.contains("general-approval"))
        #expect(sheet.contains("<tr class=\"binding-unsigned\"><th scope=\"row\">Release Manager</th>"))
        #expect(!sheet.contains("<tbody></tbody>"))
    }

    @Test func theRuleMentionsSignoffsOnlyWhenThereAreRoles() {
        #expect(!VerdictRules.itemRuleInWords(hasSignoffs: false).contains("sign-off"))
        #expect(VerdictRules.itemRuleInWords(hasSignoffs: true).contains("Every sign-off role must also approve"))
    }
}
