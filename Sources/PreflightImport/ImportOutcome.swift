import PreflightSupport
import PreflightRuns

/// What one importer made of a tool's file(s): the result to record and the files to keep.
package struct ImportOutcome: Sendable, Equatable {
    package var status: ResultStatus
    package var summary: String
    package var details: String?
    /// The probe name written into the record (`junit`, `sarif:Bandit`…).
    package var probe: String
    /// The files read, kept as attachments, in the order given.
    package var files: [ImportedFile]
    /// Things the user should know that do not change the result (counts that disagreed…).
    package var notes: [String] = []

    package init(status: ResultStatus, summary: String, details: String?, probe: String, files: [ImportedFile], notes: [String] = []) {
        self.status = status
        self.summary = summary
        self.details = details
        self.probe = probe
        self.files = files
        self.notes = notes
    }
}

/// Number formats shared by the importers' summaries.
package enum ImportFormat {
    /// `1204` → `1,204`.
    package static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return value < 0 ? "-" + out : out
    }

    /// Seconds as people read a test run's length: `0.8 s`, `42 s`, `3 m 12 s`, `1 h 5 m`.
    package static func duration(_ seconds: Double) -> String {
        if seconds < 1 { return String(format: "%.2f s", seconds) }
        if seconds < 10 { return String(format: "%.1f s", seconds) }
        let whole = Int(seconds.rounded())
        if whole < 60 { return "\(whole) s" }
        if whole < 3600 { return "\(whole / 60) m \(whole % 60) s" }
        return "\(whole / 3600) h \(whole % 3600 / 60) m"
    }

    /// A percentage to one decimal, rounded down, so a value under a threshold never prints as it.
    package static func percent(_ value: Double) -> String {
        String(format: "%.1f%%", (value * 10 + 1e-9).rounded(.down) / 10)
    }

    /// `80` for 80.0, `82.5` otherwise.
    package static func number(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// A one-line rendering of free text from a tool (messages span lines), at most `limit` characters.
    package static func oneLine(_ text: String, limit: Int = 300) -> String {
        let flat = text.split(whereSeparator: { $0.isNewline }).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
        return flat.count > limit ? String(flat.prefix(limit - 1)) + "…" : flat
    }

    /// Details lines, the first `limit` of them, with a line for the rest.
    package static func list(_ lines: [String], limit: Int = 50, noun: String) -> String? {
        guard !lines.isEmpty else { return nil }
        var shown = Array(lines.prefix(limit))
        if lines.count > limit { shown.append("… and \(count(lines.count - limit)) more \(noun)") }
        return shown.joined(separator: "\n")
    }
}
