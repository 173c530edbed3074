import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport
import PreflightHistory

/// The readiness of a stream over all its runs as an inline SVG line chart with verdict markers.
///
/// Long streams are thinned to every k-th run plus the latest, so the chart stays a few
/// kilobytes however many runs there are. Runs are spaced evenly (by order, not by time).
enum ReadinessChart {
    static let width = 720.0
    static let height = 270.0
    static let left = 48.0
    static let right = 700.0
    static let top = 16.0
    static let bottom = 206.0

    static func svg(_ points: [HistoryPoint], limit: Int, subject: String) -> String {
        let indexes = StreamHistory.sample(count: points.count, limit: limit)
        let title: String
        if let first = points.first, let last = points.last {
            title = "Readiness of \(subject) over \(points.count) run\(points.count == 1 ? "" : "s"): "
                + "\(SVG.percent(first.readiness)) in the first run (\(first.run)), \(SVG.percent(last.readiness)) "
                + "in the latest (\(last.run), \(last.verdict.rawValue.uppercased()))"
        } else {
            title = "Readiness of \(subject): no runs yet"
        }
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart readiness-chart\" viewBox=\"0 0 \(SVG.number(width)) \(SVG.number(height))\" role=\"img\" aria-label=\"\(SVG.escape(title))\">"
        out += "<title>\(SVG.escape(title))</title>"
        if indexes.count < points.count {
            out += "<desc>\(SVG.escape("Every \(points.count / max(1, indexes.count - 1))th run or so is drawn, and the latest; the run table lists them all."))</desc>"
        }
        for percent in stride(from: 0, through: 100, by: 25) {
            let y = self.y(Double(percent) / 100)
            out += "<line class=\"chart-grid\" x1=\"\(SVG.number(left))\" y1=\"\(SVG.number(y))\" x2=\"\(SVG.number(right))\" y2=\"\(SVG.number(y))\" stroke=\"#8a93a3\" stroke-width=\"0.5\"/>"
            out += "<text class=\"chart-label\" x=\"\(SVG.number(left - 6))\" y=\"\(SVG.number(y + 4))\" text-anchor=\"end\" font-size=\"11\">\(percent)%</text>"
        }
        let positions = indexes.enumerated().map { slot, index in
            (x: x(slot, of: indexes.count), y: y(points[index].readiness), point: points[index])
        }
        if positions.count > 1 {
            let line = positions.map { "\(SVG.number($0.x)),\(SVG.number($0.y))" }.joined(separator: " ")
            out += "<polyline class=\"chart-line\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\" points=\"\(line)\"/>"
        }
        for position in positions {
            let point = position.point
            let label = "\(point.run) · \(point.startedAt.day) · \(point.verdict.rawValue.uppercased()) \(SVG.percent(point.readiness))"
            out += "<g><title>\(SVG.escape(label))</title>" + SVG.marker(point.verdict, x: position.x, y: position.y, size: 4) + "</g>"
        }
        if let first = points.first, let last = points.last {
            out += "<text class=\"chart-label\" x=\"\(SVG.number(left))\" y=\"\(SVG.number(bottom + 18))\" font-size=\"11\">\(SVG.escape(first.startedAt.day))</text>"
            if points.count > 1 {
                out += "<text class=\"chart-label\" x=\"\(SVG.number(right))\" y=\"\(SVG.number(bottom + 18))\" text-anchor=\"end\" font-size=\"11\">\(SVG.escape(last.startedAt.day))</text>"
            }
        }
        out += legend(y: height - 14)
        return out + "</svg>"
    }

    /// Marker shapes with their words, drawn in the chart so that a printout explains itself.
    static func legend(y: Double) -> String {
        var out = "<g class=\"chart-legend\" font-size=\"11\">"
        var x = left
        for verdict in Verdict.allCases {
            out += SVG.marker(verdict, x: x + 4, y: y - 4, size: 4)
            let word = verdict.rawValue.uppercased()
            out += "<text class=\"chart-label\" x=\"\(SVG.number(x + 12))\" y=\"\(SVG.number(y))\">\(word)</text>"
            x += 28 + Double(word.count) * 8
        }
        return out + "</g>"
    }

    static func x(_ slot: Int, of count: Int) -> Double {
        guard count > 1 else { return (left + right) / 2 }
        return left + (right - left) * Double(slot) / Double(count - 1)
    }

    static func y(_ readiness: Double) -> Double {
        bottom - (bottom - top) * min(1, max(0, readiness))
    }
}
