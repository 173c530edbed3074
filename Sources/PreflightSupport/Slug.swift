/// Turns headings and labels into the readable path components of ids and anchors.
package enum Slug {
    /// Lowercases, drops punctuation (keeping letters, digits and hyphens), joins words with
    /// single hyphens. `Go/No-Go Decision` becomes `gono-go-decision`; an empty result is `fallback`.
    package static func make(_ text: String, fallback: String = "item") -> String {
        var words: [String] = []
        var word = ""
        for character in text.lowercased() {
            if character.isWhitespace {
                if !word.isEmpty { words.append(word); word = "" }
            } else if character.isLetter || character.isNumber {
                word.append(character)
            } else if character == "-" {
                word.append("-")
            }
        }
        if !word.isEmpty { words.append(word) }
        var slug = ""
        for character in words.joined(separator: "-") where !(character == "-" && slug.last == "-") {
            slug.append(character)
        }
        while slug.hasPrefix("-") { slug.removeFirst() }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? fallback : slug
    }

    /// The slug of one id component from a heading or label: URLs are left out (a bare
    /// `https://…` would run into the words), and at most the first `words` words count, so a long
    /// question heading still gives a short id.
    package static func component(_ text: String, words: Int = 8, fallback: String) -> String {
        let kept = text.split(whereSeparator: \.isWhitespace).filter { word in
            let lower = word.lowercased()
            return !(lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("www."))
        }
        return make(kept.prefix(words).joined(separator: " "), fallback: fallback)
    }

    /// The anchor GitHub gives a heading (github-slugger's rule), so a checklist's own table of
    /// contents links still land: lowercase; keep letters, marks, digits, connector punctuation
    /// (`_`), hyphens and spaces, drop the rest (emoji, punctuation); each space becomes a hyphen.
    /// Hyphens are not collapsed or trimmed: `📋 Table of Contents` is `-table-of-contents`.
    package static func githubAnchor(_ text: String) -> String {
        var anchor = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                .nonspacingMark, .spacingMark, .enclosingMark,
                .decimalNumber, .letterNumber, .otherNumber, .connectorPunctuation:
                anchor.append(scalar)
            default:
                if scalar == " " || scalar == "-" { anchor.append("-") }
            }
        }
        return String(anchor)
    }

    /// GitHub's numbering of repeated heading anchors: the first keeps the bare slug, later ones
    /// get `-1`, `-2`… (stepping over a suffixed slug a heading already has).
    package struct AnchorDeduplicator {
        private var occurrences: [String: Int] = [:]

        package init() {}

        package mutating func claim(_ slug: String) -> String {
            var result = slug
            while occurrences[result] != nil {
                let count = occurrences[slug, default: 0] + 1
                occurrences[slug] = count
                result = "\(slug)-\(count)"
            }
            occurrences[result] = 0
            return result
        }
    }

    /// Gives repeated slugs `-2`, `-3`… in the order they are claimed.
    package struct Deduplicator {
        private var used: [String: Int] = [:]

        package init() {}

        package mutating func claim(_ slug: String) -> (slug: String, repeated: Bool) {
            guard let count = used[slug] else {
                used[slug] = 1
                return (slug, false)
            }
            var next = count + 1
            while used["\(slug)-\(next)"] != nil { next += 1 }
            used[slug] = next
            used["\(slug)-\(next)"] = 1
            return ("\(slug)-\(next)", true)
        }

        package mutating func reserve(_ slug: String) { used[slug] = used[slug] ?? 1 }
    }
}
