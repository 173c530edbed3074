import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport
@testable import PreflightHistory
@testable import PreflightSite

/// The seed checklist in `content/checklists/` parses as the issue describes.
@Suite struct SeedChecklistTests {
    let parsed: ParsedChecklist

    init() throws {
        parsed = try ChecklistParser().parse(fileAt: Fixture.seedPath)
    }

    @Test func hasNoDiagnostics() {
        #expect(parsed.diagnostics.map(\.description) == [])
    }

    @Test func nameTitleAndItemCount() {
        #expect(parsed.checklist.name == "production-deployment")
        #expect(parsed.checklist.title == "Production Deployment Checklist")
        #expect(parsed.checklist.items.count == 177)
    }

    @Test func kindsAndRoles() {
        let items = parsed.checklist.items
        #expect(items.filter { $0.kind == .go }.count == 8)
        #expect(items.filter { $0.kind == .noGo }.count == 6)
        #expect(items.filter { $0.kind == .signoff }.count == 4)
        #expect(items.filter { $0.kind == .check }.count == 159)
        #expect(parsed.checklist.signoffRoles == ["Technical Lead", "Security Lead", "Operations Lead", "Product Owner"])
    }

    @Test func awsAccountSetupHasFourChildren() throws {
        let setup = try #require(parsed.checklist.item(id: "pre-deployment-requirements/infrastructure-readiness/aws-account-setup"))
        #expect(setup.children == [
            "pre-deployment-requirements/infrastructure-readiness/aws-account-setup/aws-account-created-and-configured",
            "pre-deployment-requirements/infrastructure-readiness/aws-account-setup/iam-usersroles-with-appropriate-permissions",
            "pre-deployment-requirements/infrastructure-readiness/aws-account-setup/billing-alerts-configured",
            "pre-deployment-requirements/infrastructure-readiness/aws-account-setup/service-quotas-verified-eks-rds-etc",
        ])
        #expect(setup.line == 9)
        #expect(setup.text == "AWS Account Setup")
        let billing = try #require(parsed.checklist.item(id: setup.children[2]))
        #expect(billing.parent == setup.id)
        #expect(billing.depth == 1)
        #expect(billing.line == 12)
    }

    @Test func documentedExampleIDsExist() throws {
        let signoff = try #require(parsed.checklist.item(id: "sign-off/technical-lead"))
        #expect(signoff.kind == .signoff)
        #expect(signoff.role == "Technical Lead")
        let noGo = try #require(parsed.checklist.item(id: "gono-go-decision/no-go-criteria-any-one-blocks/test-failures"))
        #expect(noGo.kind == .noGo)
        #expect(parsed.checklist.item(id: "gono-go-decision/go-criteria-all-must-be-met/all-tests-passing")?.kind == .go)
    }

    /// The 177 ids probes and archives already use: a parser change must not move one of them.
    @Test func theSeedIDsAreTheCommittedOnes() throws {
        let fixture = Fixture.packageRoot.appendingPathComponent("Tests/Fixtures/seed-ids.txt").path
        let committed = try String(contentsOfFile: fixture, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(committed.count == 177)
        #expect(parsed.ids == committed)
    }

    @Test func everyIDIsUnique() {
        #expect(Set(parsed.ids).count == parsed.ids.count)
    }

    @Test func sameIDsOnEveryRun() throws {
        let again = try ChecklistParser().parse(fileAt: Fixture.seedPath)
        #expect(again.ids == parsed.ids)
        #expect(again.checklist == parsed.checklist)
    }

    @Test func sameIDsWithCRLFLineEndings() throws {
        let fixture = try Fixture()
        let text = try String(contentsOfFile: Fixture.seedPath, encoding: .utf8)
        #expect(!text.contains("\r"))
        let path = try fixture.write("production-deployment.md", text.replacingOccurrences(of: "\n", with: "\r\n"))
        let crlf = try ChecklistParser().parse(fileAt: path)
        #expect(crlf.ids == parsed.ids)
        #expect(crlf.checklist.items.map(\.line) == parsed.checklist.items.map(\.line))
        #expect(crlf.checklist.items.map(\.text) == parsed.checklist.items.map(\.text))
        #expect(crlf.diagnostics.isEmpty)
    }

    @Test func sectionNotesKeepCodeBlocks() throws {
        let validation = try #require(parsed.checklist.sections.first { $0.id == "deployment-steps/1-pre-deployment-validation" })
        #expect(validation.notesHTML.hasPrefix("<pre><code class=\"language-bash\"># Validate infrastructure\n./scripts/validate_setup.sh\n"))
        let rollback = try #require(parsed.checklist.sections.first { $0.id == "rollback-plan" })
        #expect(rollback.notesHTML.contains("kubectl rollout undo deployment/{service-name} -n gennet-system"))
        #expect(parsed.checklist.sections[0].notesHTML.contains("ready for production deployment"))
    }

    @Test func everyTrailingNameResolvesOrIsReportedAmbiguous() {
        let resolver = ItemResolver(parsed.checklist)
        for id in parsed.ids {
            #expect(resolver.resolve(id) == .success(id))
        }
        #expect(resolver.resolve("billing-alerts-configured") == .success("pre-deployment-requirements/infrastructure-readiness/aws-account-setup/billing-alerts-configured"))
        #expect(resolver.resolve("no-go-criteria-any-one-blocks/test-failures") == .success("gono-go-decision/no-go-criteria-any-one-blocks/test-failures"))
    }
}
