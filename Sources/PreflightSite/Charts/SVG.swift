import Foundation
import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport
import PreflightHistory

/// Helpers for SVG written as text: every piece of text goes through `escape`.
enum SVG {
    /// Escapes text for XML content and attribute values alike.
    ///
    /// Characters XML 1.0 forbids (C0 controls other than tab, newline and carriage return;
    /// U+FFFE and U+FFFF) would make the whole file unreadable, so each becomes U+FFFD: still
    /// visible as "something was here", never dropped without a trace.
    static func escape(_ text: String) -> String {
        // 0xEF leads every UTF-8 sequence from U+F000 up, U+FFFE and U+FFFF among them.
        let plain = !text.utf8.contains { byte in
            byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27 || byte == 0xEF
                || (byte < 0x20 && byte != 0x09 && byte != 0x0A)
        }
        if plain { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x26: out.append(contentsOf: "&amp;".unicodeScalars)
            case 0x3C: out.append(contentsOf: "&lt;".unicodeScalars)
            case 0x3E: out.append(contentsOf: "&gt;".unicodeScalars)
            case 0x22: out.append(contentsOf: "&quot;".unicodeScalars)
            case 0x27: out.append(contentsOf: "&#39;".unicodeScalars)
            // A raw carriage return would be read back as a newline (or a space in an attribute).
            case 0x0D: out.append(contentsOf: "&#13;".unicodeScalars)
            case 0x09, 0x0A: out.append(scalar)
            case 0..<0x20, 0xFFFE, 0xFFFF: out.append("\u{FFFD}")
            default: out.append(scalar)
            }
        }
        return String(out)
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
