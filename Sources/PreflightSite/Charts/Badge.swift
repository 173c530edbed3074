import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport
import PreflightHistory

/// A shields-style badge, `readiness | GO 100%`, as a self-contained SVG a README can embed.
enum Badge {
    /// The right-hand text: `GO 100%`, `NO-GO 62%`, `PENDING 80%`.
    static func text(_ verdict: Verdict, readiness: Double) -> String {
        "\(verdict.rawValue.uppercased()) \(SVG.percent(readiness))"
    }

    /// White text on these passes WCAG AA (4.5:1) for normal text.
    static func colour(_ verdict: Verdict?) -> String {
        switch verdict {
        case .go?: return "#1a7f37"
        case .noGo?: return "#b42318"
        case .pending?: return "#8a5a00"
        case nil: return "#4a5160"
        }
    }

    static func svg(_ verdict: Verdict?, readiness: Double?, label: String = "readiness") -> String {
        let value = verdict.map { text($0, readiness: readiness ?? 0) } ?? "NO RUNS"
        // Verdana 11px averages about 7px a character; shields pads each side by 6px.
        let leftWidth = Double(label.count) * 7 + 12
        let rightWidth = Double(value.count) * 7.5 + 12
        let width = leftWidth + rightWidth
        let title = "\(label): \(value)"
        let colour = colour(verdict)
        return """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(SVG.number(width))" height="20" viewBox="0 0 \(SVG.number(width)) 20" role="img" aria-label="\(SVG.escape(title))">\
        <title>\(SVG.escape(title))</title>\
        <rect width="\(SVG.number(leftWidth))" height="20" rx="3" fill="#4a5160"/>\
        <rect x="\(SVG.number(leftWidth))" width="\(SVG.number(rightWidth))" height="20" rx="3" fill="\(colour)"/>\
        <rect x="\(SVG.number(leftWidth))" width="4" height="20" fill="\(colour)"/>\
        <g fill="#ffffff" text-anchor="middle" font-family="Verdana,DejaVu Sans,Geneva,sans-serif" font-size="11">\
        <text x="\(SVG.number(leftWidth / 2))" y="14">\(SVG.escape(label))</text>\
        <text x="\(SVG.number(leftWidth + rightWidth / 2))" y="14" font-weight="bold">\(SVG.escape(value))</text>\
        </g></svg>

        """
    }
}
