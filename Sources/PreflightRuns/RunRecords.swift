import Foundation
import PreflightSupport
import PreflightChecklist

/// `run.json`: what was evaluated, where and when.
package struct RunManifest: Sendable, Codable, Equatable {
    package var id: String
    package var checklist: String
    package var environment: String
    package var startedAt: Timestamp
    package var title: String?
    package var commit: String?
    package var branch: String?
    package var url: String?
    package var trigger: String?
    package var labels: [String: String]?
    /// The service the run checked; nil for a run of no service (its stream is today's checklist × environment).
    package var service: String?
    /// The team owning the service, shown where the service is.
    package var owner: String?

    package init(id: String, checklist: String, environment: String, startedAt: Timestamp, title: String? = nil,
                commit: String? = nil, branch: String? = nil, url: String? = nil, trigger: String? = nil,
                labels: [String: String]? = nil, service: String? = nil, owner: String? = nil) {
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
        self.service = service
        self.owner = owner
    }

    /// `start-run` writes run.json by encoding this type, so its keys are the contract's.
    package typealias CodingKeys = RunField
}

/// A link to evidence a probe left (a CI log, a dashboard, a report).
package struct Evidence: Sendable, Codable, Equatable {
    package var label: String
    package var url: String

    package typealias CodingKeys = EvidenceField

    package init(label: String, url: String) {
        self.label = label
        self.url = url
    }
}

/// Where a record came from: the file and its position in it.
package struct RecordSource: Sendable, Codable, Equatable {
    /// The run whose folder holds the record.
    package var run: String
    /// File name within the run folder.
    package var file: String
    /// JSON path of the record in the file, e.g. `$.results[2]`.
    package var path: String

    package init(run: String, file: String, path: String) {
        self.run = run
        self.file = file
        self.path = path
    }
}

/// The four statuses a probe can report.
package enum ResultStatus: String, Sendable, Codable, CaseIterable {
    case pass, fail, warn, skip
}

/// One probe result for one item. Its Codable form is the one report.json nests in an item:
/// without `item`, which is the enclosing item's id (decoding leaves it empty when absent).
package struct ProbeResult: Sendable, Codable, Equatable {
    /// The full item id the reference resolved to.
    package var item: String
    package var status: ResultStatus
    package var summary: String?
    package var details: String?
    package var probe: String?
    /// When the probe looked; the run's start when the probe did not say.
    package var observedAt: Timestamp
    package var durationMs: Int?
    package var evidence: [Evidence]
    package var validFor: ISODuration?
    package var expiresAt: Timestamp?
    /// Files kept with the result under the run's `attachments/`; nil when there are none.
    package var attachments: [Attachment]?
    package var source: RecordSource

    /// The end of the result's validity for later runs, nil when it holds for its own run only.
    package var validUntil: Timestamp? {
        if let expiresAt { return expiresAt }
        if let validFor { return Timestamp(seconds: observedAt.seconds + validFor.seconds) }
        return nil
    }

    package enum CodingKeys: String, CodingKey {
        case item, status, summary, details, probe, evidence, source, attachments
        case observedAt = "observed_at", durationMs = "duration_ms", validFor = "valid_for", expiresAt = "expires_at"
    }

    package init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(item: try container.decodeIfPresent(String.self, forKey: .item) ?? "",
                  status: try container.decode(ResultStatus.self, forKey: .status),
                  summary: try container.decodeIfPresent(String.self, forKey: .summary),
                  details: try container.decodeIfPresent(String.self, forKey: .details),
                  probe: try container.decodeIfPresent(String.self, forKey: .probe),
                  observedAt: try container.decode(Timestamp.self, forKey: .observedAt),
                  durationMs: try container.decodeIfPresent(Int.self, forKey: .durationMs),
                  evidence: try container.decode([Evidence].self, forKey: .evidence),
                  validFor: try container.decodeIfPresent(ISODuration.self, forKey: .validFor),
                  expiresAt: try container.decodeIfPresent(Timestamp.self, forKey: .expiresAt),
                  attachments: try container.decodeIfPresent([Attachment].self, forKey: .attachments),
                  source: try container.decode(RecordSource.self, forKey: .source))
    }

    package func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(status, forKey: .status)
        try container.encodeIfPresent(summary, forKey: .summary)
        try container.encodeIfPresent(details, forKey: .details)
        try container.encodeIfPresent(probe, forKey: .probe)
        try container.encode(observedAt, forKey: .observedAt)
        try container.encodeIfPresent(durationMs, forKey: .durationMs)
        try container.encode(evidence, forKey: .evidence)
        try container.encodeIfPresent(validFor, forKey: .validFor)
        try container.encodeIfPresent(expiresAt, forKey: .expiresAt)
        try container.encodeIfPresent(attachments, forKey: .attachments)
        try container.encode(source, forKey: .source)
    }

    package init(item: String, status: ResultStatus, summary: String?, details: String?, probe: String?, observedAt: Timestamp, durationMs: Int?, evidence: [Evidence], validFor: ISODuration?, expiresAt: Timestamp?, attachments: [Attachment]? = nil, source: RecordSource) {
        self.item = item
        self.status = status
        self.summary = summary
        self.details = details
        self.probe = probe
        self.observedAt = observedAt
        self.durationMs = durationMs
        self.evidence = evidence
        self.validFor = validFor
        self.expiresAt = expiresAt
        self.attachments = attachments
        self.source = source
    }
}

/// An approved exception: the item counts as `waived` until `expiresAt`.
package struct Waiver: Sendable, Codable, Equatable {
    package var item: String
    package var reason: String
    package var approvedBy: String
    package var expiresAt: Timestamp
    package var source: RecordSource

    package enum CodingKeys: String, CodingKey {
        case item, reason, source
        case approvedBy = "approved_by", expiresAt = "expires_at"
    }

    package init(item: String, reason: String, approvedBy: String, expiresAt: Timestamp, source: RecordSource) {
        self.item = item
        self.reason = reason
        self.approvedBy = approvedBy
        self.expiresAt = expiresAt
        self.source = source
    }
}

/// A stakeholder's decision on a run.
package struct Signoff: Sendable, Codable, Equatable {
    package enum Decision: String, Sendable, Codable, CaseIterable { case approve, reject }

    /// The letters `item_states` may hold (the report layer maps them to item states).
    package static let stateLetters: Set<String> = ["p", "f", "w", "s", "v", "d", "n"]

    package var role: String
    package var name: String
    package var decision: Decision
    package var at: Timestamp
    package var comment: String?
    /// The evidence digest the decision was made on; nil for a record made before digests
    /// existed ("unbound"). Kept as written, so a malformed one never matches.
    package var evidenceDigest: String?
    /// The item states the signer saw, item id → state letter; nil when not recorded.
    package var itemStates: [String: String]?
    /// The armored OpenSSH signature, as recorded.
    package var signature: String?
    /// How the signature checked out; nil when the project does not check signatures.
    package var signatureStatus: SignoffSignature.Status?
    package var source: RecordSource

    package enum CodingKeys: String, CodingKey {
        case role, name, decision, at, comment, source, signature
        case evidenceDigest = "evidence_digest", itemStates = "item_states", signatureStatus = "signature_status"
    }

    /// The text its signature must cover.
    package func payload(run: String) -> Data {
        SignoffSignature.payload(run: run, role: role, name: name, decision: decision.rawValue, at: at, evidence: evidenceDigest)
    }

    package init(role: String, name: String, decision: Decision, at: Timestamp, comment: String?,
                 evidenceDigest: String? = nil, itemStates: [String: String]? = nil, signature: String? = nil, source: RecordSource) {
        self.role = role
        self.name = name
        self.decision = decision
        self.at = at
        self.comment = comment
        self.evidenceDigest = evidenceDigest
        self.itemStates = itemStates
        self.signature = signature
        self.source = source
    }
}

/// That the run's release reached its environment: post-deployment phases fall due from `at`.
package struct Deployment: Sendable, Codable, Equatable {
    package var at: Timestamp
    package var release: String?
    /// Who (or which CI job) deployed.
    package var by: String?
    /// A link to the deploy job or change.
    package var url: String?
    package var source: RecordSource

    package enum CodingKeys: String, CodingKey {
        case at, release, by, url, source
    }

    /// The deployment that counts among a run's: the newest (file order breaks ties, the later wins).
    package static func effective(_ deployments: [Deployment]) -> Deployment? {
        deployments.reduce(nil as Deployment?) { best, next in best.map { next.at >= $0.at ? next : $0 } ?? next }
    }

    package init(at: Timestamp, release: String? = nil, by: String? = nil, url: String? = nil, source: RecordSource) {
        self.at = at
        self.release = release
        self.by = by
        self.url = url
        self.source = source
    }
}
