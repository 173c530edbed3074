import PreflightSupport
import PreflightChecklist
import PreflightRuns

/// The Go/No-Go rules, always with the reasons behind the verdict.
package enum VerdictRules {
    package static func decide(checklist: Checklist, items: [ItemReport], signoffs: [SignoffStatus]) -> (Verdict, [VerdictReason]) {
        var blocking: [VerdictReason] = []
        var missing: [VerdictReason] = []
        let hasCriteria = items.indices.contains { items[$0].kind == .go || items[$0].kind == .noGo }

        if hasCriteria {
            for index in items.indices where items[index].criterion != nil {
                let item = items[index]
                switch (item.kind, item.criterion) {
                case (.noGo, .present?):
                    blocking.append(.init(item: item.id, why: "blocker present: \(item.text)" + detail(item)))
                case (.noGo, .unverified?):
                    missing.append(.init(item: item.id, why: "blocker unverified: \(item.text)" + detail(item)))
                case (.go, .notMet?):
                    blocking.append(.init(item: item.id, why: "go criterion failed: \(item.text)" + detail(item)))
                case (.go, .unverified?):
                    missing.append(.init(item: item.id, why: "go criterion open (\(item.state.rawValue)): \(item.text)"))
                default:
                    break
                }
            }
        } else {
            // Once, not per item: a scan per item made 100,000 items take minutes.
            let parents = Set(items.indices.compactMap { items[$0].parent })
            for item in items where item.kind == .check && item.state != .skip {
                if item.state == .fail {
                    blocking.append(.init(item: item.id, why: "failing: \(item.text)" + detail(item)))
                } else if !item.state.isPassing, !parents.contains(item.id) {
                    missing.append(.init(item: item.id, why: "\(item.state.rawValue): \(item.text)"))
                }
            }
        }
        for status in signoffs {
            switch status.decision {
            case .reject?:
                let comment = status.comment.map { ": \($0)" } ?? ""
                blocking.append(.init(item: status.item, why: "\(status.role) rejected (\(status.name ?? "unnamed"))\(comment)"))
            case nil where !status.records.isEmpty:
                // Only under require_signed_signoffs: decisions without a verified signature do not count.
                missing.append(.init(item: status.item, why: "\(status.role) has no verified decision (\(ReportFormatter.count(status.records.count, "unverified decision")) not counted)"))
            case nil:
                missing.append(.init(item: status.item, why: "\(status.role) has not signed off"))
            case .approve? where status.binding == .stale:
                missing.append(.init(item: status.item, why: staleWords(status)))
            case .approve?:
                break
            }
        }
        if !blocking.isEmpty { return (.noGo, blocking) }
        if !missing.isEmpty { return (.pending, missing) }
        var reasons = [VerdictReason(item: "", why: hasCriteria
            ? "every Go criterion is met and every No-Go criterion is clear"
            : "every applicable item passes")]
        if !signoffs.isEmpty { reasons.append(.init(item: "", why: "all \(signoffs.count) sign-off roles approved")) }
        return (.go, reasons)
    }

    /// What `decide` does for a checklist without Go/No-Go criteria, in words: a sign-off sheet
    /// prints it instead of empty criteria tables, so the signer knows what GO means here.
    package static func itemRuleInWords(hasSignoffs: Bool) -> String {
        var rule = "This checklist has no Go or No-Go criteria, so its items decide the verdict: NO-GO when any item fails; "
            + "PENDING while any item warns or has no result yet; GO when every item that applies passes, is done or is waived "
            + "(skipped items do not count)."
        if hasSignoffs { rule += " Every sign-off role must also approve: one rejection is NO-GO." }
        return rule
    }

    /// "Security Lead approved an earlier state (Priya Nair); changed since: Backups verified (pass → fail)".
    package static func staleWords(_ status: SignoffStatus) -> String {
        var words = "\(status.role) approved an earlier state (\(status.name ?? "unnamed")) and must approve the current one"
        if !status.changes.isEmpty {
            let listed = status.changes.prefix(3).map(\.words).joined(separator: "; ")
            let more = status.changes.count > 3 ? "; and \(status.changes.count - 3) more" : ""
            words += "; changed since: " + listed + more
        }
        return words
    }

    private static func detail(_ item: ItemReport) -> String {
        guard let summary = item.decidedBy?.summary, !summary.isEmpty else { return "" }
        return " (\(summary))"
    }
}
