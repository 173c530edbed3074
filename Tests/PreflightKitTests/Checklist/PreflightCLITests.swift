import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport
@testable import PreflightHistory
@testable import PreflightSite

/// The built `preflight` binary, end to end.
@Suite struct PreflightCLITests {
    struct Listing: Decodable {
        var checklist: String
        var id: String
        var kind: String
        var checked: Bool
        var depth: Int
        var parent: String?
        var children: [String]
        var line: Int
        var text: String
        var section: String
        var role: String?
    }

    @Test func idsAsJSONListsTheSeed() throws {
        let result = try CLI.run(["ids", Fixture.seedPath, "--format", "json"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let listings = try JSONDecoder().decode([Listing].self, from: Data(result.stdout.utf8))
        #expect(listings.count == 177)
        #expect(Set(listings.map(\.id)).count == 177)
        #expect(listings.filter { $0.role != nil }.map(\.role) == ["Technical Lead", "Security Lead", "Operations Lead", "Product Owner"])
        let first = try #require(listings.first)
        #expect(first.checklist == "production-deployment")
        #expect(first.id == "pre-deployment-requirements/infrastructure-readiness/aws-account-setup")
        #expect(first.children.count == 4)
        #expect(first.parent == nil)
        #expect(first.section == "pre-deployment-requirements/infrastructure-readiness")
        #expect(listings.map(\.id) == (try ChecklistParser().parse(fileAt: Fixture.seedPath)).ids)
        // `parent` is written as null, not left out, for top-level items.
        #expect(result.stdout.contains("\"parent\" : null"))
    }

    @Test func idsAsTextShowsPlaceKindBoxAndID() throws {
        let fixture = try Fixture()
        let path = try fixture.write("list.md", "## Go Criteria\n- [x] Ready\n")
        let result = try CLI.run(["ids", path])
        #expect(result.status == 0)
        #expect(result.stdout == "list:2\tgo\t[x]\tgo-criteria/ready\n")
    }

    @Test func checkPassesTheSeedAndFailsABadFile() throws {
        let good = try CLI.run(["check", Fixture.seedPath])
        #expect(good.status == 0)
        #expect(good.stderr == "checked 1 checklist(s): 0 error(s), 0 warning(s)\n")

        let fixture = try Fixture()
        let bad = try fixture.write("bad.md", "# Bad\n\n## Sign-Off\n\nNo boxes.\n")
        let result = try CLI.run(["check", bad])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(bad):1:1: error: checklist has no task items"))
        #expect(result.stderr.contains("\(bad):3:1: error: 'Sign-Off' is a signoff section with no task items"))
    }

    @Test func checkStrictTurnsWarningsIntoErrors() throws {
        let fixture = try Fixture()
        let path = try fixture.write("warn.md", "## S\n- [ ] Same\n- [ ] Same\n")
        let lenient = try CLI.run(["check", path])
        #expect(lenient.status == 0)
        #expect(lenient.stderr.contains("\(path):3:1: warning: id 's/same' repeats line 2"))
        let strict = try CLI.run(["check", "--strict", path])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("\(path):3:1: error: id 's/same' repeats line 2"))
    }

    @Test func checkDefaultsToTheContentFolder() throws {
        let fixture = try Fixture()
        try fixture.write("content/checklists/a.md", "- [ ] a\n")
        try fixture.write("content/checklists/b.md", "no items\n")
        let result = try CLI.run(["check"], in: fixture.folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("content/checklists/b.md:1:1: error:"))
        #expect(result.stderr.hasSuffix("checked 2 checklist(s): 1 error(s), 0 warning(s)\n"))
        let missing = try CLI.run(["check", "--content", fixture.path("none")])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no such folder of checklists"))
    }

    @Test func missingDirectoryAndBinaryFilesExitOne() throws {
        let fixture = try Fixture()
        let binary = try fixture.write("bin.md", Data([0x7F, 0x45, 0x4C, 0x46, 0x00]))
        let result = try CLI.run(["check", fixture.path("gone.md"), fixture.folder.path, binary])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(fixture.path("gone.md")): error: no such file"))
        #expect(result.stderr.contains("\(fixture.folder.path): error: is a directory, not a file"))
        #expect(result.stderr.contains("\(binary):1:5: error: file contains a NUL byte"))
        let ids = try CLI.run(["ids", fixture.path("gone.md")])
        #expect(ids.status == 1)
    }

    @Test func badUsageExits64() throws {
        #expect(try CLI.run(["ids"]).status == 64)
        #expect(try CLI.run(["ids", Fixture.seedPath, "--format", "yaml"]).status == 64)
        #expect(try CLI.run(["no-such-command"]).status == 64)
    }
}
