import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport
import PreflightHistory

/// A small inline SVG line of readiness values (0…1), for dashboard cards and section rows.
enum Sparkline {
    /// `values` oldest first; nil values (nothing applicable) leave a gap in the points drawn.
    static func svg(_ values: [Double?], label: String, width: Double = 140, height: Double = 32) -> String {
        let pad = 3.0
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart sparkline\" width=\"\(SVG.number(width))\" height=\"\(SVG.number(height))\" viewBox=\"0 0 \(SVG.number(width)) \(SVG.number(height))\" role=\"img\" aria-label=\"\(SVG.escape(label))\">"
        out += "<title>\(SVG.escape(label))</title>"
        out += "<line class=\"chart-grid\" x1=\"0\" y1=\"\(SVG.number(pad))\" x2=\"\(SVG.number(width))\" y2=\"\(SVG.number(pad))\" stroke=\"#8a93a3\" stroke-width=\"0.5\" stroke-dasharray=\"2 2\"/>"
        let coordinates: [(Double, Double)] = values.enumerated().compactMap { index, value in
            guard let value else { return nil }
            let x = values.count > 1 ? pad + (width - 2 * pad) * Double(index) / Double(values.count - 1) : width / 2
            return (x, height - pad - (height - 2 * pad) * min(1, max(0, value)))
        }
        if coordinates.count > 1 {
            let line = coordinates.map { "\(SVG.number($0.0)),\(SVG.number($0.1))" }.joined(separator: " ")
            out += "<polyline class=\"chart-line\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\" points=\"\(line)\"/>"
        }
        if let last = coordinates.last {
            out += "<circle class=\"chart-dot\" cx=\"\(SVG.number(last.0))\" cy=\"\(SVG.number(last.1))\" r=\"2.5\" fill=\"currentColor\"/>"
        }
        return out + "</svg>"
    }
}
