import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses XML text in tests; throws when it is not well-formed.
enum XML {
    static func document(_ text: String) throws -> XMLDocument {
        try XMLDocument(xmlString: text, options: [])
    }

    /// Every `<svg …>…</svg>` fragment of an HTML page, in order (charts are not nested).
    static func svgFragments(_ html: String) -> [String] {
        var fragments: [String] = []
        var rest = html[...]
        while let start = rest.range(of: "<svg"), let end = rest.range(of: "</svg>", range: start.upperBound..<rest.endIndex) {
            fragments.append(String(rest[start.lowerBound..<end.upperBound]))
            rest = rest[end.upperBound...]
        }
        return fragments
    }
}
