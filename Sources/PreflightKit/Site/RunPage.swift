/// The run page: `runs/<run-id>/index.html`.
public struct RunPage: ViewModel {
    public var root: String
    public var pageTitle: String
    public var checklistTitle: String
    public var runID: String
    public var environment: String
    public var runTitle: String?
    public var started: String
    public var commit: String?
    public var branch: String?
    public var trigger: String?
    public var ci: EvidenceView?
    public var verdict: VerdictView
    public var readiness: PercentView
    public var counts: [CountView]
    public var sectionSummaries: [SectionSummaryView]
    /// The checklist's sections and items, rendered from `partials/checklist.mustache`.
    public var checklistHTML: RawHTML
    public var signoffs: [SignoffRowView]
    public var problems: [String]
    /// What changed since the previous run, rendered from `partials/run-changes.mustache`.
    public var changesHTML: RawHTML
    public var previous: LinkView?
    public var next: LinkView?
    public var trendHref: String
    public var digest: String
}

/// What `partials/checklist.mustache` renders: every section with its items.
public struct ChecklistBlockView: ViewModel {
    public var sections: [SectionView]
}

/// One section of the checklist with its items.
public struct SectionView: ViewModel {
    public var anchor: String
    public var title: String
    public var heading: String
    public var readiness: PercentView?
    public var notesHTML: String?
    public var items: [RenderedItem]
}

/// A row of the per-section readiness table.
public struct SectionSummaryView: ViewModel {
    public var anchor: String
    public var title: String
    public var indent: String
    public var readiness: PercentView
    public var passing: Int
    public var applicable: Int
}

/// One item with its state and evidence.
public struct ItemView: ViewModel, Hashable {
    public var anchor: String
    public var id: String
    public var labelHTML: String
    public var noteHTML: String?
    public var depth: Int
    public var passing: Bool
    public var state: StateView
    public var criterion: String?
    public var summary: String?
    public var details: String?
    public var probe: String?
    public var observed: String?
    public var evidence: [EvidenceView]
    public var carriedFrom: LinkView?
    public var expired: String?
    public var waiver: String?
    public var expiredWaiver: String?
    public var otherResults: [ResultLineView]
}

/// An extra result of the same item in the same run (not the deciding one).
public struct ResultLineView: ViewModel, Hashable {
    public var state: StateView
    public var text: String
}

/// A row of the sign-off table.
public struct SignoffRowView: ViewModel {
    public var role: String
    public var anchor: String
    public var name: String?
    public var decision: String?
    public var decisionCSS: String
    public var date: String?
    public var comment: String?
}

/// What changed since the previous run of the stream.
public struct ChangesView: ViewModel {
    public var checklistTitle: String
    public var environment: String
    public var previous: LinkView?
    public var newlyFailing: [ChangeView]
    public var fixed: [ChangeView]
    public var newBlockers: [ChangeView]
    public var none: Bool
}

public struct ChangeView: ViewModel {
    public var href: String
    public var id: String
    public var text: String
    public var from: String
    public var to: String
}
