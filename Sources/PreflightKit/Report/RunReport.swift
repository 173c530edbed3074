/// The state of one item in one run.
public enum ItemState: String, Sendable, Codable, CaseIterable, Comparable {
    case pass, fail, warn, skip, waived, done, pending

    /// Worst first: how a parent sums up its children.
    var severity: Int {
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
    public var isPassing: Bool { self == .pass || self == .done || self == .waived }

    public static func < (lhs: ItemState, rhs: ItemState) -> Bool { lhs.severity < rhs.severity }
}

/// The Go/No-Go decision of a run.
public enum Verdict: String, Sendable, Codable, CaseIterable {
    case go
    case noGo = "no-go"
    case pending
}

/// One reason behind a verdict: the item (or sign-off role) and why.
public struct VerdictReason: Sendable, Codable, Equatable {
    public var item: String
    public var why: String
}

/// Where a Go criterion (`met`, `not-met`, `unverified`) or No-Go criterion (`clear`, `present`, `unverified`) stands.
public enum CriterionStatus: String, Sendable, Codable {
    case met, notMet = "not-met", clear, present, unverified
}

/// One item of the merged report.
public struct ItemReport: Sendable, Codable, Equatable {
    public var id: String
    public var kind: ItemKind
    public var text: String
    public var parent: String?
    public var depth: Int
    public var section: String
    public var checked: Bool
    public var state: ItemState
    /// Every result the run holds for the item, in file order.
    public var results: [ProbeResult]
    /// The result that set the state (from this run or carried), if any.
    public var decidedBy: ProbeResult?
    /// The run a carried result came from.
    public var carriedFrom: String?
    /// The latest carried result when it has expired (not applied).
    public var expired: ProbeResult?
    /// The waiver applied to the item.
    public var waiver: Waiver?
    /// A waiver that had expired by the run's start (not applied).
    public var expiredWaiver: Waiver?
    /// For Go and No-Go criteria.
    public var criterion: CriterionStatus?
    /// For sign-off items.
    public var role: String?

    enum CodingKeys: String, CodingKey {
        case id, kind, text, parent, depth, section, checked, state, results, waiver, criterion, role, expired
        case decidedBy = "decided_by", carriedFrom = "carried_from", expiredWaiver = "expired_waiver"
    }

    /// `carried_from` and `waiver` are part of the documented item shape, so they are written as
    /// null rather than left out; the other optional fields appear only when set.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(kind, forKey: .kind)
        try container.encode(text, forKey: .text)
        try container.encodeIfPresent(parent, forKey: .parent)
        try container.encode(depth, forKey: .depth)
        try container.encode(section, forKey: .section)
        try container.encode(checked, forKey: .checked)
        try container.encode(state, forKey: .state)
        try container.encode(results, forKey: .results)
        try container.encodeIfPresent(decidedBy, forKey: .decidedBy)
        try container.encode(carriedFrom, forKey: .carriedFrom)
        try container.encodeIfPresent(expired, forKey: .expired)
        try container.encode(waiver, forKey: .waiver)
        try container.encodeIfPresent(expiredWaiver, forKey: .expiredWaiver)
        try container.encodeIfPresent(criterion, forKey: .criterion)
        try container.encodeIfPresent(role, forKey: .role)
    }
}

/// Readiness of one section (its subsections included).
public struct SectionReport: Sendable, Codable, Equatable {
    public var id: String
    public var title: String
    public var level: Int
    /// Passing leaf check items over applicable ones; nil when none apply.
    public var readiness: Double?
    public var passing: Int
    public var applicable: Int
}

/// Where a sign-off role stands: the newest decision decides, every record stays listed.
public struct SignoffStatus: Sendable, Codable, Equatable {
    public var role: String
    public var item: String
    public var decision: Signoff.Decision?
    public var name: String?
    public var at: Timestamp?
    public var comment: String?
    public var records: [Signoff]
}

/// The checklist a report was made from.
public struct ChecklistReference: Sendable, Codable, Equatable {
    public var name: String
    public var title: String
}

/// The merged report of one run: what `preflight report --format json` prints and the site's `report.json`.
public struct RunReport: Sendable, Codable, Equatable {
    public var run: RunManifest
    public var checklist: ChecklistReference
    public var verdict: Verdict
    public var reasons: [VerdictReason]
    /// Passing leaf check items over applicable ones, 0 to 1 (1 when none apply).
    public var readiness: Double
    /// Leaf check items by state.
    public var counts: [String: Int]
    public var items: [ItemReport]
    public var sections: [SectionReport]
    public var signoffs: [SignoffStatus]
    /// Problems in the run's input; paths are relative to the runs archive.
    public var problems: [Diagnostic]

    public var hasErrors: Bool { problems.contains { $0.severity == .error } }

    public func item(_ id: String) -> ItemReport? { items.first { $0.id == id } }
}
