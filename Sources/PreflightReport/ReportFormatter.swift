import Foundation
import PreflightSupport
import PreflightChecklist
import PreflightRuns

/// Plain-text and Markdown forms of a report, for terminals and CI job summaries.
package enum ReportFormatter {
    package static func percent(_ value: Double?) -> String {
        guard let value else { return "n/a" }
        return "\(Int((value * 100).rounded(.down)))%"
    }

    /// "1 run", "2 runs": a count with its noun, plural unless the count is one.
    package static func count(_ count: Int, _ noun: String, plural: String? = nil) -> String {
        "\(count) \(count == 1 ? noun : plural ?? noun + "s")"
    }

    package static func countsLine(_ report: RunReport) -> String { countsLine(report.counts) }

    package static func countsLine(_ counts: [String: Int]) -> String {
        ItemState.allCases.compactMap { state in
            let count = counts[state.rawValue] ?? 0
            return count > 0 ? "\(state.rawValue) \(count)" : nil
        }.joined(separator: " · ")
    }


    package static func text(_ report: RunReport) -> String {
        var lines: [String] = []
        let run = report.run
        lines.append("\(run.stream.title(checklistTitle: report.checklist.title)) · run \(run.id)")
        var facts = ["started \(run.startedAt.display)"]
        if let commit = run.commit { facts.append("commit \(commit.prefix(12))") }
        if let branch = run.branch { facts.append("branch \(branch)") }
        lines.append(facts.joined(separator: " · "))
        if let url = run.url { lines.append("CI: \(url)") }
        lines.append("Evidence digest: \(EvidenceDigest.shortForm(report.evidenceDigest)) (\(report.evidenceDigest))")
        lines.append("")
        lines.append("Verdict: \(report.verdict.rawValue.uppercased())")
        for reason in report.reasons { lines.append("  - " + (reason.item.isEmpty ? reason.why : "\(reason.item): \(reason.why)")) }
        lines.append("")
        let applicable = report.sections.isEmpty ? 0 : (report.counts.filter { $0.key != "skip" }.values.reduce(0, +))
        lines.append("Readiness: \(percent(report.readiness)) of \(count(applicable, "applicable check")) (\(countsLine(report)))")
        for section in report.sections where section.level <= 3 && section.applicable > 0 {
            let indent = String(repeating: "  ", count: max(0, section.level - 1))
            lines.append("  \(indent)\(percent(section.readiness).padding(toLength: 5, withPad: " ", startingAt: 0)) \(section.title)")
        }
        let failing = report.items.filter { $0.state == .fail || $0.state == .warn }
        if !failing.isEmpty {
            lines.append("")
            lines.append("Failing and warning:")
            for item in failing {
                let summary = item.decidedBy?.summary.map { " — \($0)" } ?? ""
                lines.append("  \(item.state.rawValue.uppercased().padding(toLength: 5, withPad: " ", startingAt: 0)) \(item.id)\(summary)")
            }
        }
        if let post = report.postDeployment { lines += postDeploymentText(post) }
        if !report.signoffs.isEmpty {
            lines.append("")
            lines.append("Sign-offs:")
            for status in report.signoffs { lines.append("  \(status.role): \(signoffText(status))") }
        }
        if !report.problems.isEmpty {
            lines.append("")
            lines.append("Problems:")
            for problem in report.problems { lines.append("  \(problem)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    package static func signoffText(_ status: SignoffStatus) -> String {
        guard let decision = status.decision else {
            return status.records.isEmpty ? "not signed" : "no verified decision (\(count(status.records.count, "unverified decision")))"
        }
        let verb = decision == .approve ? "approved" : "rejected"
        let comment = status.comment.map { " — \($0)" } ?? ""
        let signature = status.signature.map { " [\($0.words)]" } ?? ""
        return "\(verb) by \(status.name ?? "?") on \(status.at?.display ?? "?")\(comment)\(bindingText(status))\(signature)"
    }

    /// " [approved an earlier state; changed since: …]", " [unbound: …]" or nothing for a current decision.
    package static func bindingText(_ status: SignoffStatus) -> String {
        switch status.binding {
        case .stale?:
            let verb = status.decision == .reject ? "rejected" : "approved"
            let changes = status.changes.isEmpty ? "" : "; changed since: " + status.changes.map(\.words).joined(separator: "; ")
            return " [\(verb) an earlier state\(changes)]"
        case .unbound?:
            return " [unbound: recorded without an evidence digest]"
        case .current?, nil:
            return ""
        }
    }

    /// Markdown for CI job summaries (GitHub's `$GITHUB_STEP_SUMMARY`, GitLab notes…).
    package static func markdown(_ report: RunReport) -> String {
        let icon = ["go": "✅", "no-go": "⛔", "pending": "⏳"][report.verdict.rawValue] ?? ""
        var lines: [String] = []
        lines.append("## \(icon) \(report.verdict.rawValue.uppercased()): \(escape(report.checklist.title)) · \(escape(report.run.environment))")
        lines.append("")
        var facts = ["Run \(codeSpan(report.run.id))", "started \(report.run.startedAt.display)"]
        if let commit = report.run.commit { facts.append("commit \(codeSpan(String(commit.prefix(12))))") }
        if let branch = report.run.branch { facts.append("branch \(codeSpan(branch))") }
        lines.append(facts.joined(separator: " · "))
        lines.append("")
        lines.append("Evidence digest: `\(EvidenceDigest.shortForm(report.evidenceDigest))` (`\(report.evidenceDigest)`)")
        lines.append("")
        lines.append("**Readiness: \(percent(report.readiness))** (\(countsLine(report)))")
        lines.append("")
        lines.append("| | Reason |")
        lines.append("|---|---|")
        for reason in report.reasons {
            lines.append("| \(reason.item.isEmpty ? "" : "`\(reason.item)`") | \(escape(reason.why)) |")
        }
        let failing = report.items.filter { $0.state == .fail || $0.state == .warn }
        if !failing.isEmpty {
            lines.append("")
            lines.append("<details><summary>\(count(failing.count, "failing or warning item"))</summary>")
            lines.append("")
            lines.append("| State | Item | Summary |")
            lines.append("|---|---|---|")
            for item in failing {
                lines.append("| \(item.state.rawValue) | `\(item.id)` | \(escape(item.decidedBy?.summary ?? "")) |")
            }
            lines.append("")
            lines.append("</details>")
        }
        if let post = report.postDeployment { lines += postDeploymentMarkdown(post) }
        if !report.signoffs.isEmpty {
            lines.append("")
            lines.append("| Role | Sign-off |")
            lines.append("|---|---|")
            for status in report.signoffs { lines.append("| \(escape(status.role)) | \(escape(signoffText(status))) |") }
        }
        if !report.problems.isEmpty {
            lines.append("")
            lines.append("**Problems in the run's input:**")
            lines.append("")
            for problem in report.problems { lines.append("- " + codeSpan(problem.description)) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A Markdown code span that holds `text` whatever it contains: the fence is one backtick longer
    /// than the longest run inside, padded when the text starts or ends with one (CommonMark 6.1),
    /// so a backtick in a branch name cannot end the span and let the rest render as markup.
    package static func codeSpan(_ text: String) -> String {
        let line = text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "\r", with: " ")
        var longest = 0
        var run = 0
        for character in line {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let pad = line.hasPrefix("`") || line.hasSuffix("`") ? " " : ""
        return fence + pad + line + pad + fence
    }

    /// Markdown table cells: no pipes, no raw HTML, one line.
    package static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "|", with: "\\|")
            .replacingOccurrences(of: "\n", with: " ")
    }
}
