import Foundation
import PreflightSupport
import PreflightChecklist

/// Decodes one record file: a result, an array of results, or `{results, signoffs, waivers, deployments}`.
package struct RecordFileDecoder {
    package let file: String
    package let path: String
    package let manifest: RunManifest
    package let resolver: ItemResolver
    package let roles: [String]

    package var results: [ProbeResult] = []
    package var waivers: [Waiver] = []
    package var signoffs: [Signoff] = []
    package var deployments: [Deployment] = []
    package var problems: [Diagnostic] = []

    package mutating func decode(_ value: JSONValue) {
        switch value {
        case .array(let entries):
            for (index, entry) in entries.enumerated() { decodeResult(entry, at: "$[\(index)]") }
        case .object(let pairs):
            // Any one group key makes the object a grouping file; otherwise it is a single result.
            guard pairs.contains(where: { RecordGroup(rawValue: $0.key) != nil }) else {
                decodeResult(value, at: "$")
                return
            }
            for (key, entry) in pairs {
                guard let group = RecordGroup(rawValue: key) else {
                    problems.append(.warning(path, "$.\(key): unknown field ignored (expected \(RecordGroup.spokenList))"))
                    continue
                }
                guard case .array(let entries) = entry else {
                    problems.append(.error(path, "$.\(key): expected an array, found \(entry.typeName)"))
                    continue
                }
                for (index, element) in entries.enumerated() {
                    let at = "$.\(key)[\(index)]"
                    switch group {
                    case .results: decodeResult(element, at: at)
                    case .waivers: decodeWaiver(element, at: at)
                    case .signoffs: decodeSignoff(element, at: at)
                    case .deployments: decodeDeployment(element, at: at)
                    }
                }
            }
        default:
            let groups = "{" + RecordGroup.names.joined(separator: ", ") + "}"
            problems.append(.error(path, "expected a result object, an array of results or \(groups); found \(value.typeName)"))
        }
    }

    private mutating func reader<Field>(_ value: JSONValue, at: String, what: String) -> FieldReader<Field>? {
        guard let reader = FieldReader<Field>(value, path: at) else {
            problems.append(.error(path, "\(at): expected \(what) object, found \(value.typeName)"))
            return nil
        }
        return reader
    }

    private mutating func finish<Field>(_ reader: FieldReader<Field>) -> Bool {
        problems += reader.problems.map { .error(path, $0) }
        problems += reader.warnings.map { .warning(path, $0) }
        return reader.problems.isEmpty
    }

    /// Reads the item reference in `field` and resolves it to a full item id.
    private mutating func resolve<Field>(_ field: Field, at: String, reader: inout FieldReader<Field>) -> String? {
        guard let reference = reader.string(field) else { return nil }
        switch resolver.resolve(reference) {
        case .success(let id): return id
        case .failure(let failure):
            reader.fail("\(at).\(field.rawValue): \(failure)")
            return nil
        }
    }

    private mutating func decodeResult(_ value: JSONValue, at: String) {
        guard var reader: FieldReader<ResultField> = reader(value, at: at, what: "a result") else { return }
        let item = resolve(.item, at: at, reader: &reader)
        let status = reader.choice(.status, ResultStatus.self)
        let validFor = reader.duration(.validFor)
        let expiresAt = reader.timestamp(.expiresAt)
        if validFor != nil && expiresAt != nil {
            reader.fail("\(at): give either \(ResultField.validFor.rawValue) or \(ResultField.expiresAt.rawValue), not both")
        }
        let result = ProbeResult(
            item: item ?? "", status: status ?? .fail, summary: reader.string(.summary), details: reader.string(.details),
            probe: reader.string(.probe), observedAt: reader.timestamp(.observedAt) ?? manifest.startedAt,
            durationMs: reader.integer(.durationMs), evidence: reader.evidence(.evidence),
            validFor: validFor, expiresAt: expiresAt,
            attachments: reader.attachments(.attachments, runFolder: (path as NSString).deletingLastPathComponent),
            source: RecordSource(run: manifest.id, file: file, path: at))
        if finish(reader), item != nil, status != nil { results.append(result) }
    }

    private mutating func decodeWaiver(_ value: JSONValue, at: String) {
        guard var reader: FieldReader<WaiverField> = reader(value, at: at, what: "a waiver") else { return }
        let item = resolve(.item, at: at, reader: &reader)
        let reason = reader.string(.reason)
        let approvedBy = reader.string(.approvedBy)
        let expiresAt = reader.timestamp(.expiresAt)
        guard finish(reader), let item, let reason, let approvedBy, let expiresAt else { return }
        waivers.append(Waiver(item: item, reason: reason, approvedBy: approvedBy, expiresAt: expiresAt, source: RecordSource(run: manifest.id, file: file, path: at)))
    }

    /// A deployment before the run started is an error: phases would fall due before any check ran.
    private mutating func decodeDeployment(_ value: JSONValue, at: String) {
        guard var reader: FieldReader<DeploymentField> = reader(value, at: at, what: "a deployment") else { return }
        let time = reader.timestamp(.at)
        if let time, time < manifest.startedAt {
            reader.fail("\(at).\(DeploymentField.at.rawValue): \(time.text) is before the run started (\(manifest.startedAt.text))")
        }
        let deployment = Deployment(at: time ?? manifest.startedAt, release: reader.string(.release), by: reader.string(.by),
                                    url: reader.string(.url), source: RecordSource(run: manifest.id, file: file, path: at))
        if finish(reader), time != nil { deployments.append(deployment) }
    }

    private mutating func decodeSignoff(_ value: JSONValue, at: String) {
        guard var reader: FieldReader<SignoffField> = reader(value, at: at, what: "a sign-off") else { return }
        var role = reader.string(.role)
        if let given = role {
            role = roles.first { $0.lowercased() == given.trimmingCharacters(in: .whitespaces).lowercased() }
            if role == nil {
                let known = roles.isEmpty ? "the checklist has no sign-off roles" : "roles: " + roles.joined(separator: ", ")
                reader.fail("\(at).\(SignoffField.role.rawValue): '\(given)' is not a sign-off role of checklist '\(manifest.checklist)' (\(known))")
            }
        }
        let name = reader.string(.name)
        let decision = reader.choice(.decision, Signoff.Decision.self)
        let time = reader.timestamp(.at)
        let comment = reader.string(.comment)
        // A malformed digest or state map is a warning, not a lost decision: the digest is kept as
        // written (it then never matches, so the approval reads as stale), bad states are left out.
        let digest = reader.string(.evidenceDigest)
        if let digest, !Attachment.isDigest(digest) {
            reader.warn("\(at).\(SignoffField.evidenceDigest.rawValue): '\(digest.prefix(80))' is not a lowercase hex SHA-256, so the decision cannot be matched to the evidence")
        }
        var states = reader.stringMap(.itemStates)
        if let map = states {
            let bad = map.filter { $0.value.count != 1 || !Signoff.stateLetters.contains($0.value) }.keys.sorted()
            for key in bad.prefix(5) {
                reader.warn("\(at).\(SignoffField.itemStates.rawValue).\(key): '\(map[key]?.prefix(20) ?? "")' is not a state letter (one of \(Signoff.stateLetters.sorted().joined()))")
            }
            if !bad.isEmpty { states = map.filter { !bad.contains($0.key) } }
        }
        let signature = reader.string(.signature)
        if let signature, !signature.hasPrefix("-----BEGIN SSH SIGNATURE-----") {
            reader.warn("\(at).\(SignoffField.signature.rawValue): not an OpenSSH signature (-----BEGIN SSH SIGNATURE-----), so the decision is not verified")
        }
        guard finish(reader), let role, let name, let decision, let time else { return }
        signoffs.append(Signoff(role: role, name: name, decision: decision, at: time, comment: comment, evidenceDigest: digest,
                                itemStates: states, signature: signature, source: RecordSource(run: manifest.id, file: file, path: at)))
    }

    package init(file: String, path: String, manifest: RunManifest, resolver: ItemResolver, roles: [String], results: [ProbeResult] = [], waivers: [Waiver] = [], signoffs: [Signoff] = [], problems: [Diagnostic] = []) {
        self.file = file
        self.path = path
        self.manifest = manifest
        self.resolver = resolver
        self.roles = roles
        self.results = results
        self.waivers = waivers
        self.signoffs = signoffs
        self.problems = problems
    }
}

