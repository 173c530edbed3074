import Foundation
import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport
import PreflightHistory

/// Helpers for SVG written as text: every piece of text goes through `escape`.
enum SVG {
    /// Escapes text for XML content and attribute values alike.
    static func escape(_ text: String) -> String {
        let plain = !text.utf8.contains { byte in
            byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27 || (byte < 0x20 && byte != 0x09 && byte != 0x0A)
        }
        if plain { return text }
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Control characters other than tab and newline are not allowed in XML 1.0.
                if let ascii = character.asciiValue, ascii < 0x20, ascii != 0x09, ascii != 0x0A { continue }
                out.append(character)
            }
        }
        return out
    }

    /// A coordinate with at most one decimal, the same on every machine.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let rounded = (value * 10).rounded() / 10
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(format: "%.1f", rounded)
    }

    /// Readiness as a whole percent for labels: `62%`.
    static func percent(_ fraction: Double) -> String {
        ReportFormatter.percent(fraction)
    }

    /// The marker shape of a verdict, so that a verdict never rests on colour alone.
    static func marker(_ verdict: Verdict, x: Double, y: Double, size: Double) -> String {
        let (x, y, s) = (number(x), number(y), size)
        switch verdict {
        case .go:
            return "<circle class=\"mark-go\" cx=\"\(x)\" cy=\"\(y)\" r=\(quoted(s))/>"
        case .noGo:
            return "<path class=\"mark-no-go\" transform=\"translate(\(x) \(y))\" d=\"M-\(number(s)) -\(number(s))L\(number(s)) \(number(s))M-\(number(s)) \(number(s))L\(number(s)) -\(number(s))\"/>"
        case .pending:
            return "<path class=\"mark-pending\" transform=\"translate(\(x) \(y))\" d=\"M0 -\(number(s))L\(number(s)) \(number(s))L-\(number(s)) \(number(s))Z\"/>"
        }
    }

    private static func quoted(_ value: Double) -> String { "\"\(number(value))\"" }
}
