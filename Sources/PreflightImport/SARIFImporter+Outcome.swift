import PreflightSupport
import PreflightRuns

extension SARIFImporter {
    /// Counts, the decision and the first 50 results.
    func outcome(_ findings: [Finding], tools: [String], files: [ImportedFile]) -> ImportOutcome {
        let counted = findings.filter { !$0.suppressed }
        let suppressed = findings.count - counted.count
        let byLevel = Level.allCases.reversed().compactMap { level -> String? in
            let n = counted.filter { $0.level == level }.count
            guard n > 0 else { return nil }
            let word = level == .none ? "without level" : n == 1 ? level.rawValue : level.rawValue + "s"
            return "\(ImportFormat.count(n)) \(word)"
        }
        let bySeverity = Severity.allCases.reversed().compactMap { band -> String? in
            let n = counted.filter { $0.severity == band }.count
            return n > 0 ? "\(ImportFormat.count(n)) \(band.rawValue)" : nil
        }
        let toolText = tools.isEmpty ? "SARIF" : tools.joined(separator: ", ")
        var summary = "\(toolText): \(ImportFormat.count(counted.count)) \(counted.count == 1 ? "result" : "results")"
        if !byLevel.isEmpty { summary += " (\(byLevel.joined(separator: ", ")))" }
        if !bySeverity.isEmpty { summary += "; severity: \(bySeverity.joined(separator: ", "))" }
        if suppressed > 0 { summary += "; \(ImportFormat.count(suppressed)) suppressed, not counted" }

        let failingLevel = failOn != .none && counted.contains { $0.level != .none && $0.level >= failOn }
        let failingSeverity = failOnSeverity.map { band in counted.contains { ($0.severity ?? .low) >= band && $0.severity != nil } } ?? false
        // Results that decide come first in the details, suppressed ones last.
        let ordered = counted.sorted { rank($0) > rank($1) } + findings.filter(\.suppressed)
        let lines = ordered.map { finding -> String in
            var line = "[\(finding.suppressed ? "suppressed" : finding.level.rawValue)"
            if let severity = finding.severity { line += ", \(severity.rawValue)" }
            line += "] \(finding.rule)"
            if !finding.message.isEmpty { line += ": \(finding.message)" }
            if !finding.location.isEmpty { line += " (\(finding.location))" }
            return line
        }
        return ImportOutcome(status: failingLevel || failingSeverity ? .fail : .pass, summary: summary,
                             details: ImportFormat.list(lines, noun: "results"),
                             probe: tools.count == 1 ? "sarif:\(tools[0])" : "sarif", files: files)
    }

    private func rank(_ finding: Finding) -> Int { finding.level.rank * 10 + (finding.severity?.rank ?? -1) }
}
