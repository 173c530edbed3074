import Foundation
import Testing
@testable import PreflightSite

/// Quotes and callouts from checklists are styled, and their text stays readable (WCAG 4.5:1)
/// in the light and the dark scheme.
@Suite struct CalloutStyleTests {
    static let kinds = ["note", "tip", "important", "warning", "caution"]

    static func stylesheet() throws -> String {
        try String(contentsOfFile: SiteFixture.publicDir + "/preflight.css", encoding: .utf8)
    }

    /// The `--name: #rrggbb` variables of the light `:root` and of the dark one.
    static func schemes(_ css: String) throws -> [String: [String: String]] {
        let dark = try #require(css.range(of: "@media (prefers-color-scheme: dark)"))
        let light = String(css[..<dark.lowerBound])
        let darkBlock = String(try #require(css[dark.upperBound...].components(separatedBy: "}").first))
        return ["light": variables(light), "dark": variables(darkBlock)]
    }

    static func variables(_ block: String) -> [String: String] {
        var found: [String: String] = [:]
        let pattern = try! NSRegularExpression(pattern: "--([a-z-]+): (#[0-9a-f]{6});")
        for match in pattern.matches(in: block, range: NSRange(block.startIndex..., in: block)) {
            found[String(block[Range(match.range(at: 1), in: block)!])] = String(block[Range(match.range(at: 2), in: block)!])
        }
        return found
    }

    static func contrast(_ a: String, _ b: String) -> Double {
        func linear(_ channel: Int) -> Double {
            let value = Double(channel) / 255
            return value <= 0.03928 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
        }
        func luminance(_ hex: String) -> Double {
            let value = Int(hex.dropFirst(), radix: 16) ?? 0
            let red = linear((value >> 16) & 0xFF), green = linear((value >> 8) & 0xFF), blue = linear(value & 0xFF)
            return 0.2126 * red + 0.7152 * green + 0.0722 * blue
        }
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    @Test func everyCalloutKindHasABorderATintAndReadableText() throws {
        let css = try Self.stylesheet()
        #expect(css.contains(".callout { margin: 0.5rem 0; padding: 0.1rem 0.9rem; border-left: 4px solid var(--callout); background: var(--callout-bg);"))
        #expect(css.contains(".callout .callout-title {"))
        for (scheme, colours) in try Self.schemes(css) {
            for kind in Self.kinds {
                #expect(css.contains(".callout-\(kind) { --callout: var(--\(kind)); --callout-bg: var(--\(kind)-bg); }"))
                let accent = try #require(colours[kind], "\(scheme) --\(kind)")
                let tint = try #require(colours[kind + "-bg"], "\(scheme) --\(kind)-bg")
                #expect(tint != colours["bg"], "\(scheme) \(kind): the tint differs from the page")
                for text in ["fg", "link", "muted"] {
                    let colour = try #require(colours[text])
                    #expect(Self.contrast(colour, tint) >= 4.5, "\(scheme) \(kind): --\(text) on the tint")
                }
                #expect(Self.contrast(accent, tint) >= 4.5, "\(scheme) \(kind): the title on the tint")
            }
        }
    }

    @Test func aQuoteHasABorderAndMutedReadableText() throws {
        let css = try Self.stylesheet()
        #expect(css.contains("blockquote { margin: 0.5rem 0; padding: 0 0.9rem; border-left: 4px solid var(--line); color: var(--muted); }"))
        for (scheme, colours) in try Self.schemes(css) {
            let muted = try #require(colours["muted"])
            for background in ["bg", "panel"] {
                #expect(Self.contrast(muted, try #require(colours[background])) >= 4.5, "\(scheme): quote text on --\(background)")
            }
        }
    }
}
