import Foundation
import Testing
@testable import PreflightSupport
@testable import PreflightChecklist
@testable import PreflightRuns
@testable import PreflightReport

/// Issue 16 defect 8: a checklist nested 1,000 deep took 23 s and 2.7 GB in `report` and `build`
/// (every trailing part of every id was indexed: memory grew with the cube of the depth), and
/// `report` time grew with the square of the item count (each pending item scanned every item for
/// children). These sizes finish in about a second when the work is linear and would take minutes
/// or gigabytes if either came back.
@Suite struct NestingAndSizeTests {
    /// `# Deep`, `## Checks`, then one item per level, each inside the one before.
    static func chain(_ depth: Int) -> String {
        "# Deep\n\n## Checks\n\n" + (0..<depth).map { String(repeating: "  ", count: $0) + "- [ ] Level \($0) check" }.joined(separator: "\n") + "\n"
    }

    /// 1,000 levels parse whole (`ChecklistRobustnessTests.itemsNestedAThousandDeepParse`); deeper
    /// items are left out with one problem, so the square of the depth stays bounded.
    @Test func itemsNestedDeeperThanTheLimitAreLeftOutWithOneProblem() {
        let parsed = ChecklistParser().parse(Self.chain(1_010), name: "deep", path: "deep.md")
        #expect(parsed.checklist.items.count == ChecklistBuilder.deepestNesting)
        #expect(parsed.checklist.items.last?.depth == 999)
        #expect(parsed.checklist.items.last?.children == [])
        // Item 1,001 (depth 1,000) is on line 1,005, after 2,000 spaces of indentation.
        #expect(parsed.diagnostics.map(\.description) == [
            "deep.md:1005:2001: error: item nested more than 1000 levels deep (the most items may nest): it and 9 more item(s) below that level are left out",
        ])
    }

    /// A 1,000-level chain of ids (each id holds every id above it: 8 MB in all) resolves by its
    /// full id and by its last two components; the old index of every trailing part needed about
    /// 2.7 GB for this.
    @Test func deepIdsResolveWithoutIndexingEveryTrailingPart() {
        var ids: [String] = []
        var id = "checks"
        for level in 0..<1_000 {
            id += "/level-\(level)-check-with-a-longer-label"
            ids.append(id)
        }
        let resolver = ItemResolver(ids: ids)
        for (level, id) in ids.enumerated() where level % 50 == 0 {
            #expect((try? resolver.resolve(id).get()) == id)
            let tail = id.split(separator: "/").suffix(2).joined(separator: "/")
            #expect((try? resolver.resolve(tail).get()) == id, "\(tail)")
        }
        #expect((try? resolver.resolve("level-999-check-with-a-longer-label").get()) == ids[999])
        if case .failure(.unknown(_, let nearest)) = resolver.resolve("level-999-check-with-a-longer-labl") {
            #expect(nearest.first == ids[999])
        } else {
            Issue.record("a misspelt reference resolved")
        }
    }

    /// 50,000 pending items of no criteria: every one is a missing reason, each checked for
    /// children once, not by a scan of all items.
    @Test func fiftyThousandPendingItemsAreDecidedInOnePass() {
        let items = (0..<50_000).map { index in
            ItemReport(id: "checks/item-\(index)", kind: .check, text: "Item \(index)", parent: index % 2 == 1 ? "checks/item-\(index - 1)" : nil,
                       depth: index % 2, section: "checks", checked: false, state: .pending, results: [],
                       decidedBy: nil, carriedFrom: nil, expired: nil, waiver: nil, expiredWaiver: nil, criterion: nil, role: nil)
        }
        let checklist = Checklist(name: "wide", title: "Wide", path: "wide.md", sections: [], items: [])
        let (verdict, reasons) = VerdictRules.decide(checklist: checklist, items: items, signoffs: [])
        #expect(verdict == .pending)
        // Parents are not missing themselves: their children are.
        #expect(reasons.count == 25_000)
        #expect(reasons.first?.item == "checks/item-1")
    }

    /// End to end, as the defect was found: `report` and `build` of a run of the 1,000-deep checklist.
    @Test func reportAndBuildOfAThousandDeepChecklistFinish() throws {
        let dir = try TempDir()
        try dir.write("checklists/deep.md", Self.chain(1_000))
        try dir.write("runs/r-1/run.json", #"{"checklist": "deep", "environment": "staging", "started_at": "2026-11-01T09:00:00Z"}"#)
        let leaf = "level-998-check/level-999-check"
        try dir.write("runs/r-1/probe.json", "[" + RunsFixtures.result(leaf, "pass") + "]")
        let report = try CLI.run(["report", dir.url("runs/r-1"), "--content", dir.url("checklists"), "--format", "json"])
        #expect(report.status == 0, "\(report.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any]
        let items = object?["items"] as? [[String: Any]] ?? []
        #expect(items.count == 1_000)
        #expect((items.last?["state"] as? String) == "pass")
        let build = try CLI.run(["build", "--quiet", "--content", dir.url("checklists"), "--runs", dir.url("runs"), "--output", dir.url("site")])
        #expect(build.status == 0, "\(build.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.url("site/runs/r-1/index.html")))
    }
}
