import PreflightSupport
import PreflightRuns

/// The post-deployment part of the text and Markdown reports and of `preflight due`.
extension ReportFormatter {
    /// "1 second", "59 minutes 59 seconds", "2 days 4 hours": the two largest units.
    package static func span(_ seconds: Double) -> String {
        var rest = Int(max(0, seconds).rounded(.down))
        var parts: [String] = []
        for (unit, length) in [("day", 86_400), ("hour", 3600), ("minute", 60), ("second", 1)] {
            let whole = rest / length
            rest -= whole * length
            if whole > 0 { parts.append(count(whole, unit)) } else if !parts.isEmpty { break }
            if parts.count == 2 { break }
        }
        return parts.isEmpty ? "0 seconds" : parts.joined(separator: " ")
    }

    /// "complete", "on track", "3 overdue".
    package static func statusWords(_ post: PostDeployment) -> String {
        switch post.status {
        case .complete: return "complete"
        case .onTrack: return "on track"
        case .overdue: return "\(post.overdue) overdue"
        }
    }

    /// One item's state in words: "overdue by 2 hours", "done 5 minutes late", "due in 1 hour"…
    package static func phaseItemWords(_ item: PhaseItemReport) -> String {
        switch item.state {
        case .doneInTime: return "done in time"
        case .doneLate: return "done \(span(item.seconds ?? 0)) late"
        case .open: return "open, due in \(span(item.seconds ?? 0))"
        case .overdue: return "overdue by \(span(item.seconds ?? 0))"
        case .failing: return "failing since \(item.failedAt?.display ?? "?")"
        case .skipped: return "skipped"
        }
    }

    /// "2 done · 1 overdue · 2 open" for a phase.
    package static func phaseCounts(_ phase: PhaseReport) -> String {
        let order: [(PhaseItemState, String)] = [(.overdue, "overdue"), (.failing, "failing"), (.open, "open"), (.doneLate, "done late"),
                                                 (.doneInTime, "done in time"), (.skipped, "skipped")]
        return order.compactMap { state, words in phase.count(state) > 0 ? "\(phase.count(state)) \(words)" : nil }.joined(separator: " · ")
    }

    /// "Deployed 2026-11-16 11:00 UTC · release 2026.11 · by ci"
    package static func deploymentLine(_ deployment: Deployment) -> String {
        var facts = ["deployed \(deployment.at.display)"]
        if let release = deployment.release { facts.append("release \(release)") }
        if let by = deployment.by { facts.append("by \(by)") }
        return facts.joined(separator: " · ")
    }

    static func postDeploymentText(_ post: PostDeployment) -> [String] {
        var lines = ["", "Post-deployment: \(statusWords(post))" + (post.asOf.map { " (as of \($0.display))" } ?? ""), "  " + deploymentLine(post.deployment)]
        if post.deployments.count > 1 { lines.append("  \(count(post.deployments.count, "deployment")) recorded; the newest counts") }
        for phase in post.phases {
            lines.append("  \(phase.title) (due \(phase.due.display)): \(phaseCounts(phase))")
            for item in phase.items where item.state != .doneInTime && item.state != .skipped {
                lines.append("    \(item.id): \(phaseItemWords(item))")
            }
        }
        return lines
    }

    static func postDeploymentMarkdown(_ post: PostDeployment) -> [String] {
        var lines = ["", "**Post-deployment: \(statusWords(post))**" + (post.asOf.map { " (as of \($0.display))" } ?? "") + " · \(escape(deploymentLine(post.deployment)))", ""]
        lines.append("| Phase | Due | Items |")
        lines.append("|---|---|---|")
        for phase in post.phases { lines.append("| \(escape(phase.title)) | \(phase.due.display) | \(phaseCounts(phase)) |") }
        let pending = post.phases.flatMap { phase in phase.items.filter { $0.state != .doneInTime && $0.state != .skipped } }
        if !pending.isEmpty {
            lines.append("")
            lines.append("| Item | State |")
            lines.append("|---|---|")
            for item in pending { lines.append("| \(codeSpan(item.id)) | \(escape(phaseItemWords(item))) |") }
        }
        return lines
    }
}
