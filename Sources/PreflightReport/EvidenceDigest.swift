import Foundation
import PreflightSupport
import PreflightChecklist
import PreflightRuns

/// The evidence digest: SHA-256 over a canonical JSON of what a signer judges, so a decision can be
/// bound to the state it approved. Sign-offs and all that follows from them (sign-off items'
/// states, the verdict, its reasons) stay out, so signing never changes it. README ("The evidence
/// digest") documents the canonical form; a change here changes every digest, so bump `format`.
package enum EvidenceDigest {
    /// Names the canonical form inside the hashed bytes.
    package static let format = "preflight-evidence/1"

    /// Per item: whether its state follows from sign-offs (a sign-off item or a parent of one).
    package static func signoffDerived(_ items: [ItemReport]) -> [Bool] {
        var derived = items.map { $0.kind == .signoff }
        var position: [String: Int] = [:]
        for index in items.indices where position[items[index].id] == nil { position[items[index].id] = index }
        for index in items.indices where derived[index] {
            var parent = items[index].parent
            while let id = parent, let at = position[id], !derived[at] {
                derived[at] = true
                parent = items[at].parent
            }
        }
        return derived
    }

    /// The canonical bytes: sorted keys, no whitespace, no trailing newline.
    /// `derived` is `signoffDerived(items)` when the caller has it already.
    package static func canonicalJSON(run: RunManifest, checklist: ChecklistReference, items: [ItemReport], derived: [Bool]? = nil) -> [UInt8] {
        let derived = derived ?? signoffDerived(items)
        var json = JSONBuilder()
        json.beginObject()
        json.key("checklist"); checklist.write(&json)
        json.key("format"); json.string(format)
        json.key("items")
        json.beginArray()
        items.withUnsafeBufferPointer { items in
            for index in items.indices {
                json.element()
                write(items[index], judged: !derived[index], &json)
            }
        }
        json.endArray()
        json.key("run"); run.write(&json)
        json.endObject()
        return json.bytes
    }

    /// Lowercase hex SHA-256 of the canonical bytes.
    package static func digest(run: RunManifest, checklist: ChecklistReference, items: [ItemReport], derived: [Bool]? = nil) -> String {
        ContentKeys.hash(Data(canonicalJSON(run: run, checklist: checklist, items: items, derived: derived)))
    }

    /// The item states a signer sees, item id → state letter (sign-off-derived items left out).
    package static func states(_ items: [ItemReport]) -> [String: String] {
        let derived = signoffDerived(items)
        var states: [String: String] = [:]
        for index in items.indices where !derived[index] { states[items[index].id] = items[index].state.letter }
        return states
    }

    /// The items whose state differs from `recorded` (item id → letter), in checklist order;
    /// items new to the checklist or gone from it count as changed.
    package static func changes(since recorded: [String: String], items: [ItemReport]) -> [ItemChange] {
        let derived = signoffDerived(items)
        var changes: [ItemChange] = []
        var seen = Set<String>()
        for index in items.indices where !derived[index] {
            let item = items[index]
            seen.insert(item.id)
            let was = recorded[item.id].flatMap(ItemState.init(letter:))
            if was != item.state { changes.append(ItemChange(item: item.id, text: item.text, was: was, now: item.state)) }
        }
        for id in recorded.keys.sorted() where !seen.contains(id) {
            changes.append(ItemChange(item: id, text: id, was: recorded[id].flatMap(ItemState.init(letter:)), now: nil))
        }
        return changes
    }

    /// `3f9a c2e1 07bd 5a44`: the first 16 hex digits in groups of 4, for reading aloud.
    package static func shortForm(_ digest: String) -> String {
        let head = Array(digest.prefix(16))
        return stride(from: 0, to: head.count, by: 4).map { String(head[$0..<min($0 + 4, head.count)]) }.joined(separator: " ")
    }

    /// The fewest hex digits a digest may be given by.
    package static let minimumPrefix = 8

    /// `text` as a digest or digest prefix: spaces (the short form's groups) removed, lowercased;
    /// nil unless at least 8 and at most 64 hex digits.
    package static func normalizedPrefix(_ text: String) -> String? {
        let digits = text.lowercased().filter { $0 != " " }
        guard digits.count >= minimumPrefix, digits.count <= 64, digits.allSatisfy(\.isHexDigit) else { return nil }
        return digits
    }

    private static func write(_ item: ItemReport, judged: Bool, _ json: inout JSONBuilder) {
        json.beginObject()
        if judged { json.key("carried_from"); if let carried = item.carriedFrom { json.string(carried) } else { json.null() } }
        json.key("checked"); json.bool(item.checked)
        json.key("id"); json.string(item.id)
        json.key("kind"); json.string(item.kind.rawValue)
        if let parent = item.parent { json.key("parent"); json.string(parent) }
        if judged {
            json.key("result"); if let result = item.decidedBy { write(result, &json) } else { json.null() }
        }
        if let role = item.role { json.key("role"); json.string(role) }
        if judged { json.key("state"); json.string(item.state.rawValue) }
        json.key("text"); json.string(item.text)
        if judged {
            json.key("waiver")
            if let waiver = item.waiver {
                json.beginObject()
                json.key("approved_by"); json.string(waiver.approvedBy)
                json.key("expires_at"); json.string(waiver.expiresAt.text)
                json.key("reason"); json.string(waiver.reason)
                json.endObject()
            } else {
                json.null()
            }
        }
        json.endObject()
    }

    /// A deciding result without where it was read from (file and JSON path) or how long it took:
    /// moving a record between files is no change of evidence.
    private static func write(_ result: ProbeResult, _ json: inout JSONBuilder) {
        json.beginObject()
        if let attachments = result.attachments { json.key("attachments"); json.array(attachments) { $0.write(&$1) } }
        if let details = result.details { json.key("details"); json.string(details) }
        json.key("evidence")
        json.array(result.evidence) { link, json in
            json.beginObject()
            json.key("label"); json.string(link.label)
            json.key("url"); json.string(link.url)
            json.endObject()
        }
        if let expiresAt = result.expiresAt { json.key("expires_at"); json.string(expiresAt.text) }
        json.key("observed_at"); json.string(result.observedAt.text)
        if let probe = result.probe { json.key("probe"); json.string(probe) }
        json.key("status"); json.string(result.status.rawValue)
        if let summary = result.summary { json.key("summary"); json.string(summary) }
        if let validFor = result.validFor { json.key("valid_for"); json.string(validFor.text) }
        json.endObject()
    }
}
