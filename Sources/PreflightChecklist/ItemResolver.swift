import Foundation
import PreflightSupport

/// Finds the item a reference names: its full id, or a trailing part of it (whole path
/// components) that matches one item only.
package struct ItemResolver: Sendable {
    package enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case unknown(reference: String, nearest: [String])
        case ambiguous(reference: String, candidates: [String])

        package var description: String {
            switch self {
            case .unknown(let reference, let nearest):
                let hint = nearest.isEmpty ? "" : "; nearest ids: " + nearest.joined(separator: ", ")
                return "unknown item '\(reference)'\(hint)"
            case .ambiguous(let reference, let candidates):
                return "item reference '\(reference)' is ambiguous; it matches: " + candidates.joined(separator: ", ")
            }
        }
    }

    private let ids: [String]
    private let exact: Set<String>
    /// Ids by their last path component, and by their last two (`parent/child`): a reference is
    /// looked up by its own last one or two, then checked against those few ids. Keys are slices
    /// of the ids, so the index grows with the number of ids, not with their length; an index of
    /// every trailing part grew with the cube of the nesting depth (1,000 levels: 2.7 GB).
    private let byLast: [Substring: [Int]]
    private let byLastTwo: [Substring: [Int]]

    package init(_ checklist: Checklist) {
        self.init(ids: checklist.items.map(\.id))
    }

    package init(ids: [String]) {
        self.ids = ids
        self.exact = Set(ids)
        var byLast: [Substring: [Int]] = [:]
        var byLastTwo: [Substring: [Int]] = [:]
        for (index, id) in ids.enumerated() {
            byLast[Self.trailing(id[...], components: 1), default: []].append(index)
            byLastTwo[Self.trailing(id[...], components: 2), default: []].append(index)
        }
        self.byLast = byLast
        self.byLastTwo = byLastTwo
    }

    /// The last `components` path components of `text` (all of it when it has fewer).
    /// Scanned as UTF-8 (`/` is one byte and never part of another character's bytes): stepping
    /// back a Character at a time cost more than the rest of a fleet's incremental build.
    private static func trailing(_ text: Substring, components: Int) -> Substring {
        let utf8 = text.utf8
        var start = utf8.endIndex
        var seen = 0
        while start > utf8.startIndex {
            let before = utf8.index(before: start)
            if utf8[before] == UInt8(ascii: "/") {
                seen += 1
                if seen == components { break }
            }
            start = before
        }
        return text[start...]
    }

    /// The full id of the item `reference` names.
    package func resolve(_ reference: String) -> Result<String, Failure> {
        // Characters are costly at the end of a long string; a visible ASCII byte at each end settles it.
        let visible: (UInt8) -> Bool = { $0 > 0x20 && $0 < 0x7F }
        let plainEnds = reference.utf8.first.map(visible) == true && reference.utf8.last.map(visible) == true
        let padded = !plainEnds && (reference.first?.isWhitespace == true || reference.last?.isWhitespace == true)
        let trimmed = padded ? reference.trimmingCharacters(in: .whitespaces) : reference
        if exact.contains(trimmed) { return .success(trimmed) }
        let twoOrMore = trimmed.contains("/")
        let candidates = (twoOrMore ? byLastTwo[Self.trailing(trimmed[...], components: 2)] : byLast[trimmed[...]]) ?? []
        let tail = "/" + trimmed
        let matches = candidates.filter { ids[$0].hasSuffix(tail) }.map { ids[$0] }
        if matches.count == 1 { return .success(matches[0]) }
        if matches.count > 1 { return .failure(.ambiguous(reference: reference, candidates: matches)) }
        return .failure(.unknown(reference: reference, nearest: nearest(trimmed)))
    }

    /// Up to five ids closest to the reference by edit distance of their closest trailing part.
    /// Only trailing parts of up to one component more than the reference count, and only those
    /// whose length is within reach, so a deep id costs no more than a shallow one.
    func nearest(_ reference: String) -> [String] {
        let target = Array(reference.lowercased())
        let limit = max(3, target.count / 2)
        let components = reference.split(separator: "/").count + 1
        let ranked = ids.map { id -> (Int, String) in
            let parts = id.split(separator: "/")
            var best = Int.max
            for start in parts.indices.suffix(components) {
                let suffix = Array(parts[start...].joined(separator: "/"))
                guard abs(suffix.count - target.count) <= limit else { continue }
                best = min(best, EditDistance.between(suffix, target))
            }
            return (best, id)
        }
        return ranked.filter { $0.0 <= limit }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.prefix(5).map(\.1)
    }
}

enum EditDistance {
    static func between(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
