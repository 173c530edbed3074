import Foundation
import PreflightSupport

/// A part of the checklist that falls due a fixed time after the deployment: a heading that
/// names a window ("First 24 Hours", `{due=PT4H}`) and the leaf items under it.
public struct Phase: Sendable, Codable, Equatable {
    /// Index of the heading's section in `Checklist.sections`.
    public var section: Int
    /// The heading as plain text (without `{due=…}` or `{#id}`).
    public var title: String
    /// How long after the deployment its items fall due.
    package var window: ISODuration
    /// Positions in `Checklist.items` of the leaf items under the heading (a nested phase's excepted).
    public var items: [Int]

    package init(section: Int, title: String, window: ISODuration, items: [Int]) {
        self.section = section
        self.title = title
        self.window = window
        self.items = items
    }
}

/// How a heading names a due window: `{due=DURATION}` on the heading, one of the configured
/// words (`[checklist] phase_headings`), or "first N minutes|hours|days|weeks".
package enum PhaseRule {
    /// Splits a `words=DURATION` entry; nil when it is not one (the config loader reports it).
    package static func entry(_ text: String) -> (words: String, window: ISODuration)? {
        guard let equals = text.lastIndex(of: "=") else { return nil }
        let words = text[..<equals].trimmingCharacters(in: .whitespaces)
        guard !words.isEmpty, let window = ISODuration(text[text.index(after: equals)...].trimmingCharacters(in: .whitespaces)),
              window.seconds > 0 else { return nil }
        return (words, window)
    }

    /// The window a heading's words name, or nil. Configured words match as whole words anywhere
    /// in the heading ("Immediate (First Hour)"), any case; then "first N units".
    package static func window(ofHeading heading: String, entries: [String]) -> ISODuration? {
        let text = heading.lowercased()
        for entry in entries {
            guard let (words, window) = self.entry(entry) else { continue }
            if containsWords(text, words.lowercased()) { return window }
        }
        return firstN(text)
    }

    private static func containsWords(_ text: String, _ words: String) -> Bool {
        var searchFrom = text.startIndex
        while let range = text.range(of: words, range: searchFrom..<text.endIndex) {
            let before = range.lowerBound == text.startIndex || !text[text.index(before: range.lowerBound)].isLetter
            let after = range.upperBound == text.endIndex || !text[range.upperBound].isLetter
            if before && after { return true }
            searchFrom = text.index(after: range.lowerBound)
        }
        return false
    }

    /// "first 4 hours", "first 90 minutes", "first 2 weeks", "first 1 day".
    private static func firstN(_ text: String) -> ISODuration? {
        let words = text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        for index in words.indices.dropLast(2) where words[index] == "first" {
            guard let count = Int(words[index + 1]), count > 0, count <= 100_000 else { continue }
            let unit = words[index + 2]
            let code: String
            switch unit {
            case "minute", "minutes": code = "PT\(count)M"
            case "hour", "hours": code = "PT\(count)H"
            case "day", "days": code = "P\(count)D"
            case "week", "weeks": code = "P\(count)W"
            default: continue
            }
            return ISODuration(code)
        }
        return nil
    }

    /// Splits a trailing `{due=DURATION}` off a heading: the text without it, and the value as written.
    static func splitDue(_ text: String) -> (text: String, due: String?) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasSuffix("}"), let open = trimmed.range(of: "{due=", options: [.backwards, .caseInsensitive]) else {
            return (text, nil)
        }
        let value = trimmed[open.upperBound..<trimmed.index(before: trimmed.endIndex)]
        guard !value.contains(where: { $0 == "{" || $0 == "}" }) else { return (text, nil) }
        return (String(trimmed[..<open.lowerBound]).trimmingCharacters(in: .whitespaces), value.trimmingCharacters(in: .whitespaces))
    }
}
