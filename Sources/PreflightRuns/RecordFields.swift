/// The input contract's field names, each defined here and nowhere else.
///
/// The decoder checks and reads records by these enums, the record types the CLI writes use
/// them as their `CodingKeys`, and `RecordContractTests` holds the JSON Schemas in `schema/` to
/// them, so renaming a field here renames it everywhere or fails a test.

/// One field of a record kind; the raw value is the JSON key.
package protocol RecordField: CodingKey, CaseIterable, Hashable, Sendable, RawRepresentable where RawValue == String {
    /// The fields a record is rejected without.
    static var required: [Self] { get }
}

extension RecordField {
    /// Every key of the record kind, in declaration order.
    package static var names: [String] { allCases.map(\.rawValue) }

    package var isRequired: Bool { Self.required.contains(self) }

    /// The keys as prose, for messages: `a, b or c`.
    package static var spokenList: String {
        let all = names
        guard let last = all.last, all.count > 1 else { return all.joined() }
        return all.dropLast().joined(separator: ", ") + " or " + last
    }
}

/// `run.json` (schema/run.schema.json).
package enum RunField: String, RecordField {
    case id, checklist, environment
    case startedAt = "started_at"
    case title, commit, branch, url, trigger, labels
    /// Optional: the service the run checked (run-id alphabet) and the team that owns it.
    case service, owner

    package static let required: [RunField] = [.checklist, .environment, .startedAt]
}

/// A probe result (schema/result.schema.json).
package enum ResultField: String, RecordField {
    case item, status, summary, details, probe
    case observedAt = "observed_at"
    case durationMs = "duration_ms"
    case evidence
    case validFor = "valid_for"
    case expiresAt = "expires_at"
    case attachments

    package static let required: [ResultField] = [.item, .status]
}

/// One entry of a result's `attachments` array: a file stored under the run's `attachments/`.
package enum AttachmentField: String, RecordField {
    case name, sha256, size

    package static let required: [AttachmentField] = allCases
}

/// One entry of a result's `evidence` array.
package enum EvidenceField: String, RecordField {
    case label, url

    package static let required: [EvidenceField] = [.url]
}

/// A waiver (schema/waiver.schema.json).
package enum WaiverField: String, RecordField {
    case item, reason
    case approvedBy = "approved_by"
    case expiresAt = "expires_at"

    package static let required: [WaiverField] = allCases
}

/// A sign-off (schema/signoff.schema.json).
package enum SignoffField: String, RecordField {
    case role, name, decision, at, comment
    /// Optional: the evidence digest (64 lowercase hex digits) the decision was made on, and the
    /// states the signer saw, item id → one letter (`ItemStateLetter`), for listing what changed since.
    case evidenceDigest = "evidence_digest"
    case itemStates = "item_states"
    /// Optional: an OpenSSH signature (`-----BEGIN SSH SIGNATURE-----`) over the decision (`SignoffSignature.payload`).
    case signature

    package static let required: [SignoffField] = [.role, .name, .decision, .at]
}

/// A deployment of the run's release (schema/deployment.schema.json): post-deployment phases fall due from `at`.
package enum DeploymentField: String, RecordField {
    case at, release, by, url

    package static let required: [DeploymentField] = [.at]
}

/// The arrays of a grouping record file `{results, signoffs, waivers, deployments}` (schema/run-file.schema.json).
package enum RecordGroup: String, RecordField {
    case results, signoffs, waivers, deployments

    package static let required: [RecordGroup] = []
}
