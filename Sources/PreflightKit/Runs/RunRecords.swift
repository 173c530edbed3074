/// `run.json`: what was evaluated, where and when.
public struct RunManifest: Sendable, Codable, Equatable {
    public var id: String
    public var checklist: String
    public var environment: String
    public var startedAt: Timestamp
    public var title: String?
    public var commit: String?
    public var branch: String?
    public var url: String?
    public var trigger: String?
    public var labels: [String: String]?

    public init(id: String, checklist: String, environment: String, startedAt: Timestamp, title: String? = nil,
                commit: String? = nil, branch: String? = nil, url: String? = nil, trigger: String? = nil,
                labels: [String: String]? = nil) {
        self.id = id
        self.checklist = checklist
        self.environment = environment
        self.startedAt = startedAt
        self.title = title
        self.commit = commit
        self.branch = branch
        self.url = url
        self.trigger = trigger
        self.labels = labels
    }

    enum CodingKeys: String, CodingKey {
        case id, checklist, environment, title, commit, branch, url, trigger, labels
        case startedAt = "started_at"
    }
}

/// A link to evidence a probe left (a CI log, a dashboard, a report).
public struct Evidence: Sendable, Codable, Equatable {
    public var label: String
    public var url: String
}

/// Where a record came from: the file and its position in it.
public struct RecordSource: Sendable, Codable, Equatable {
    /// The run whose folder holds the record.
    public var run: String
    /// File name within the run folder.
    public var file: String
    /// JSON path of the record in the file, e.g. `$.results[2]`.
    public var path: String
}

/// The four statuses a probe can report.
public enum ResultStatus: String, Sendable, Codable, CaseIterable {
    case pass, fail, warn, skip
}

/// One probe result for one item.
public struct ProbeResult: Sendable, Codable, Equatable {
    /// The full item id the reference resolved to.
    public var item: String
    public var status: ResultStatus
    public var summary: String?
    public var details: String?
    public var probe: String?
    /// When the probe looked; the run's start when the probe did not say.
    public var observedAt: Timestamp
    public var durationMs: Int?
    public var evidence: [Evidence]
    public var validFor: ISODuration?
    public var expiresAt: Timestamp?
    public var source: RecordSource

    /// The end of the result's validity for later runs, nil when it holds for its own run only.
    public var validUntil: Timestamp? {
        if let expiresAt { return expiresAt }
        if let validFor { return Timestamp(seconds: observedAt.seconds + validFor.seconds) }
        return nil
    }

    enum CodingKeys: String, CodingKey {
        case item, status, summary, details, probe, evidence, source
        case observedAt = "observed_at", durationMs = "duration_ms", validFor = "valid_for", expiresAt = "expires_at"
    }
}

/// An approved exception: the item counts as `waived` until `expiresAt`.
public struct Waiver: Sendable, Codable, Equatable {
    public var item: String
    public var reason: String
    public var approvedBy: String
    public var expiresAt: Timestamp
    public var source: RecordSource

    enum CodingKeys: String, CodingKey {
        case item, reason, source
        case approvedBy = "approved_by", expiresAt = "expires_at"
    }
}

/// A stakeholder's decision on a run.
public struct Signoff: Sendable, Codable, Equatable {
    public enum Decision: String, Sendable, Codable, CaseIterable { case approve, reject }

    public var role: String
    public var name: String
    public var decision: Decision
    public var at: Timestamp
    public var comment: String?
    public var source: RecordSource
}
