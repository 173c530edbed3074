import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport
import PreflightHistory

/// The printable sign-off sheet, `runs/<run-id>/signoff.html`: on A4 or US Letter, whichever the
/// reader prints on, unless the project chose one (`[site] paper`).
struct SignoffPage: ViewModel {
    var root: String
    var pageTitle: String
    var checklistTitle: String
    /// The run's service and owner; nil for a run of no service.
    var service: ServiceRefView?
    var environment: String
    var runID: String
    var commit: String?
    var started: String
    var verdict: VerdictView
    var readiness: PercentView
    /// Nil when the checklist has Go/No-Go criteria; else the rule the items follow, in words.
    var verdictRule: String?
    var goCriteria: [CriterionRowView]
    var noGoCriteria: [CriterionRowView]
    var sections: [SectionSummaryView]
    var blockers: [CriterionRowView]
    var failing: [CriterionRowView]
    var moreFailing: Int?
    var signoffs: [SignoffRowView]
    /// Blank rows of the general approval block, for a checklist that names no sign-off roles.
    var approvalRows: [ApprovalRowView]
    var digest: String
    var evidenceDigest: String
    var evidenceShort: String
    var version: String
    /// The paper in words ("A4 or US Letter").
    var paper: String
    var runHref: String
}

/// One blank row of the general approval block: name, decision, date and signature.
struct ApprovalRowView: ViewModel {
    var number: Int
}

/// A criterion or item on the sheet with its state in words.
struct CriterionRowView: ViewModel {
    var text: String
    var status: String
    var css: String
}

extension SignoffPage {
    /// Sheets list at most this many failing items, so the sheet stays within two pages.
    static let failingLimit = 12
    /// Blank approval rows on the sheet of a checklist without sign-off roles.
    static let approvalRowCount = 2

    init(_ context: RunContext, paper: SheetPaper = .any) {
        let report = context.report
        root = "../../"
        pageTitle = "Sign-off · \(report.run.stream.title(checklistTitle: report.checklist.title)) · \(report.run.id)"
        checklistTitle = report.checklist.title
        service = ServiceRefView(report.run, root: "../../")
        environment = report.run.environment
        runID = report.run.id
        commit = report.run.commit
        started = report.run.startedAt.display
        verdict = VerdictView(report.verdict, reasons: report.reasons, anchorPrefix: "index.html", limit: VerdictView.pageReasonLimit)
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
        verdictRule = go.isEmpty && noGo.isEmpty ? VerdictRules.itemRuleInWords(hasSignoffs: !report.signoffs.isEmpty) : nil
        blockers = present
        // The checklist's summary sections; the report lists every section but the root, in order.
        sections = context.summarySections.compactMap { index -> SectionSummaryView? in
            guard index > 0, index <= report.sections.count, index < context.checklist.sections.count else { return nil }
            let section = report.sections[index - 1]
            guard section.applicable > 0, section.id == context.checklist.sections[index].id else { return nil }
            return SectionSummaryView(anchor: Anchor.section(section.id), title: section.title, indent: "level-\(section.level)",
                                      readiness: PercentView(section.readiness), passing: section.passing, applicable: section.applicable)
        }
        failing = failingItems.prefix(Self.failingLimit).map {
            CriterionRowView(text: items[$0].text + (items[$0].decidedBy?.summary.map { " — \($0)" } ?? ""), status: "Fail", css: "fail")
        }
        moreFailing = failingItems.count > Self.failingLimit ? failingItems.count - Self.failingLimit : nil
        signoffs = report.signoffs.map(SignoffRowView.init)
        approvalRows = report.signoffs.isEmpty ? (1...Self.approvalRowCount).map { ApprovalRowView(number: $0) } : []
        digest = context.digest
        evidenceDigest = report.evidenceDigest
        evidenceShort = EvidenceDigest.shortForm(report.evidenceDigest)
        version = PreflightVersion.current
        self.paper = paper.words
        runHref = "index.html"
    }
}
