import PreflightSupport
import PreflightChecklist

/// Decodes one record file: a result, an array of results, or `{results, signoffs, waivers}`.
package struct RecordFileDecoder {
    package let file: String
    package let path: String
    package let manifest: RunManifest
    package let resolver: ItemResolver
    package let roles: [String]

    package var results: [ProbeResult] = []
    package var waivers: [Waiver] = []
    package var signoffs: [Signoff] = []
    package var problems: [Diagnostic] = []

    package static let resultFields: [String] = [
        "item", "status", "summary", "details", "probe", "observed_at", "duration_ms", "evidence", "valid_for", "expires_at",
    ]

    package mutating func decode(_ value: JSONValue) {
        switch value {
        case .array(let entries):
            for (index, entry) in entries.enumerated() { decodeResult(entry, at: "$[\(index)]") }
        case .object(let pairs):
            let groups: Set<String> = ["results", "signoffs", "waivers"]
            guard pairs.contains(where: { groups.contains($0.key) }) else {
                decodeResult(value, at: "$")
                return
            }
            for (key, entry) in pairs {
                guard groups.contains(key) else {
                    problems.append(.warning(path, "$.\(key): unknown field ignored (expected results, signoffs or waivers)"))
                    continue
                }
                guard case .array(let entries) = entry else {
                    problems.append(.error(path, "$.\(key): expected an array, found \(entry.typeName)"))
                    continue
                }
                for (index, element) in entries.enumerated() {
                    let at = "$.\(key)[\(index)]"
                    switch key {
                    case "results": decodeResult(element, at: at)
                    case "waivers": decodeWaiver(element, at: at)
                    default: decodeSignoff(element, at: at)
                    }
                }
            }
        default:
            problems.append(.error(path, "expected a result object, an array of results or {results, signoffs, waivers}; found \(value.typeName)"))
        }
    }

    private mutating func reader(_ value: JSONValue, at: String, known: [String], what: String) -> FieldReader? {
        guard let reader = FieldReader(value, path: at, known: known) else {
            problems.append(.error(path, "\(at): expected \(what) object, found \(value.typeName)"))
            return nil
        }
        return reader
    }

    private mutating func finish(_ reader: FieldReader) -> Bool {
        problems += reader.problems.map { .error(path, $0) }
        problems += reader.warnings.map { .warning(path, $0) }
        return reader.problems.isEmpty
    }

    private mutating func resolve(_ reference: String?, at: String, reader: inout FieldReader) -> String? {
        guard let reference else { return nil }
        switch resolver.resolve(reference) {
        case .success(let id): return id
        case .failure(let failure):
            reader.fail("\(at).item: \(failure)")
            return nil
        }
    }

    private mutating func decodeResult(_ value: JSONValue, at: String) {
        guard var reader = reader(value, at: at, known: Self.resultFields, what: "a result") else { return }
        let item = resolve(reader.string("item", required: true), at: at, reader: &reader)
        let status = reader.choice("status", ResultStatus.self)
        let validFor = reader.duration("valid_for")
        let expiresAt = reader.timestamp("expires_at")
        if validFor != nil && expiresAt != nil { reader.fail("\(at): give either valid_for or expires_at, not both") }
        let result = ProbeResult(
            item: item ?? "", status: status ?? .fail, summary: reader.string("summary"), details: reader.string("details"),
            probe: reader.string("probe"), observedAt: reader.timestamp("observed_at") ?? manifest.startedAt,
            durationMs: reader.integer("duration_ms"), evidence: reader.evidence("evidence"),
            validFor: validFor, expiresAt: expiresAt, source: RecordSource(run: manifest.id, file: file, path: at))
        if finish(reader), item != nil, status != nil { results.append(result) }
    }

    private mutating func decodeWaiver(_ value: JSONValue, at: String) {
        guard var reader = reader(value, at: at, known: ["item", "reason", "approved_by", "expires_at"], what: "a waiver") else { return }
        let item = resolve(reader.string("item", required: true), at: at, reader: &reader)
        let reason = reader.string("reason", required: true)
        let approvedBy = reader.string("approved_by", required: true)
        let expiresAt = reader.timestamp("expires_at", required: true)
        guard finish(reader), let item, let reason, let approvedBy, let expiresAt else { return }
        waivers.append(Waiver(item: item, reason: reason, approvedBy: approvedBy, expiresAt: expiresAt, source: RecordSource(run: manifest.id, file: file, path: at)))
    }

    private mutating func decodeSignoff(_ value: JSONValue, at: String) {
        guard var reader = reader(value, at: at, known: ["role", "name", "decision", "at", "comment"], what: "a sign-off") else { return }
        var role = reader.string("role", required: true)
        if let given = role {
            role = roles.first { $0.lowercased() == given.trimmingCharacters(in: .whitespaces).lowercased() }
            if role == nil {
                let known = roles.isEmpty ? "the checklist has no sign-off roles" : "roles: " + roles.joined(separator: ", ")
                reader.fail("\(at).role: '\(given)' is not a sign-off role of checklist '\(manifest.checklist)' (\(known))")
            }
        }
        let name = reader.string("name", required: true)
        let decision = reader.choice("decision", Signoff.Decision.self)
        let time = reader.timestamp("at", required: true)
        let comment = reader.string("comment")
        guard finish(reader), let role, let name, let decision, let time else { return }
        signoffs.append(Signoff(role: role, name: name, decision: decision, at: time, comment: comment, source: RecordSource(run: manifest.id, file: file, path: at)))
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

