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
    /// Every trailing part of every id → the ids that end with it.
    private let bySuffix: [String: [String]]

    package init(_ checklist: Checklist) {
        self.init(ids: checklist.items.map(\.id))
    }

    package init(ids: [String]) {
        self.ids = ids
        self.exact = Set(ids)
        var bySuffix: [String: [String]] = [:]
        for id in ids {
            let parts = id.split(separator: "/", omittingEmptySubsequences: false)
            for start in parts.indices {
                bySuffix[parts[start...].joined(separator: "/"), default: []].append(id)
            }
        }
        self.bySuffix = bySuffix
    }

    /// The full id of the item `reference` names.
    package func resolve(_ reference: String) -> Result<String, Failure> {
        // Characters are costly at the end of a long string; a visible ASCII byte at each end settles it.
        let visible: (UInt8) -> Bool = { $0 > 0x20 && $0 < 0x7F }
        let plainEnds = reference.utf8.first.map(visible) == true && reference.utf8.last.map(visible) == true
        let padded = !plainEnds && (reference.first?.isWhitespace == true || reference.last?.isWhitespace == true)
        let trimmed = padded ? reference.trimmingCharacters(in: .whitespaces) : reference
        if exact.contains(trimmed) { return .success(trimmed) }
        let matches = bySuffix[trimmed] ?? []
        if matches.count == 1 { return .success(matches[0]) }
        if matches.count > 1 { return .failure(.ambiguous(reference: reference, candidates: matches)) }
        return .failure(.unknown(reference: reference, nearest: nearest(trimmed)))
    }

    /// Up to five ids closest to the reference by edit distance of their closest trailing part.
    func nearest(_ reference: String) -> [String] {
        let target = Array(reference.lowercased())
        let ranked = ids.map { id -> (Int, String) in
            let parts = id.split(separator: "/")
            var best = Int.max
            for start in parts.indices {
                let suffix = parts[start...].joined(separator: "/")
                best = min(best, EditDistance.between(Array(suffix), target))
            }
            return (best, id)
        }
        let limit = max(3, target.count / 2)
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
