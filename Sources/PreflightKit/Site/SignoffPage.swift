/// The printable sign-off sheet: `runs/<run-id>/signoff.html` (A4) and `signoff-letter.html`.
public struct SignoffPage: ViewModel {
    public var root: String
    public var pageTitle: String
    public var checklistTitle: String
    public var environment: String
    public var runID: String
    public var commit: String?
    public var started: String
    public var verdict: VerdictView
    public var readiness: PercentView
    public var goCriteria: [CriterionRowView]
    public var noGoCriteria: [CriterionRowView]
    public var sections: [SectionSummaryView]
    public var blockers: [CriterionRowView]
    public var failing: [CriterionRowView]
    public var moreFailing: Int?
    public var signoffs: [SignoffRowView]
    public var digest: String
    public var version: String
    public var paper: String
    public var otherPaper: LinkView
    public var runHref: String
}

/// A criterion or item on the sheet with its state in words.
public struct CriterionRowView: ViewModel {
    public var text: String
    public var status: String
    public var css: String
}

extension SignoffPage {
    /// Sheets list at most this many failing items, so the sheet stays within two pages.
    static let failingLimit = 12

    init(_ context: RunContext, paper: String) {
        let report = context.report
        root = "../../"
        pageTitle = "Sign-off · \(report.checklist.title) · \(report.run.environment) · \(report.run.id)"
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
        goCriteria = report.items.filter { $0.kind == .go }.map(row)
        noGoCriteria = report.items.filter { $0.kind == .noGo }.map(row)
        sections = report.sections.filter { $0.level <= 2 && $0.applicable > 0 }.map {
            SectionSummaryView(anchor: Anchor.section($0.id), title: $0.title, indent: "level-\($0.level)",
                               readiness: PercentView($0.readiness), passing: $0.passing, applicable: $0.applicable)
        }
        blockers = report.items.filter { $0.criterion == .present }.map(row)
        let parents = Set(report.items.compactMap(\.parent))
        let failingItems = report.items.filter { $0.kind == .check && $0.state == .fail && !parents.contains($0.id) }
        failing = failingItems.prefix(Self.failingLimit).map {
            CriterionRowView(text: $0.text + ($0.decidedBy?.summary.map { " — \($0)" } ?? ""), status: "Fail", css: "fail")
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
    func onPaper(_ paper: String) -> SignoffPage {
        var sheet = self
        sheet.paper = paper
        sheet.otherPaper = Self.otherPaper(of: paper)
        return sheet
    }

    static func otherPaper(of paper: String) -> LinkView {
        paper == "a4"
            ? LinkView(href: "signoff-letter.html", text: "US Letter version")
            : LinkView(href: "signoff.html", text: "A4 version")
    }
}
