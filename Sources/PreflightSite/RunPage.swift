import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport
import PreflightHistory

/// The run page: `runs/<run-id>/index.html`.
struct RunPage: ViewModel {
    var root: String
    var pageTitle: String
    var checklistTitle: String
    /// The title heading's GitHub anchor, so the checklist's links to its title land on the page's heading.
    var titleAnchor: String?
    var runID: String
    /// The run's service and owner; nil for a run of no service.
    var service: ServiceRefView?
    var environment: String
    var runTitle: String?
    var started: String
    var commit: String?
    var branch: String?
    var trigger: String?
    var ci: EvidenceView?
    var verdict: VerdictView
    var readiness: PercentView
    var counts: [CountView]
    var sectionSummaries: [SectionSummaryView]
    /// The checklist's sections and items, rendered from `partials/checklist.mustache`.
    var checklistHTML: RawHTML
    var signoffs: [SignoffRowView]
    var problems: [ProblemView]
    /// What changed since the previous run, rendered from `partials/run-changes.mustache`.
    var changesHTML: RawHTML
    /// The post-deployment timeline (`partials/post-deployment.mustache`); empty for a run never deployed.
    var postDeploymentHTML: RawHTML
    var previous: LinkView?
    var next: LinkView?
    var trendHref: String
    var digest: String
    /// The evidence digest in full and grouped for reading aloud (`3f9a c2e1 07bd 5a44`).
    var evidenceDigest: String
    var evidenceShort: String
}

/// What `partials/checklist.mustache` renders: every section with its items.
struct ChecklistBlockView: ViewModel {
    var sections: [SectionView]
}

/// One section of the checklist with its notes and items, in the order the file has them.
struct SectionView: ViewModel {
    /// The heading's GitHub anchor, so the checklist's own links work; else the `section-…` anchor.
    var anchor: String
    /// The `section-…` anchor other pages link to, when `anchor` is the GitHub one.
    var alias: String?
    var title: String
    /// The heading's inline HTML (safe, from the checklist parser): a link in a heading stays one.
    var titleHTML: String
    var heading: String
    var readiness: PercentView?
    var parts: [SectionPartView]
}

/// A run of a section's notes, or a run of its items, between the others.
struct SectionPartView: ViewModel {
    var notesHTML: String?
    var items: [RenderedItem]
}

/// A row of the per-section readiness table.
struct SectionSummaryView: ViewModel {
    var anchor: String
    var title: String
    var indent: String
    var readiness: PercentView
    var passing: Int
    var applicable: Int
}

/// One item with its state and evidence.
struct ItemView: ViewModel, Hashable {
    var anchor: String
    var id: String
    var labelHTML: String
    var noteHTML: String?
    var depth: Int
    var passing: Bool
    /// Fail or warn; a not-passing row that is not failing is open (pending).
    var failing: Bool
    var state: StateView
    var criterion: String?
    var summary: String?
    var details: String?
    var probe: String?
    var observed: String?
    var evidence: [EvidenceView]
    var carriedFrom: LinkView?
    var expired: String?
    var waiver: String?
    var expiredWaiver: String?
    var otherResults: [ResultLineView]
}

/// An extra result of the same item in the same run (not the deciding one).
struct ResultLineView: ViewModel, Hashable {
    var state: StateView
    var text: String
}

/// A row of the sign-off table.
struct SignoffRowView: ViewModel {
    var role: String
    var anchor: String
    var name: String?
    var decision: String?
    var decisionCSS: String
    var date: String?
    var comment: String?
    /// Beside the decision: "approved an earlier state", "unbound" (no digest recorded), nil when current.
    var mark: String?
    var markCSS: String
    /// For a stale decision: each item changed since, in words.
    var changes: [String]
    /// "verified: … (SHA256:…)", "unsigned" or "invalid: …" where the project checks signatures.
    var signature: String?
    var signatureCSS: String
}

/// What changed since the previous run of the stream.
struct ChangesView: ViewModel {
    var checklistTitle: String
    var environment: String
    var previous: LinkView?
    var newlyFailing: [ChangeView]
    var fixed: [ChangeView]
    var newlyWaived: [ChangeView]
    var noLongerKnown: [ChangeView]
    var newBlockers: [ChangeView]
    /// No list has an entry (there is a previous run to compare with, or not).
    var none: Bool
}

struct ChangeView: ViewModel {
    var href: String
    var id: String
    var text: String
    var from: String
    var to: String
}
