import PreflightSupport
import PreflightChecklist
import PreflightRuns

/// The state of one item in one run.
package enum ItemState: String, Sendable, Codable, CaseIterable, Comparable {
    case pass, fail, warn, skip, waived, done, pending

    /// Worst first: how a parent sums up its children.
    package var severity: Int {
        switch self {
        case .fail: return 6
        case .warn: return 5
        case .pending: return 4
        case .waived: return 3
        case .done: return 2
        case .pass: return 1
        case .skip: return 0
        }
    }

    /// Counts towards readiness.
    package var isPassing: Bool { self == .pass || self == .done || self == .waived }

    package static func < (lhs: ItemState, rhs: ItemState) -> Bool { lhs.severity < rhs.severity }
}

/// The Go/No-Go decision of a run.
package enum Verdict: String, Sendable, Codable, CaseIterable {
    case go
    case noGo = "no-go"
    case pending
}

/// One reason behind a verdict: the item (or sign-off role) and why.
package struct VerdictReason: Sendable, Codable, Equatable {
    package var item: String
    package var why: String

    package init(item: String, why: String) {
        self.item = item
        self.why = why
    }
}

/// Where a Go criterion (`met`, `not-met`, `unverified`) or No-Go criterion (`clear`, `present`, `unverified`) stands.
package enum CriterionStatus: String, Sendable, Codable {
    case met, notMet = "not-met", clear, present, unverified
}

/// One item of the merged report.
package struct ItemReport: Sendable, Codable, Equatable {
    package var id: String
    package var kind: ItemKind
    package var text: String
    package var parent: String?
    package var depth: Int
    package var section: String
    package var checked: Bool
    package var state: ItemState
    /// Every result the run holds for the item, in file order.
    package var results: [ProbeResult]
    /// The result that set the state (from this run or carried), if any.
    package var decidedBy: ProbeResult?
    /// The run a carried result came from.
    package var carriedFrom: String?
    /// The latest carried result when it has expired (not applied).
    package var expired: ProbeResult?
    /// The waiver applied to the item.
    package var waiver: Waiver?
    /// A waiver that had expired by the run's start (not applied).
    package var expiredWaiver: Waiver?
    /// For Go and No-Go criteria.
    package var criterion: CriterionStatus?
    /// For sign-off items.
    package var role: String?

    package enum CodingKeys: String, CodingKey {
        case id, kind, text, parent, depth, section, checked, state, results, waiver, criterion, role, expired, carried
        case decidedBy = "decided_by", carriedFrom = "carried_from", expiredWaiver = "expired_waiver"
    }

    package init(id: String, kind: ItemKind, text: String, parent: String?, depth: Int, section: String, checked: Bool, state: ItemState, results: [ProbeResult], decidedBy: ProbeResult?, carriedFrom: String?, expired: ProbeResult?, waiver: Waiver?, expiredWaiver: Waiver?, criterion: CriterionStatus?, role: String?) {
        self.id = id
        self.kind = kind
        self.text = text
        self.parent = parent
        self.depth = depth
        self.section = section
        self.checked = checked
        self.state = state
        self.results = results
        self.decidedBy = decidedBy
        self.carriedFrom = carriedFrom
        self.expired = expired
        self.waiver = waiver
        self.expiredWaiver = expiredWaiver
        self.criterion = criterion
        self.role = role
    }
}

/// Readiness of one section (its subsections included).
package struct SectionReport: Sendable, Codable, Equatable {
    package var id: String
    package var title: String
    package var level: Int
    /// Passing leaf check items over applicable ones; nil when none apply.
    package var readiness: Double?
    package var passing: Int
    package var applicable: Int

    package init(id: String, title: String, level: Int, readiness: Double?, passing: Int, applicable: Int) {
        self.id = id
        self.title = title
        self.level = level
        self.readiness = readiness
        self.passing = passing
        self.applicable = applicable
    }
}

/// How a role's newest decision relates to the run's current evidence.
package enum SignoffBinding: String, Sendable, Codable {
    /// Made on the current evidence digest.
    case current
    /// Made on another digest: the evidence changed since (or the recorded digest is malformed).
    case stale
    /// Recorded without a digest (before digests existed): counted as before, marked.
    case unbound
}

/// Where a sign-off role stands: the newest decision decides, every record stays listed.
package struct SignoffStatus: Sendable, Codable, Equatable {
    package var role: String
    package var item: String
    package var decision: Signoff.Decision?
    package var name: String?
    package var at: Timestamp?
    package var comment: String?
    package var records: [Signoff]
    /// The evidence digest the newest decision was made on, and how that relates to the current one.
    package var evidenceDigest: String?
    package var binding: SignoffBinding?
    /// For a stale decision: the items whose state changed since (empty when the signer's states were not recorded).
    package var changes: [ItemChange]
    /// How the newest decision's signature checked out; nil when the project does not check signatures.
    package var signature: SignoffSignature.Status?

    /// A stale approval does not count toward GO; a stale rejection still vetoes.
    package var isStaleApproval: Bool { decision == .approve && binding == .stale }

    package enum CodingKeys: String, CodingKey {
        case role, item, decision, name, at, comment, records, binding, signature
        case evidenceDigest = "evidence_digest", changes = "changed_since"
    }

    package init(role: String, item: String, decision: Signoff.Decision?, name: String?, at: Timestamp?, comment: String?, records: [Signoff],
                 evidenceDigest: String? = nil, binding: SignoffBinding? = nil, changes: [ItemChange] = []) {
        self.role = role
        self.item = item
        self.decision = decision
        self.name = name
        self.at = at
        self.comment = comment
        self.records = records
        self.evidenceDigest = evidenceDigest
        self.binding = binding
        self.changes = changes
    }
}

/// The checklist a report was made from.
package struct ChecklistReference: Sendable, Codable, Equatable {
    package var name: String
    package var title: String

    package init(name: String, title: String) {
        self.name = name
        self.title = title
    }
}

/// The merged report of one run: what `preflight report --format json` prints and the site's `report.json`.
package struct RunReport: Sendable, Codable, Equatable {
    /// Format 2 writes each result once: an item's `decided_by` is an index into its `results`
    /// (a result carried from an earlier run is `carried`), and no result repeats its item's id.
    package static let currentFormat = 2

    package var run: RunManifest
    package var checklist: ChecklistReference
    package var verdict: Verdict
    package var reasons: [VerdictReason]
    /// Passing leaf check items over applicable ones, 0 to 1 (1 when none apply).
    package var readiness: Double
    /// Leaf check items by state.
    package var counts: [String: Int]
    package var items: [ItemReport]
    package var sections: [SectionReport]
    package var signoffs: [SignoffStatus]
    /// Problems in the run's input; paths are relative to the runs archive.
    package var problems: [Diagnostic]
    /// SHA-256 of what a signer judges (`EvidenceDigest`); signing does not change it.
    package var evidenceDigest: String
    /// The follow-through after the deployment as of a reference time (`settle(asOf:)`); nil
    /// without a deployment or post-deployment phases.
    package var postDeployment: PostDeployment?
    /// The shape of report.json (`RunReport.currentFormat`); nil in a report written before
    /// formats were numbered (format 1).
    package var format: Int? = RunReport.currentFormat
    /// What the phase items had come to, before a reference time is known; nil without a deployment.
    package var phaseFacts: PhaseFacts? = nil
    /// The run's newest timestamp: its start, a result, a sign-off or a deployment.
    package var latest: Timestamp? = nil

    package enum CodingKeys: String, CodingKey {
        case run, checklist, verdict, reasons, readiness, counts, items, sections, signoffs, problems, format
        case evidenceDigest = "evidence_digest", postDeployment = "post_deployment"
    }

    /// Judges the post-deployment phases against `asOf` (the archive's newest timestamp, or `--as-of`).
    package mutating func settle(asOf: Timestamp, checklist: Checklist) {
        postDeployment = phaseFacts?.evaluate(checklist, asOf: asOf)
    }

    package var hasErrors: Bool { problems.contains { $0.severity == .error } }

    package func item(_ id: String) -> ItemReport? { items.first { $0.id == id } }

    package init(run: RunManifest, checklist: ChecklistReference, verdict: Verdict, reasons: [VerdictReason], readiness: Double, counts: [String: Int], items: [ItemReport], sections: [SectionReport], signoffs: [SignoffStatus], problems: [Diagnostic], evidenceDigest: String = "") {
        self.run = run
        self.checklist = checklist
        self.verdict = verdict
        self.reasons = reasons
        self.readiness = readiness
        self.counts = counts
        self.items = items
        self.sections = sections
        self.signoffs = signoffs
        self.problems = problems
        self.evidenceDigest = evidenceDigest
    }
}
