import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport
import PreflightHistory

/// The run page: `runs/<run-id>/index.html`.
package struct RunPage: ViewModel {
    package var root: String
    package var pageTitle: String
    package var checklistTitle: String
    package var runID: String
    package var environment: String
    package var runTitle: String?
    package var started: String
    package var commit: String?
    package var branch: String?
    package var trigger: String?
    package var ci: EvidenceView?
    package var verdict: VerdictView
    package var readiness: PercentView
    package var counts: [CountView]
    package var sectionSummaries: [SectionSummaryView]
    /// The checklist's sections and items, rendered from `partials/checklist.mustache`.
    package var checklistHTML: RawHTML
    package var signoffs: [SignoffRowView]
    package var problems: [String]
    /// What changed since the previous run, rendered from `partials/run-changes.mustache`.
    package var changesHTML: RawHTML
    package var previous: LinkView?
    package var next: LinkView?
    package var trendHref: String
    package var digest: String
}

/// What `partials/checklist.mustache` renders: every section with its items.
package struct ChecklistBlockView: ViewModel {
    package var sections: [SectionView]
}

/// One section of the checklist with its items.
package struct SectionView: ViewModel {
    package var anchor: String
    package var title: String
    package var heading: String
    package var readiness: PercentView?
    package var notesHTML: String?
    package var items: [RenderedItem]
}

/// A row of the per-section readiness table.
package struct SectionSummaryView: ViewModel {
    package var anchor: String
    package var title: String
    package var indent: String
    package var readiness: PercentView
    package var passing: Int
    package var applicable: Int
}

/// One item with its state and evidence.
package struct ItemView: ViewModel, Hashable {
    package var anchor: String
    package var id: String
    package var labelHTML: String
    package var noteHTML: String?
    package var depth: Int
    package var passing: Bool
    package var state: StateView
    package var criterion: String?
    package var summary: String?
    package var details: String?
    package var probe: String?
    package var observed: String?
    package var evidence: [EvidenceView]
    package var carriedFrom: LinkView?
    package var expired: String?
    package var waiver: String?
    package var expiredWaiver: String?
    package var otherResults: [ResultLineView]
}

/// An extra result of the same item in the same run (not the deciding one).
package struct ResultLineView: ViewModel, Hashable {
    package var state: StateView
    package var text: String
}

/// A row of the sign-off table.
package struct SignoffRowView: ViewModel {
    package var role: String
    package var anchor: String
    package var name: String?
    package var decision: String?
    package var decisionCSS: String
    package var date: String?
    package var comment: String?
}

/// What changed since the previous run of the stream.
package struct ChangesView: ViewModel {
    package var checklistTitle: String
    package var environment: String
    package var previous: LinkView?
    package var newlyFailing: [ChangeView]
    package var fixed: [ChangeView]
    package var newBlockers: [ChangeView]
    package var none: Bool
}

package struct ChangeView: ViewModel {
    package var href: String
    package var id: String
    package var text: String
    package var from: String
    package var to: String
}
