import Foundation
import PreflightSupport
import PreflightChecklist

// The records `preflight record`, `sign`, `waive` and `start-run` write. Each type's `CodingKeys`
// is the field enum the decoder reads by, so what is written is what is read; absent optional
// fields are left out of the file, not written as null.

/// A probe result as written to a record file.
package struct ResultRecord: Encodable, Sendable, Equatable {
    package typealias CodingKeys = ResultField

    package var item: String
    package var status: ResultStatus
    package var summary: String?
    package var details: String?
    package var probe: String?
    package var observedAt: Timestamp
    package var durationMs: Int?
    package var evidence: [Evidence]?
    package var validFor: ISODuration?
    package var expiresAt: Timestamp?
    package var attachments: [Attachment]?

    package init(item: String, status: ResultStatus, summary: String? = nil, details: String? = nil, probe: String? = nil,
                 observedAt: Timestamp, durationMs: Int? = nil, evidence: [Evidence] = [], validFor: ISODuration? = nil,
                 expiresAt: Timestamp? = nil, attachments: [Attachment] = []) {
        self.item = item
        self.status = status
        self.summary = summary
        self.details = details
        self.probe = probe
        self.observedAt = observedAt
        self.durationMs = durationMs
        self.evidence = evidence.isEmpty ? nil : evidence
        self.validFor = validFor
        self.expiresAt = expiresAt
        self.attachments = attachments.isEmpty ? nil : attachments
    }
}

/// A sign-off as written to a record file.
package struct SignoffRecord: Encodable, Sendable, Equatable {
    package typealias CodingKeys = SignoffField

    package var role: String
    package var name: String
    package var decision: Signoff.Decision
    package var at: Timestamp
    package var comment: String?
    package var evidenceDigest: String?
    package var itemStates: [String: String]?
    package var signature: String?

    package init(role: String, name: String, decision: Signoff.Decision, at: Timestamp, comment: String? = nil,
                 evidenceDigest: String? = nil, itemStates: [String: String]? = nil, signature: String? = nil) {
        self.role = role
        self.name = name
        self.decision = decision
        self.at = at
        self.comment = comment
        self.evidenceDigest = evidenceDigest
        self.itemStates = itemStates
        self.signature = signature
    }
}

/// A waiver as written to a record file.
package struct WaiverRecord: Encodable, Sendable, Equatable {
    package typealias CodingKeys = WaiverField

    package var item: String
    package var reason: String
    package var approvedBy: String
    package var expiresAt: Timestamp

    package init(item: String, reason: String, approvedBy: String, expiresAt: Timestamp) {
        self.item = item
        self.reason = reason
        self.approvedBy = approvedBy
        self.expiresAt = expiresAt
    }
}

/// A deployment as written to a record file.
package struct DeploymentRecord: Encodable, Sendable, Equatable {
    package typealias CodingKeys = DeploymentField

    package var at: Timestamp
    package var release: String?
    package var by: String?
    package var url: String?

    package init(at: Timestamp, release: String? = nil, by: String? = nil, url: String? = nil) {
        self.at = at
        self.release = release
        self.by = by
        self.url = url
    }
}

/// A grouping record file `{results, signoffs, waivers, deployments}`; empty groups are left out.
package struct RecordGroups: Encodable, Sendable, Equatable {
    package typealias CodingKeys = RecordGroup

    package var results: [ResultRecord]?
    package var signoffs: [SignoffRecord]?
    package var waivers: [WaiverRecord]?
    package var deployments: [DeploymentRecord]?

    package init(results: [ResultRecord] = [], signoffs: [SignoffRecord] = [], waivers: [WaiverRecord] = [], deployments: [DeploymentRecord] = []) {
        self.results = results.isEmpty ? nil : results
        self.signoffs = signoffs.isEmpty ? nil : signoffs
        self.waivers = waivers.isEmpty ? nil : waivers
        self.deployments = deployments.isEmpty ? nil : deployments
    }
}

extension RecordWriter {
    /// Writes one result as a bare result object, in a file named after its probe; returns the path.
    @discardableResult
    package static func write(result: ResultRecord, into folder: String, now: Timestamp) throws -> String {
        try write(result, into: folder, prefix: result.probe ?? "result", now: now)
    }

    /// Writes one sign-off under `signoffs`, in a file named after its role; returns the path.
    @discardableResult
    package static func write(signoff: SignoffRecord, into folder: String, now: Timestamp) throws -> String {
        try write(RecordGroups(signoffs: [signoff]), into: folder, prefix: "signoff-" + Slug.make(signoff.role), now: now)
    }

    /// Writes one waiver under `waivers`; returns the path.
    @discardableResult
    package static func write(waiver: WaiverRecord, into folder: String, now: Timestamp) throws -> String {
        try write(RecordGroups(waivers: [waiver]), into: folder, prefix: "waiver", now: now)
    }

    /// Writes one deployment under `deployments`; returns the path.
    @discardableResult
    package static func write(deployment: DeploymentRecord, into folder: String, now: Timestamp) throws -> String {
        try write(RecordGroups(deployments: [deployment]), into: folder, prefix: "deployed", now: now)
    }

    /// Writes `run.json` into an existing run folder; returns its path.
    @discardableResult
    package static func write(manifest: RunManifest, into folder: String) throws -> String {
        let path = (folder as NSString).appendingPathComponent("run.json")
        try writeAtomically(encode(manifest), to: path)
        return path
    }
}
