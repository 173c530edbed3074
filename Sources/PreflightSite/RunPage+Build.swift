import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport
import PreflightHistory

/// Everything a run's pages need besides its report.
struct RunContext {
    var checklist: Checklist
    /// `checklist.summarySections`, worked out once per stream rather than per run.
    var summarySections: [Int]
    var report: RunReport
    /// The report's summary, as the merge already made it (the changes block compares summaries).
    var summary: RunSummary
    /// The runs folder: problem paths inside it are shown relative to it.
    var archive: String
    var previous: RunSummary?
    var next: RunManifest?
    var digest: String
    /// Whether `build --as-of` set the reference time (pages then say so).
    var asOfGiven = false
}

extension RunPage {
    static let root = "../../"

    init(_ context: RunContext, rows: ItemRowRenderer, blocks: FragmentCache) throws(DiagnosticList) {
        let report = context.report
        let run = report.run
        root = Self.root
        pageTitle = "\(report.verdict.rawValue.uppercased()) · \(run.stream.title(checklistTitle: report.checklist.title)) · \(run.id)"
        checklistTitle = report.checklist.title
        titleAnchor = Self.headingAnchor(context.checklist.sections.first?.anchor ?? "",
                                         taken: PageIDs(context.checklist, itemAnchors: rows.anchors(of: context.checklist)))
        runID = run.id
        service = ServiceRefView(run, root: Self.root)
        environment = run.environment
        runTitle = run.title
        started = run.startedAt.display
        commit = run.commit
        branch = run.branch
        trigger = run.trigger
        ci = run.url.map { EvidenceView(Evidence(label: "CI job", url: $0)) }
        verdict = VerdictView(report.verdict, reasons: report.reasons, limit: VerdictView.pageReasonLimit)
        readiness = PercentView(report.readiness)
        counts = ItemState.allCases.map { CountView(state: StateView($0), count: report.counts[$0.rawValue] ?? 0) }
        sectionSummaries = report.sections.filter { $0.applicable > 0 }.map {
            SectionSummaryView(anchor: Anchor.section($0.id), title: $0.title, indent: "level-\($0.level)",
                               readiness: PercentView($0.readiness), passing: $0.passing, applicable: $0.applicable)
        }
        checklistHTML = try Self.checklistHTML(try Self.sections(context.checklist, report, rows: rows), blocks: blocks)
        signoffs = report.signoffs.map(SignoffRowView.init)
        problems = report.problems.map { ProblemView($0.relative(to: context.archive)) }
        // On its own: the lengths of its lists differ from run to run, and in the page's shape they
        // would make nearly every run page a shape of its own.
        changesHTML = try blocks.render(Self.changesTemplate, ChangesView(context.previous, context.summary,
                                                                           checklist: context.checklist))
        postDeploymentHTML = try report.postDeployment.map { post throws(DiagnosticList) in
            try blocks.render(PostDeploymentView.template, PostDeploymentView(post, asOfGiven: context.asOfGiven))
        } ?? RawHTML("")
        previous = context.previous.map { LinkView(href: "../\($0.run.id)/index.html", text: $0.run.id) }
        next = context.next.map { LinkView(href: "../\($0.id)/index.html", text: $0.id) }
        trendHref = "../../trends/\(run.stream.path)/index.html"
        digest = context.digest
        evidenceDigest = report.evidenceDigest
        evidenceShort = EvidenceDigest.shortForm(report.evidenceDigest)
    }

    static func sections(_ checklist: Checklist, _ report: RunReport, rows: ItemRowRenderer) throws(DiagnosticList) -> [SectionView] {
        var itemsBySection = [[RenderedItem]](repeating: [], count: checklist.sections.count)
        let anchors = rows.anchors(of: checklist)
        for position in report.items.indices {
            itemsBySection[checklist.items[position].section].append(
                try rows.render(report.items, checklist.items, at: position, anchor: anchors[position]))
        }
        let readiness = Dictionary(report.sections.map { ($0.id, $0.readiness) }, uniquingKeysWith: { a, _ in a })
        let taken = PageIDs(checklist, itemAnchors: anchors)
        return checklist.sections.enumerated().compactMap { index, section in
            if index == 0 && section.notes.isEmpty && itemsBySection[0].isEmpty { return nil }
            // The root's GitHub anchor is the title's, which the page's h1 carries.
            let fixed = index == 0 ? "section-top" : Anchor.section(section.id)
            let github = index == 0 ? nil : headingAnchor(section.anchor, taken: taken)
            return SectionView(
                anchor: github ?? fixed, alias: github == nil ? nil : fixed,
                title: index == 0 ? "Overview" : section.title,
                titleHTML: index == 0 ? "Overview" : section.titleHTML,
                heading: "h\(min(6, max(2, section.level + 1)))",
                readiness: readiness[section.id].flatMap { $0 }.map { PercentView($0) },
                parts: parts(section.notes, itemsBySection[index]))
        }
    }

    /// Notes and items in document order: each run of notes stands where the file has it, between
    /// the runs of items around it. One pass over both lists.
    static func parts(_ notes: [SectionNote], _ items: [RenderedItem]) -> [SectionPartView] {
        var parts: [SectionPartView] = []
        var placed = 0
        var pending = ""
        for note in notes {
            // Clamped: a checklist decoded from elsewhere must not trap on a stray position.
            let position = min(max(note.position, placed), items.count)
            if position > placed {
                if !pending.isEmpty { parts.append(SectionPartView(notesHTML: pending, items: [])) }
                pending = ""
                parts.append(SectionPartView(notesHTML: nil, items: Array(items[placed..<position])))
                placed = position
            }
            pending += note.html
        }
        if !pending.isEmpty { parts.append(SectionPartView(notesHTML: pending, items: [])) }
        if placed < items.count { parts.append(SectionPartView(notesHTML: nil, items: Array(items[placed...]))) }
        return parts
    }

    /// A heading's GitHub anchor as the element's id, unless the page already uses that id for
    /// something else (a fixed block id, an item's or section's own anchor): those keep it, since
    /// other pages and the filter links point at them, and the heading keeps only `section-…`.
    static func headingAnchor(_ anchor: String, taken: PageIDs) -> String? {
        anchor.isEmpty || taken.contains(anchor) ? nil : anchor
    }
}

/// The ids a run page gives its own elements, which a checklist heading's anchor must not take.
struct PageIDs {
    static let fixed: Set<String> = [
        "main", "verdict-heading", "readiness-heading", "changes-heading", "problems-heading", "signoffs-heading",
        "checklist-heading", "failing-only", "open-only", "section-top", "deployment-timeline", "deployment-timeline-heading",
    ]
    private let items: Set<String>
    private let sections: Set<String>

    init(_ checklist: Checklist, itemAnchors: [String]) {
        // Built only when some heading's anchor could meet them: most checklists pay nothing.
        let anchors = checklist.sections.map(\.anchor)
        items = anchors.contains { $0.hasPrefix("item-") } ? Set(itemAnchors) : []
        sections = anchors.contains { $0.hasPrefix("section-") } ? Set(checklist.sections.map { Anchor.section($0.id) }) : []
    }

    func contains(_ id: String) -> Bool {
        Self.fixed.contains(id) || items.contains(id) || sections.contains(id)
    }
}

extension RunPage {
    static let checklistTemplate = "partials/checklist"
    static let changesTemplate = "partials/run-changes"

    /// The sections block, placed raw in the run page: rendered on its own so that the page's
    /// shape does not grow with every section and row.
    static func checklistHTML(_ sections: [SectionView], blocks: FragmentCache) throws(DiagnosticList) -> RawHTML {
        try blocks.render(checklistTemplate, ChecklistBlockView(sections: sections))
    }
}

extension SignoffRowView {
    init(_ status: SignoffStatus) {
        role = status.role
        anchor = Anchor.item(status.item)
        name = status.name
        decision = status.decision.map { $0 == .approve ? "Approved" : "Rejected" }
        decisionCSS = status.decision?.rawValue ?? "unsigned"
        date = status.at?.day
        comment = status.comment
        switch status.binding {
        case .stale?:
            mark = status.decision == .reject ? "rejected an earlier state" : "approved an earlier state"
            markCSS = "stale"
        case .unbound?:
            mark = "unbound: signed without an evidence digest"
            markCSS = "unbound"
        case .current?:
            mark = nil
            markCSS = "current"
        case nil:
            mark = nil
            markCSS = "unsigned"
        }
        changes = status.changes.map(\.words)
        signature = status.signature?.words
        switch status.signature {
        case .verified?: signatureCSS = "verified"
        case .invalid?: signatureCSS = "invalid"
        case .unsigned?: signatureCSS = "unsigned"
        case nil: signatureCSS = "none"
        }
    }
}

extension ChangesView {
    init(_ previousRun: RunSummary?, _ current: RunSummary, checklist: Checklist) {
        let changes = RunChanges.positions(between: previousRun, current, checklist: checklist)
        func views(_ positions: [Int]) -> [ChangeView] {
            positions.map { index in
                let id = checklist.items[index].id
                return ChangeView(href: "#" + Anchor.item(id), id: id, text: checklist.items[index].text,
                                  from: previousRun?.states[index].rawValue ?? "absent", to: current.states[index].rawValue)
            }
        }
        checklistTitle = checklist.title
        environment = current.run.environment
        previous = previousRun.map { LinkView(href: "../\($0.run.id)/index.html", text: $0.run.id) }
        newlyFailing = views(changes.newlyFailing)
        fixed = views(changes.fixed)
        newlyWaived = views(changes.newlyWaived)
        noLongerKnown = views(changes.noLongerKnown)
        newBlockers = views(changes.newBlockers)
        none = changes.isEmpty
    }
}
