import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport
import PreflightHistory

/// The printable sign-off sheet: `runs/<run-id>/signoff.html` (A4) and `signoff-letter.html`.
package struct SignoffPage: ViewModel {
    package var root: String
    package var pageTitle: String
    package var checklistTitle: String
    package var environment: String
    package var runID: String
    package var commit: String?
    package var started: String
    package var verdict: VerdictView
    package var readiness: PercentView
    package var goCriteria: [CriterionRowView]
    package var noGoCriteria: [CriterionRowView]
    package var sections: [SectionSummaryView]
    package var blockers: [CriterionRowView]
    package var failing: [CriterionRowView]
    package var moreFailing: Int?
    package var signoffs: [SignoffRowView]
    package var digest: String
    package var version: String
    package var paper: String
    package var otherPaper: LinkView
    package var runHref: String
}

/// A criterion or item on the sheet with its state in words.
package struct CriterionRowView: ViewModel {
    package var text: String
    package var status: String
    package var css: String
}

extension SignoffPage {
    /// Sheets list at most this many failing items, so the sheet stays within two pages.
    package static let failingLimit = 12

    init(_ context: RunContext, paper: String) {
        let report = context.report
        root = "../../"
        pageTitle = "Sign-off · \(report.run.stream.title(checklistTitle: report.checklist.title)) · \(report.run.id)"
        checklistTitle = report.checklist.title
        environment = report.run.environment
        runID = report.run.id
        commit = report.run.commit
        started = report.run.startedAt.display
        verdict = VerdictView(report.verdict, reasons: report.reasons, anchorPrefix: "index.html")
        readiness = PercentView(report.readiness)
        let words: [CriterionStatus: String] = [.met: "Met", .notMet: "Not met", .clear: "Clear", .present: "Present", .unverified: "Unverified"]
        func row(_ item: ItemReport) -> CriterionRowView {
            CriterionRowView(text: item.text, status: item.criterion.flatMap { words[$0] } ?? item.state.rawValue,
                             css: item.criterion?.rawValue ?? item.state.rawValue)
        }
        // One pass by index: iterating the items would copy each (a retain per field).
        let items = report.items
        var parents: Set<String> = []
        for index in items.indices { if let parent = items[index].parent { parents.insert(parent) } }
        var go: [CriterionRowView] = [], noGo: [CriterionRowView] = [], present: [CriterionRowView] = []
        var failingItems: [Int] = []
        for index in items.indices {
            switch items[index].kind {
            case .go: go.append(row(items[index]))
            case .noGo: noGo.append(row(items[index]))
            case .check where items[index].state == .fail && !parents.contains(items[index].id): failingItems.append(index)
            default: break
            }
            if items[index].criterion == .present { present.append(row(items[index])) }
        }
        goCriteria = go
        noGoCriteria = noGo
        blockers = present
        sections = report.sections.filter { $0.level <= 2 && $0.applicable > 0 }.map {
            SectionSummaryView(anchor: Anchor.section($0.id), title: $0.title, indent: "level-\($0.level)",
                               readiness: PercentView($0.readiness), passing: $0.passing, applicable: $0.applicable)
        }
        failing = failingItems.prefix(Self.failingLimit).map {
            CriterionRowView(text: items[$0].text + (items[$0].decidedBy?.summary.map { " — \($0)" } ?? ""), status: "Fail", css: "fail")
        }
        moreFailing = failingItems.count > Self.failingLimit ? failingItems.count - Self.failingLimit : nil
        signoffs = report.signoffs.map(SignoffRowView.init)
        digest = context.digest
        version = PreflightVersion.current
        self.paper = paper
        otherPaper = Self.otherPaper(of: paper)
        runHref = "index.html"
    }

    /// The same sheet for another paper size.
    package func onPaper(_ paper: String) -> SignoffPage {
        var sheet = self
        sheet.paper = paper
        sheet.otherPaper = Self.otherPaper(of: paper)
        return sheet
    }

    package static func otherPaper(of paper: String) -> LinkView {
        paper == "a4"
            ? LinkView(href: "signoff-letter.html", text: "US Letter version")
            : LinkView(href: "signoff.html", text: "A4 version")
    }
}
