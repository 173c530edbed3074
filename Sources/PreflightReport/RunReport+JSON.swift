import PreflightSupport
import PreflightChecklist
import PreflightRuns

/// report.json written key by key in sorted order: the same bytes as encoding the Codable
/// model canonically (a test holds them together), at a fraction of the cost.
extension RunReport {
    /// The canonical bytes of the report, with a trailing newline. Problem paths inside
    /// `archive` (the runs folder) are written relative to it, so that report.json and its
    /// digest do not depend on where the archive lies.
    package func canonicalJSON(relativeTo archive: String) -> [UInt8] {
        var json = JSONBuilder()
        json.beginObject()
        json.key("checklist"); checklist.write(&json)
        json.key("counts"); json.intMap(counts)
        json.key("evidence_digest"); json.string(evidenceDigest)
        if let format { json.key("format"); json.int(format) }
        json.key("items")
        // Through a buffer pointer: an array element that a method is called on is copied first
        // (a retain per field), an element of a buffer pointer is not.
        json.beginArray()
        items.withUnsafeBufferPointer { items in
            for index in items.indices {
                json.element()
                items[index].write(&json)
            }
        }
        json.endArray()
        if let postDeployment { json.key("post_deployment"); json.encoded(postDeployment) }
        json.key("problems"); json.array(problems) { $0.relative(to: archive).write(&$1) }
        json.key("readiness"); json.double(readiness)
        json.key("reasons")
        json.array(reasons) { reason, json in
            json.beginObject()
            json.key("item"); json.string(reason.item)
            json.key("why"); json.string(reason.why)
            json.endObject()
        }
        json.key("run"); run.write(&json)
        json.key("sections"); json.array(sections) { $0.write(&$1) }
        json.key("signoffs"); json.array(signoffs) { $0.write(&$1) }
        json.key("verdict"); json.string(verdict.rawValue)
        json.endObject()
        return json.bytes + [0x0A]
    }
}

extension JSONBuilder {
    package mutating func array<T>(_ values: [T], _ write: (T, inout JSONBuilder) -> Void) {
        beginArray()
        for value in values {
            element()
            write(value, &self)
        }
        endArray()
    }
}

extension ItemReport {
    package func write(_ json: inout JSONBuilder) {
        json.beginObject()
        let decision = self.decision
        if case .carried(let result)? = decision { json.key("carried"); result.write(&json) }
        json.key("carried_from"); if let carriedFrom { json.string(carriedFrom) } else { json.null() }
        json.key("checked"); json.bool(checked)
        if let criterion { json.key("criterion"); json.string(criterion.rawValue) }
        if case .result(let index)? = decision { json.key("decided_by"); json.int(index) }
        json.key("depth"); json.int(depth)
        if let expired { json.key("expired"); expired.write(&json) }
        if let expiredWaiver { json.key("expired_waiver"); expiredWaiver.write(&json) }
        json.key("id"); json.string(id)
        json.key("kind"); json.string(kind.rawValue)
        if let parent { json.key("parent"); json.string(parent) }
        json.key("results")
        json.beginArray()
        // Through a buffer pointer, as the items are (no retain per field).
        results.withUnsafeBufferPointer { results in
            for index in results.indices {
                json.element()
                results[index].write(&json)
            }
        }
        json.endArray()
        if let role { json.key("role"); json.string(role) }
        json.key("section"); json.string(section)
        json.key("state"); json.string(state.rawValue)
        json.key("text"); json.string(text)
        json.key("waiver"); if let waiver { waiver.write(&json) } else { json.null() }
        json.endObject()
    }
}

extension ProbeResult {
    package func write(_ json: inout JSONBuilder) {
        json.beginObject()
        if let attachments { json.key("attachments"); json.array(attachments) { $0.write(&$1) } }
        if let details { json.key("details"); json.string(details) }
        if let durationMs { json.key("duration_ms"); json.int(durationMs) }
        json.key("evidence")
        json.array(evidence) { link, json in
            json.beginObject()
            json.key("label"); json.string(link.label)
            json.key("url"); json.string(link.url)
            json.endObject()
        }
        if let expiresAt { json.key("expires_at"); json.string(expiresAt.text) }
        json.key("observed_at"); json.string(observedAt.text)
        if let probe { json.key("probe"); json.string(probe) }
        json.key("source"); source.write(&json)
        json.key("status"); json.string(status.rawValue)
        if let summary { json.key("summary"); json.string(summary) }
        if let validFor { json.key("valid_for"); json.string(validFor.text) }
        json.endObject()
    }
}

extension Attachment {
    /// `{"name", "sha256", "size"}`, in report.json and in the evidence digest's canonical form.
    package func write(_ json: inout JSONBuilder) {
        json.beginObject()
        json.key("name"); json.string(name)
        json.key("sha256"); json.string(sha256)
        json.key("size"); json.int(size)
        json.endObject()
    }
}

extension RecordSource {
    package func write(_ json: inout JSONBuilder) {
        json.beginObject()
        json.key("file"); json.string(file)
        json.key("path"); json.string(path)
        json.key("run"); json.string(run)
        json.endObject()
    }
}

extension Waiver {
    package func write(_ json: inout JSONBuilder) {
        json.beginObject()
        json.key("approved_by"); json.string(approvedBy)
        json.key("expires_at"); json.string(expiresAt.text)
        json.key("item"); json.string(item)
        json.key("reason"); json.string(reason)
        json.key("source"); source.write(&json)
        json.endObject()
    }
}

extension Signoff {
    package func write(_ json: inout JSONBuilder) {
        json.beginObject()
        json.key("at"); json.string(at.text)
        if let comment { json.key("comment"); json.string(comment) }
        json.key("decision"); json.string(decision.rawValue)
        if let evidenceDigest { json.key("evidence_digest"); json.string(evidenceDigest) }
        if let itemStates { json.key("item_states"); json.stringMap(itemStates) }
        json.key("name"); json.string(name)
        json.key("role"); json.string(role)
        if let signature { json.key("signature"); json.string(signature) }
        if let signatureStatus { json.key("signature_status"); json.string(signatureStatus.words) }
        json.key("source"); source.write(&json)
        json.endObject()
    }
}

extension SignoffStatus {
    package func write(_ json: inout JSONBuilder) {
        json.beginObject()
        if let at { json.key("at"); json.string(at.text) }
        if let binding { json.key("binding"); json.string(binding.rawValue) }
        json.key("changed_since")
        json.array(changes) { change, json in
            json.beginObject()
            json.key("item"); json.string(change.item)
            if let now = change.now { json.key("now"); json.string(now.rawValue) }
            json.key("text"); json.string(change.text)
            if let was = change.was { json.key("was"); json.string(was.rawValue) }
            json.endObject()
        }
        if let comment { json.key("comment"); json.string(comment) }
        if let decision { json.key("decision"); json.string(decision.rawValue) }
        if let evidenceDigest { json.key("evidence_digest"); json.string(evidenceDigest) }
        json.key("item"); json.string(item)
        if let name { json.key("name"); json.string(name) }
        json.key("records"); json.array(records) { $0.write(&$1) }
        json.key("role"); json.string(role)
        if let signature { json.key("signature"); json.string(signature.words) }
        json.endObject()
    }
}

extension SectionReport {
    package func write(_ json: inout JSONBuilder) {
        json.beginObject()
        json.key("applicable"); json.int(applicable)
        json.key("id"); json.string(id)
        json.key("level"); json.int(level)
        json.key("passing"); json.int(passing)
        if let readiness { json.key("readiness"); json.double(readiness) }
        json.key("title"); json.string(title)
        json.endObject()
    }
}

extension ChecklistReference {
    /// `{"name", "title"}`, as report.json and the evidence digest's canonical form both hold it.
    package func write(_ json: inout JSONBuilder) {
        json.beginObject()
        json.key("name"); json.string(name)
        json.key("title"); json.string(title)
        json.endObject()
    }
}

extension RunManifest {
    /// The manifest in its run.json field names (`RunField`), keys in sorted order.
    package func write(_ json: inout JSONBuilder) {
        json.beginObject()
        if let branch { json.key(RunField.branch.rawValue); json.string(branch) }
        json.key(RunField.checklist.rawValue); json.string(checklist)
        if let commit { json.key(RunField.commit.rawValue); json.string(commit) }
        json.key(RunField.environment.rawValue); json.string(environment)
        json.key(RunField.id.rawValue); json.string(id)
        if let labels { json.key(RunField.labels.rawValue); json.stringMap(labels) }
        // Absent for a run of no service, so its report.json keeps today's bytes.
        if let owner { json.key(RunField.owner.rawValue); json.string(owner) }
        if let service { json.key(RunField.service.rawValue); json.string(service) }
        json.key(RunField.startedAt.rawValue); json.string(startedAt.text)
        if let title { json.key(RunField.title.rawValue); json.string(title) }
        if let trigger { json.key(RunField.trigger.rawValue); json.string(trigger) }
        if let url { json.key(RunField.url.rawValue); json.string(url) }
        json.endObject()
    }
}

extension Diagnostic {
    package func write(_ json: inout JSONBuilder) {
        json.beginObject()
        if let column { json.key("column"); json.int(column) }
        if let line { json.key("line"); json.int(line) }
        json.key("message"); json.string(message)
        json.key("path"); json.string(path)
        json.key("severity"); json.string(severity.rawValue)
        json.endObject()
    }
}
