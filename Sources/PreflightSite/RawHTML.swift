import Mustache
import PreflightSupport
import PreflightChecklist
import PreflightRuns
import PreflightReport
import PreflightHistory

/// Markup Preflight already rendered (an item row, the checklist block, a page's body), kept as
/// UTF-8 bytes: it is spliced into the next template with `{{{…}}}` without a round trip
/// through String. Templates see it as text.
struct RawHTML: MustacheCustomRenderable, Sendable, Hashable {
    var bytes: [UInt8]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    var renderText: String { String(decoding: bytes, as: UTF8.self) }
    var isNull: Bool { false }
}

/// A value for a fragment's slot: a text, or markup already rendered.
enum FillValue {
    case text(String)
    case html(RawHTML)

    /// Appends the value, escaped when the template escaped it.
    func append(to output: inout [UInt8], escaped: Bool) {
        switch self {
        case .text(let text):
            if escaped {
                HTMLEscaping.append(text, to: &output)
            } else {
                var text = text
                text.withUTF8 { output.append(contentsOf: $0) }
            }
        case .html(let html):
            if escaped {
                HTMLEscaping.append(html.renderText, to: &output)
            } else {
                output.append(contentsOf: html.bytes)
            }
        }
    }
}
